/**
 * The database ceiling: the Today view's queries through the app's own data layer, with no HTTP.
 *
 * Each "request" is what GET /api/v1/today asks of the database — the session lookup every
 * authenticated request makes (`findSessionWithUser`), then the Today query
 * (`listActiveHabitsWithMarks`) — called from the harness with the same functions, the same
 * prepared statements, a pool of the server's size and as many concurrent workers as the load
 * has connections, each acting as a random seeded user. Calling the exported functions rather
 * than copying their SQL means the ceiling can never drift from what the server runs. What it
 * leaves out is exactly the server's own share: HTTP, routing, middleware, the streak and score
 * maths, and JSON.
 */
import { localDateOf } from '@habit-tracker/core';
import {
  type Database,
  findSessionWithUser,
  listActiveHabitsWithMarks,
  openDatabase,
} from '@habit-tracker/db';
import type { LatencyFigures } from './figures';
import { type BenchUser, percentile, pick } from './scenarios';
import { sessionIdOf } from './seed';

export const DATABASE_CEILING_NAME = 'db-ceiling';
export const DATABASE_CEILING_DESCRIPTION =
  "the database ceiling: the Today view's two queries (session lookup, Today query) through the " +
  'data layer, no HTTP — the functions the server calls, from the harness, with a pool of the ' +
  "server's size";

/** `responses` are requests of both queries. */
export interface CeilingRunMetrics extends LatencyFigures {
  /** PostgreSQL's CPU (postmaster and backends) per request started. */
  databaseCpuMsPerRequest: number;
  /** The harness's CPU per request started: node-postgres and drizzle, the server's data layer. */
  dataLayerCpuMsPerRequest: number;
}

export interface CeilingReport {
  name: string;
  description: string;
  poolSize: number;
  /** Concurrent callers, as the HTTP load has connections. */
  workers: number;
  runs: CeilingRunMetrics[];
}

export interface CeilingOptions {
  url: string;
  poolSize: number;
  workers: number;
  warmupSec: number;
  durationSec: number;
  repeat: number;
  users: readonly BenchUser[];
  random: () => number;
  /** PostgreSQL's CPU so far, in milliseconds. */
  readDatabaseCpuMs: () => number;
  onRun?: (run: CeilingRunMetrics) => void;
}

export async function measureDatabaseCeiling(options: CeilingOptions): Promise<CeilingReport> {
  const database = await openDatabase({
    url: options.url,
    poolSize: options.poolSize,
    migrate: false,
  });
  try {
    // One request first, so that a wrong session shows as a message rather than as errors.
    const first = options.users[0];
    if (!first) throw new Error('no users to act as');
    await todayQueries(database, first);
    await callConcurrently(database, options, options.warmupSec);
    const runs: CeilingRunMetrics[] = [];
    for (let repetition = 0; repetition < options.repeat; repetition++) {
      const databaseCpuBefore = options.readDatabaseCpuMs();
      const cpuBefore = process.cpuUsage();
      const result = await callConcurrently(database, options, options.durationSec);
      const cpu = process.cpuUsage(cpuBefore);
      const databaseCpuMs = options.readDatabaseCpuMs() - databaseCpuBefore;
      const latencies = result.latencies.sort((a, b) => a - b);
      const run: CeilingRunMetrics = {
        requestsPerSec: latencies.length / options.durationSec,
        responses: latencies.length,
        p50Ms: percentile(latencies, 50),
        p95Ms: percentile(latencies, 95),
        p99Ms: percentile(latencies, 99),
        maxMs: latencies.at(-1) ?? Number.NaN,
        errors: result.errors,
        databaseCpuMsPerRequest: databaseCpuMs / result.started,
        dataLayerCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / result.started,
      };
      runs.push(run);
      options.onRun?.(run);
    }
    return {
      name: DATABASE_CEILING_NAME,
      description: DATABASE_CEILING_DESCRIPTION,
      poolSize: options.poolSize,
      workers: options.workers,
      runs,
    };
  } finally {
    await database.close();
  }
}

/** What the session middleware and the Today handler ask of the database, in their order. */
async function todayQueries(database: Database, user: BenchUser): Promise<void> {
  const now = new Date();
  const { read } = await database.forRequest();
  const found = await findSessionWithUser(read, sessionIdOf(user.token), now);
  if (!found) throw new Error('the seeded session was not found');
  const today = localDateOf(now, found.settings);
  await listActiveHabitsWithMarks(read, found.user.id, today, found.settings.weekStart);
}

interface CallsResult {
  /** Milliseconds of each request that completed before the deadline. */
  latencies: number[];
  /** Requests begun, including those that finished after the deadline. */
  started: number;
  errors: number;
}

/** `workers` loops, each one request at a time, until `seconds` have passed. */
async function callConcurrently(
  database: Database,
  options: CeilingOptions,
  seconds: number,
): Promise<CallsResult> {
  const deadline = performance.now() + seconds * 1000;
  const result: CallsResult = { latencies: [], started: 0, errors: 0 };
  let firstError: unknown;
  const worker = async () => {
    while (performance.now() < deadline) {
      const user = pick(options.users, options.random);
      const startedAt = performance.now();
      result.started++;
      try {
        await todayQueries(database, user);
        const endedAt = performance.now();
        // As autocannon counts: a request still running when the run ends is not in it.
        if (endedAt <= deadline) result.latencies.push(endedAt - startedAt);
      } catch (error) {
        result.errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  if (result.latencies.length === 0 && firstError) throw firstError;
  return result;
}
