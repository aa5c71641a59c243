import { and, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { sessions, userSettings, users } from '../schema';
import { preparedOn } from './prepared';
import {
  affectedRows,
  type SessionRow,
  type SettingsRow,
  toSettingsRow,
  type UserRow,
} from './rows';

/** `id` is the SHA-256 (hex) of the cookie token, computed by the caller. */
export async function createSession(
  db: Db,
  input: { id: string; userId: string; expiresAt: Date },
): Promise<SessionRow> {
  const [session] = await db.insert(sessions).values(input).returning();
  return session!;
}

/**
 * The session, its user and their settings in one round trip (it runs on every request), or
 * null when the session is unknown or expired at `now`.
 */
export async function findSessionWithUser(
  db: Db,
  id: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow; settings: SettingsRow } | null> {
  const [row] = await preparedOn(db, 'find_session_with_user', buildFindSession).execute({
    id,
    now,
  });
  if (!row) return null;
  return { session: row.session, user: row.user, settings: toSettingsRow(row.settings) };
}

/** Every request with a session asks this first: prepared once per handle. */
const buildFindSession = (db: Db) =>
  db
    .select({
      session: {
        id: sessions.id,
        userId: sessions.userId,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
      },
      user: {
        id: users.id,
        email: users.email,
        passwordHash: users.passwordHash,
        createdAt: users.createdAt,
      },
      settings: {
        timeZone: userSettings.timeZone,
        dayStartHour: userSettings.dayStartHour,
        weekStart: userSettings.weekStart,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(userSettings, eq(userSettings.userId, sessions.userId))
    .where(
      and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now'))),
    )
    .prepare('find_session_with_user');

export async function deleteSession(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(sessions).where(eq(sessions.id, id)).returning({ id: sessions.id });
  return rows.length > 0;
}

/** Signs the user out everywhere, or everywhere but `exceptId` (the current session). */
export async function deleteUserSessions(
  db: Db,
  userId: string,
  exceptId?: string,
): Promise<number> {
  const result = await db
    .delete(sessions)
    .where(
      exceptId === undefined
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), ne(sessions.id, exceptId)),
    );
  return affectedRows(result);
}

export async function extendSession(db: Db, id: string, expiresAt: Date): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ expiresAt })
    .where(eq(sessions.id, id))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Housekeeping: removes sessions that expired at or before `now`; returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  return affectedRows(await db.delete(sessions).where(lte(sessions.expiresAt, now)));
}
