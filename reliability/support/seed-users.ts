/**
 * Users written straight into a database with set-based SQL (a thousand in about a second),
 * each with a live session whose token we keep — so simulated users are signed in without
 * paying for a thousand password hashes — a yes/no and a numeric habit, and some history.
 * History stays `historyOffsetDays` and more in the past: the days nearer today are the ones
 * tests write, and they start empty so every expected state is known.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';

export interface SeededHabit {
  id: string;
  kind: 'boolean' | 'numeric';
}

export interface SeededUser {
  id: string;
  email: string;
  /** The session cookie's value. */
  sessionToken: string;
  /** [yes/no "Read", numeric "Run" in km]. */
  habits: [SeededHabit, SeededHabit];
}

export interface SeedOptions {
  /** Prefix of the emails, to tell the suites' users apart. */
  label: string;
  historyDays?: number;
  historyOffsetDays?: number;
}

export async function seedUsers(
  url: string,
  count: number,
  options: SeedOptions,
): Promise<SeededUser[]> {
  const historyDays = options.historyDays ?? 30;
  const offset = options.historyOffsetDays ?? 14;
  const users: SeededUser[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `${options.label}-${i}-${randomBytes(4).toString('hex')}@reliability.example`,
    sessionToken: newSessionToken(),
    habits: [
      { id: randomUUID(), kind: 'boolean' },
      { id: randomUUID(), kind: 'numeric' },
    ],
  }));
  const ids = users.map((u) => u.id);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into users (id, email, password_hash)
       select * from unnest($1::uuid[], $2::text[], array_fill('not-a-hash'::text, array[$3::int]))`,
      [ids, users.map((u) => u.email), count],
    );
    await client.query('insert into user_settings (user_id) select unnest($1::uuid[])', [ids]);
    await client.query(
      `insert into sessions (id, user_id, expires_at)
       select token_hash, user_id, now() + interval '30 days'
       from unnest($1::text[], $2::uuid[]) as s(token_hash, user_id)`,
      [users.map((u) => sessionIdOf(u.sessionToken)), ids],
    );
    await client.query(
      `insert into habits (id, user_id, name, color, icon, kind, unit, target, target_direction,
                           schedule, position, start_date)
       select h.id, h.user_id, h.name, '#3b82f6', '', h.kind,
              case when h.kind = 'numeric' then 'km' end,
              case when h.kind = 'numeric' then 5 end,
              case when h.kind = 'numeric' then 'at_least' end,
              '{"kind":"daily"}'::jsonb, h.position, current_date - $5::int
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $6::int[])
         as h(id, user_id, name, kind, position)`,
      [
        users.flatMap((u) => u.habits.map((h) => h.id)),
        users.flatMap((u) => [u.id, u.id]),
        users.flatMap(() => ['Read', 'Run']),
        users.flatMap((u) => u.habits.map((h) => h.kind)),
        offset + historyDays,
        users.flatMap(() => [0, 1]),
      ],
    );
    // About 70% of the history's days done.
    await client.query(
      `insert into checkins (habit_id, user_id, date, state, value)
       select h.id, h.user_id, current_date - d, 'done',
              case when h.kind = 'numeric' then round((3 + random() * 5)::numeric, 1) end
       from habits h cross join generate_series($2::int, $3::int) as d
       where h.user_id = any($1::uuid[]) and random() < 0.7`,
      [ids, offset, offset + historyDays - 1],
    );
    await client.query('commit');
  } finally {
    await client.end();
  }
  return users;
}

/** A new session for an existing user, written straight into the database; returns its token. */
export async function mintSession(url: string, userId: string): Promise<string> {
  const token = newSessionToken();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into sessions (id, user_id, expires_at) values ($1, $2, now() + interval '30 days')`,
      [sessionIdOf(token), userId],
    );
  } finally {
    await client.end();
  }
  return token;
}

/** The server's token format: 32 random bytes, base64url (43 characters). */
function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The database keeps only the SHA-256 of a session token. */
function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
