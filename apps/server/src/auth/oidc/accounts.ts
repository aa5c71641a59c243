/**
 * Every account an OpenID Connect sign-in makes is made here, and only here: sign-up control
 * (docs/decisions/0028-sign-up-control.md) decides at this one place, as for password sign-up.
 */
import {
  consumeSignupInvite,
  createUser,
  type Db,
  findSignupInvite,
  linkOidcIdentity,
} from '@habit-tracker/db';
import { inviteState } from '../invites';
import {
  type InviteState,
  mayCreateAccount,
  type SignupMode,
  type SignupRefusal,
} from '../signup-policy';

export interface OidcAccountInput {
  email: string;
  providerId: string;
  issuer: string;
  subject: string;
}

export interface OidcSignupContext {
  mode: SignupMode;
  /** SHA-256 of the invite the sign-in started with (`start?invite=`), or null. */
  inviteTokenHash: string | null;
  now: Date;
}

export type OidcAccountResult =
  | { created: Awaited<ReturnType<typeof createUser>> }
  | { refused: SignupRefusal };

async function inviteFor(
  db: Db,
  tokenHash: string | null,
  email: string,
  now: Date,
): Promise<InviteState> {
  if (tokenHash === null) return 'none';
  return inviteState(await findSignupInvite(db, tokenHash), email, now);
}

/**
 * Creates an account without a password, linked to the issuer identity, in the caller's
 * transaction — if the sign-up mode allows it (`via: 'oidc'`); in invite mode the invite is spent
 * here, in that same transaction, so a failure afterwards gives the use back. A refusal writes
 * nothing. Throws EmailTakenError when the email has an account after all (a race).
 */
export async function createAccountFromOidc(
  tx: Db,
  input: OidcAccountInput,
  signup: OidcSignupContext,
): Promise<OidcAccountResult> {
  const { mode, inviteTokenHash, now } = signup;
  const decision = mayCreateAccount(mode, {
    via: 'oidc',
    invite: await inviteFor(tx, inviteTokenHash, input.email, now),
  });
  if (!decision.allowed) return { refused: decision.code };
  if (decision.consumeInvite && inviteTokenHash !== null) {
    // The statement that decides: two sign-ups racing for the last use are taken in turn.
    const spent = await consumeSignupInvite(tx, inviteTokenHash, input.email, now);
    if (spent === null) {
      const again = await inviteFor(tx, inviteTokenHash, input.email, now);
      return { refused: again === 'invalid' ? 'invite_invalid' : 'invite_expired' };
    }
  }
  const created = await createUser(tx, { email: input.email, passwordHash: null });
  const identity = await linkOidcIdentity(tx, {
    userId: created.user.id,
    providerId: input.providerId,
    issuer: input.issuer,
    subject: input.subject,
    email: input.email,
  });
  if (!identity) throw new Error('The identity was linked to another account meanwhile');
  return { created };
}
