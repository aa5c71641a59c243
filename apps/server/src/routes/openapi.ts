/**
 * Small builders for route contracts, so every route documents its error responses the same
 * way and every router validates with the same hook.
 */

import { ErrorSchema } from '@habit-tracker/contract';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { AppEnv } from '../context';
import { validationHook } from '../middleware/validation';

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const ERROR_DESCRIPTIONS = {
  400: 'Malformed JSON (`malformed_json`)',
  401: 'No valid session (`unauthenticated`), or wrong credentials (`invalid_credentials`)',
  403: 'Cross-site request (`csrf_rejected`)',
  404: 'Not found, or owned by another user (`not_found`)',
  409: 'Conflict (`email_taken`, `idempotency_key_reused`, `import_in_progress`)',
  413: 'Too large (`payload_too_large`), or over the storage quota (`quota_exceeded`)',
  415: 'Body is not JSON (`unsupported_media_type`)',
  422: 'Schema violation (`validation_failed`, details `[{ path, message }]`), `date_in_future`, `upload_invalid` or `import_invalid`',
  429: 'Too many attempts, or another read of yours in progress (`rate_limited`); see Retry-After',
  503: 'Database unreachable, or too busy to read a file now (`unavailable`); see Retry-After',
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const errorResponse = (status: ErrorStatus) => ({
  description: ERROR_DESCRIPTIONS[status],
  content: { 'application/json': { schema: ErrorSchema } },
});

/** Error responses every route can produce, plus `extra` ones specific to it. */
export function errorResponses<const S extends ErrorStatus>(...extra: S[]) {
  const statuses = [...new Set<ErrorStatus>([503, ...extra])].sort((a, b) => a - b);
  return Object.fromEntries(statuses.map((s) => [s, errorResponse(s)])) as {
    [K in S | 503]: ReturnType<typeof errorResponse>;
  };
}

/** What a state-changing route with a JSON body can fail with before its handler runs. */
export const WRITE_ERRORS = [400, 403, 413, 415, 422] as const;
