/**
 * Coded errors. Code anywhere in the server throws `new AppError(code, message)`; the app's
 * error handler turns it into `{ error: { code, message, details? } }` with the status from the
 * one table below — so a code always means the same status, and docs/api.md lists the same table.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERROR_STATUS = {
  malformed_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_rejected: 403,
  not_found: 404,
  email_taken: 409,
  idempotency_key_reused: 409,
  /** Served in another region (with fly-replay); Fly's proxy never shows it to clients. */
  wrong_region: 409,
  /** An import file is being read by another preview right now (Retry-After). */
  import_in_progress: 409,
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
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ValidationIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After for 429 and 503. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

/** The longest message an error body carries: ours are short; this bounds any that quote input. */
const MAX_MESSAGE_CHARS = 1_000;

export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  const bounded =
    message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
  return {
    error: details === undefined ? { code, message: bounded } : { code, message: bounded, details },
  };
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);

export const validationFailed = (issues: ValidationIssue[], message = 'The request is invalid') =>
  new AppError('validation_failed', message, issues);
