import {
  ChangePasswordSchema,
  DeleteAccountSchema,
  MeSchema,
  SignInSchema,
  SignUpSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { limitByClientIp } from '../../auth/rate-limits';
import { refuseApiTokens, requireAuth } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, WRITE_ERRORS } from '../openapi';

const tags = ['Accounts'];
const security = [{ session: [] }];

export const signUp = createRoute({
  method: 'post',
  path: '/auth/sign-up',
  tags,
  summary: 'Create an account and sign in',
  middleware: limitByClientIp((limits) => limits.signUpByIp),
  request: { body: jsonBody(SignUpSchema) },
  responses: {
    201: jsonResponse(MeSchema, 'The new account; sets the session cookie'),
    ...errorResponses(...WRITE_ERRORS, 409, 429),
  },
});

export const signIn = createRoute({
  method: 'post',
  path: '/auth/sign-in',
  tags,
  summary: 'Sign in with email and password',
  middleware: limitByClientIp((limits) => limits.signInByIp),
  request: { body: jsonBody(SignInSchema) },
  responses: {
    200: jsonResponse(MeSchema, 'Signed in; sets the session cookie'),
    ...errorResponses(...WRITE_ERRORS, 401, 429),
  },
});

export const signOut = createRoute({
  method: 'post',
  path: '/auth/sign-out',
  tags,
  middleware: refuseApiTokens,
  summary: 'Sign out this session',
  description:
    'Deletes this session (if any) and clears the cookie. Succeeds when already signed out.',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
});

export const signOutEverywhere = createRoute({
  method: 'post',
  path: '/auth/sign-out-everywhere',
  tags,
  security,
  middleware: requireAuth,
  summary: 'Sign out every session of this user, this one included',
  responses: { 204: { description: 'Signed out everywhere' }, ...errorResponses(401, 403) },
});

export const changePassword = createRoute({
  method: 'post',
  path: '/auth/change-password',
  tags,
  security,
  middleware: requireAuth,
  summary: 'Change the password; signs out every other session',
  description:
    'A wrong `currentPassword` is 422 `validation_failed` with details on `currentPassword` ' +
    '(not 401, which would read as "signed out").',
  request: { body: jsonBody(ChangePasswordSchema) },
  responses: {
    204: { description: 'Password changed' },
    ...errorResponses(...WRITE_ERRORS, 401, 429),
  },
});

export const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags,
  security,
  middleware: requireAuth,
  summary: 'The signed-in user and their settings',
  responses: { 200: jsonResponse(MeSchema, 'The signed-in user'), ...errorResponses(401) },
});

export const deleteMe = createRoute({
  method: 'delete',
  path: '/me',
  tags,
  security,
  middleware: requireAuth,
  summary: 'Delete the account and all its data',
  description:
    'Requires the password; a wrong one is 422 `validation_failed` on `password`. An account ' +
    'without a password (made by an OpenID Connect sign-in) confirms with its `email` instead.',
  request: { body: jsonBody(DeleteAccountSchema) },
  responses: {
    204: { description: 'Account deleted; cookie cleared' },
    ...errorResponses(...WRITE_ERRORS, 401, 429),
  },
});
