/**
 * Small builders for route contracts, so every route documents its error responses the same
 * way and every router validates with the same hook.
 */

import { ErrorSchema } from '@habit-tracker/contract';
import { errorCodesOf } from '@habit-tracker/vocabulary';
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

/** What each error status means; its codes come from the one table (vocabulary's ERROR_STATUS). */
const ERROR_MEANINGS = {
  400: 'Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify',
  401: 'No valid session or API token, or wrong credentials',
  403: 'Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator',
  404: 'Not found, or owned by another user',
  409: 'Conflict, a file being read by another request, or a passkey registered already',
  413: 'Too large, or over the storage quota',
  410: 'A password-reset token that has expired or been used',
  415: 'Body is not JSON',
  422: 'Invalid (`validation_failed` details: `[{ path, message }]`)',
  429: 'Too many attempts or API token requests, or another read of yours in progress; see Retry-After',
  503: 'Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN)',
} as const;

type ErrorStatus = keyof typeof ERROR_MEANINGS;

const errorResponse = (status: ErrorStatus) => ({
  description: `${ERROR_MEANINGS[status]}: ${errorCodesOf(status)
    .map((code) => `\`${code}\``)
    .join(', ')}`,
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

/**
 * A data route: a signed-in session, or a personal API token (`Authorization: Bearer ht_…`;
 * a read-only token for GET only). Account and token routes list only `session`.
 */
export const SESSION_OR_TOKEN: { [scheme: string]: string[] }[] = [{ session: [] }, { bearer: [] }];
