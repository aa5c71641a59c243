import {
  PasswordResetAcceptedSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { limitByClientIp } from '../../auth/rate-limits';
import { errorResponses, jsonBody, jsonResponse, WRITE_ERRORS } from '../openapi';

const tags = ['Accounts'];

export const requestPasswordReset = createRoute({
  method: 'post',
  path: '/auth/password-reset',
  tags,
  summary: 'Email a link to choose a new password',
  description:
    'Always 202 with the same body, whether or not an account has this email: the message is ' +
    'sent in the background, only to an existing account. The link (`/reset-password?token=…`) ' +
    'works once, for 30 minutes; asking again makes earlier links stop working. Limited per ' +
    'address and per client (429). 503 `email_unavailable` when the server cannot send email.',
  middleware: limitByClientIp((limits) => limits.passwordResetByIp),
  request: { body: jsonBody(PasswordResetRequestSchema) },
  responses: {
    202: jsonResponse(PasswordResetAcceptedSchema, 'Accepted; the same answer for any address'),
    ...errorResponses(...WRITE_ERRORS, 429),
  },
});

export const confirmPasswordReset = createRoute({
  method: 'post',
  path: '/auth/password-reset/confirm',
  tags,
  summary: 'Set a new password with an emailed reset token; signs out every session',
  description:
    'The password follows the sign-up rules (422 with a reason). A token that is not one of ' +
    'ours is 400 `reset_token_invalid`; an expired or used one 410 `reset_token_expired`. ' +
    'Signs in nobody: the client signs in with the new password.',
  middleware: limitByClientIp((limits) => limits.passwordResetConfirmByIp),
  request: { body: jsonBody(PasswordResetConfirmSchema) },
  responses: {
    204: { description: 'Password changed; every session of the account has ended' },
    ...errorResponses(...WRITE_ERRORS, 410, 429),
  },
});
