import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { checkins, habits } from '../schema';
import { type CheckinRow, uuidArray } from './rows';

/* Every query here filters by user_id: another user's check-ins are indistinguishable from none. */

export interface CheckinInput {
  state: 'done' | 'skipped';
  value: number | null;
  note: string | null;
}

const checkinColumns = {
  habitId: checkins.habitId,
  date: checkins.date,
  state: checkins.state,
  value: checkins.value,
  note: checkins.note,
  createdAt: checkins.createdAt,
  updatedAt: checkins.updatedAt,
};

/**
 * Records the check-in of `date` (`YYYY-MM-DD`), replacing any earlier one for that date but
 * keeping its created_at. Null when the habit is not the user's. One statement: the INSERT takes
 * its row from the user's habit, so nothing is written for someone else's.
 */
export async function upsertCheckin(
  db: Db,
  userId: string,
  habitId: string,
  date: string,
  input: CheckinInput,
): Promise<CheckinRow | null> {
  // INSERT … SELECT needs every column, in table order.
  const ownHabit = db
    .select({
      habitId: habits.id,
      userId: habits.userId,
      date: sql`${date}::date`.as('date'),
      state: sql`${input.state}`.as('state'),
      value: sql`${input.value}::double precision`.as('value'),
      note: sql`${input.note}::text`.as('note'),
      createdAt: sql`now()`.as('created_at'),
      updatedAt: sql`now()`.as('updated_at'),
    })
    .from(habits)
    .where(and(eq(habits.userId, userId), eq(habits.id, habitId)));
  const [row] = await db
    .insert(checkins)
    .select(ownHabit)
    .onConflictDoUpdate({
      target: [checkins.habitId, checkins.date],
      set: {
        state: sql`excluded.state`,
        value: sql`excluded.value`,
        note: sql`excluded.note`,
        updatedAt: sql`now()`,
      },
    })
    .returning(checkinColumns);
  return row ?? null;
}

/** False when there was no such check-in (or the habit is not the user's). */
export async function deleteCheckin(
  db: Db,
  userId: string,
  habitId: string,
  date: string,
): Promise<boolean> {
  const rows = await db
    .delete(checkins)
    .where(and(eq(checkins.userId, userId), eq(checkins.habitId, habitId), eq(checkins.date, date)))
    .returning({ date: checkins.date });
  return rows.length > 0;
}

/**
 * The user's check-ins of these habits, optionally within `from..to` (inclusive), ordered by habit
 * then date. One query for any number of habits (the Today view passes all active ones).
 */
export async function listCheckins(
  db: Db,
  userId: string,
  habitIds: string[],
  range: { from?: string; to?: string } = {},
): Promise<CheckinRow[]> {
  if (habitIds.length === 0) return [];
  return db
    .select(checkinColumns)
    .from(checkins)
    .where(
      and(
        eq(checkins.userId, userId),
        habitIds.length === 1
          ? eq(checkins.habitId, habitIds[0]!)
          : sql`${checkins.habitId} = any(${uuidArray(habitIds)})`,
        range.from === undefined ? undefined : gte(checkins.date, range.from),
        range.to === undefined ? undefined : lte(checkins.date, range.to),
      ),
    )
    .orderBy(asc(checkins.habitId), asc(checkins.date));
}
