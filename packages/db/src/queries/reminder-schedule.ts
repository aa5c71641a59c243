/**
 * The reminder sender's queries. Unlike the rest of this package they work across users: the
 * sender is a system job, not a request (apps/server/src/jobs/reminders). Each one that claims
 * work runs in the caller's transaction with the lease checked in it (`holdsLease`), so a sender
 * that lost its lease cannot claim anything.
 */
import type { Checkin, Measure, Schedule, Weekday } from '@habit-tracker/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import type { ReminderRow } from './reminders';
import { measureFromColumns, uuidArray } from './rows';

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(query: Promise<unknown>): Promise<T[]> => ((await query) as Rows<T>).rows;

const instant = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const dateText = (v: string | Date | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

// ---- The lease ------------------------------------------------------------------------------

/**
 * Takes or renews lease `name` for `holder` for `ttlMs` (database time, so machines' clocks do not
 * matter). Returns the fencing token — it grows each time the holder changes — or null while
 * someone else holds an unexpired lease.
 */
export async function acquireLease(
  db: Db,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<number | null> {
  const [row] = await rowsOf<{ token: string | number }>(
    db.execute(sql`
      insert into leases (name, holder, token, expires_at)
      values (${name}, ${holder}, 1, now() + ${ttlMs} * interval '1 millisecond')
      on conflict (name) do update set
        token = case when leases.holder = excluded.holder then leases.token else leases.token + 1 end,
        holder = excluded.holder,
        expires_at = excluded.expires_at
      where leases.holder = excluded.holder or leases.expires_at < now()
      returning token`),
  );
  return row ? Number(row.token) : null;
}

/** Lets the lease go at once (a graceful stop), so another machine need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(
    sql`update leases set expires_at = now() - interval '1 second' where name = ${name} and holder = ${holder}`,
  );
}

/**
 * True while `holder` still holds `name` with `token`; locks the lease row (FOR SHARE) until the
 * transaction ends, so nobody takes it over while this transaction claims work under it.
 */
export async function holdsLease(
  tx: Db,
  name: string,
  holder: string,
  token: number,
): Promise<boolean> {
  const rows = await rowsOf<{ ok: number }>(
    tx.execute(sql`
      select 1 as ok from leases
      where name = ${name} and holder = ${holder} and token = ${token} and expires_at > now()
      for share`),
  );
  return rows.length > 0;
}

// ---- Planning ------------------------------------------------------------------------------

/** A reminder as its owner sees it (its timing), with the owner and the owner's calendar. */
export interface ReminderToPlan extends Omit<ReminderRow, 'createdAt' | 'updatedAt'> {
  userId: string;
  timeZone: string;
  dayStartHour: number;
}

const planColumns = sql`r.id, r.user_id as "userId", r.habit_id as "habitId", r.time, r.days,
  r.next_fire_at as "nextFireAt", r.next_fire_date::text as "nextFireDate",
  r.last_fired_date::text as "lastFiredDate", s.time_zone as "timeZone",
  s.day_start_hour as "dayStartHour"`;

type RawPlanRow = Omit<ReminderToPlan, 'nextFireAt' | 'days'> & {
  nextFireAt: string | Date | null;
  days: number[] | string | null;
};

function toPlanRow(r: RawPlanRow): ReminderToPlan {
  return {
    ...r,
    days: r.days === null ? null : (parseIntArray(r.days) as Weekday[]),
    nextFireAt: r.nextFireAt === null ? null : instant(r.nextFireAt),
    nextFireDate: dateText(r.nextFireDate),
    lastFiredDate: dateText(r.lastFiredDate),
  };
}

function parseIntArray(v: number[] | string): number[] {
  if (Array.isArray(v)) return v.map(Number);
  const inner = v.slice(1, -1);
  return inner === '' ? [] : inner.split(',').map(Number);
}

/** Reminders marked to be planned again (a new zone or day start), locked. */
export async function remindersToReplan(tx: Db, limit: number): Promise<ReminderToPlan[]> {
  const rows = await rowsOf<RawPlanRow>(
    tx.execute(sql`
      select ${planColumns} from reminders r join user_settings s on s.user_id = r.user_id
      where r.next_fire_at is null
      limit ${limit} for update of r skip locked`),
  );
  return rows.map(toPlanRow);
}

/**
 * Reminders due by `now`, locked: those of the users owning the `limit` oldest due ones — all of
 * each such user's due reminders, so reminders of one user at one instant are planned together
 * (they share one notification, which is prepared right after).
 */
export async function dueReminders(tx: Db, now: Date, limit: number): Promise<ReminderToPlan[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = await rowsOf<RawPlanRow>(
    tx.execute(sql`
      select ${planColumns} from reminders r join user_settings s on s.user_id = r.user_id
      where r.next_fire_at <= ${at}
        and r.user_id in (
          select oldest.user_id from (
            select user_id from reminders where next_fire_at <= ${at}
            order by next_fire_at, id limit ${limit}) oldest)
      order by r.next_fire_at, r.id
      for update of r skip locked`),
  );
  return rows.map(toPlanRow);
}

export interface PlannedNext {
  id: string;
  nextFireAt: Date | null;
  nextFireDate: string | null;
  /** Set when the reminder just fired for this habit day; null keeps the old value. */
  firedDate: string | null;
}

export async function setNextFires(tx: Db, planned: PlannedNext[]): Promise<void> {
  if (planned.length === 0) return;
  await tx.execute(sql`
    update reminders r set next_fire_at = v.at, next_fire_date = v.date,
      last_fired_date = coalesce(v.fired, r.last_fired_date)
    from (select unnest(${uuidArray(planned.map((p) => p.id))}) as id,
                 unnest(${sql.param(planned.map((p) => p.nextFireAt?.toISOString() ?? null))}::timestamptz[]) as at,
                 unnest(${sql.param(planned.map((p) => p.nextFireDate))}::date[]) as date,
                 unnest(${sql.param(planned.map((p) => p.firedDate))}::date[]) as fired) v
    where r.id = v.id`);
}

/**
 * Records the occurrence of one reminder time of one user: reminders of a user firing at the same
 * instant share one notification (their habits are merged).
 */
export async function recordReminderNotifications(
  tx: Db,
  items: { userId: string; fireAt: Date; date: string; habitIds: string[] }[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.execute(sql`
    insert into notifications (user_id, kind, fire_at, date, habit_ids, status)
    select v.user_id, 'reminder', v.fire_at, v.date, string_to_array(v.habits, ',')::uuid[], 'scheduled'
    from (select unnest(${uuidArray(items.map((i) => i.userId))}) as user_id,
                 unnest(${sql.param(items.map((i) => i.fireAt.toISOString()))}::timestamptz[]) as fire_at,
                 unnest(${sql.param(items.map((i) => i.date))}::date[]) as date,
                 unnest(${sql.param(items.map((i) => i.habitIds.join(',')))}::text[]) as habits) v
    on conflict (user_id, fire_at) where kind = 'reminder' do update set
      habit_ids = array(select distinct unnest(notifications.habit_ids || excluded.habit_ids))
    where notifications.status = 'scheduled'`);
}

// ---- Preparing notifications --------------------------------------------------------------

export interface NotificationToPrepare {
  id: string;
  userId: string;
  kind: 'reminder' | 'snooze' | 'test';
  fireAt: Date;
  date: string | null;
  habitIds: string[];
  subscriptionId: string | null;
  weekStart: Weekday;
}

/** Scheduled notifications whose time has come, locked. */
export async function dueNotifications(
  tx: Db,
  now: Date,
  limit: number,
): Promise<NotificationToPrepare[]> {
  const rows = await rowsOf<
    Omit<NotificationToPrepare, 'fireAt' | 'habitIds'> & {
      fireAt: string | Date;
      habitIds: string[] | string;
    }
  >(
    tx.execute(sql`
      select n.id, n.user_id as "userId", n.kind, n.fire_at as "fireAt", n.date::text as date,
        n.habit_ids::text[] as "habitIds", n.subscription_id as "subscriptionId",
        s.week_start as "weekStart"
      from notifications n join user_settings s on s.user_id = n.user_id
      where n.status = 'scheduled' and n.fire_at <= ${now.toISOString()}::timestamptz
      order by n.fire_at, n.id
      limit ${limit} for update of n skip locked`),
  );
  return rows.map((r) => ({
    ...r,
    fireAt: instant(r.fireAt),
    date: dateText(r.date),
    habitIds: Array.isArray(r.habitIds) ? r.habitIds : parseTextArray(r.habitIds),
  }));
}

function parseTextArray(v: string): string[] {
  const inner = v.slice(1, -1);
  return inner === '' ? [] : inner.split(',');
}

export interface HabitForReminder {
  id: string;
  userId: string;
  name: string;
  schedule: Schedule;
  measure: Measure;
  startDate: string;
  archived: boolean;
  checkins: Checkin[];
}

/** The habits, with their check-ins in `from..to`, for deciding whom a reminder names. */
export async function habitsForReminders(
  tx: Db,
  habitIds: string[],
  from: string,
  to: string,
): Promise<Map<string, HabitForReminder>> {
  const found = new Map<string, HabitForReminder>();
  if (habitIds.length === 0) return found;
  const habitRows = await rowsOf<{
    id: string;
    userId: string;
    name: string;
    schedule: Schedule | string;
    kind: 'boolean' | 'numeric';
    unit: string | null;
    target: number | null;
    targetDirection: 'at_least' | 'at_most' | null;
    startDate: string;
    archived: boolean;
  }>(
    tx.execute(sql`
      select id, user_id as "userId", name, schedule, kind, unit, target,
        target_direction as "targetDirection", start_date::text as "startDate",
        archived_at is not null as archived
      from habits where id = any(${uuidArray(habitIds)})`),
  );
  for (const h of habitRows) {
    found.set(h.id, {
      id: h.id,
      userId: h.userId,
      name: h.name,
      schedule: typeof h.schedule === 'string' ? (JSON.parse(h.schedule) as Schedule) : h.schedule,
      measure: measureFromColumns(h),
      startDate: dateText(h.startDate)!,
      archived: h.archived,
      checkins: [],
    });
  }
  const checkinRows = await rowsOf<{
    habitId: string;
    date: string;
    state: 'done' | 'skipped';
    value: number | null;
  }>(
    tx.execute(sql`
      select habit_id as "habitId", date::text as date, state, value from checkins
      where habit_id = any(${uuidArray(habitIds)}) and date >= ${from}::date and date <= ${to}::date`),
  );
  for (const c of checkinRows) {
    found.get(c.habitId)?.checkins.push({
      date: dateText(c.date)!,
      state: c.state,
      value: c.value === null ? null : Number(c.value),
    });
  }
  return found;
}

export interface UserVacation {
  userId: string;
  from: string;
  to: string;
  habitIds: string[] | null;
}

/** The users' vacations that overlap `from..to`. */
export async function vacationsOverlapping(
  tx: Db,
  userIds: string[],
  from: string,
  to: string,
): Promise<UserVacation[]> {
  if (userIds.length === 0) return [];
  const rows = await rowsOf<{
    userId: string;
    from: string;
    to: string;
    allHabits: boolean;
    habitIds: string[] | string;
  }>(
    tx.execute(sql`
      select v.user_id as "userId", v.from_date::text as "from", v.to_date::text as "to",
        v.all_habits as "allHabits",
        array(select habit_id::text from vacation_habits h where h.vacation_id = v.id) as "habitIds"
      from vacations v
      where v.user_id = any(${uuidArray(userIds)}) and v.to_date >= ${from}::date and v.from_date <= ${to}::date`),
  );
  return rows.map((r) => ({
    userId: r.userId,
    from: dateText(r.from)!,
    to: dateText(r.to)!,
    habitIds: r.allHabits
      ? null
      : Array.isArray(r.habitIds)
        ? r.habitIds
        : parseTextArray(r.habitIds),
  }));
}

/**
 * The outcome of each due notification: `sent` (with the habits it names) creates one pending
 * delivery per device of its user — or only its own device, for a test.
 */
export async function settleNotifications(
  tx: Db,
  now: Date,
  outcomes: {
    id: string;
    status: 'sent' | 'nothing_due' | 'late';
    habitIds: string[];
  }[],
): Promise<number> {
  if (outcomes.length === 0) return 0;
  await tx.execute(sql`
    update notifications n set status = v.status, habit_ids = string_to_array(v.habits, ',')::uuid[]
    from (select unnest(${uuidArray(outcomes.map((o) => o.id))}) as id,
                 unnest(${sql.param(outcomes.map((o) => o.status))}::text[]) as status,
                 unnest(${sql.param(outcomes.map((o) => o.habitIds.join(',')))}::text[]) as habits) v
    where n.id = v.id`);
  const sent = outcomes.filter((o) => o.status === 'sent').map((o) => o.id);
  if (sent.length === 0) return 0;
  const inserted = await rowsOf<{ n: number }>(
    tx.execute(sql`
      with made as (
        insert into notification_deliveries (notification_id, subscription_id, user_id, status, next_attempt_at)
        select n.id, p.id, n.user_id, 'pending', ${now.toISOString()}::timestamptz
        from notifications n join push_subscriptions p on p.user_id = n.user_id
        where n.id = any(${uuidArray(sent)})
          and (n.subscription_id is null or n.subscription_id = p.id)
        on conflict do nothing returning 1)
      select count(*)::int as n from made`),
  );
  return Number(inserted[0]?.n ?? 0);
}

// ---- Sending -------------------------------------------------------------------------------

export interface ClaimedDelivery {
  notificationId: string;
  subscriptionId: string;
  attempts: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  kind: 'reminder' | 'snooze' | 'test';
  fireAt: Date;
  date: string | null;
  habits: { id: string; name: string; boolean: boolean }[];
  /** The account's language (user_settings.locale); null: none chosen. */
  locale: string | null;
  /** The device's language when it subscribed (push_subscriptions.locale); null: not told. */
  deviceLocale: string | null;
}

/**
 * Claims up to `limit` deliveries due by `now` for sending under lease `token`: pending ones, and
 * those a dead sender (an older token) or a stuck attempt (past its deadline) left `sending`.
 * Each claimed row is `sending` with a deadline of `now + claimMs`.
 */
export async function claimDeliveries(
  tx: Db,
  token: number,
  now: Date,
  limit: number,
  claimMs: number,
): Promise<ClaimedDelivery[]> {
  const nowText = now.toISOString();
  // As the drivers give them: PGlite and node-postgres differ on timestamps and json.
  const rows = await rowsOf<
    Omit<ClaimedDelivery, 'fireAt' | 'habits'> & {
      fireAt: string | Date;
      habits: string | ClaimedDelivery['habits'] | null;
    }
  >(
    tx.execute(sql`
      with picked as (
        select d.notification_id, d.subscription_id from notification_deliveries d
        where d.status in ('pending', 'sending')
          and (d.next_attempt_at <= ${nowText}::timestamptz or (d.status = 'sending' and d.claim_token < ${token}))
        order by d.next_attempt_at
        limit ${limit} for update skip locked),
      claimed as (
        update notification_deliveries d set status = 'sending', claim_token = ${token},
          attempts = d.attempts + 1,
          next_attempt_at = ${nowText}::timestamptz + ${claimMs} * interval '1 millisecond'
        from picked
        where d.notification_id = picked.notification_id and d.subscription_id = picked.subscription_id
        returning d.notification_id, d.subscription_id, d.attempts)
      select c.notification_id as "notificationId", c.subscription_id as "subscriptionId",
        c.attempts, p.endpoint, p.p256dh, p.auth, n.kind, n.fire_at as "fireAt", n.date::text as date,
        (select json_agg(json_build_object('id', h.id, 'name', h.name, 'boolean', h.kind = 'boolean')
                         order by h.position, h.created_at)
           from habits h where h.id = any(n.habit_ids) and h.user_id = n.user_id) as habits,
        s.locale, p.locale as "deviceLocale"
      from claimed c
        join push_subscriptions p on p.id = c.subscription_id
        join notifications n on n.id = c.notification_id
        left join user_settings s on s.user_id = n.user_id`),
  );
  return rows.map((r) => ({
    ...r,
    attempts: Number(r.attempts),
    fireAt: instant(r.fireAt),
    date: dateText(r.date),
    habits: r.habits === null ? [] : typeof r.habits === 'string' ? JSON.parse(r.habits) : r.habits,
  }));
}

export interface DeliveryResult {
  notificationId: string;
  subscriptionId: string;
  status: 'sent' | 'pending' | 'failed' | 'late';
  /** For `pending`: when to try again. */
  nextAttemptAt: Date;
  httpStatus: number | null;
  error: string | null;
}

/** Writes what sending did; `gone` subscriptions (404/410) are deleted with their deliveries. */
export async function recordDeliveryResults(
  db: Db,
  now: Date,
  results: DeliveryResult[],
  goneSubscriptions: string[],
): Promise<void> {
  if (results.length > 0) {
    await db.execute(sql`
      update notification_deliveries d set status = v.status, next_attempt_at = v.next_at,
        last_status = v.http_status, last_error = v.error,
        sent_at = case when v.status = 'sent' then ${now.toISOString()}::timestamptz else d.sent_at end
      from (select unnest(${uuidArray(results.map((r) => r.notificationId))}) as nid,
                   unnest(${uuidArray(results.map((r) => r.subscriptionId))}) as sid,
                   unnest(${sql.param(results.map((r) => r.status))}::text[]) as status,
                   unnest(${sql.param(results.map((r) => r.nextAttemptAt.toISOString()))}::timestamptz[]) as next_at,
                   unnest(${sql.param(results.map((r) => r.httpStatus))}::smallint[]) as http_status,
                   unnest(${sql.param(results.map((r) => r.error))}::text[]) as error) v
      where d.notification_id = v.nid and d.subscription_id = v.sid and d.status = 'sending'`);
    const ok = [
      ...new Set(results.filter((r) => r.status === 'sent').map((r) => r.subscriptionId)),
    ];
    if (ok.length > 0) {
      await db.execute(sql`
        update push_subscriptions set last_success_at = ${now.toISOString()}::timestamptz
        where id = any(${uuidArray(ok)})`);
    }
  }
  if (goneSubscriptions.length > 0) {
    await db.execute(
      sql`delete from push_subscriptions where id = any(${uuidArray(goneSubscriptions)})`,
    );
  }
}

// ---- Vacations -----------------------------------------------------------------------------

export interface VacationToWrite {
  id: string;
  userId: string;
  from: string;
  to: string;
  skipsThrough: string | null;
  timeZone: string;
  dayStartHour: number;
  weekStart: Weekday;
}

/** Vacations with days whose skips may not be written yet (from has begun somewhere on Earth). */
export async function vacationsToWrite(
  db: Db,
  latestToday: string,
  limit: number,
): Promise<VacationToWrite[]> {
  const rows = await rowsOf<VacationToWrite>(
    db.execute(sql`
      select v.id, v.user_id as "userId", v.from_date::text as "from", v.to_date::text as "to",
        v.skips_through::text as "skipsThrough", s.time_zone as "timeZone",
        s.day_start_hour as "dayStartHour", s.week_start as "weekStart"
      from vacations v join user_settings s on s.user_id = v.user_id
      where (v.skips_through is null or v.skips_through < v.to_date)
        and v.from_date <= ${latestToday}::date
      order by v.from_date limit ${limit}`),
  );
  return rows.map((r) => ({
    ...r,
    from: dateText(r.from)!,
    to: dateText(r.to)!,
    skipsThrough: dateText(r.skipsThrough),
  }));
}

/**
 * Writes skip check-ins ("On vacation") for `from..through` on the habits vacation `id` covers —
 * active, started by then, without a check-in that day — records them as the vacation's, and
 * moves its skipsThrough to `through`. Returns the habits written to, with the earliest date.
 */
export async function writeVacationSkips(
  tx: Db,
  userId: string,
  id: string,
  from: string,
  through: string,
): Promise<{ habitId: string; earliest: string }[]> {
  const rows = await rowsOf<{ habitId: string; earliest: string }>(
    tx.execute(sql`
      with v as (select * from vacations where id = ${id} and user_id = ${userId}),
      targets as (
        select h.id as habit_id, h.user_id, d::date as date
        from v cross join generate_series(${from}::date, ${through}::date, interval '1 day') d
          join habits h on h.user_id = v.user_id
        where h.archived_at is null and h.start_date <= d::date
          and (v.all_habits or h.id in (select habit_id from vacation_habits where vacation_id = v.id))),
      written as (
        insert into checkins (habit_id, user_id, date, state, value, note, created_at, updated_at)
        select habit_id, user_id, date, 'skipped', null, 'On vacation', now(), now() from targets
        on conflict (habit_id, date) do nothing
        returning habit_id, date),
      recorded as (
        insert into vacation_skips (habit_id, date, vacation_id, user_id)
        select habit_id, date, ${id}, ${userId} from written)
      select habit_id as "habitId", min(date)::text as earliest from written group by habit_id`),
  );
  await tx.execute(sql`
    update vacations set skips_through = ${through}::date
    where id = ${id} and user_id = ${userId}
      and (skips_through is null or skips_through < ${through}::date)`);
  return rows.map((r) => ({ habitId: r.habitId, earliest: dateText(r.earliest)! }));
}

/** Forgets notifications (and their deliveries) older than `before`. */
export async function deleteOldNotifications(db: Db, before: Date): Promise<number> {
  const rows = await rowsOf<{ n: number }>(
    db.execute(sql`
      with gone as (delete from notifications where fire_at < ${before.toISOString()}::timestamptz
        and status <> 'scheduled' returning 1)
      select count(*)::int as n from gone`),
  );
  return Number(rows[0]?.n ?? 0);
}

/** The VAPID key pair every machine signs with: made once, by whoever asks first. */
export async function ensureServerKeys(
  db: Db,
  name: string,
  make: () => { publicKey: string; privateKey: string },
): Promise<{ publicKey: string; privateKey: string }> {
  const existing = await readServerKeys(db, name);
  if (existing) return existing;
  const made = make();
  await db.execute(sql`
    insert into server_keys (name, public_key, private_key)
    values (${name}, ${made.publicKey}, ${made.privateKey}) on conflict (name) do nothing`);
  // Another machine may have won the race: everyone uses the stored pair.
  return (await readServerKeys(db, name))!;
}

export async function readServerKeys(
  db: Db,
  name: string,
): Promise<{ publicKey: string; privateKey: string } | null> {
  const [row] = await rowsOf<{ publicKey: string; privateKey: string }>(
    db.execute(sql`
      select public_key as "publicKey", private_key as "privateKey" from server_keys where name = ${name}`),
  );
  return row ?? null;
}
