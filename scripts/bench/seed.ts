/**
 * Fills a migrated database with benchmark users, set-based: every table is one
 * `insert … select … from generate_series(…)` (check-ins in chunks of users, for the progress
 * bar), with a hash of (seed, user, habit, day) standing in for a seeded PRNG. The same ids and
 * session tokens are derived here in TypeScript, so the load generator needs no database access.
 */
import { createHash } from 'node:crypto';
import { backfillHabitSummaries, openDatabase } from '@habit-tracker/db';
import { sql } from 'drizzle-orm';
import { createProgress } from './progress';
import type { SeedReport } from './report';
import type { BenchData, BenchUser } from './scenarios';
import { localToday } from './scenarios';

const SEED = 2026;
const TIME_ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Singapore', 'UTC'] as const;
const HEAVY_USER_TIME_ZONE_INDEX = 1; // Europe/Berlin
const HABITS_PER_USER = 5;
const DAYS_PER_USER = 365;
const HEAVY_HABITS = 20;
const HEAVY_DAYS = 5 * 365 + 1;
const USERS_PER_CHECKIN_STATEMENT = 100;
/**
 * Habit slots, repeating every five habits: three daily yes/no habits, one numeric (km, at least
 * 5) and one three-times-a-week habit. Slot 3 is done about half the days, the others ~70%.
 */
const SLOTS = [
  { name: 'Read', color: '#3b82f6', icon: '📚' },
  { name: 'Meditate', color: '#22c55e', icon: '🧘' },
  { name: 'Run', color: '#f97316', icon: '🏃' },
  { name: 'Gym', color: '#a855f7', icon: '💪' },
  { name: 'Floss', color: '#ef4444', icon: '🦷' },
] as const;
const NUMERIC_SLOT = 2;
const WEEKLY_SLOT = 3;

/** Users 1…n are the regular users; n + 1 is the heavy one. */
interface UserGroup {
  first: number;
  last: number;
  habits: number;
  days: number;
  /** SQL for the index into TIME_ZONES, in terms of the user number `i`. */
  zoneIndexSql: string;
}

function userId(i: number): string {
  return md5Uuid(`bench-user-${i}`);
}

function habitId(i: number, habit: number): string {
  return md5Uuid(`bench-habit-${i}-${habit}`);
}

/**
 * A version-4-shaped UUID from an md5, so the API's UUID validation accepts it: the same value
 * as `md5UuidSql` computes in PostgreSQL.
 */
function md5Uuid(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function md5UuidSql(textSql: string): string {
  return `overlay(overlay(md5(${textSql}) placing '4' from 13) placing '8' from 17)::uuid`;
}

/** 32 bytes, base64url: the shape of a real session token (the server checks it). */
function sessionToken(i: number): string {
  return createHash('sha256').update(`bench-session-${SEED}-${i}`).digest('base64url');
}

/** What the database stores for a token (the server's sessionIdFromToken). */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function benchUser(i: number, timeZone: string, habits: number): BenchUser {
  const habitIds = Array.from({ length: habits }, (_, habit) => habitId(i, habit));
  return {
    token: sessionToken(i),
    timeZone,
    habitIds,
    booleanHabitIds: habitIds.filter((_, habit) => {
      const slot = habit % SLOTS.length;
      return slot !== NUMERIC_SLOT && slot !== WEEKLY_SLOT;
    }),
  };
}

/** What the load generator needs to act as the seeded users. */
export function benchData(users: number): BenchData {
  return {
    users: Array.from({ length: users }, (_, index) =>
      benchUser(index + 1, TIME_ZONES[(index + 1) % TIME_ZONES.length]!, HABITS_PER_USER),
    ),
    heavyUser: benchUser(users + 1, TIME_ZONES[HEAVY_USER_TIME_ZONE_INDEX], HEAVY_HABITS),
  };
}

/** `(k, name, end_date)`: each zone's yesterday, where every user's history ends. */
function zonesSql(): string {
  const rows = TIME_ZONES.map((zone, k) => {
    const yesterday = new Date(`${localToday(zone)}T00:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);
    return `(${k}, '${zone}', date '${yesterday.toISOString().slice(0, 10)}')`;
  });
  return `(values ${rows.join(', ')}) as z(k, name, end_date)`;
}

function usersSql(group: UserGroup): string[] {
  const series = `generate_series(${group.first}, ${group.last}) as i`;
  return [
    `insert into users (id, email, password_hash, created_at, updated_at)
     select ${md5UuidSql("'bench-user-' || i")}, 'bench-' || i || '@example.com', '!bench-user-no-password',
            now() - interval '5 years', now() - interval '5 years'
     from ${series}`,
    `insert into user_settings (user_id, time_zone, day_start_hour, week_start)
     select ${md5UuidSql("'bench-user-' || i")}, z.name, 0, 1
     from ${series} join ${zonesSql()} on z.k = ${group.zoneIndexSql}`,
  ];
}

function habitsSql(group: UserGroup): string {
  const slot = (column: keyof (typeof SLOTS)[number]) =>
    `(array[${SLOTS.map((s) => `'${s[column]}'`).join(', ')}])[h % ${SLOTS.length} + 1]`;
  const numeric = `h % ${SLOTS.length} = ${NUMERIC_SLOT}`;
  return `insert into habits (id, user_id, name, color, icon, kind, unit, target, target_direction,
                              schedule, position, start_date, created_at, updated_at)
    select ${md5UuidSql("'bench-habit-' || i || '-' || h")}, ${md5UuidSql("'bench-user-' || i")},
           ${slot('name')} || case when h >= ${SLOTS.length} then ' ' || (h / ${SLOTS.length} + 1) else '' end,
           ${slot('color')}, ${slot('icon')},
           case when ${numeric} then 'numeric' else 'boolean' end,
           case when ${numeric} then 'km' end,
           case when ${numeric} then 5 end,
           case when ${numeric} then 'at_least' end,
           case when h % ${SLOTS.length} = ${WEEKLY_SLOT} then '{"kind":"times_per_week","times":3}'::jsonb
                else '{"kind":"daily"}'::jsonb end,
           h, z.end_date - ${group.days - 1},
           (z.end_date - ${group.days - 1})::timestamp at time zone z.name,
           (z.end_date - ${group.days - 1})::timestamp at time zone z.name
    from generate_series(${group.first}, ${group.last}) as i
    join ${zonesSql()} on z.k = ${group.zoneIndexSql}
    cross join generate_series(0, ${group.habits - 1}) as h`;
}

/**
 * Check-ins of users first…last. `r` is a uniform 0–99 from hashint8 (PostgreSQL's own integer
 * hash, the same on every platform): done below 70 (50 for the weekly habit), skipped at 97+.
 * Ids and time-zone arithmetic are computed once per habit (the materialised CTE), not per day.
 */
function checkinsSql(group: UserGroup, first: number, last: number): string {
  const key = `${SEED}::bigint * 1000000000000 + i::bigint * 1000000 + h * 10000 + d`;
  return `with habit_days as materialized (
      select i, h, h % ${SLOTS.length} as slot,
             ${md5UuidSql("'bench-habit-' || i || '-' || h")} as habit_id,
             ${md5UuidSql("'bench-user-' || i")} as user_id,
             z.end_date,
             (z.end_date::timestamp + interval '20 hours') at time zone z.name as end_stamp
      from generate_series(${first}, ${last}) as i
      join ${zonesSql()} on z.k = ${group.zoneIndexSql}
      cross join generate_series(0, ${group.habits - 1}) as h
    )
    insert into checkins (habit_id, user_id, date, state, value, created_at, updated_at)
    select habit_id, user_id, end_date - d,
           case when r >= 97 then 'skipped' else 'done' end,
           case when slot = ${NUMERIC_SLOT} and r < 97 then 2 + ((r * 37 + d) % 61) / 10.0 end,
           end_stamp - d * interval '1 day', end_stamp - d * interval '1 day'
    from (
      select habit_days.*, d, (hashint8(${key})::bigint + 2147483648) % 100 as r
      from habit_days cross join generate_series(0, ${group.days - 1}) as d
    ) as candidates
    where r >= 97 or r < case when slot = ${WEEKLY_SLOT} then 50 else 70 end
    order by habit_id, d desc`;
}

function sessionsSql(data: BenchData): string[] {
  const all = [...data.users, data.heavyUser];
  const statements: string[] = [];
  for (let start = 0; start < all.length; start += 1_000) {
    const rows = all
      .slice(start, start + 1_000)
      .map(
        (user, offset) =>
          `('${sessionIdOf(user.token)}', '${userId(start + offset + 1)}'::uuid, now() + interval '30 days')`,
      );
    statements.push(`insert into sessions (id, user_id, expires_at) values ${rows.join(', ')}`);
  }
  return statements;
}

/** node-postgres and PGlite both answer `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export type SeedTarget = { url: string } | { dataDir: string };

/** Seeds an empty, migrated database. Returns what was written and how long it took. */
export async function seedDatabase(target: SeedTarget, users: number): Promise<SeedReport> {
  const data = benchData(users);
  const regular: UserGroup = {
    first: 1,
    last: users,
    habits: HABITS_PER_USER,
    days: DAYS_PER_USER,
    zoneIndexSql: `i % ${TIME_ZONES.length}`,
  };
  const heavy: UserGroup = {
    first: users + 1,
    last: users + 1,
    habits: HEAVY_HABITS,
    days: HEAVY_DAYS,
    zoneIndexSql: String(HEAVY_USER_TIME_ZONE_INDEX),
  };

  const setupStatements: string[] = [];
  for (const group of [regular, heavy]) setupStatements.push(...usersSql(group), habitsSql(group));
  setupStatements.push(...sessionsSql(data));
  const checkinStatements: string[] = [checkinsSql(heavy, heavy.first, heavy.last)];
  for (let first = 1; first <= users; first += USERS_PER_CHECKIN_STATEMENT) {
    const last = Math.min(users, first + USERS_PER_CHECKIN_STATEMENT - 1);
    checkinStatements.push(checkinsSql(regular, first, last));
  }

  const startedAt = performance.now();
  const isPostgres = 'url' in target;
  // PostgreSQL generates and inserts on one core per connection: two lanes use both cores.
  // PGlite is a single connection, so more lanes would only queue.
  const lanes = isPostgres ? 2 : 1;
  const database = await openDatabase({
    ...target,
    poolSize: lanes,
    statementTimeoutMs: 30 * 60_000,
    migrate: false,
  });
  try {
    const { write, transaction } = database.primary;
    const run = (statement: string) => write.execute(sql.raw(statement));
    const superuser = rowsOf<{ super: boolean }>(
      await run('select rolsuper as super from pg_roles where rolname = current_user'),
    )[0]?.super;
    // Each statement in its own transaction, with settings that last only as long as it does.
    const runBulk = (statement: string) =>
      transaction(async (tx) => {
        // The rows are consistent by construction: skip per-row foreign-key triggers (superuser).
        if (superuser) await tx.execute(sql.raw('set local session_replication_role = replica'));
        // Sorting a chunk by (habit, date) in memory rather than in temp files.
        await tx.execute(sql.raw("set local work_mem = '256MB'"));
        await tx.execute(sql.raw(statement));
      });
    const progress = createProgress(
      `seed ${isPostgres ? 'postgres' : 'pglite'}`,
      setupStatements.length + checkinStatements.length + 1,
    );
    for (const statement of setupStatements) {
      await runBulk(statement);
      progress.advance();
    }
    // Building a secondary index once after the load is several times faster than maintaining
    // it row by row; the definitions are read back from the catalogue, so they stay the app's.
    const deferredIndexes = rowsOf<{ name: string; definition: string }>(
      await run(`select indexname as name, indexdef as definition from pg_indexes as i
                 where schemaname = current_schema() and tablename = 'checkins'
                   and not exists (select 1 from pg_constraint as c where c.conname = i.indexname)`),
    );
    for (const index of deferredIndexes) await run(`drop index "${index.name}"`);
    const queue = [...checkinStatements];
    const lane = async () => {
      for (let statement = queue.shift(); statement; statement = queue.shift()) {
        await runBulk(statement);
        progress.advance();
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    for (const index of deferredIndexes) await run(index.definition);
    progress.advance();
    progress.finish();
    // What the release command does after a migration: every habit gets its stored summary, as
    // it would have from its users' check-ins.
    const summariesStarted = performance.now();
    const habitCount = rowsOf<{ n: number }>(
      await run('select count(*)::int as n from habits where summary_through is null'),
    )[0]!.n;
    const summaries = createProgress('habit summaries', habitCount);
    let reported = 0;
    await backfillHabitSummaries(database, new Date(), (built) => {
      for (; reported < built; reported++) summaries.advance();
    });
    summaries.finish();
    const summariesSeconds = (performance.now() - summariesStarted) / 1000;
    // Fresh statistics and visibility map, so the benchmark does not race autovacuum; and a
    // checkpoint, so it does not pay for flushing the load either.
    await run('vacuum analyze');
    await run('checkpoint').catch(() => undefined);
    const count = async (table: string) =>
      rowsOf<{ n: number }>(await run(`select count(*)::int as n from ${table}`))[0]?.n ?? 0;
    return {
      users: await count('users'),
      habits: await count('habits'),
      checkins: await count('checkins'),
      seconds: (performance.now() - startedAt) / 1000,
      summariesSeconds,
    };
  } finally {
    await database.close();
  }
}
