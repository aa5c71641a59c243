/**
 * Coded errors. Code anywhere in the server throws `new AppError(code, message)`; the app's
 * error handler turns it into `{ error: { code, message, details? } }` with the status from the
 * one table, @habit-tracker/vocabulary's ERROR_STATUS — so a code always means the same status,
 * the OpenAPI document lists the codes, and docs/api.md the same table.
 */
import { ERROR_STATUS, type ErrorCode } from '@habit-tracker/vocabulary';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Every status in the table is one Hono can answer with a body.
ERROR_STATUS satisfies Record<ErrorCode, ContentfulStatusCode>;

export { ERROR_STATUS, type ErrorCode };

/**
 * One entry of `validation_failed` details. `message` is English for API clients; `code` (zod's
 * issue code, when zod found it) and its bounds let a client phrase it in its own language.
 */
export interface ValidationIssue {
  path: string;
  message: string;
  code?: string;
  minimum?: number;
  maximum?: number;
  /** What the bound counts: `string` (characters), `number`, `array` (items)… */
  origin?: string;
  /** Present (false) only when the bound itself is not allowed (`> 0` rather than `>= 0`). */
  inclusive?: false;
  format?: string;
  expected?: string;
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
