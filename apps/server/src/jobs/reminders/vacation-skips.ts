/**
 * Vacation days count as skips (decision 0019): each vacation day gets a stored skip check-in
 * ("On vacation") on the habits it covers once that day has begun in the user's zone — when the
 * vacation is saved, for days already begun, and by the reminder sender as later days begin. A day
 * the user has already recorded keeps the user's check-in. Stored skips are what streaks, scores,
 * summaries, exports and every screen already understand: nothing else had to learn about
 * vacations. The skips a vacation wrote (vacation_skips) go when it is shortened or deleted.
 */
import { addDays, localDateOf, type Weekday } from '@habit-tracker/core';
import * as db from '@habit-tracker/db';

/** Writes `from..through` of a vacation and refreshes the touched habits' summaries. */
export async function writeSkipsInTransaction(
  tx: db.Db,
  vacation: { id: string; userId: string; from: string; to: string; skipsThrough: string | null },
  today: string,
  weekStart: Weekday,
): Promise<number> {
  const through = vacation.to < today ? vacation.to : today;
  const from =
    vacation.skipsThrough !== null && vacation.skipsThrough >= vacation.from
      ? addDays(vacation.skipsThrough, 1)
      : vacation.from;
  if (through < from) return 0;
  const written = await db.writeVacationSkips(tx, vacation.userId, vacation.id, from, through);
  await refreshSummaries(tx, vacation.userId, written, today, weekStart);
  return written.length;
}

export async function refreshSummaries(
  tx: db.Db,
  userId: string,
  changed: { habitId: string; earliest: string }[],
  today: string,
  weekStart: Weekday,
): Promise<void> {
  for (const { habitId, earliest } of changed) {
    const found = await db.getHabitForUpdate(tx, userId, habitId);
    if (!found) continue;
    await db.refreshHabitSummary(tx, {
      userId,
      habit: found.habit,
      stored: found.summary,
      written: earliest,
      today,
      weekStart,
    });
  }
}

/** The sender's pass: days that began since the last one. Returns how many habits got skips. */
export async function writeDueVacationSkips(primary: db.DbHandles, now: Date): Promise<number> {
  // The latest "today" anywhere (UTC+14): no user's day can be later.
  const latestToday = localDateOf(now, { timeZone: 'Pacific/Kiritimati', dayStartHour: 0 });
  const vacations = await db.vacationsToWrite(primary.read, latestToday, 500);
  let written = 0;
  for (const v of vacations) {
    const today = localDateOf(now, { timeZone: v.timeZone, dayStartHour: v.dayStartHour });
    if (today < v.from || (v.skipsThrough !== null && v.skipsThrough >= today)) continue;
    written += await primary.transaction((tx) =>
      writeSkipsInTransaction(tx, v, today, v.weekStart),
    );
  }
  return written;
}
