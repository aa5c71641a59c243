import { eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { EmailTakenError, pgErrorCode, UNIQUE_VIOLATION } from '../errors';
import { userSettings, users } from '../schema';
import { type SettingsRow, settingsValues, toSettingsRow, type UserRow } from './rows';

const userColumns = {
  id: users.id,
  email: users.email,
  passwordHash: users.passwordHash,
  createdAt: users.createdAt,
};

/**
 * Creates the user and their settings together (in a transaction, or a savepoint when `db` is
 * already one). `email` must already be normalised (trimmed, lower-cased) by the caller.
 */
export async function createUser(
  db: Db,
  input: { email: string; passwordHash: string | null; settings?: Partial<SettingsRow> },
): Promise<{ user: UserRow; settings: SettingsRow }> {
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash: input.passwordHash })
        .returning(userColumns);
      const [settings] = await tx
        .insert(userSettings)
        .values({ userId: user!.id, ...settingsValues(input.settings) })
        .returning();
      return { user: user!, settings: toSettingsRow(settings!) };
    });
  } catch (error) {
    if (pgErrorCode(error) === UNIQUE_VIOLATION) throw new EmailTakenError({ cause: error });
    throw error;
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [user] = await db.select(userColumns).from(users).where(eq(users.email, email));
  return user ?? null;
}

export async function getUserById(db: Db, id: string): Promise<UserRow | null> {
  const [user] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return user ?? null;
}

/** Returns false when the user does not exist. */
export async function updatePasswordHash(db: Db, userId: string, hash: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ passwordHash: hash, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Deletes the user; settings, sessions, habits, check-ins and idempotency records cascade. */
export async function deleteUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}
