/**
 * Every account an OpenID Connect sign-in makes is made here, and only here: sign-up control
 * (who may create an account) hooks in at this one place.
 */
import { createUser, type Db, linkOidcIdentity } from '@habit-tracker/db';

export interface OidcAccountInput {
  email: string;
  providerId: string;
  issuer: string;
  subject: string;
}

/**
 * Creates an account without a password, linked to the issuer identity, in the caller's
 * transaction. Throws EmailTakenError when the email has an account after all (a race).
 */
export async function createAccountFromOidc(tx: Db, input: OidcAccountInput) {
  const created = await createUser(tx, { email: input.email, passwordHash: null });
  const identity = await linkOidcIdentity(tx, {
    userId: created.user.id,
    providerId: input.providerId,
    issuer: input.issuer,
    subject: input.subject,
    email: input.email,
  });
  if (!identity) throw new Error('The identity was linked to another account meanwhile');
  return created;
}
