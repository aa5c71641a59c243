/**
 * The outbox against the real API: the server's app (createApp, every middleware) on embedded
 * PostgreSQL (PGlite) in this process, reached through `fetch` — the only stand-in is the network
 * itself (a fetch that calls the app, keeps the session cookie like a browser, and can drop an
 * answer). A happy-dom window provides window, document and navigator (only those: the server
 * needs Node's own URL and fetch types); it has no IndexedDB, so the queue runs in its in-memory
 * form (the IndexedDB form is covered by the e2e suite's reloads).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, migrate, openDatabase } from '@habit-tracker/db';
import { createApp, createLogger, loadEnv } from '@habit-tracker/server';
import { createLocalStore } from '@habit-tracker/storage';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const browser = new Window({ url: 'http://localhost/' });
// location too: the API client sends absolute URLs on the page's origin.
Object.assign(globalThis, {
  window: browser,
  document: browser.document,
  location: browser.location,
});
Object.defineProperty(globalThis, 'navigator', { configurable: true, value: browser.navigator });

// After the globals: the outbox reads navigator when it loads.
const { api } = await import('../api/client');
const { dismissRejected, enqueueCheckin, flush, initSync, onSettled, syncStore } = await import(
  './sync'
);
const { activate } = await import('../i18n/i18n');
const { rejectedReason } = await import('../shared/lib/errors');
// sync.ts phrases a refusal as it happens (onSettled's message): English here.
await activate('en');

let database: Database;
let dir: string;
let today: string;
let habitId: string;
/** What the network does with the next answer: deliver it, or lose it after the server acted. */
let loseNextAnswer = false;
const sent: {
  method: string;
  path: string;
  search: string;
  key: string | null;
  replayed: boolean;
}[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ht-web-sync-'));
  database = await openDatabase({ dataDir: join(dir, 'db') });
  await migrate(database);
  const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = createApp({
    env,
    database,
    logger: createLogger(env),
    storage: createLocalStore(join(dir, 'objects')),
  });
  let cookie = '';
  // The client sends a Request (openapi-fetch); a plain URL and init are accepted too.
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const target = input instanceof Request ? input : new URL(String(input), 'http://localhost');
    const request = new Request(target, init);
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await app.request(new Request(request, { headers }));
    const set = res.headers.get('set-cookie');
    if (set?.includes('ht_session=')) cookie = set.split(';')[0]!;
    if (url.pathname.includes('/checkins/')) {
      sent.push({
        method: request.method,
        path: url.pathname,
        search: url.search,
        key: headers.get('idempotency-key'),
        replayed: res.headers.get('idempotency-replayed') === 'true',
      });
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new TypeError('Failed to fetch'); // the server applied it; the answer never came
      }
    }
    return res;
  }) as typeof fetch;

  await api.signUp({ email: `sync-${Date.now()}@example.com`, password: 'correct horse battery' });
  habitId = (
    await api.createHabit({
      name: 'Read',
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
    })
  ).id;
  today = (await api.today()).date;
  await initSync();
}, 60_000);

afterAll(async () => {
  await browser.happyDOM.close();
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Resolves once the outbox is empty again. */
async function drained(): Promise<void> {
  await flush();
  await expect.poll(() => syncStore.get().pending.length).toBe(0);
}

async function checkinsOf(date: string) {
  return (await api.history(habitId, { from: date, to: date })).checkins;
}

describe('the outbox', () => {
  it('sends queued writes in order, one at a time, each with its own key', async () => {
    sent.length = 0;
    await enqueueCheckin({
      habitId,
      habitName: 'Read',
      date: today,
      op: 'put',
      body: { state: 'done' },
    });
    await enqueueCheckin({ habitId, habitName: 'Read', date: today, op: 'delete', body: null });
    await enqueueCheckin({
      habitId,
      habitName: 'Read',
      date: today,
      op: 'put',
      body: { state: 'skipped' },
    });
    await drained();
    expect(sent.map((s) => s.method)).toEqual(['PUT', 'DELETE', 'PUT']);
    expect(new Set(sent.map((s) => s.key)).size).toBe(3);
    expect((await checkinsOf(today)).map((c) => c.state)).toEqual(['skipped']);
    expect(syncStore.get().status).toBe('idle');
  });

  it('a clear with keep "notes" asks the server to keep the note; one without, not', async () => {
    const { recentFrom } = await api.today();
    const [noted, bare] = [addDays(recentFrom, 2), addDays(recentFrom, 3)];
    for (const date of [noted, bare]) {
      await enqueueCheckin({
        habitId,
        habitName: 'Read',
        date,
        op: 'put',
        body: { state: 'done', note: date === noted ? 'tired' : null },
      });
    }
    await drained();
    sent.length = 0;
    for (const date of [noted, bare]) {
      await enqueueCheckin({
        habitId,
        habitName: 'Read',
        date,
        op: 'delete',
        body: null,
        keep: 'notes',
      });
    }
    // Queued by an older build: no `keep`, a plain delete.
    await enqueueCheckin({ habitId, habitName: 'Read', date: today, op: 'delete', body: null });
    await drained();
    expect(sent.map((s) => [s.method, s.search])).toEqual([
      ['DELETE', '?keep=notes'],
      ['DELETE', '?keep=notes'],
      ['DELETE', ''],
    ]);
    expect(await checkinsOf(noted)).toMatchObject([{ state: 'note', value: null, note: 'tired' }]);
    expect(await checkinsOf(bare)).toEqual([]);
  });

  it('resends a write whose answer was lost with the same key: applied once', async () => {
    sent.length = 0;
    loseNextAnswer = true;
    const yesterday = (await api.today()).recentFrom; // any past day of the grid
    const settled: boolean[] = [];
    const off = onSettled((_action, result) => settled.push(result.ok));
    await enqueueCheckin({
      habitId,
      habitName: 'Read',
      date: yesterday,
      op: 'put',
      body: { state: 'done', note: 'first' },
    });
    await expect.poll(() => syncStore.get().status).toBe('waiting');
    await drained(); // the retry, without waiting for the back-off
    off();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ key: sent[0]!.key, replayed: true });
    expect(settled).toEqual([true]);
    expect((await checkinsOf(yesterday)).map((c) => c.note)).toEqual(['first']);
  });

  it('keeps a refused write aside with the reason, and carries on with the next', async () => {
    sent.length = 0;
    const gone = crypto.randomUUID();
    await enqueueCheckin({
      habitId: gone,
      habitName: 'Gone',
      date: today,
      op: 'put',
      body: { state: 'done' },
    });
    await enqueueCheckin({
      habitId,
      habitName: 'Read',
      date: today,
      op: 'put',
      body: { state: 'done' },
    });
    await drained();
    const [rejected] = syncStore.get().rejected;
    expect(rejected).toMatchObject({ habitName: 'Gone', status: 404, code: 'not_found' });
    // Stored as which sentence (not English text), phrased in the language shown.
    expect(rejected?.reason).toMatchObject({ code: 'not_found', sentence: 'error.not_found' });
    await activate('en');
    expect(rejectedReason(rejected!)).toMatch(/no longer exists/);
    await activate('de');
    expect(rejectedReason(rejected!)).toMatch(/gibt es nicht mehr/);
    await activate('en');
    expect((await checkinsOf(today)).map((c) => c.state)).toEqual(['done']);
    await dismissRejected(rejected!.key);
    expect(syncStore.get().rejected).toEqual([]);
  });

  it('offline, holds writes until the browser is back online', async () => {
    sent.length = 0;
    const onLine = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(navigator), 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await enqueueCheckin({ habitId, habitName: 'Read', date: today, op: 'delete', body: null });
      await expect.poll(() => syncStore.get().status).toBe('offline');
      expect(sent).toEqual([]);
      expect(syncStore.get().pending).toHaveLength(1);
    } finally {
      // Back online: the browser's own getter again, then its `online` event.
      if (onLine) Object.defineProperty(navigator, 'onLine', onLine);
      else Reflect.deleteProperty(navigator, 'onLine');
    }
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
    browser.dispatchEvent(new browser.Event('online'));
    await expect.poll(() => syncStore.get().pending.length).toBe(0);
    expect(sent.map((s) => s.method)).toEqual(['DELETE']);
    expect(await checkinsOf(today)).toEqual([]);
  });
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
