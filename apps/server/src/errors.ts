/**
 * Coded errors. Code anywhere in the server throws `new AppError(code, message)`; the app's
 * error handler turns it into `{ error: { code, message, details? } }` with the status from the
 * one table, @habit-tracker/vocabulary's ERROR_STATUS — so a code always means the same status,
 * the OpenAPI document lists the codes, and docs/api.md the same table.
 */

import type { ValidationIssueSchema } from '@habit-tracker/contract';
import { type CheckIssueCode, ERROR_STATUS, type ErrorCode } from '@habit-tracker/vocabulary';
import type { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Every status in the table is one Hono can answer with a body.
ERROR_STATUS satisfies Record<ErrorCode, ContentfulStatusCode>;

export { ERROR_STATUS, type ErrorCode };

/** One entry of `validation_failed` details: the contract's ValidationIssue (docs/api.md, "Errors"). */
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

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

/** What an issue of the server's own checks may name besides its code (a bound, a rule). */
export type CheckFacts = Omit<ValidationIssue, 'path' | 'message' | 'code'>;

/**
 * A 422 `validation_failed` for a check made after the schema, on one field: a code (the
 * vocabulary's CHECK_ISSUE_CODES, or zod's `too_big` where it says the same) so clients can say
 * it in their reader's language, and the English `message` for everyone else.
 */
export const checkFailed = (
  path: string,
  code: CheckIssueCode | 'too_big',
  message: string,
  facts: CheckFacts = {},
  summary?: string,
) => validationFailed([{ path, message, code, ...facts }], summary);
