/**
 * Issue 13's attacks on `POST /imports/:id/preview`, against the production bundle with
 * fly.toml's heap caps (NODE_OPTIONS, IMPORT_READ_HEAP_MB): every file is generated here (nothing
 * stored), uploaded as a user would, and previewed. For each case:
 *
 * - the answer is a 4xx in the error shape, within a few seconds;
 * - `/api/live`, asked every 50 ms throughout, always answers within 1 s (the event loop was
 *   never blocked);
 * - the server's JS heap (sampled from its metrics) stays under the cap, and it is alive after;
 * - a second preview of the same import is answered from the stored outcome, at once.
 *
 * A second server with tight worker limits shows both of the worker's own refusals (memory and
 * time) on an ordinary, valid file.
 */

import { readFileSync } from 'node:fs';
import { everyDay, loopCsvZip } from '@habit-tracker/portability/testing';
import {
  commaNamesZip,
  honestBombZip,
  hostileLoopDb,
  longCellZip,
  lyingSizeZip,
  manyCheckmarkRowsZip,
  manyHabitRowsZip,
  wideCheckmarksZip,
  zip64EntryCountBomb,
} from '@habit-tracker/portability/testing/hostile';
import { findFreePort, type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorShapeProblem } from '../support/error-shape';
import { HttpClient } from '../support/http-client';
import { type WatchFigures, watchServer } from '../support/process-watch';
import { reportFigures } from '../support/results';
import { type ServerProcess, startServer } from '../support/server-process';

/** The server runs as deployed: fly.toml's [env] NODE_OPTIONS and import worker heap. */
const FLY_ENV = (
  parseToml(readFileSync(new URL('../../fly.toml', import.meta.url), 'utf8')) as {
    env: Record<string, string>;
  }
).env;
const NODE_OPTIONS = FLY_ENV.NODE_OPTIONS ?? '';
const HEAP_CAP_MB = Number(/--max-old-space-size=(\d+)/.exec(NODE_OPTIONS)?.[1]);
if (!Number.isFinite(HEAP_CAP_MB)) throw new Error('fly.toml NODE_OPTIONS sets no heap cap');
const LIVE_LIMIT_MS = 1_000;
/** "Refused within a few seconds", on a machine shared with other work. */
const REFUSAL_LIMIT_MS = 10_000;
const PASSWORD = `hostile files ${crypto.randomUUID()}`;

let postgres: PostgresServer;
const servers: { server: ServerProcess; metricsPort: number }[] = [];
const figures: Record<string, unknown> = {};

async function startCapped(extraEnv: Record<string, string> = {}) {
  const metricsPort = await findFreePort();
  const server = await startServer({
    DATABASE_URL: postgres.url,
    NODE_ENV: 'production',
    NODE_OPTIONS,
    ...(FLY_ENV.IMPORT_READ_HEAP_MB && { IMPORT_READ_HEAP_MB: FLY_ENV.IMPORT_READ_HEAP_MB }),
    METRICS_PORT: String(metricsPort),
    // Each user comes from an address of their own (Fly-Client-IP), as behind Fly's proxy, so the
    // per-address sign-up limit does not stand in for the limits under test.
    TRUST_PROXY: 'true',
    ...extraEnv,
  });
  const entry = { server, metricsPort };
  servers.push(entry);
  return entry;
}

beforeAll(async () => {
  postgres = await startPostgres({ label: 'reliability-hostile' });
});

afterAll(async () => {
  reportFigures('hostile-files', figures);
  for (const { server } of servers) await server.stop();
  await postgres?.stop();
});

async function signUp(server: ServerProcess): Promise<HttpClient> {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  const client = new HttpClient(
    { host: '127.0.0.1', port: server.port },
    { headers: { origin: server.url, 'fly-client-ip': `198.18.${octet()}.${octet()}` } },
  );
  const res = await client.post('/api/v1/auth/sign-up', {
    email: `hostile-${crypto.randomUUID()}@example.com`,
    password: PASSWORD,
  });
  expect(res.status, res.text).toBe(201);
  return client;
}

/** Declare, upload (through the server: local storage), preview; the preview's answer. */
async function previewUpload(client: HttpClient, fileName: string, bytes: Uint8Array) {
  const created = await client.post('/api/v1/imports', { fileName, size: bytes.length });
  expect(created.status, created.text).toBe(201);
  const put = await client.send('PUT', created.body.upload.url, {
    raw: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    contentType: 'application/octet-stream',
    timeoutMs: 60_000,
  });
  expect(put.status, put.text).toBe(204);
  const id = created.body.import.id as string;
  const preview = await client.post(`/api/v1/imports/${id}/preview`, undefined, {
    timeoutMs: 60_000,
  });
  return { id, preview };
}

interface CaseFigures extends WatchFigures {
  uploadBytes: number;
  status: number;
  code: string;
  msToAnswer: number;
  msToAnswerAgain: number;
}

async function attack(
  target: { server: ServerProcess; metricsPort: number },
  name: string,
  file: { fileName: string; bytes: Uint8Array },
  expectMessage: RegExp,
): Promise<CaseFigures> {
  const client = await signUp(target.server);
  const watch = watchServer(target.server, target.metricsPort);
  let result: Omit<CaseFigures, keyof WatchFigures>;
  try {
    const { id, preview } = await previewUpload(client, file.fileName, file.bytes);
    const again = await client.post(`/api/v1/imports/${id}/preview`);
    result = {
      uploadBytes: file.bytes.length,
      status: preview.status,
      code: preview.body?.error?.code,
      msToAnswer: Math.round(preview.ms),
      msToAnswerAgain: Math.round(again.ms),
    };
    expect(preview.status, preview.text).toBeGreaterThanOrEqual(400);
    expect(preview.status, preview.text).toBeLessThan(500);
    expect(errorShapeProblem(preview)).toBeNull();
    expect(preview.body.error.message).toMatch(expectMessage);
    // Short, and in our own words: never a whole hostile cell echoed back.
    expect(preview.text.length).toBeLessThan(20_000);
    // The stored outcome, not a second read.
    expect(again.status).toBe(preview.status);
    expect(again.body).toEqual(preview.body);
  } finally {
    const watched = await watch.stop();
    client.close();
    figures[name] = { ...watched, ...(result! ?? {}) };
  }
  const all = figures[name] as CaseFigures;
  expect(all.msToAnswer).toBeLessThan(REFUSAL_LIMIT_MS);
  expect(all.liveFailures).toBe(0);
  expect(all.worstLiveMs).toBeLessThan(LIVE_LIMIT_MS);
  expect(all.peakHeapMb).toBeLessThan(HEAP_CAP_MB);
  // Alive afterwards, on the same process.
  const health = await fetch(`${target.server.url}/api/health`);
  expect(health.status).toBe(200);
  return all;
}

const zip = (fileName: string, bytes: Uint8Array) => ({ fileName, bytes });

describe('hostile import files, production heap cap', () => {
  let target: { server: ServerProcess; metricsPort: number };
  beforeAll(async () => {
    target = await startCapped();
  });

  it('1. a 239-byte zip64 end record claiming four billion entries', async () => {
    await attack(
      target,
      'zip64-entry-count',
      zip('entries.zip', zip64EntryCountBomb()),
      /lists 4294967294 entries, more than the 10000/,
    );
  });

  it('2. root Checkmarks.csv with 2,000 habit columns', async () => {
    await attack(target, 'wide-2000-columns', zip('wide.zip', wideCheckmarksZip(2_000)), /habits/);
  });

  it('2. …with 20,000 columns', async () => {
    await attack(
      target,
      'wide-20000-columns',
      zip('wider.zip', wideCheckmarksZip(20_000)),
      /habits|cells/,
    );
  });

  it('2. …names with commas, the worst case for matching (1,000 habits × 40 cells, 3,900 columns)', async () => {
    await attack(
      target,
      'comma-names',
      zip('commas.zip', commaNamesZip(1_000, 40, 3_900)),
      /is not the name of a habit/,
    );
  });

  for (const megabytes of [1, 4, 10]) {
    it(`3. a ${megabytes} MB zip whose entry declares 1,000 bytes but inflates to ${megabytes} GB`, async () => {
      await attack(
        target,
        `lying-size-${megabytes}mb`,
        zip('lying.zip', lyingSizeZip(megabytes * 1_000)),
        /inflates to a different size than the zip declares/,
      );
    });
  }

  it('3. …an entry that honestly declares 4 GB', async () => {
    await attack(
      target,
      'declared-4gb',
      zip('honest.zip', honestBombZip(4_000)),
      /more than the 16 MB of text/,
    );
  });

  it('4. a 46 KB zip whose Habits.csv has 4 million rows (32 MB unpacked)', async () => {
    await attack(
      target,
      'habits-4m-rows',
      zip('rows.zip', manyHabitRowsZip(4_000_000)),
      /more than the 16 MB of text/,
    );
  });

  it('4. …1.5 million rows, within the text budget', async () => {
    await attack(
      target,
      'habits-1.5m-rows',
      zip('rows.zip', manyHabitRowsZip(1_500_000)),
      /holds 1500000 habits, more than the 1000/,
    );
  });

  it('4. …250,000 check mark rows', async () => {
    await attack(
      target,
      'checkmarks-250k-rows',
      zip('marks.zip', manyCheckmarkRowsZip(250_000)),
      /more than the 200000/,
    );
  });

  it('4. …a 1 MB habit name', async () => {
    await attack(
      target,
      'long-cell',
      zip('long.zip', longCellZip(1_000_000)),
      /longer than 10000 characters/,
    );
  });

  it('4. a Loop backup whose habit names come from a generated column (10 MB each)', async () => {
    await attack(
      target,
      'sqlite-generated-column',
      zip('gen.db', await hostileLoopDb('generated-column')),
      /generated columns/,
    );
  });

  for (const kind of ['view', 'trigger', 'many-habits', 'long-text'] as const) {
    it(`4. …a Loop backup with ${kind}`, async () => {
      await attack(
        target,
        `sqlite-${kind}`,
        zip(`${kind}.db`, await hostileLoopDb(kind, 5_000)),
        /view|trigger|habits, more than|Too big/,
      );
    });
  }

  it('six users send the 4 GB lying zip at once: each refused, the server answers throughout', async () => {
    const clients = await Promise.all(Array.from({ length: 6 }, () => signUp(target.server)));
    const watch = watchServer(target.server, target.metricsPort);
    const bytes = lyingSizeZip(4_000);
    const answers = await Promise.all(
      clients.map((c) => previewUpload(c, 'lying.zip', bytes).then((r) => r.preview)),
    );
    const watched = await watch.stop();
    for (const c of clients) c.close();
    figures.parallel = {
      ...watched,
      statuses: answers.map((a) => a.status),
      slowestMs: Math.round(Math.max(...answers.map((a) => a.ms))),
    };
    for (const answer of answers) {
      expect([422, 429, 503]).toContain(answer.status);
      expect(errorShapeProblem(answer)).toBeNull();
    }
    expect(answers.some((a) => a.status === 422)).toBe(true);
    expect(watched.liveFailures).toBe(0);
    expect(watched.worstLiveMs).toBeLessThan(LIVE_LIMIT_MS);
    expect(watched.peakHeapMb).toBeLessThan(HEAP_CAP_MB);
  });
});

describe("the worker's own limits, on a valid file", () => {
  // 20 habits × 8,000 days: a real history that needs 64–96 MB of heap (measured) and, on a
  // server allowed 300 ms, more time than that (a worker alone takes ~100 ms to start).
  const history = () =>
    loopCsvZip(
      Array.from({ length: 20 }, (_, i) => ({
        name: `Habit ${i}`,
        entries: everyDay('2000-01-01', 8_000, () => 2),
      })),
      { today: '2024-01-01' },
    );

  it('a file that needs more memory than the worker may use is refused, saying so', async () => {
    const tight = await startCapped({ IMPORT_READ_HEAP_MB: '32' });
    await attack(
      tight,
      'worker-memory-cap',
      zip('history.zip', history()),
      /needed more than the 32 MB of memory an import may use/,
    );
  });

  it('a file that takes longer than allowed is stopped, saying so', async () => {
    const slow = await startCapped({ IMPORT_READ_TIMEOUT_MS: '300' });
    await attack(
      slow,
      'worker-time-limit',
      zip('history.zip', history()),
      /took longer than the 0.3 seconds an import may take/,
    );
  });
});
