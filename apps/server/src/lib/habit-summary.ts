/**
 * Keeps a habit's stored summary (core's HabitSummary) true, on the write path: called in the
 * transaction of every check-in write, after the write, with the habit row locked.
 *
 * The summary covers the check-ins up to `through`, two days before the user's today when it is
 * made (a margin for a time zone moved west: the Today view resumes only before today). It must be
 * rebuilt when a write touches a date it covers; it is also rebuilt when missing or more than a
 * month old, so reads never walk back far. A write after `through` — almost every write, today's
 * check-in — leaves it alone and costs nothing.
 */
import {
  addDays,
  type LocalDate,
  localDateOf,
  summarizeHabit,
  summaryReadsFrom,
  type Weekday,
} from '@habit-tracker/core';
import * as db from '@habit-tracker/db';

/** How many days before today a new summary folds through. */
const SUMMARY_LAG_DAYS = 2;
/** A summary older than this (days between its `through` and today) is rebuilt on the next write. */
const SUMMARY_MAX_AGE_DAYS = 32;

export interface SummaryContext {
  userId: string;
  habit: db.HabitRow;
  stored: db.StoredSummary | null;
  /** The date the write changed. */
  written: LocalDate;
  today: LocalDate;
  weekStart: Weekday;
}

export function summaryNeedsRebuild(context: SummaryContext): boolean {
  const { stored, written, today, weekStart } = context;
  if (!stored || stored.summary.weekStart !== weekStart) return true;
  if (written <= stored.summary.through) return true;
  return stored.summary.through < addDays(today, -SUMMARY_MAX_AGE_DAYS);
}

/** Rebuilds the summary from the habit's whole history when the write made it stale. */
export async function refreshHabitSummary(tx: db.Db, context: SummaryContext): Promise<void> {
  if (!summaryNeedsRebuild(context)) return;
  const { userId, habit, today, weekStart } = context;
  const [history] = await db.listCheckinMarks(tx, userId, [habit.id]);
  const through = addDays(today, -SUMMARY_LAG_DAYS);
  const summary = summarizeHabit(
    {
      schedule: habit.schedule,
      measure: habit.measure,
      checkins: history?.marks ?? [],
      startDate: habit.startDate,
      weekStart,
    },
    through,
  );
  const readsFrom = summaryReadsFrom(summary, habit.schedule, habit.measure);
  await db.setHabitSummary(tx, userId, habit.id, { summary, readsFrom });
}

/**
 * Gives every habit without a summary one (habits from before summaries existed, or whose
 * schedule changed and have had no check-in since): the release command runs it after the
 * migrations, the benchmark after seeding. Each habit in its own short transaction, locked like a
 * check-in write; safe to run beside live traffic and to interrupt. Returns how many it built.
 */
export async function backfillHabitSummaries(
  database: db.Database,
  now: Date,
  onProgress?: (built: number) => void,
): Promise<number> {
  let built = 0;
  for (;;) {
    const batch = await db.listHabitsWithoutSummary(database.primary.read, 500);
    if (batch.length === 0) return built;
    for (const { userId, habitId, settings } of batch) {
      await database.primary.transaction(async (tx) => {
        const found = await db.getHabitForUpdate(tx, userId, habitId);
        if (!found || found.summary) return; // deleted, or a write built it meanwhile
        const today = localDateOf(now, settings);
        await refreshHabitSummary(tx, {
          userId,
          habit: found.habit,
          stored: null,
          written: today,
          today,
          weekStart: settings.weekStart,
        });
      });
      built++;
    }
    onProgress?.(built);
  }
}
