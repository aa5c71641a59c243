import {
  CheckinDeleteQuerySchema,
  CheckinParamsSchema,
  CheckinPutSchema,
  CheckinSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { IdempotencyHeadersSchema } from '../../http/idempotency';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, SESSION_OR_TOKEN, WRITE_ERRORS } from '../openapi';

const tags = ['Check-ins'];
const security = SESSION_OR_TOKEN;
const middleware = requireAuthOrToken;

export const putCheckin = createRoute({
  method: 'put',
  path: '/habits/{id}/checkins/{date}',
  tags,
  security,
  middleware,
  summary: 'Record (or replace) the check-in of one date',
  description:
    'The date may not be after the user’s today (422 `date_in_future`). Yes/no habits take no ' +
    'value; a numeric "done" needs one; a skip has none. Accepts `Idempotency-Key`.',
  request: {
    params: CheckinParamsSchema,
    headers: IdempotencyHeadersSchema,
    body: jsonBody(CheckinPutSchema),
  },
  responses: {
    200: {
      ...jsonResponse(CheckinSchema, 'The check-in as stored'),
      headers: {
        'Idempotency-Replayed': {
          schema: { type: 'string', enum: ['true'] },
          description: 'Present when this is the stored response of an earlier request',
        },
      },
    },
    ...errorResponses(...WRITE_ERRORS, 401, 404, 409),
  },
});

export const deleteCheckin = createRoute({
  method: 'delete',
  path: '/habits/{id}/checkins/{date}',
  tags,
  security,
  middleware,
  summary: 'Clear the check-in of one date',
  description:
    'Deletes the check-in with its note and photos. With `keep=notes` it removes the mark but ' +
    'keeps what the user wrote: when the day has a note (non-empty) or photos, the check-in ' +
    'becomes a note-only day (state `note`, value null, note and photos kept); otherwise it is ' +
    'deleted. Succeeds also when there was none. Accepts `Idempotency-Key`.',
  request: {
    params: CheckinParamsSchema,
    query: CheckinDeleteQuerySchema,
    headers: IdempotencyHeadersSchema,
  },
  responses: { 204: { description: 'Cleared' }, ...errorResponses(401, 403, 404, 409, 422) },
});
