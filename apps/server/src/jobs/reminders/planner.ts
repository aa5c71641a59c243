/**
 * From the durable schedule to notifications, in transactions on the primary:
 *
 * 1. `replanReminders`: reminders whose user changed zone or day start (a trigger nulled their
 *    next instant) get one again, from now on, never for a habit day that already fired.
 * 2. `planDueReminders`: each reminder whose instant has come is recorded as (part of) its user's
 *    notification for that instant — the occurrence, written before anything is sent — and moves
 *    on to its next instant, in the same transaction. A crash before the commit leaves the
 *    reminder due (planned again); after it, the notification exists (sent next). No skip, no twin.
 * 3. `prepareDueNotifications`: a notification whose time has come decides what it says — the
 *    habits due and not done that day (core's habitsToRemind) — and gets one pending delivery per
 *    device. One that is too late, or names nothing, is closed without a delivery.
 */
import {
  addDays,
  habitsToRemind,
  nextReminderOccurrence,
  type VacationRange,
} from '@habit-tracker/core';
import * as db from '@habit-tracker/db';

const BATCH = 500;

/**
 * A replan looks this far back: the sender notices a zone change within a pass (a second), and an
 * occurrence of the new zone at that very moment must not be lost.
 */
const REPLAN_LOOKBACK_MS = 5_000;

export async function replanReminders(primary: db.DbHandles, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await primary.transaction(async (tx) => {
      const rows = await db.remindersToReplan(tx, BATCH);
      await db.setNextFires(
        tx,
        rows.map((r) => {
          const next = nextReminderOccurrence(
            { time: r.time, days: r.days },
            { timeZone: r.timeZone, dayStartHour: r.dayStartHour },
            now.getTime() - REPLAN_LOOKBACK_MS,
            r.lastFiredDate,
          );
          return {
            id: r.id,
            nextFireAt: next ? new Date(next.at) : null,
            nextFireDate: next?.date ?? null,
            firedDate: null,
          };
        }),
      );
      return rows.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
}

/** Plans due reminders, `BATCH` per transaction, at most `batches` of them (all by default). */
export async function planDueReminders(
  primary: db.DbHandles,
  now: Date,
  batches = Number.POSITIVE_INFINITY,
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < batches; batch++) {
    const count = await primary.transaction(async (tx) => {
      const rows = await db.dueReminders(tx, now, BATCH);
      const groups = new Map<
        string,
        { userId: string; fireAt: Date; date: string; habitIds: string[] }
      >();
      const planned: db.PlannedNext[] = [];
      for (const r of rows) {
        // dueReminders only returns rows with an instant and its habit day.
        const fireAt = r.nextFireAt!;
        const date = r.nextFireDate!;
        const key = `${r.userId} ${fireAt.getTime()}`;
        const group = groups.get(key) ?? { userId: r.userId, fireAt, date, habitIds: [] };
        if (!group.habitIds.includes(r.habitId)) group.habitIds.push(r.habitId);
        groups.set(key, group);
        const next = nextReminderOccurrence(
          { time: r.time, days: r.days },
          { timeZone: r.timeZone, dayStartHour: r.dayStartHour },
          fireAt.getTime(),
          date,
        );
        planned.push({
          id: r.id,
          nextFireAt: next ? new Date(next.at) : null,
          nextFireDate: next?.date ?? null,
          firedDate: date,
        });
      }
      await db.recordReminderNotifications(tx, [...groups.values()]);
      await db.setNextFires(tx, planned);
      return rows.length;
    });
    total += count;
    if (count < BATCH) return total;
  }
  return total;
}

export const PLAN_BATCH = BATCH;

export interface PrepareCounts {
  sent: number;
  nothingDue: number;
  late: number;
  deliveries: number;
}

export async function prepareDueNotifications(
  primary: db.DbHandles,
  now: Date,
  maxLateMs: number,
  counts: PrepareCounts = { sent: 0, nothingDue: 0, late: 0, deliveries: 0 },
  batches = Number.POSITIVE_INFINITY,
): Promise<PrepareCounts & { lastBatch: number }> {
  let count = 0;
  for (let batch = 0; batch < batches; batch++) {
    count = await primary.transaction(async (tx) => {
      const due = await db.dueNotifications(tx, now, BATCH);
      if (due.length === 0) return 0;
      const dated = due.filter((n) => n.kind !== 'test' && n.date !== null);
      const dates = dated.map((n) => n.date!).sort();
      const from = dates.length > 0 ? addDays(dates[0]!, -31) : '';
      const to = dates.length > 0 ? dates[dates.length - 1]! : '';
      const habits =
        dated.length > 0
          ? await db.habitsForReminders(
              tx,
              [...new Set(dated.flatMap((n) => n.habitIds))],
              from,
              to,
            )
          : new Map<string, db.HabitForReminder>();
      const vacations =
        dated.length > 0
          ? await db.vacationsOverlapping(tx, [...new Set(dated.map((n) => n.userId))], from, to)
          : [];
      const outcomes = due.map((n) => {
        if (now.getTime() - n.fireAt.getTime() > maxLateMs) {
          counts.late++;
          return { id: n.id, status: 'late' as const, habitIds: n.habitIds };
        }
        if (n.kind === 'test') {
          counts.sent++;
          return { id: n.id, status: 'sent' as const, habitIds: [] };
        }
        const own = n.habitIds
          .map((id) => habits.get(id))
          .filter((h): h is db.HabitForReminder => h !== undefined && h.userId === n.userId);
        const ranges: VacationRange[] = vacations.filter((v) => v.userId === n.userId);
        const named = habitsToRemind(own, n.date!, n.weekStart, ranges);
        if (named.length === 0) {
          counts.nothingDue++;
          return { id: n.id, status: 'nothing_due' as const, habitIds: [] };
        }
        counts.sent++;
        return { id: n.id, status: 'sent' as const, habitIds: named };
      });
      counts.deliveries += await db.settleNotifications(tx, now, outcomes);
      return due.length;
    });
    if (count < BATCH) break;
  }
  return { ...counts, lastBatch: count };
}
