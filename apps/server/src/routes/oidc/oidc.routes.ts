import {
  OidcCallbackQuerySchema,
  OidcIdentityIdParamsSchema,
  OidcIdentityListSchema,
  OidcProviderListSchema,
  OidcProviderParamsSchema,
  OidcStartQuerySchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { limitByClientIp } from '../../auth/rate-limits';
import { refuseApiTokens, requireAuth } from '../../middleware/auth';
import { errorResponses, jsonResponse } from '../openapi';

const tags = ['Accounts'];
const security = [{ session: [] }];

const redirect = (description: string) => ({
  302: { description, headers: { Location: { schema: { type: 'string' as const } } } },
});

export const listProviders = createRoute({
  method: 'get',
  path: '/auth/oidc/providers',
  tags,
  summary: 'The OpenID Connect issuers people may sign in with (for the sign-in buttons)',
  responses: { 200: jsonResponse(OidcProviderListSchema, 'Configured issuers, in order') },
});

export const startOidc = createRoute({
  method: 'get',
  path: '/auth/oidc/{id}/start',
  tags,
  summary: 'Go to the issuer to sign in (302), with PKCE, state and nonce',
  description:
    'A browser navigation, not a fetch. `intent=link` (signed in, from Settings) connects the ' +
    'issuer to this account instead of signing in. Problems redirect to `/sign-in` (or ' +
    '`/settings`) with `oidc_error=<code>`; an unknown issuer id is 404.',
  middleware: [refuseApiTokens, limitByClientIp((limits) => limits.oidcByIp)] as const,
  request: { params: OidcProviderParamsSchema, query: OidcStartQuerySchema },
  responses: {
    ...redirect('To the issuer, or back to the app with oidc_error'),
    ...errorResponses(403, 404, 422, 429),
  },
});

export const oidcCallback = createRoute({
  method: 'get',
  path: '/auth/oidc/{id}/callback',
  tags,
  summary: 'Where the issuer sends the browser back; signs in and redirects to the app',
  description:
    'Completes only in the browser that started (a cookie), once. Redirects to `/` signed in; ' +
    'to `/sign-in?oidc_link=<id>` when the email has a password account (sign in with the ' +
    'password to link); to `/settings?oidc_linked=<id>` after connecting; otherwise to ' +
    '`/sign-in?oidc_error=<code>`.',
  middleware: [refuseApiTokens, limitByClientIp((limits) => limits.oidcByIp)] as const,
  request: { params: OidcProviderParamsSchema, query: OidcCallbackQuerySchema },
  responses: {
    ...redirect('Back to the app'),
    ...errorResponses(403, 404, 422, 429),
  },
});

export const listIdentities = createRoute({
  method: 'get',
  path: '/auth/oidc/identities',
  tags,
  security,
  middleware: requireAuth,
  summary: 'The issuers linked to this account, and whether it has a password',
  responses: {
    200: jsonResponse(OidcIdentityListSchema, 'Linked identities, oldest first'),
    ...errorResponses(401, 403),
  },
});

export const unlinkIdentity = createRoute({
  method: 'delete',
  path: '/auth/oidc/identities/{id}',
  tags,
  security,
  middleware: requireAuth,
  summary: 'Unlink an issuer',
  description:
    '409 `last_sign_in_method` when it is the only way left to sign in (no password, no other ' +
    'linked issuer, no passkey): set a password or add a passkey first.',
  request: { params: OidcIdentityIdParamsSchema },
  responses: {
    204: { description: 'Unlinked' },
    ...errorResponses(401, 403, 404, 409, 422),
  },
});
