/** Sign-up control and invites (docs/api.md, "Sign-up"; docs/decisions/0028-sign-up-control.md). */
import { z } from '@hono/zod-openapi';
import { EmailSchema } from './schemas';

export const SIGNUP_MODES = ['open', 'invite', 'oidc-only'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

export const INVITE_LIMITS = {
  defaultExpiryDays: 7,
  maxExpiryDays: 90,
  maxUses: 100,
  /** Invites listed at most (newest first). */
  listMax: 200,
} as const;

export const SignupModeSchema = z
  .object({
    mode: z.enum(SIGNUP_MODES).openapi({
      description:
        '`open`: anyone may sign up. `invite`: sign-up needs an invite token. `oidc-only`: ' +
        'no password sign-up; accounts come from the OpenID Connect provider.',
    }),
  })
  .openapi('SignupMode');

export const InviteIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const InviteInputSchema = z
  .object({
    email: EmailSchema.optional().openapi({
      description: 'Only an account with this email may use the invite.',
    }),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(INVITE_LIMITS.maxExpiryDays)
      .optional()
      .openapi({ description: `Days it works; ${INVITE_LIMITS.defaultExpiryDays} by default.` }),
    maxUses: z
      .number()
      .int()
      .min(1)
      .max(INVITE_LIMITS.maxUses)
      .optional()
      .openapi({ description: 'Accounts it may create; 1 by default.' }),
  })
  .strict()
  .openapi('InviteInput');

export const InviteSchema = z
  .object({
    id: z.uuid(),
    email: z.string().nullable(),
    maxUses: z.number().int(),
    uses: z.number().int(),
    createdAt: z.string(),
    expiresAt: z.string(),
    createdByEmail: z.string().nullable().openapi({
      description: 'Who made it; null when made on the command line.',
    }),
  })
  .openapi('Invite');

export const InviteListSchema = z.object({ invites: z.array(InviteSchema) }).openapi('InviteList');

export const CreatedInviteSchema = z
  .object({
    invite: InviteSchema,
    link: z.string().openapi({
      description:
        'The sign-up link (`/sign-up?invite=…`). Shown this once; only its hash is kept.',
    }),
  })
  .openapi('CreatedInvite');

export type SignupModeDto = z.infer<typeof SignupModeSchema>;
export type InviteDto = z.infer<typeof InviteSchema>;
export type InviteInput = z.input<typeof InviteInputSchema>;
export type CreatedInviteDto = z.infer<typeof CreatedInviteSchema>;
