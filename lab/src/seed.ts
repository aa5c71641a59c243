/**
 * Benchmark users written straight into the primary (set-based SQL, seconds for dozens of users):
 * each with five habits, a year of check-ins and a live session whose token we keep, so the load
 * generator signs in without paying for password hashing.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

export interface SeededUser {
  id: string;
  email: string;
  /** The session cookie's value. */
  sessionToken: string;
  /** The first habit: a daily yes/no habit the benchmark checks in to. */
  habitId: string;
}

const HABITS = [
  { name: 'Read', color: '#3b82f6', icon: '📚', schedule: { kind: 'daily' } },
  { name: 'Meditate', color: '#22c55e', icon: '🧘', schedule: { kind: 'daily' } },
  { name: 'Run', color: '#f97316', icon: '🏃', schedule: { kind: 'daily' }, numeric: true },
  { name: 'Gym', color: '#a855f7', icon: '💪', schedule: { kind: 'times_per_week', times: 3 } },
  { name: 'Floss', color: '#ef4444', icon: '🦷', schedule: { kind: 'daily' } },
] as const;
const DAYS = 365;

export async function seedUsers(primaryUrl: string, count: number): Promise<SeededUser[]> {
  const client = new pg.Client({ connectionString: primaryUrl });
  await client.connect();
  try {
    const users: SeededUser[] = [];
    await client.query('begin');
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const email = `bench-${i}-${id.slice(0, 8)}@lab.example`;
      const sessionToken = randomBytes(32).toString('base64url');
      await client.query(
        `insert into users (id, email, password_hash) values ($1, $2, 'not-a-hash')`,
        [id, email],
      );
      await client.query(`insert into user_settings (user_id) values ($1)`, [id]);
      await client.query(
        `insert into sessions (id, user_id, expires_at) values ($1, $2, now() + interval '30 days')`,
        [createHash('sha256').update(sessionToken).digest('hex'), id],
      );
      const habitIds: string[] = [];
      for (const [position, habit] of HABITS.entries()) {
        const habitId = randomUUID();
        habitIds.push(habitId);
        const numeric = 'numeric' in habit;
        await client.query(
          `insert into habits (id, user_id, name, color, icon, kind, unit, target, target_direction,
                               schedule, position, start_date)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, current_date - $12::int)`,
          [
            habitId,
            id,
            habit.name,
            habit.color,
            habit.icon,
            numeric ? 'numeric' : 'boolean',
            numeric ? 'km' : null,
            numeric ? 5 : null,
            numeric ? 'at_least' : null,
            JSON.stringify(habit.schedule),
            position,
            DAYS,
          ],
        );
        // About 70% of days done, the rest left empty; yesterday and before only.
        await client.query(
          `insert into checkins (habit_id, user_id, date, state, value)
           select $1, $2, current_date - d, 'done', case when $3 then round((3 + random() * 5)::numeric, 1) end
           from generate_series(1, $4::int) as d
           where random() < 0.7`,
          [habitId, id, numeric, DAYS],
        );
      }
      users.push({ id, email, sessionToken, habitId: habitIds[0]! });
    }
    await client.query('commit');
    return users;
  } finally {
    await client.end();
  }
}

/** Waits until every replica has replayed the primary's current position (at most `timeoutMs`). */
export async function waitForReplicas(
  primaryUrl: string,
  replicaUrls: string[],
  timeoutMs = 30_000,
): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  let lsn: string;
  try {
    lsn = (await primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn'))
      .rows[0]!.lsn;
  } finally {
    await primary.end();
  }
  const deadline = Date.now() + timeoutMs;
  for (const url of replicaUrls) {
    const replica = new pg.Client({ connectionString: url });
    await replica.connect();
    try {
      for (;;) {
        const { rows } = await replica.query<{ done: boolean }>(
          'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
          [lsn],
        );
        if (rows[0]!.done) break;
        if (Date.now() > deadline) throw new Error(`replica ${url} did not catch up in time`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await replica.end();
    }
  }
}
