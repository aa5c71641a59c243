import type { LocalDate, Weekday } from '@habit-tracker/core';
import { and, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { habits, sessions, userSettings, users } from '../schema';
import {
  type HabitWithMarks,
  TODAY_ORDER,
  type TodayColumnsRow,
  todayColumns,
  toHabitWithMarks,
} from './checkins';
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
): Promise<FoundSession | null> {
  const [row] = await preparedOn(db, 'find_session_with_user', buildFindSession).execute({
    id,
    now,
  });
  if (!row) return null;
  return { session: row.session, user: row.user, settings: toSettingsRow(row.settings) };
}

/**
 * The session lookup and the Today view in one statement, for a caller that already knows the
 * user's calendar (`guess`: what an earlier request of this session found): the session, user
 * and settings as findSessionWithUser returns them, and the user's active habits as
 * listActiveHabitsWithMarks returns them for `guess.today` and `guess.weekStart`. Null when the
 * session is unknown or expired. The caller must check that the settings still give that
 * today and week start, and ask listActiveHabitsWithMarks again when they do not.
 */
export async function findSessionWithToday(
  db: Db,
  id: string,
  now: Date,
  guess: { today: LocalDate; weekStart: Weekday },
): Promise<{ found: FoundSession; habits: HabitWithMarks[] } | null> {
  const rows = await preparedOn(db, 'find_session_with_today', buildFindSessionWithToday).execute({
    id,
    now,
    today: guess.today,
    weekStart: guess.weekStart,
  });
  const [first] = rows;
  if (!first) return null;
  return {
    found: { session: first.session, user: first.user, settings: toSettingsRow(first.settings) },
    habits: rows.flatMap((r) =>
      r.habit === null ? [] : [toHabitWithMarks(r as TodayColumnsRow, guess.today)],
    ),
  };
}

/** A live session with its user and their settings. */
export type FoundSession = { session: SessionRow; user: UserRow; settings: SettingsRow };

const sessionColumns = {
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
    locale: userSettings.locale,
  },
};

const liveSession = () =>
  and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')));

/** Every request with a session asks this first: prepared once per handle. */
const buildFindSession = (db: Db) =>
  db
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(userSettings, eq(userSettings.userId, sessions.userId))
    .where(liveSession())
    .prepare('find_session_with_user');

/** One row per active habit, or one row with no habit for a user without any. */
const buildFindSessionWithToday = (db: Db) =>
  db
    .select({ ...sessionColumns, ...todayColumns() })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(userSettings, eq(userSettings.userId, sessions.userId))
    .leftJoin(habits, and(eq(habits.userId, sessions.userId), isNull(habits.archivedAt)))
    .where(liveSession())
    .orderBy(...TODAY_ORDER)
    .prepare('find_session_with_today');

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
