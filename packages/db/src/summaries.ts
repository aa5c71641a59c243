/**
 * Keeps each habit's stored summary (core's HabitSummary, docs/decisions/0010-performance.md) true
 * on the write path: called in the transaction of every check-in write and import, after the
 * write, with the habit row locked. When a write makes the summary stale and how far a new one
 * folds are core's rules (`summaryNeedsRebuild`, `rebuildSummary`); reading the history and
 * storing the result is this file's. The read side is listActiveHabitsWithMarks.
 */
import {
  type LocalDate,
  localDateOf,
  rebuildSummary,
  summaryNeedsRebuild,
  type Weekday,
} from '@habit-tracker/core';
import type { Database, Db } from './database';
import { listCheckinMarks } from './queries/checkins';
import { getHabitForUpdate, listHabitsWithoutSummary, setHabitSummary } from './queries/habits';
import type { HabitRow, StoredSummary } from './queries/rows';

export interface SummaryRefresh {
  userId: string;
  habit: HabitRow;
  stored: StoredSummary | null;
  /** The date the write changed. */
  written: LocalDate;
  today: LocalDate;
  weekStart: Weekday;
}

/** Rebuilds the summary from the habit's whole history when the write made it stale. */
export async function refreshHabitSummary(tx: Db, refresh: SummaryRefresh): Promise<void> {
  const { userId, habit, stored, written, today, weekStart } = refresh;
  if (!summaryNeedsRebuild({ stored: stored?.summary ?? null, written, today, weekStart })) return;
  const [history] = await listCheckinMarks(tx, userId, [habit.id]);
  const { schedule, measure, startDate } = habit;
  const checkins = history?.marks ?? [];
  const rebuilt = rebuildSummary({ schedule, measure, checkins, startDate, weekStart }, today);
  await setHabitSummary(tx, userId, habit.id, rebuilt);
}

/**
 * Gives every habit without a summary one (habits from before summaries existed, or whose
 * schedule changed and have had no check-in since): the release command runs it after the
 * migrations, the benchmark after seeding. Each habit in its own short transaction, locked like a
 * check-in write; safe to run beside live traffic and to interrupt. Each owner's today comes from
 * their own calendar at `now`. Returns how many it built.
 */
export async function backfillHabitSummaries(
  database: Database,
  now: Date,
  onProgress?: (built: number) => void,
): Promise<number> {
  const { read, transaction } = database.primary;
  let built = 0;
  for (;;) {
    const batch = await listHabitsWithoutSummary(read, 500);
    if (batch.length === 0) return built;
    for (const { userId, habitId, settings } of batch) {
      await transaction(async (tx) => {
        const found = await getHabitForUpdate(tx, userId, habitId);
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
