/** Sign-in with OpenID Connect issuers (docs/api.md, "OpenID Connect"; decision 0027). */
import { z } from '@hono/zod-openapi';

export const OidcProviderParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'google' }),
});

export const OidcProviderListSchema = z
  .object({
    providers: z.array(
      z.object({ id: z.string(), name: z.string().openapi({ example: 'Google' }) }).strict(),
    ),
  })
  .openapi('OidcProviderList');

export const OidcStartQuerySchema = z.object({
  /** `link`: a signed-in user connects this issuer to their account (from Settings). */
  intent: z.enum(['sign-in', 'link']).optional(),
  invite: z
    .string()
    .max(200)
    .optional()
    .openapi({
      description:
        'The token of a sign-up invite (`/sign-up?invite=…`): with sign-up mode `invite`, a person ' +
        'without an account needs one; spent only when the sign-in makes the account.',
    }),
});

/** What the issuer sends back; every field is checked by openid-client, not here. */
export const OidcCallbackQuerySchema = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(4096).optional(),
  iss: z.string().max(4096).optional(),
  error: z.string().max(4096).optional(),
  error_description: z.string().max(4096).optional(),
});

export const OidcIdentityIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const OidcIdentityListSchema = z
  .object({
    /** False for an account made by an issuer sign-in that has not set a password. */
    hasPassword: z.boolean(),
    identities: z.array(
      z
        .object({
          id: z.uuid(),
          providerId: z.string(),
          /** The provider's display name; the id when it is no longer configured. */
          providerName: z.string(),
          email: z.string().nullable(),
          createdAt: z.iso.datetime(),
        })
        .strict(),
    ),
  })
  .openapi('OidcIdentityList');
