import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../database';
import { passwordResetTokens, users } from '../schema';

/* Ids are SHA-256 (hex) of the emailed tokens, computed by the caller. */

/**
 * Stores a new reset token for the user and deletes their earlier ones (in a transaction, or a
 * savepoint when `db` is already one): only the newest link works. Two requests at once are
 * taken in turn (the user's row is locked first): without that, each would delete the other's
 * uncommitted token unseen, and both links would work.
 */
export async function issuePasswordResetToken(
  db: Db,
  input: { id: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for('update');
    await tx
      .delete(passwordResetTokens)
      .where(
        and(eq(passwordResetTokens.userId, input.userId), ne(passwordResetTokens.id, input.id)),
      );
    await tx.insert(passwordResetTokens).values(input);
  });
}

export interface PasswordResetTokenRow {
  userId: string;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** The token with its user's email, whatever its state (the caller says why it is refused). */
export async function findPasswordResetToken(
  db: Db,
  id: string,
): Promise<PasswordResetTokenRow | null> {
  const [row] = await db
    .select({
      userId: passwordResetTokens.userId,
      email: users.email,
      expiresAt: passwordResetTokens.expiresAt,
      usedAt: passwordResetTokens.usedAt,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.id, id));
  return row ?? null;
}

/**
 * Marks the token used if it is still unused and unexpired at `now`, in one statement (two
 * requests racing with the same link: one wins). Returns its user, or null when it was not usable.
 */
export async function consumePasswordResetToken(
  db: Db,
  id: string,
  now: Date,
): Promise<string | null> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResetTokens.id, id),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResetTokens.userId });
  return row?.userId ?? null;
}

/** Deletes the user's reset tokens other than `keepId` (after a reset: no other link may work). */
export async function deleteOtherPasswordResetTokens(
  db: Db,
  userId: string,
  keepId: string,
): Promise<void> {
  await db
    .delete(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, userId), ne(passwordResetTokens.id, keepId)));
}
