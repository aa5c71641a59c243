/**
 * Reminders, vacations and Web Push (docs/decisions/0019-reminders-and-web-push.md).
 *
 * The schedule is durable: each reminder row holds its next firing instant (computed by
 * packages/core from the user's zone and day start), and the sender turns due reminders into a
 * `notifications` row — the occurrence, recorded before anything is sent — and one
 * `notification_deliveries` row per device. Nothing about delivery lives only in memory.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { checkins, habits, users } from './schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    habitId: uuid('habit_id').notNull(),
    /** `HH:MM` on the user's wall clock. */
    time: text('time').notNull(),
    /** ISO weekdays of the habit day; null: the habit's due days. */
    days: smallint('days').array(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * The next occurrence: its instant and the habit day it is for. Null means "to plan": a new
     * zone or day start (a trigger nulls it) — the sender plans it again from now on.
     */
    nextFireAt: timestamp('next_fire_at', { withTimezone: true }),
    nextFireDate: date('next_fire_date', { mode: 'string' }),
    /** The habit day it last fired for: a day never fires twice, whatever the zone does. */
    lastFiredDate: date('last_fired_date', { mode: 'string' }),
  },
  (t) => [
    foreignKey({
      name: 'reminders_habit_owner_fk',
      columns: [t.habitId, t.userId],
      foreignColumns: [habits.id, habits.userId],
    }).onDelete('cascade'),
    check('reminders_time_check', sql`${t.time} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    index('reminders_user_habit_idx').on(t.userId, t.habitId),
    index('reminders_habit_idx').on(t.habitId),
    // The sender's scan: what is due, and what must be planned again.
    index('reminders_next_fire_idx').on(t.nextFireAt),
  ],
);

export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The push service's URL for this browser; one browser profile, one endpoint. */
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** What the user sees in the device list ("Chrome on Android"). */
    label: text('label').notNull().default(''),
    /**
     * This browser's language when it subscribed (the catalog the app picks from the browser's
     * languages; LOCALE_TAGS, checked by the API): reminders use it when the account has none.
     * Null = not told (English).
     */
    locale: text('locale'),
    createdAt: createdAt(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_idx').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

export const vacations = pgTable(
  'vacations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    /** True: every habit; false: the habits in vacation_habits. */
    allHabits: boolean('all_habits').notNull(),
    /** Skips are written up to here (the user's today when last looked at); null: none yet. */
    skipsThrough: date('skips_through', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('vacations_range_check', sql`${t.toDate} >= ${t.fromDate}`),
    index('vacations_user_idx').on(t.userId, t.fromDate),
    // The sender's scan for days whose skips are not written yet.
    index('vacations_open_idx').on(t.toDate),
  ],
);

export const vacationHabits = pgTable(
  'vacation_habits',
  {
    vacationId: uuid('vacation_id')
      .notNull()
      .references(() => vacations.id, { onDelete: 'cascade' }),
    habitId: uuid('habit_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'vacation_habits_pkey', columns: [t.vacationId, t.habitId] }),
    foreignKey({
      name: 'vacation_habits_habit_owner_fk',
      columns: [t.habitId, t.userId],
      foreignColumns: [habits.id, habits.userId],
    }).onDelete('cascade'),
    index('vacation_habits_habit_idx').on(t.habitId),
  ],
);

/**
 * The skip check-ins a vacation wrote, so that ending or deleting it removes those (and only
 * those) it made — never a check-in the user entered. Goes with its check-in.
 */
export const vacationSkips = pgTable(
  'vacation_skips',
  {
    habitId: uuid('habit_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    vacationId: uuid('vacation_id')
      .notNull()
      .references(() => vacations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'vacation_skips_pkey', columns: [t.habitId, t.date] }),
    foreignKey({
      name: 'vacation_skips_checkin_fk',
      columns: [t.habitId, t.date],
      foreignColumns: [checkins.habitId, checkins.date],
    }).onDelete('cascade'),
    index('vacation_skips_vacation_idx').on(t.vacationId),
    index('vacation_skips_user_idx').on(t.userId),
  ],
);

/** One notification: a reminder time's occurrence, a snooze, or a test. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reminder', 'snooze', 'test'] }).notNull(),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    /** The habit day it is about (null for a test). */
    date: date('date', { mode: 'string' }),
    /** Before it fires: the habits it may name; after: those it names (due, not done). */
    habitIds: uuid('habit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /**
     * scheduled → (fire time) → sent (deliveries made) | nothing_due | late (dropped).
     */
    status: text('status', { enum: ['scheduled', 'sent', 'nothing_due', 'late'] }).notNull(),
    /** A snooze: the notification it repeats (one snooze each). */
    snoozeOf: uuid('snooze_of'),
    /** A test: the one device it goes to. */
    subscriptionId: uuid('subscription_id'),
    createdAt: createdAt(),
  },
  (t) => [
    check('notifications_kind_check', sql`${t.kind} in ('reminder', 'snooze', 'test')`),
    check(
      'notifications_status_check',
      sql`${t.status} in ('scheduled', 'sent', 'nothing_due', 'late')`,
    ),
    // One notification per reminder time: reminders of one user at one instant share it.
    uniqueIndex('notifications_reminder_time_idx')
      .on(t.userId, t.fireAt)
      .where(sql`${t.kind} = 'reminder'`),
    uniqueIndex('notifications_snooze_idx').on(t.snoozeOf),
    index('notifications_scheduled_idx').on(t.fireAt).where(sql`${t.status} = 'scheduled'`),
    index('notifications_user_idx').on(t.userId, t.fireAt),
  ],
);

/** One notification to one device, and how sending it went. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    /**
     * pending → sending (claimed under a lease token) → sent | failed | late; back to pending
     * with a later next_attempt_at on 429/5xx. A `sending` row whose token is older than the
     * lease's is a crashed sender's: it is sent again (the id dedupes it on the device).
     */
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'late'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    claimToken: bigint('claim_token', { mode: 'number' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastStatus: smallint('last_status'),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({
      name: 'notification_deliveries_pkey',
      columns: [t.notificationId, t.subscriptionId],
    }),
    check(
      'notification_deliveries_status_check',
      sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'late')`,
    ),
    index('notification_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index('notification_deliveries_subscription_idx').on(t.subscriptionId),
    index('notification_deliveries_user_idx').on(t.userId),
  ],
);

/** Keys every machine must share: the VAPID key pair when not given in the environment. */
export const serverKeys = pgTable('server_keys', {
  name: text('name').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: createdAt(),
});

/** Leases: one holder at a time, across machines and regions (the reminder sender's). */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  /** Grows with every change of holder: work claimed under an older token is a dead holder's. */
  token: bigint('token', { mode: 'number' }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
