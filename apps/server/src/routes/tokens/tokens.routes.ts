import {
  ApiTokenInputSchema,
  ApiTokenListSchema,
  CreatedApiTokenSchema,
  ApiTokenIdParamsSchema as IdParamsSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, WRITE_ERRORS } from '../openapi';

const tags = ['API tokens'];
// Session only: a token cannot list, make or revoke tokens (403 token_not_allowed).
const security = [{ session: [] }];
const middleware = requireAuth;

export const listTokens = createRoute({
  method: 'get',
  path: '/tokens',
  tags,
  security,
  middleware,
  summary: 'Your personal API tokens (never their secrets)',
  responses: {
    200: jsonResponse(ApiTokenListSchema, 'Tokens, newest first'),
    ...errorResponses(401, 403),
  },
});

export const createToken = createRoute({
  method: 'post',
  path: '/tokens',
  tags,
  security,
  middleware,
  summary: 'Make a personal API token; its secret is in this answer only',
  request: { body: jsonBody(ApiTokenInputSchema) },
  responses: {
    201: jsonResponse(CreatedApiTokenSchema, 'The token and its secret (shown once)'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});

export const deleteToken = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags,
  security,
  middleware,
  summary: 'Revoke a token: it stops working at once',
  request: { params: IdParamsSchema },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403, 404, 422) },
});
