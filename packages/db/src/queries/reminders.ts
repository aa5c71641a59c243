/**
 * Reminders, push subscriptions, vacations and notifications as their owner sees them. Every
 * query filters by user_id: another user's object is indistinguishable from a missing one.
 * (The sender's own queries, across users, are in reminder-schedule.ts.)
 */
import type { Weekday } from '@habit-tracker/core';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { habits } from '../schema';
import {
  notifications,
  pushSubscriptions,
  reminders,
  vacationHabits,
  vacationSkips,
  vacations,
} from '../schema-reminders';
import { uuidArray } from './rows';

export interface ReminderRow {
  id: string;
  habitId: string;
  time: string;
  days: Weekday[] | null;
  nextFireAt: Date | null;
  nextFireDate: string | null;
  lastFiredDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const reminderColumns = {
  id: reminders.id,
  habitId: reminders.habitId,
  time: reminders.time,
  days: reminders.days,
  nextFireAt: reminders.nextFireAt,
  nextFireDate: reminders.nextFireDate,
  lastFiredDate: reminders.lastFiredDate,
  createdAt: reminders.createdAt,
  updatedAt: reminders.updatedAt,
};

const toReminder = (r: Omit<ReminderRow, 'days'> & { days: number[] | null }): ReminderRow => ({
  id: r.id,
  habitId: r.habitId,
  time: r.time,
  days: (r.days as Weekday[] | null) ?? null,
  nextFireAt: r.nextFireAt,
  nextFireDate: r.nextFireDate,
  lastFiredDate: r.lastFiredDate,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export interface NextFire {
  nextFireAt: Date | null;
  nextFireDate: string | null;
}

export async function listReminders(
  db: Db,
  userId: string,
  habitId?: string,
): Promise<ReminderRow[]> {
  const rows = await db
    .select(reminderColumns)
    .from(reminders)
    .where(and(eq(reminders.userId, userId), habitId ? eq(reminders.habitId, habitId) : undefined))
    .orderBy(asc(reminders.habitId), asc(reminders.time), asc(reminders.createdAt));
  return rows.map(toReminder);
}

export async function getReminder(db: Db, userId: string, id: string): Promise<ReminderRow | null> {
  const [row] = await db
    .select(reminderColumns)
    .from(reminders)
    .where(and(eq(reminders.userId, userId), eq(reminders.id, id)));
  return row ? toReminder(row) : null;
}

/** Null when the habit is not the user's: the row is taken from the user's own habit. */
export async function createReminder(
  db: Db,
  userId: string,
  input: { habitId: string; time: string; days: Weekday[] | null } & NextFire,
): Promise<ReminderRow | null> {
  const ownHabit = db
    .select({
      id: sql`gen_random_uuid()`.as('id'),
      userId: habits.userId,
      habitId: habits.id,
      time: sql`${input.time}::text`.as('time'),
      days: sql`${input.days === null ? null : sql.param(input.days)}::smallint[]`.as('days'),
      createdAt: sql`now()`.as('created_at'),
      updatedAt: sql`now()`.as('updated_at'),
      nextFireAt: sql`${input.nextFireAt?.toISOString() ?? null}::timestamptz`.as('next_fire_at'),
      nextFireDate: sql`${input.nextFireDate}::date`.as('next_fire_date'),
      lastFiredDate: sql`null::date`.as('last_fired_date'),
    })
    .from(habits)
    .where(and(eq(habits.userId, userId), eq(habits.id, input.habitId)));
  const [row] = await db.insert(reminders).select(ownHabit).returning(reminderColumns);
  return row ? toReminder(row) : null;
}

export async function updateReminder(
  db: Db,
  userId: string,
  id: string,
  patch: { time: string; days: Weekday[] | null } & NextFire,
): Promise<ReminderRow | null> {
  const [row] = await db
    .update(reminders)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(reminders.userId, userId), eq(reminders.id, id)))
    .returning(reminderColumns);
  return row ? toReminder(row) : null;
}

export async function deleteReminder(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(reminders)
    .where(and(eq(reminders.userId, userId), eq(reminders.id, id)))
    .returning({ id: reminders.id });
  return rows.length > 0;
}

// ---- Push subscriptions ------------------------------------------------------------------

export interface PushSubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  label: string;
  createdAt: Date;
  lastSuccessAt: Date | null;
}

const subscriptionColumns = {
  id: pushSubscriptions.id,
  endpoint: pushSubscriptions.endpoint,
  p256dh: pushSubscriptions.p256dh,
  auth: pushSubscriptions.auth,
  label: pushSubscriptions.label,
  createdAt: pushSubscriptions.createdAt,
  lastSuccessAt: pushSubscriptions.lastSuccessAt,
};

/**
 * Saves this browser's subscription for the user. An endpoint names one browser profile, so a
 * known endpoint moves to whoever signed in there last (with its new keys).
 */
export async function savePushSubscription(
  db: Db,
  userId: string,
  input: { endpoint: string; p256dh: string; auth: string; label: string; locale?: string },
): Promise<PushSubscriptionRow> {
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ userId, ...input })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        userId,
        p256dh: input.p256dh,
        auth: input.auth,
        label: input.label,
        // Not told this time: the language it had stays.
        ...(input.locale === undefined ? {} : { locale: input.locale }),
      },
    })
    .returning(subscriptionColumns);
  return row!;
}

export async function listPushSubscriptions(
  db: Db,
  userId: string,
): Promise<PushSubscriptionRow[]> {
  return db
    .select(subscriptionColumns)
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(desc(pushSubscriptions.createdAt), asc(pushSubscriptions.id));
}

export async function getPushSubscription(
  db: Db,
  userId: string,
  id: string,
): Promise<PushSubscriptionRow | null> {
  const [row] = await db
    .select(subscriptionColumns)
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.id, id)));
  return row ?? null;
}

export async function deletePushSubscription(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.id, id)))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

// ---- Notifications -------------------------------------------------------------------------

export interface NotificationRow {
  id: string;
  kind: 'reminder' | 'snooze' | 'test';
  fireAt: Date;
  date: string | null;
  habitIds: string[];
  status: 'scheduled' | 'sent' | 'nothing_due' | 'late';
  snoozeOf: string | null;
  subscriptionId: string | null;
}

const notificationColumns = {
  id: notifications.id,
  kind: notifications.kind,
  fireAt: notifications.fireAt,
  date: notifications.date,
  habitIds: notifications.habitIds,
  status: notifications.status,
  snoozeOf: notifications.snoozeOf,
  subscriptionId: notifications.subscriptionId,
};

export async function getNotification(
  db: Db,
  userId: string,
  id: string,
): Promise<NotificationRow | null> {
  const [row] = await db
    .select(notificationColumns)
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
  return row ?? null;
}

/** A test notification to one of the user's devices, due now. Null when the device is not theirs. */
export async function createTestNotification(
  db: Db,
  userId: string,
  subscriptionId: string,
  fireAt: Date,
): Promise<NotificationRow | null> {
  const own = await getPushSubscription(db, userId, subscriptionId);
  if (!own) return null;
  const [row] = await db
    .insert(notifications)
    .values({ userId, kind: 'test', fireAt, status: 'scheduled', subscriptionId })
    .returning(notificationColumns);
  return row!;
}

/**
 * One more notification for the same habits at `fireAt`. A notification is snoozed once: asking
 * again answers the snooze already made (`created: false`). Null when it is not the user's.
 */
export async function snoozeNotification(
  db: Db,
  userId: string,
  id: string,
  fireAt: Date,
): Promise<{ snooze: NotificationRow; created: boolean } | null> {
  const original = await getNotification(db, userId, id);
  if (!original) return null;
  const [inserted] = await db
    .insert(notifications)
    .values({
      userId,
      kind: 'snooze',
      fireAt,
      date: original.date,
      habitIds: original.habitIds,
      status: 'scheduled',
      snoozeOf: original.snoozeOf ?? original.id,
    })
    .onConflictDoNothing()
    .returning(notificationColumns);
  if (inserted) return { snooze: inserted, created: true };
  const [existing] = await db
    .select(notificationColumns)
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.snoozeOf, original.snoozeOf ?? original.id),
      ),
    );
  return existing ? { snooze: existing, created: false } : null;
}

// ---- Vacations ----------------------------------------------------------------------------

export interface VacationRow {
  id: string;
  from: string;
  to: string;
  /** Null: every habit. */
  habitIds: string[] | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function listVacations(db: Db, userId: string): Promise<VacationRow[]> {
  const result = (await db.execute(sql`
    select v.id, v.from_date::text as "from", v.to_date::text as "to", v.all_habits as "allHabits",
      v.created_at as "createdAt", v.updated_at as "updatedAt",
      coalesce((select array_agg(h.habit_id::text order by h.habit_id) from ${vacationHabits} h
        where h.vacation_id = v.id), '{}') as "habitIds"
    from ${vacations} v where v.user_id = ${userId}
    order by v.from_date desc, v.id`)) as unknown as {
    rows: {
      id: string;
      from: string;
      to: string;
      allHabits: boolean;
      habitIds: string[] | string;
      createdAt: string | Date;
      updatedAt: string | Date;
    }[];
  };
  return result.rows.map((r) => ({
    id: r.id,
    from: r.from,
    to: r.to,
    habitIds: r.allHabits ? null : parsePgArray(r.habitIds),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  }));
}

export async function getVacation(db: Db, userId: string, id: string): Promise<VacationRow | null> {
  return (await listVacations(db, userId)).find((v) => v.id === id) ?? null;
}

/** Both drivers' shapes of a text[] from a raw query: an array, or PostgreSQL's `{a,b}`. */
function parsePgArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.slice(1, -1);
  return inner === '' ? [] : inner.split(',');
}

/** How many of `habitIds` are the user's (all must be, for a vacation of chosen habits). */
export async function countOwnHabits(db: Db, userId: string, habitIds: string[]): Promise<number> {
  if (habitIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(habits)
    .where(and(eq(habits.userId, userId), sql`${habits.id} = any(${uuidArray(habitIds)})`));
  return row?.n ?? 0;
}

export async function createVacation(
  db: Db,
  userId: string,
  input: { from: string; to: string; habitIds: string[] | null },
): Promise<string> {
  const [row] = await db
    .insert(vacations)
    .values({
      userId,
      fromDate: input.from,
      toDate: input.to,
      allHabits: input.habitIds === null,
    })
    .returning({ id: vacations.id });
  if (input.habitIds && input.habitIds.length > 0) {
    await db
      .insert(vacationHabits)
      .values(input.habitIds.map((habitId) => ({ vacationId: row!.id, habitId, userId })));
  }
  return row!.id;
}

/**
 * Changes a vacation's range and habits: the skips it wrote that it no longer covers are removed
 * first (removeVacationSkips), and skipsThrough starts again so the new range is written. False
 * when it is not the user's.
 */
export async function updateVacation(
  db: Db,
  userId: string,
  id: string,
  input: { from: string; to: string; habitIds: string[] | null },
): Promise<boolean> {
  const rows = await db
    .update(vacations)
    .set({
      fromDate: input.from,
      toDate: input.to,
      allHabits: input.habitIds === null,
      skipsThrough: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(vacations.userId, userId), eq(vacations.id, id)))
    .returning({ id: vacations.id });
  if (rows.length === 0) return false;
  await db.delete(vacationHabits).where(eq(vacationHabits.vacationId, id));
  if (input.habitIds && input.habitIds.length > 0) {
    await db
      .insert(vacationHabits)
      .values(input.habitIds.map((habitId) => ({ vacationId: id, habitId, userId })));
  }
  return true;
}

export async function deleteVacation(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(vacations)
    .where(and(eq(vacations.userId, userId), eq(vacations.id, id)))
    .returning({ id: vacations.id });
  return rows.length > 0;
}

/**
 * Deletes the skip check-ins vacation `id` wrote that are still skips and that `keep` (the
 * vacation's new coverage) does not include; returns the habits whose history changed, with the
 * earliest date removed (their summaries need refreshing).
 */
export async function removeVacationSkips(
  db: Db,
  userId: string,
  id: string,
  keep: { from: string; to: string; habitIds: string[] | null } | null,
): Promise<{ habitId: string; earliest: string }[]> {
  const outside = keep
    ? sql`and (s.date < ${keep.from}::date or s.date > ${keep.to}::date ${
        keep.habitIds === null ? sql`` : sql`or not (s.habit_id = any(${uuidArray(keep.habitIds)}))`
      })`
    : sql``;
  const result = (await db.execute(sql`
    with gone as (
      delete from checkins c using ${vacationSkips} s
      where s.vacation_id = ${id} and s.user_id = ${userId}
        and c.habit_id = s.habit_id and c.date = s.date and c.user_id = ${userId}
        and c.state = 'skipped' ${outside}
      returning c.habit_id, c.date)
    select habit_id as "habitId", min(date)::text as earliest from gone group by habit_id`)) as unknown as {
    rows: { habitId: string; earliest: string }[];
  };
  // Records of skips the user has since changed (now 'done') are forgotten too: they are theirs.
  await db.execute(sql`
    delete from ${vacationSkips} s where s.vacation_id = ${id} and s.user_id = ${userId} ${outside}`);
  return result.rows;
}
