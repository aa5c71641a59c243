/** Timed one-line queries: the health check's "is it there, and who answered". */
import { sql } from 'drizzle-orm';
import type { Db } from './database';

/**
 * One timed query on `db` (any handle: primary, replica, or a request's read handle) that also
 * says whether the server answering it is a standby — the health check's "who served this".
 */
export async function probeServer(db: Db): Promise<{ rttMs: number; inRecovery: boolean }> {
  const started = performance.now();
  // Db is typed for both drivers; both return `rows` for a raw query.
  const result = (await db.execute(sql`select pg_is_in_recovery() as in_recovery`)) as unknown as {
    rows: { in_recovery: boolean }[];
  };
  return { rttMs: performance.now() - started, inRecovery: result.rows[0]?.in_recovery === true };
}

export async function timeSelectOne(db: Db): Promise<number> {
  const started = performance.now();
  await db.execute(sql`select 1`);
  return performance.now() - started;
}
