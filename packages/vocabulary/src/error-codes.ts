/**
 * The API's error codes and the status each one always answers with: `{ error: { code,
 * message, details? } }` (docs/api.md, "Errors"). The server throws them, the contract publishes
 * them as the OpenAPI enum, and the web app maps each one to words.
 */
export const ERROR_STATUS = {
  malformed_json: 400,
  /** A password-reset token that is not (or no longer) one we issued: wrong, or superseded. */
  reset_token_invalid: 400,
  /**
   * A passkey response that did not verify: unknown, expired or used challenge, wrong origin,
   * bad signature, a counter that went backwards, a passkey no account has.
   */
  passkey_invalid: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_rejected: 403,
  /** A read-only API token sent with a request that changes something. */
  token_scope: 403,
  /** An API token sent to a route that takes a signed-in session only (account, tokens). */
  token_not_allowed: 403,
  /** Sign-up is closed on this server (SIGNUP_MODE invite without an invite, or oidc-only). */
  signup_closed: 403,
  /** An invite link that is not one we issued (wrong, revoked) or is for another email. */
  invite_invalid: 403,
  /** An invite link that was ours but has expired or been used up. */
  invite_expired: 403,
  /** A route for the server's administrators (ADMIN_EMAILS) only. */
  admin_only: 403,
  not_found: 404,
  email_taken: 409,
  idempotency_key_reused: 409,
  /** Unlinking the only way left to sign in (no password, no other linked issuer). */
  last_sign_in_method: 409,
  /** Served in another region (with fly-replay); Fly's proxy never shows it to clients. */
  wrong_region: 409,
  /** An import file is being read by another preview right now (Retry-After). */
  import_in_progress: 409,
  /** A passkey (credential id) that is registered already. */
  passkey_taken: 409,
  /** A password-reset token that was ours but has expired or has been used. */
  reset_token_expired: 410,
  payload_too_large: 413,
  /** The upload would take the user's stored files past their storage quota. */
  quota_exceeded: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  date_in_future: 422,
  /** A completed upload whose stored bytes are not what was declared (size, image type). */
  upload_invalid: 422,
  /** An import file that cannot be read; `details` lists `{ file, line?, message }`. */
  import_invalid: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
  /** The server has no way to send email (no SMTP_URL): features that need it are off. */
  email_unavailable: 503,
  /** Passkeys are off: a production server without PUBLIC_ORIGIN cannot name its RP ID. */
  passkeys_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** Every code, in the table's order. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The codes that answer with `status`. */
export function errorCodesOf(status: number): ErrorCode[] {
  return ERROR_CODES.filter((code) => ERROR_STATUS[code] === status);
}

/** Whether an answer's `code` is one of ours (a newer server may send one this build lacks). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}
