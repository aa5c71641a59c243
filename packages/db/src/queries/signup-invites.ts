import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { signupInvites, users } from '../schema';

/* Invites belong to the server, not to a user: who may see or change them is the caller's
 * check (ADMIN_EMAILS). Tokens are hashed by the caller (SHA-256 hex). */

export interface SignupInviteRow {
  id: string;
  email: string | null;
  maxUses: number;
  uses: number;
  createdAt: Date;
  expiresAt: Date;
  createdByEmail: string | null;
}

/** An invite as the sign-up check needs it. */
export interface FoundSignupInvite {
  id: string;
  email: string | null;
  maxUses: number;
  uses: number;
  expiresAt: Date;
}

export async function createSignupInvite(
  db: Db,
  input: {
    tokenHash: string;
    createdBy: string | null;
    email: string | null;
    maxUses: number;
    expiresAt: Date;
  },
): Promise<SignupInviteRow> {
  const [row] = await db.insert(signupInvites).values(input).returning({
    id: signupInvites.id,
    email: signupInvites.email,
    maxUses: signupInvites.maxUses,
    uses: signupInvites.uses,
    createdAt: signupInvites.createdAt,
    expiresAt: signupInvites.expiresAt,
  });
  let createdByEmail: string | null = null;
  if (input.createdBy) {
    const [creator] = await db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, input.createdBy));
    createdByEmail = creator?.email ?? null;
  }
  return { ...row!, createdByEmail };
}

/** Every invite, newest first (at most `limit`). */
export async function listSignupInvites(db: Db, limit: number): Promise<SignupInviteRow[]> {
  return db
    .select({
      id: signupInvites.id,
      email: signupInvites.email,
      maxUses: signupInvites.maxUses,
      uses: signupInvites.uses,
      createdAt: signupInvites.createdAt,
      expiresAt: signupInvites.expiresAt,
      createdByEmail: users.email,
    })
    .from(signupInvites)
    .leftJoin(users, eq(users.id, signupInvites.createdBy))
    .orderBy(desc(signupInvites.createdAt), desc(signupInvites.id))
    .limit(limit);
}

/** Revokes (deletes) an invite; false when there was none with this id. */
export async function deleteSignupInvite(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(signupInvites)
    .where(eq(signupInvites.id, id))
    .returning({ id: signupInvites.id });
  return rows.length > 0;
}

/** The invite with this token hash, whatever its state (the caller says why it is refused). */
export async function findSignupInvite(
  db: Db,
  tokenHash: string,
): Promise<FoundSignupInvite | null> {
  const [row] = await db
    .select({
      id: signupInvites.id,
      email: signupInvites.email,
      maxUses: signupInvites.maxUses,
      uses: signupInvites.uses,
      expiresAt: signupInvites.expiresAt,
    })
    .from(signupInvites)
    .where(eq(signupInvites.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Spends one use of the invite if, at `now`, it is unexpired, not used up and open to `email`,
 * in one statement: two sign-ups racing for the last use are taken in turn by the row lock,
 * and the second finds none left. Run it in the transaction that creates the user, so a
 * sign-up that fails afterwards gives the use back. Returns the invite's id, or null.
 */
export async function consumeSignupInvite(
  db: Db,
  tokenHash: string,
  email: string,
  now: Date,
): Promise<string | null> {
  const [row] = await db
    .update(signupInvites)
    .set({ uses: sql`${signupInvites.uses} + 1` })
    .where(
      and(
        eq(signupInvites.tokenHash, tokenHash),
        lt(signupInvites.uses, signupInvites.maxUses),
        gt(signupInvites.expiresAt, now),
        or(isNull(signupInvites.email), eq(signupInvites.email, email)),
      ),
    )
    .returning({ id: signupInvites.id });
  return row?.id ?? null;
}
