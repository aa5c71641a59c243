import { count, eq } from 'drizzle-orm';
import type { Db } from '../database';
import { oidcIdentities, passkeys, users } from '../schema';

export interface SignInMethods {
  hasPassword: boolean;
  identities: number;
  passkeys: number;
}

/**
 * How many ways the user can sign in (password, OpenID Connect identities, passkeys), counted
 * inside the caller's transaction with the user row locked, so two removals racing (an unlink
 * and a passkey removal in two tabs) cannot both leave an account without a way in.
 */
export async function countSignInMethodsForUpdate(
  db: Db,
  userId: string,
): Promise<SignInMethods | null> {
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!user) return null;
  const [identities] = await db
    .select({ n: count() })
    .from(oidcIdentities)
    .where(eq(oidcIdentities.userId, userId));
  const [keys] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return {
    hasPassword: user.passwordHash !== null,
    identities: Number(identities?.n ?? 0),
    passkeys: Number(keys?.n ?? 0),
  };
}

/** True when removing one identity or passkey would leave the account with no way to sign in. */
export function isLastSignInMethod(methods: SignInMethods): boolean {
  return (methods.hasPassword ? 1 : 0) + methods.identities + methods.passkeys <= 1;
}
