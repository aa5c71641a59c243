/** Passkeys (docs/api.md, "Passkeys"; docs/decisions/0026-passkeys.md). */
import { z } from '@hono/zod-openapi';

export const PASSKEY_LIMITS = {
  nameMax: 100,
  /** Passkeys one user may hold at once. */
  perUser: 20,
  /** Longest base64url field accepted from a browser (attestation objects run to a few KB). */
  fieldMax: 16_384,
} as const;

const b64url = (max: number = PASSKEY_LIMITS.fieldMax) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Expected base64url');

const PasskeyName = z
  .string()
  .trim()
  .min(1, 'Name the passkey')
  .max(PASSKEY_LIMITS.nameMax)
  .refine((s) => !s.includes('\u0000'), { message: 'Text cannot contain the NUL character' });

export const PasskeyIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const PasskeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('Passkey');

export const PasskeyListSchema = z
  .object({ passkeys: z.array(PasskeySchema) })
  .openapi('PasskeyList');

export const PasskeyRenameSchema = z
  .object({ name: PasskeyName })
  .strict()
  .openapi('PasskeyRename');

/**
 * The options for `navigator.credentials.create()` / `.get()` in their JSON form
 * (`PublicKeyCredentialCreationOptionsJSON` / `…RequestOptionsJSON`): hand them to
 * `@simplewebauthn/browser` (or `PublicKeyCredential.parse…OptionsFromJSON`) as they are.
 */
export const WebauthnOptionsSchema = z
  .object({ challenge: z.string() })
  .catchall(z.unknown())
  .openapi('WebauthnOptions');

/** "internal", "hybrid", "usb"…: kept as hints; browsers may name transports newer than us. */
const Transports = z.array(z.string().max(32)).max(8);

/** `RegistrationResponseJSON` as `@simplewebauthn/browser`'s `startRegistration()` returns it. */
export const RegistrationCredentialSchema = z
  .object({
    id: b64url(1024),
    rawId: b64url(1024),
    type: z.literal('public-key'),
    // Other fields the browser adds (publicKey, authenticatorData…) are not needed: dropped.
    response: z.object({
      clientDataJSON: b64url(),
      attestationObject: b64url(),
      transports: Transports.optional(),
    }),
    clientExtensionResults: z.object({}).default({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  })
  .openapi('RegistrationCredential');

/** `AuthenticationResponseJSON` as `startAuthentication()` returns it. */
export const AuthenticationCredentialSchema = z
  .object({
    id: b64url(1024),
    rawId: b64url(1024),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: b64url(),
      authenticatorData: b64url(),
      signature: b64url(),
      userHandle: b64url(1024).optional(),
    }),
    clientExtensionResults: z.object({}).default({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  })
  .openapi('AuthenticationCredential');

export const PasskeyRegistrationSchema = z
  .object({
    name: PasskeyName.optional().openapi({
      description: 'What to call it ("Phone", "Laptop"); absent: "Passkey".',
    }),
    credential: RegistrationCredentialSchema,
  })
  .strict()
  .openapi('PasskeyRegistration');

export const PasskeyAuthenticationSchema = z
  .object({ credential: AuthenticationCredentialSchema })
  .strict()
  .openapi('PasskeyAuthentication');

export type PasskeyDto = z.infer<typeof PasskeySchema>;
export type PasskeyRegistrationInput = z.input<typeof PasskeyRegistrationSchema>;
export type PasskeyAuthenticationInput = z.input<typeof PasskeyAuthenticationSchema>;
