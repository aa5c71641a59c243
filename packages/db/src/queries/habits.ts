import type { Measure, Schedule } from '@habit-tracker/core';
import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { habits, userSettings } from '../schema';
import { deleteOwnedRow, nextPosition, ownedRow, sameIds, setPositions } from './owned';
import {
  type HabitRow,
  measureToColumns,
  type SettingsRow,
  type StoredSummary,
  summaryFromColumns,
  summaryToColumns,
  toHabitRow,
  toSettingsRow,
} from './rows';

/* Every query here filters by user_id: another user's habit is indistinguishable from none. */

export type HabitStatus = 'active' | 'archived' | 'all';

export interface NewHabit {
  name: string;
  description?: string;
  color: string;
  icon?: string;
  measure: Measure;
  schedule: Schedule;
  /** The user's today when created (`YYYY-MM-DD`). */
  startDate: string;
  /** One of the user's groups (the caller checks: isOwnGroup), or null. */
  groupId?: string | null;
}

export type HabitPatch = Partial<
  Pick<NewHabit, 'name' | 'description' | 'color' | 'icon' | 'measure' | 'schedule' | 'groupId'>
>;

const byStatus: Record<HabitStatus, SQL | undefined> = {
  active: isNull(habits.archivedAt),
  archived: isNotNull(habits.archivedAt),
  all: undefined,
};

/** The user's habits in their order (position, then creation for ties). */
export async function listHabits(db: Db, userId: string, status: HabitStatus): Promise<HabitRow[]> {
  const rows = await db
    .select()
    .from(habits)
    .where(and(eq(habits.userId, userId), byStatus[status]))
    .orderBy(asc(habits.position), asc(habits.createdAt), asc(habits.id));
  return rows.map(toHabitRow);
}

export async function getHabit(db: Db, userId: string, id: string): Promise<HabitRow | null> {
  const [row] = await db
    .select()
    .from(habits)
    .where(ownedRow(habits, userId, id));
  return row ? toHabitRow(row) : null;
}

/**
 * The habit and its stored summary, locked until the transaction ends: check-in writes to one
 * habit take turns, so each refreshes the summary from a history that includes the others.
 */
export async function getHabitForUpdate(
  tx: Db,
  userId: string,
  id: string,
): Promise<{ habit: HabitRow; summary: StoredSummary | null } | null> {
  const [row] = await tx
    .select()
    .from(habits)
    .where(ownedRow(habits, userId, id))
    .for('update');
  return row ? { habit: toHabitRow(row), summary: summaryFromColumns(row) } : null;
}

/**
 * Up to `limit` habits that have no summary yet, with their owner's calendar: for the backfill
 * after the migration that introduced summaries (and after schedule changes). Any user's.
 */
export async function listHabitsWithoutSummary(
  db: Db,
  limit: number,
): Promise<{ userId: string; habitId: string; settings: SettingsRow }[]> {
  const rows = await db
    .select({
      userId: habits.userId,
      habitId: habits.id,
      timeZone: userSettings.timeZone,
      dayStartHour: userSettings.dayStartHour,
      weekStart: userSettings.weekStart,
      locale: userSettings.locale,
    })
    .from(habits)
    .innerJoin(userSettings, eq(userSettings.userId, habits.userId))
    .where(isNull(habits.summaryThrough))
    .orderBy(asc(habits.id))
    .limit(limit);
  return rows.map(({ userId, habitId, ...settings }) => ({
    userId,
    habitId,
    settings: toSettingsRow(settings),
  }));
}

/** Stores (or with null, drops) a habit's summary. */
export async function setHabitSummary(
  tx: Db,
  userId: string,
  id: string,
  stored: StoredSummary | null,
): Promise<void> {
  await tx
    .update(habits)
    .set(summaryToColumns(stored))
    .where(ownedRow(habits, userId, id));
}

/** The next position after the user's last habit (0 for the first), computed in the INSERT itself. */

/** Appends a habit after the user's others. */
export async function createHabit(db: Db, userId: string, input: NewHabit): Promise<HabitRow> {
  const [row] = await db
    .insert(habits)
    .values({
      userId,
      name: input.name,
      description: input.description ?? '',
      color: input.color,
      icon: input.icon ?? '',
      ...measureToColumns(input.measure),
      schedule: input.schedule,
      position: nextPosition(habits, userId),
      groupId: input.groupId ?? null,
      startDate: input.startDate,
    })
    .returning();
  return toHabitRow(row!);
}

/** Applies the fields present in `patch`; null when the habit is not the user's. */
export async function updateHabit(
  db: Db,
  userId: string,
  id: string,
  patch: HabitPatch,
): Promise<HabitRow | null> {
  const [row] = await db
    .update(habits)
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.color !== undefined && { color: patch.color }),
      ...(patch.icon !== undefined && { icon: patch.icon }),
      ...(patch.measure !== undefined && measureToColumns(patch.measure)),
      ...(patch.schedule !== undefined && { schedule: patch.schedule }),
      ...(patch.groupId !== undefined && { groupId: patch.groupId }),
      // The summary was folded under the old rules: drop it (the next check-in rebuilds it).
      ...((patch.measure !== undefined || patch.schedule !== undefined) && summaryToColumns(null)),
      updatedAt: sql`now()`,
    })
    .where(ownedRow(habits, userId, id))
    .returning();
  return row ? toHabitRow(row) : null;
}

/**
 * Archives (archived_at = now) or restores a habit. A restored habit goes last among the user's
 * habits, as a new one would. Archiving an archived habit keeps its original archived_at.
 */
export async function setHabitArchived(
  db: Db,
  userId: string,
  id: string,
  archived: boolean,
  now: Date,
): Promise<HabitRow | null> {
  const [row] = await db
    .update(habits)
    .set(
      archived
        ? {
            archivedAt: sql`coalesce(${habits.archivedAt}, ${now.toISOString()}::timestamptz)`,
            updatedAt: sql`now()`,
          }
        : {
            archivedAt: null,
            updatedAt: sql`now()`,
            position: sql`case when ${habits.archivedAt} is null then ${habits.position} else ${nextPosition(habits, userId)} end`,
          },
    )
    .where(ownedRow(habits, userId, id))
    .returning();
  return row ? toHabitRow(row) : null;
}

/** Deletes the habit and (by cascade) its check-ins; false when it is not the user's. */
export async function deleteHabit(db: Db, userId: string, id: string): Promise<boolean> {
  return deleteOwnedRow(db, habits, userId, id);
}

/**
 * Puts the user's active habits in the order of `ids` (positions 0..n-1). False, changing nothing,
 * unless `ids` names each of the user's active habits exactly once.
 */
export async function reorderHabits(db: Db, userId: string, ids: string[]): Promise<boolean> {
  if (new Set(ids).size !== ids.length) return false;
  return db.transaction(async (tx) => {
    // A concurrent archive or delete waits until the new order is in place.
    if (!sameIds(await lockActiveHabits(tx, userId), ids)) return false;
    await setPositions(tx, habits, userId, ids);
    return true;
  });
}

/** The ids of the user's active habits, locked until the transaction ends (before reordering them). */
export async function lockActiveHabits(tx: Db, userId: string): Promise<{ id: string }[]> {
  return tx
    .select({ id: habits.id })
    .from(habits)
    .where(and(eq(habits.userId, userId), isNull(habits.archivedAt)))
    .for('update');
}
