import {
  MeSchema,
  PasskeyAuthenticationSchema,
  PasskeyIdParamsSchema,
  PasskeyListSchema,
  PasskeyRegistrationSchema,
  PasskeyRenameSchema,
  PasskeySchema,
  WebauthnOptionsSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { limitByClientIp } from '../../auth/rate-limits';
import { requireAuth } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, WRITE_ERRORS } from '../openapi';

const tags = ['Passkeys'];
// Session only: an API token cannot see or change passkeys (403 token_not_allowed).
const security = [{ session: [] }];
const middleware = requireAuth;

export const listPasskeys = createRoute({
  method: 'get',
  path: '/auth/passkeys',
  tags,
  security,
  middleware,
  summary: 'Your passkeys (never their keys)',
  responses: {
    200: jsonResponse(PasskeyListSchema, 'Passkeys, oldest first'),
    ...errorResponses(401, 403),
  },
});

export const registrationOptions = createRoute({
  method: 'post',
  path: '/auth/passkeys/registration/options',
  tags,
  security,
  middleware,
  summary: 'Start adding a passkey: options for navigator.credentials.create()',
  description:
    'A discoverable credential (resident key), user verification preferred, attestation ' +
    '`none`. The challenge works once, for 5 minutes, for this account only.',
  responses: {
    200: jsonResponse(WebauthnOptionsSchema, 'PublicKeyCredentialCreationOptionsJSON'),
    ...errorResponses(401, 403, 503),
  },
});

export const registrationVerify = createRoute({
  method: 'post',
  path: '/auth/passkeys/registration/verify',
  tags,
  security,
  middleware,
  summary: 'Finish adding a passkey with the browser’s response',
  description:
    'A response that does not verify (challenge unknown, expired or used; origin; RP ID) is 400 ' +
    '`passkey_invalid`; a credential registered already 409 `passkey_taken`; over 20 passkeys ' +
    '422.',
  request: { body: jsonBody(PasskeyRegistrationSchema) },
  responses: {
    201: jsonResponse(PasskeySchema, 'The new passkey'),
    ...errorResponses(...WRITE_ERRORS, 401, 409, 503),
  },
});

export const renamePasskey = createRoute({
  method: 'patch',
  path: '/auth/passkeys/{id}',
  tags,
  security,
  middleware,
  summary: 'Rename a passkey',
  request: { params: PasskeyIdParamsSchema, body: jsonBody(PasskeyRenameSchema) },
  responses: {
    200: jsonResponse(PasskeySchema, 'The renamed passkey'),
    ...errorResponses(...WRITE_ERRORS, 401, 404),
  },
});

export const deletePasskey = createRoute({
  method: 'delete',
  path: '/auth/passkeys/{id}',
  tags,
  security,
  middleware,
  summary: 'Remove a passkey: it stops signing in at once',
  request: { params: PasskeyIdParamsSchema },
  description:
    '409 `last_sign_in_method` when it is the only way left to sign in (an account with no ' +
    'password and no OpenID Connect identity).',
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409, 422) },
});

export const authenticationOptions = createRoute({
  method: 'post',
  path: '/auth/passkeys/authentication/options',
  tags,
  summary: 'Start signing in with a passkey: options for navigator.credentials.get()',
  description:
    'No account is named: the browser offers the passkeys it holds for this site. The ' +
    'challenge works once, for 5 minutes. Counts against the per-client sign-in limit (429).',
  middleware: limitByClientIp((limits) => limits.signInByIp),
  responses: {
    200: jsonResponse(WebauthnOptionsSchema, 'PublicKeyCredentialRequestOptionsJSON'),
    ...errorResponses(403, 429, 503),
  },
});

export const authenticationVerify = createRoute({
  method: 'post',
  path: '/auth/passkeys/authentication/verify',
  tags,
  summary: 'Sign in with the browser’s passkey response',
  description:
    'Signs in like `POST /auth/sign-in` (the same session cookie). A response that does not ' +
    'verify — unknown passkey, challenge unknown, expired or used, bad signature, a counter ' +
    'that went backwards — is 400 `passkey_invalid`. Counts against the per-client sign-in ' +
    'limit (429), never an account’s: a passkey cannot be guessed, so strangers cannot use ' +
    'failures to lock its owner out.',
  middleware: limitByClientIp((limits) => limits.signInByIp),
  request: { body: jsonBody(PasskeyAuthenticationSchema) },
  responses: {
    200: jsonResponse(MeSchema, 'Signed in; sets the session cookie'),
    ...errorResponses(...WRITE_ERRORS, 429, 503),
  },
});
