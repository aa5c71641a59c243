/**
 * A graceful stop under load: the production bundle gets SIGTERM — as Fly stops a machine on
 * deploy, scale-down or autostop — while clients read and write. deploy/test/graceful-shutdown
 * checks the drain with reads; here writes are in the mix, and the suite owns the assertion.
 *
 * Clients behave like Fly's proxy: keep-alive connections, the next request as soon as the last
 * one is answered. A connection refused once the listener has closed is not a failure (nothing
 * was accepted; the proxy sends it elsewhere). Goals: no accepted request fails, every
 * acknowledged write is stored, and the process exits 0 within fly.toml's kill_timeout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CheckinLedger, type CheckinWrite } from '../support/checkin-ledger';
import { utcDate } from '../support/dates';
import { HttpClient, transportCode } from '../support/http-client';
import { REPO_ROOT } from '../support/paths';
import { runSeed } from '../support/random';
import { reportFigures } from '../support/results';
import { type SeededUser, seedUsers } from '../support/seed-users';
import { type ServerProcess, startServer } from '../support/server-process';
import { sessionCookieName } from '../support/sessions';
import { tally } from '../support/stats';

const CLIENTS = 24;
const LOAD_BEFORE_SIGNAL_MS = 2_000;

let postgres: PostgresServer;
let server: ServerProcess | undefined;
let users: SeededUser[];

beforeAll(async () => {
  postgres = await startPostgres({ label: 'reliability-sigterm' });
  server = await startServer({ DATABASE_URL: postgres.url, NODE_ENV: 'production' });
  users = await seedUsers(postgres.url, CLIENTS, { label: 'sigterm' });
});

afterAll(async () => {
  await server?.stop(1_000);
  await postgres?.stop();
});

it('SIGTERM under load: no accepted request fails, every acknowledged write is stored', async () => {
  const keyPrefix = `sigterm-${runSeed()}-`;
  const ledger = new CheckinLedger(keyPrefix);
  const killTimeoutMs =
    Number(
      (parse(readFileSync(join(REPO_ROOT, 'fly.toml'), 'utf8')) as { kill_timeout: number })
        .kill_timeout,
    ) * 1000;

  let signalled = false;
  let inFlight = 0;
  let okBeforeSignal = 0;
  let okAfterSignal = 0;
  let refused = 0;
  const byKind: Record<string, number> = {};
  const failures: string[] = [];

  const client = async (index: number) => {
    const user = users[index]!;
    const habit = user.habits[0];
    const http = new HttpClient({ host: '127.0.0.1', port: server!.port });
    http.cookies.set(sessionCookieName(true), user.sessionToken);
    try {
      for (let n = 0; ; n++) {
        const kind = (['today', 'checkin', 'habits'] as const)[n % 3]!;
        const date = utcDate(n % 14);
        const write: CheckinWrite = {
          key: `${keyPrefix}${index}-${n}`,
          userId: user.id,
          habitId: habit.id,
          date,
          put: { state: 'done', note: `${index}-${n}` },
        };
        const path =
          kind === 'today'
            ? '/api/v1/today'
            : kind === 'habits'
              ? '/api/v1/habits'
              : `/api/v1/habits/${habit.id}/checkins/${date}`;
        inFlight++;
        try {
          const res =
            kind === 'checkin'
              ? await http.put(path, write.put, { headers: { 'idempotency-key': write.key } })
              : await http.get(path);
          if (res.status !== 200) {
            failures.push(`${kind} → ${res.status} ${res.text.slice(0, 200)}`);
            continue;
          }
          if (kind === 'checkin') ledger.acknowledge(write, res.body);
          tally(byKind, kind);
          if (signalled) okAfterSignal++;
          else okBeforeSignal++;
        } catch (error) {
          const code = transportCode(error);
          // The listener is closed: the request was never accepted. Stop, as a proxy would.
          if (code === 'ECONNREFUSED' && signalled) {
            refused++;
            return;
          }
          failures.push(`${kind}: ${(error as Error).message}`);
          if (signalled) return;
        } finally {
          inFlight--;
        }
      }
    } finally {
      http.close();
    }
  };

  const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
  await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_SIGNAL_MS));
  const inFlightAtSignal = inFlight;
  const signalledAt = performance.now();
  signalled = true;
  server!.signal('SIGTERM');
  const exit = await server!.exited;
  const exitMs = performance.now() - signalledAt;
  await Promise.all(clients);

  const report = await ledger.verify(postgres.url);
  reportFigures('crash-sigterm', {
    clients: CLIENTS,
    okBeforeSignal,
    inFlightAtSignal,
    okAfterSignal,
    refusedAtConnect: refused,
    failed: failures.length,
    byKind,
    writesAcknowledged: report.acknowledged,
    lost: report.lost,
    missingRecords: report.missingRecords,
    exitCode: exit.code,
    exitMs: Math.round(exitMs),
    killTimeoutMs,
  });

  expect(failures).toEqual([]);
  expect(report.examples).toEqual([]);
  expect(report).toMatchObject({
    lost: 0,
    reapplied: 0,
    phantom: 0,
    missingRecords: 0,
    extraRecords: 0,
    recordMismatch: 0,
  });
  expect(exit).toEqual({ code: 0, signal: null });
  expect(exitMs).toBeLessThan(killTimeoutMs);
  // The signal came under load, with requests in flight that then completed.
  expect(inFlightAtSignal).toBeGreaterThan(0);
  expect(okAfterSignal).toBeGreaterThan(0);
  expect(okBeforeSignal).toBeGreaterThan(CLIENTS);
});
