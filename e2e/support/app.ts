/**
 * One browser user of the real server, shared by the e2e files: the server, a Chromium context
 * in the test user's time zone, the API as that user, and the steps every test needs.
 *
 * Dates never come from the runner's clock: `todayDate()` asks the app (Today's `date`, in the
 * user's zone and day start), so the suites pass at any hour — `npm run test:clock` runs them at
 * a month's last UTC minute and across a DST change in this zone to prove it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, screenshots, seriousViolations, UNDER_FAKETIME } from './browser';
import { type RunningServer, type ServerOptions, startServer } from './server';

/**
 * The test user's zone (the browser's, which sign-up adopts). It has DST and is hours away from
 * UTC, so a test that takes "today" from the runner's UTC clock fails somewhere in the day.
 */
export const USER_ZONE = process.env.E2E_TIME_ZONE ?? 'America/New_York';

export interface AppSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** CSP violations, unused preloads and uncaught errors seen so far. */
  consoleProblems: string[];
  close(): Promise<void>;
}

export async function openApp(
  name: string,
  options: {
    acceptDownloads?: boolean;
    clockOffsetSeconds?: number;
    smtpUrl?: string;
    localhost?: boolean;
  } & Pick<ServerOptions, 'env' | 'prepare'> = {},
): Promise<AppSession> {
  const clock = { clockOffsetSeconds: options.clockOffsetSeconds };
  const server = await startServer({
    ...(clock.clockOffsetSeconds === undefined ? {} : clock),
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
    ...(options.localhost ? { localhost: true } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.prepare ? { prepare: options.prepare } : {}),
  });
  console.log(`e2e ${name}: server (${server.mode}) at ${server.url}, user zone ${USER_ZONE}`);
  const browser = await launchBrowser(clock.clockOffsetSeconds === undefined ? {} : clock);
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: USER_ZONE,
    acceptDownloads: options.acceptDownloads ?? false,
  });
  // The browser runs on the real clock (see launchBrowser); its pages run on this process's,
  // moved by faketime, and it keeps ticking from there.
  if (UNDER_FAKETIME) await context.clock.install({ time: Date.now() });
  const page = await context.newPage();
  const consoleProblems: string[] = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to|preloaded using link preload/i.test(text)) {
      consoleProblems.push(`${msg.type()}: ${text}`);
    }
  });
  page.on('pageerror', (error) => consoleProblems.push(`pageerror: ${error.message}`));
  return {
    server,
    browser,
    context,
    page,
    consoleProblems,
    async close() {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Every test starts from a known page: online, light theme, no intercepted routes, and a fresh
 * load of `path` — so a dialog or toast an earlier (failed) test left open cannot block this one.
 */
export async function startAt(app: AppSession, path = '/'): Promise<void> {
  await app.context.setOffline(false);
  await app.page.unrouteAll({ behavior: 'ignoreErrors' });
  await app.page.emulateMedia({ colorScheme: 'light', reducedMotion: null });
  await app.page.goto(`${app.server.url}${path}`);
  // Check-ins an earlier test queued and never saw sent go out now, not in the middle of this
  // test (where they would be counted as its own requests).
  await expect.poll(() => outboxLength(app.page), { timeout: 15_000 }).toBe(0);
}

/** Check-ins waiting in the page's outbox (IndexedDB), 0 when there is no outbox yet. */
function outboxLength(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('habit-tracker')) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('habit-tracker');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('queue')) return resolve(0);
        const count = db.transaction('queue').objectStore('queue').count();
        count.onsuccess = () => {
          resolve(count.result);
          db.close();
        };
        count.onerror = () => reject(count.error);
      };
    });
  });
}

/** The API as this browser's user (page.request shares the context's cookies). */
export async function api<T>(
  app: AppSession,
  path: string,
  options: { method?: string; data?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const method = options.method ?? 'GET';
  const send = () =>
    app.page.request.fetch(`${app.server.url}/api/v1${path}`, {
      method,
      ...(options.data === undefined ? {} : { data: options.data }),
    });
  // A reused keep-alive connection can be closed by the server just as the next request goes
  // out; a read is safe to send again.
  const res = await send().catch((error: Error) => {
    if (method === 'GET' && /ECONNRESET|socket hang up/.test(error.message)) return send();
    throw error;
  });
  const text = await res.text();
  return { status: res.status(), body: (text ? JSON.parse(text) : null) as T };
}

/** The user's today as the server computes it (their zone and day start). */
export async function todayDate(app: AppSession): Promise<string> {
  const { status, body } = await api<{ date: string }>(app, '/today');
  expect(status).toBe(200);
  return body.date;
}

/** Calendar arithmetic on YYYY-MM-DD dates (no clock involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** A habit's row on Today, by its exact name. */
export function row(app: AppSession, name: string) {
  const { page } = app;
  return page
    .getByTestId('habit-row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** A link of the main navigation. */
export function nav(app: AppSession, name: string) {
  return app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
}

/** Every screen gets an axe pass (phone and desktop width) and two screenshots. */
export async function checkScreen(app: AppSession, name: string): Promise<void> {
  const problems = await seriousViolations(app.page);
  expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  await screenshots(app.page, name);
}

/**
 * Dark theme on or off. Reduced motion too: colours switch at once instead of through the
 * buttons' background transition, which axe would otherwise catch half-way.
 */
export async function darkMode(app: AppSession, on: boolean): Promise<void> {
  await app.page.emulateMedia(
    on
      ? { colorScheme: 'dark', reducedMotion: 'reduce' }
      : { colorScheme: 'light', reducedMotion: null },
  );
  // The renderer may take the new scheme a little after the call returns (seen once under
  // faketime: an axe run read one colour of each theme): wait until the page itself sees it.
  await app.page.waitForFunction(
    (dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark,
    on,
  );
  await app.page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

/** Runs `body` in the dark theme, back to light afterwards even if it fails. */
export async function inDarkMode(app: AppSession, body: () => Promise<void>): Promise<void> {
  await darkMode(app, true);
  try {
    await body();
  } finally {
    await darkMode(app, false);
  }
}

/** Waits until the outbox has sent everything. */
export async function waitSynced(app: AppSession): Promise<void> {
  await expect
    .poll(() => app.page.getByTestId('sync-status').textContent(), { timeout: 15_000 })
    .toBe('Synced');
}
