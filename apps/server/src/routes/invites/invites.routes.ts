import {
  CreatedInviteSchema,
  InviteIdParamsSchema,
  InviteInputSchema,
  InviteListSchema,
  SignupModeSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAdmin } from '../../middleware/admin';
import { errorResponses, jsonBody, jsonResponse, WRITE_ERRORS } from '../openapi';

const tags = ['Sign-up'];
// Session only, and only accounts in ADMIN_EMAILS: an API token gets 403 token_not_allowed,
// anyone else 403 admin_only.
const security = [{ session: [] }];
const middleware = requireAdmin;

export const getSignupMode = createRoute({
  method: 'get',
  path: '/auth/signup-mode',
  tags,
  summary: 'Who may create an account on this server (public)',
  description:
    'Lets the sign-up screen show the right thing: a form (`open`, or `invite` with an invite ' +
    'link), a note that sign-up is by invitation, or the identity provider (`oidc-only`).',
  responses: { 200: jsonResponse(SignupModeSchema, 'The sign-up mode'), ...errorResponses() },
});

export const listInvites = createRoute({
  method: 'get',
  path: '/invites',
  tags,
  security,
  middleware,
  summary: 'Sign-up invites, newest first (administrators only; never their links)',
  responses: {
    200: jsonResponse(InviteListSchema, 'Invites, used and expired ones included'),
    ...errorResponses(401, 403),
  },
});

export const createInvite = createRoute({
  method: 'post',
  path: '/invites',
  tags,
  security,
  middleware,
  summary: 'Make a sign-up invite; its link is in this answer only (administrators only)',
  request: { body: jsonBody(InviteInputSchema) },
  responses: {
    201: jsonResponse(CreatedInviteSchema, 'The invite and its link (shown once)'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});

export const deleteInvite = createRoute({
  method: 'delete',
  path: '/invites/{id}',
  tags,
  security,
  middleware,
  summary: 'Revoke an invite: its link stops working at once (administrators only)',
  request: { params: InviteIdParamsSchema },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 403, 404, 422) },
});
