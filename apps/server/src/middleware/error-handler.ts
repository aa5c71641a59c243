/**
 * The one place errors become responses. Known errors (AppError, Hono's HTTPExceptions from its
 * built-in validators) map to their coded JSON; a database outage maps to 503 so clients retry;
 * anything else is a bug: logged in full with the request id, answered without internals.
 */
import {
  isConnectionFailure,
  isInvalidTextError,
  isReadOnlyTransactionError,
} from '@habit-tracker/db';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../context';
import { AppError, ERROR_STATUS, type ErrorCode, errorBody } from '../errors';

/** Statuses Hono's own middleware throws (media-type gate, JSON parsing), in our vocabulary. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, [ErrorCode, string]>> = {
  400: ['malformed_json', 'The request body is not valid JSON'],
  401: ['unauthenticated', 'Sign in first'],
  413: ['payload_too_large', 'The request body is too large'],
  415: ['unsupported_media_type', 'Send the body as application/json'],
};

export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

export function respondWithError(err: unknown, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const known = HTTP_EXCEPTION_CODES[err.status];
    if (known) return c.json(errorBody(known[0], known[1]), ERROR_STATUS[known[0]]);
  }
  const log = c.var.deps?.logger;
  // A write reached a read-only database (a replica, or a primary being demoted): nothing was
  // committed. Region routing replays such requests to the primary region when it can; when it
  // cannot, the database is not writable right now — a client should retry.
  if (isReadOnlyTransactionError(err)) {
    log?.warn({ id: c.var.requestId, err }, 'write refused by a read-only database');
    c.header('Retry-After', String(RETRY_AFTER_UNAVAILABLE_SECONDS));
    return c.json(errorBody('unavailable', 'The service is temporarily unavailable'), 503);
  }
  if (isConnectionFailure(err)) {
    log?.warn({ id: c.var.requestId, err }, 'database unavailable');
    c.header('Retry-After', String(RETRY_AFTER_UNAVAILABLE_SECONDS));
    return c.json(errorBody('unavailable', 'The service is temporarily unavailable'), 503);
  }
  // The schemas refuse what PostgreSQL cannot store; this catches what they miss.
  if (isInvalidTextError(err)) {
    log?.warn({ id: c.var.requestId, err }, 'text the database cannot store');
    return c.json(
      errorBody('validation_failed', 'The request contains text that cannot be stored'),
      422,
    );
  }
  log?.error({ id: c.var.requestId, err }, 'unhandled error');
  return c.json(errorBody('internal_error', 'Something went wrong'), 500);
}

export const onError: ErrorHandler<AppEnv> = (err, c) => respondWithError(err, c);

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404);
