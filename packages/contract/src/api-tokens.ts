/** Personal API tokens (docs/api.md, "API tokens"; docs/decisions/0024-personal-api-tokens.md). */
import { z } from '@hono/zod-openapi';

export const API_TOKEN_LIMITS = {
  nameMax: 100,
  /** Tokens one user may hold at once. */
  perUser: 50,
  expiryDays: [7, 30, 90, 365] as const,
} as const;

export const ApiTokenIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const ApiTokenScopeSchema = z.enum(['read', 'read_write']).openapi({
  description: '`read`: GET only. `read_write`: also the data writes (check-ins, habits…).',
});

export const ApiTokenInputSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Name the token')
      .max(API_TOKEN_LIMITS.nameMax)
      .refine((s) => !s.includes('\u0000'), { message: 'Text cannot contain the NUL character' }),
    scope: ApiTokenScopeSchema,
    expiresInDays: z
      .number()
      .int()
      .refine((d) => (API_TOKEN_LIMITS.expiryDays as readonly number[]).includes(d), {
        message: 'Choose 7, 30, 90 or 365 days, or null for never',
      })
      .nullable()
      .optional()
      .openapi({
        enum: [...API_TOKEN_LIMITS.expiryDays],
        description: 'Days until it stops working: 7, 30, 90 or 365; null or absent: never.',
      }),
  })
  .strict()
  .openapi('ApiTokenInput');

export const ApiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scope: ApiTokenScopeSchema,
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().openapi({
      description: 'Recorded in batches about once a minute, so it may lag that much.',
    }),
  })
  .openapi('ApiToken');

export const ApiTokenListSchema = z
  .object({ tokens: z.array(ApiTokenSchema) })
  .openapi('ApiTokenList');

export const CreatedApiTokenSchema = z
  .object({
    token: ApiTokenSchema,
    secret: z.string().openapi({
      description:
        'Send as `Authorization: Bearer <secret>`. Shown this once; only its hash is kept.',
      example: 'ht_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    }),
  })
  .openapi('CreatedApiToken');

export type ApiTokenDto = z.infer<typeof ApiTokenSchema>;
export type ApiTokenInput = z.input<typeof ApiTokenInputSchema>;
export type CreatedApiTokenDto = z.infer<typeof CreatedApiTokenSchema>;
