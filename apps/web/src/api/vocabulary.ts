/**
 * The API's error codes, zod-free, for the web bundle: the same list as apps/server's
 * ERROR_STATUS and docs/api.md. A stand-in until the shared vocabulary module (issue 14, server
 * side) lands on main; then this file re-exports from it.
 */
export const ERROR_CODES = [
  'malformed_json',
  'unauthenticated',
  'invalid_credentials',
  'csrf_rejected',
  'not_found',
  'email_taken',
  'idempotency_key_reused',
  'wrong_region',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'date_in_future',
  'upload_invalid',
  'import_invalid',
  'rate_limited',
  'internal_error',
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}
