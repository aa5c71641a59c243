/**
 * The web app end to end, in Chromium against the real server and a real (PGlite) database:
 * one user's journey, step by step. Each step leaves screenshots of the screens it visits in
 * artifacts/screenshots/ and fails on any serious or critical axe violation.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, screenshots, seriousViolations } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleProblems: string[] = [];

const EMAIL = `e2e-${Date.now()}@example.com`;
const PASSWORD = 'correct horse battery';

/** The date in a zone (day starts at midnight), as the server computes "today". */
function dateIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface ApiHabit {
  id: string;
  name: string;
  archivedAt: string | null;
}
interface ApiCheckin {
  date: string;
  state: string;
  value: number | null;
}
interface ApiToday {
  date: string;
  habits: { habit: ApiHabit; due: boolean; checkin: ApiCheckin | null }[];
}

/** The API as this browser's user (page.request shares the context's cookies). */
async function api<T>(path: string, method = 'GET'): Promise<{ status: number; body: T }> {
  const res = await page.request.fetch(`${server.url}/api/v1${path}`, { method });
  const text = await res.text();
  return { status: res.status(), body: (text ? JSON.parse(text) : null) as T };
}
async function today(): Promise<ApiToday> {
  return (await api<ApiToday>('/today')).body;
}
async function habitByName(name: string): Promise<ApiHabit> {
  const { body } = await api<{ habits: ApiHabit[] }>('/habits?status=all');
  const habit = body.habits.find((h) => h.name === name);
  if (!habit) throw new Error(`no habit named ${name}`);
  return habit;
}

const row = (name: string) =>
  page.getByTestId('habit-row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function expectAccessible(): Promise<void> {
  const problems = await seriousViolations(page);
  expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
}

/** Every screen gets an axe pass and two screenshots. */
async function checkScreen(name: string): Promise<void> {
  await expectAccessible();
  await screenshots(page, name);
}

async function waitSynced(): Promise<void> {
  await expect
    .poll(() => page.getByTestId('sync-status').textContent(), { timeout: 15_000 })
    .toBe('Synced');
}

beforeAll(async () => {
  server = await startServer();
  console.log(`e2e: server (${server.mode}) at ${server.url}`);
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|preloaded using link preload but not used/i.test(text)) {
      consoleProblems.push(`${msg.type()}: ${text}`);
    }
  });
  page.on('pageerror', (error) => consoleProblems.push(`pageerror: ${error.message}`));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('habit tracker web app', () => {
  test('a visitor is sent to sign in, and can sign up', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await checkScreen('01-sign-in');

    // Wrong credentials get a friendly message.
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'don’t match an account' }).waitFor();

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    expect(await page.getByTestId('detected-zone').textContent()).toBe('UTC');
    await checkScreen('02-sign-up');

    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('No habits yet').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const me = await api<{ user: { email: string }; settings: { timeZone: string } }>('/me');
    expect(me.body.user.email).toBe(EMAIL);
    expect(me.body.settings.timeZone).toBe('UTC');
    await checkScreen('03-today-empty');
  });

  test('creates one habit of every schedule kind, and a numeric one', async () => {
    const todayDate = dateIn('UTC');
    const weekday = isoWeekday(todayDate);
    // Weekday habit on the two days after today, so it shows under "Not due today".
    const gymDays = [((weekday % 7) + 1) as number, (((weekday + 1) % 7) + 1) as number];

    async function create(name: string, fill: () => Promise<void>, summary: string | RegExp) {
      await page
        .getByRole('link', { name: /New habit|Create your first habit/ })
        .first()
        .click();
      await page.getByRole('heading', { name: 'New habit' }).waitFor();
      await page.getByLabel('Name').fill(name);
      await fill();
      await expect.poll(() => page.getByTestId('schedule-summary').textContent()).toMatch(summary);
      await page.getByRole('button', { name: 'Create habit' }).click();
      await row(name).waitFor();
    }

    await create(
      'Read',
      async () => {
        await page.getByRole('button', { name: 'Icon 📚' }).click();
        await page.getByRole('radio', { name: 'Indigo' }).check();
      },
      'Every day',
    );
    await create(
      'Gym',
      async () => {
        await page.getByRole('button', { name: 'Icon 💪' }).click();
        await page.getByRole('radio', { name: 'Red' }).check();
        await page.getByRole('radio', { name: /On certain days/ }).check();
        for (const day of WEEKDAYS) await page.getByRole('checkbox', { name: day }).uncheck();
        for (const d of gymDays)
          await page.getByRole('checkbox', { name: WEEKDAYS[d - 1] }).check();
      },
      /^[A-Z][a-z]{2}, [A-Z][a-z]{2}$|^Every \w+day$|^Weekends$/,
    );
    await create(
      'Swim',
      async () => {
        await page.getByRole('radio', { name: 'Sky' }).check();
        await page.getByRole('radio', { name: /Times a week/ }).check();
        await page.getByLabel('Times per week').fill('3');
      },
      '3 times a week',
    );
    await create(
      'Call family',
      async () => {
        await page.getByRole('radio', { name: 'Pink' }).check();
        await page.getByRole('radio', { name: /Times a month/ }).check();
        await page.getByLabel('Times per month').fill('4');
      },
      '4 times a month',
    );
    await create(
      'Water plants',
      async () => {
        await page.getByRole('button', { name: 'Icon 🌿' }).click();
        await page.getByRole('radio', { name: 'Green' }).check();
        await page.getByRole('radio', { name: /Every few days/ }).check();
        await page.getByLabel('Every how many days?').fill('3');
      },
      'Every 3 days',
    );
    await create(
      'Run',
      async () => {
        await page.getByRole('button', { name: 'Icon 🏃' }).click();
        await page.getByRole('radio', { name: 'Orange' }).check();
        await page.getByRole('radio', { name: /A number/ }).check();
        await page.getByLabel('Target').fill('5');
        await page.getByLabel('Unit').fill('km');
        await expect
          .poll(() => page.getByTestId('schedule-summary').textContent())
          .toBe('Every day · at least 5 km');
        await checkScreen('04-habit-editor');
      },
      'Every day · at least 5 km',
    );

    const data = await today();
    const byName = Object.fromEntries(data.habits.map((h) => [h.habit.name, h]));
    expect(Object.keys(byName)).toEqual([
      'Read',
      'Gym',
      'Swim',
      'Call family',
      'Water plants',
      'Run',
    ]);
    expect(byName.Gym?.due).toBe(false);
    expect(byName['Water plants']?.due).toBe(true);
    await page.getByTestId('not-due-list').getByText('Gym').waitFor();
  });

  test('checks in, undoes, skips, and records a number', async () => {
    const read = row('Read');
    const check = read.getByTestId('check-button');
    const readCheckin = async () =>
      (await today()).habits.find((h) => h.habit.name === 'Read')?.checkin ?? null;

    await check.click();
    await expect.poll(() => check.getAttribute('aria-pressed')).toBe('true');
    await waitSynced();
    expect((await readCheckin())?.state).toBe('done');

    await check.click(); // undo
    await expect.poll(() => check.getAttribute('aria-pressed')).toBe('false');
    await waitSynced();
    expect(await readCheckin()).toBeNull();

    await check.click();
    await waitSynced();
    expect((await readCheckin())?.state).toBe('done');

    // Skip the weekly habit with a note, through the "more" dialog.
    await row('Swim')
      .getByRole('button', { name: /More for Swim/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Skipped' }).check();
    await dialog.getByLabel(/Note/).fill('Pool closed');
    await checkScreen('05-checkin-dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row('Swim').getAttribute('data-state')).toBe('skipped');
    await waitSynced();
    const swim = (await today()).habits.find((h) => h.habit.name === 'Swim');
    expect(swim?.checkin?.state).toBe('skipped');

    // Numeric entry with its unit.
    await row('Run').getByTestId('check-button').click();
    await page.getByRole('dialog').getByLabel('Amount (km)').fill('6.5');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await row('Run').getByText('6.5').first().waitFor();
    await waitSynced();
    const run = (await today()).habits.find((h) => h.habit.name === 'Run');
    expect(run?.checkin).toMatchObject({ state: 'done', value: 6.5 });

    await row('Read').getByText('1 day').waitFor();
    await checkScreen('06-today');
  });

  test('editing a past day in the heatmap changes the streak', async () => {
    await row('Read').getByRole('link', { name: 'Read' }).click();
    await page.getByRole('heading', { name: 'Read', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('current-streak').textContent()).toBe('1 day');

    const yesterday = addDays(dateIn('UTC'), -1);
    await page.locator(`[data-date="${yesterday}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Done' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('current-streak').textContent()).toBe('2 days');
    expect(await page.getByTestId('best-streak').textContent()).toBe('2 days');

    // Keyboard: arrows move between days, Enter opens the day.
    await page.locator(`[data-date="${yesterday}"]`).focus();
    await page.keyboard.press('ArrowLeft');
    const twoDaysAgo = addDays(dateIn('UTC'), -2);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-date')))
      .toBe(twoDaysAgo);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('radio', { name: 'Done' }).check();
    await page.getByRole('dialog').getByLabel(/Note/).fill('Finished the book');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('current-streak').textContent()).toBe('3 days');
    await page.getByText('Finished the book').waitFor();
    await checkScreen('07-habit-detail');
  });

  test('the dark theme is accessible too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await checkScreen('07-habit-detail-dark');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Today' })
        .click();
      await row('Read').waitFor();
      await checkScreen('06-today-dark');
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('reorders (buttons, keyboard, drag and drop), archives, unarchives and deletes', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Habits' })
      .click();
    await page.getByRole('heading', { name: 'Habits', level: 1 }).waitFor();
    const order = async () =>
      (await api<{ habits: ApiHabit[] }>('/habits')).body.habits.map((h) => h.name);
    const shown = () => page.getByTestId('active-habits').locator('.habit-name').allTextContents();

    await page.getByRole('button', { name: 'Move Run up' }).click();
    await expect.poll(order).toEqual(['Read', 'Gym', 'Swim', 'Call family', 'Run', 'Water plants']);

    // Keyboard only: focus stays on the moved row's button, so Enter can be pressed again.
    await page.getByRole('button', { name: 'Move Read down' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual(['Gym', 'Read', 'Swim', 'Call family', 'Run', 'Water plants']);
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual(['Gym', 'Swim', 'Read', 'Call family', 'Run', 'Water plants']);

    // Drag Gym's handle below Read.
    const handle = page.getByRole('button', { name: 'Drag to reorder Gym' });
    const from = (await handle.boundingBox())!;
    const target = (await page
      .getByTestId('active-habits')
      .locator('li', { hasText: 'Read' })
      .boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, target.y + target.height * 0.8, { steps: 12 });
    await page.mouse.up();
    await expect.poll(order).toEqual(['Swim', 'Read', 'Gym', 'Call family', 'Run', 'Water plants']);
    expect(await shown()).toEqual(['Swim', 'Read', 'Gym', 'Call family', 'Run', 'Water plants']);

    // Archive, see it leave Today, bring it back.
    await page.getByRole('button', { name: 'Archive Call family' }).click();
    await page
      .getByTestId('archived-habits')
      .locator('.habit-name', { hasText: 'Call family' })
      .waitFor();
    expect((await habitByName('Call family')).archivedAt).not.toBeNull();
    expect((await today()).habits.map((h) => h.habit.name)).not.toContain('Call family');
    await checkScreen('08-habits');

    await page.getByRole('button', { name: 'Unarchive Call family' }).click();
    await page
      .getByTestId('active-habits')
      .locator('.habit-name', { hasText: 'Call family' })
      .waitFor();
    expect((await today()).habits.map((h) => h.habit.name)).toContain('Call family');

    // Archive again and delete it for good, through the confirmation dialog.
    await page.getByRole('button', { name: 'Archive Call family' }).click();
    await page.getByRole('button', { name: 'Delete Call family' }).click();
    await page.getByRole('dialog').getByText('can’t be undone').waitFor();
    await checkScreen('09-delete-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect
      .poll(async () =>
        (await api<{ habits: ApiHabit[] }>('/habits?status=all')).body.habits.map((h) => h.name),
      )
      .not.toContain('Call family');
  });

  test('changing the time zone moves Today to that zone’s date', async () => {
    // A zone whose date differs from UTC right now: +14 after 10:00 UTC, −11 before 11:00 UTC.
    const zone = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const expected = dateIn(zone);
    expect(expected).not.toBe(dateIn('UTC'));

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByTestId('account-email').getByText(EMAIL).waitFor();
    await checkScreen('10-settings');

    await page.getByPlaceholder(/Search, e.g. Tokyo/).fill(zone.split('/')[1]!.replace('_', ' '));
    await page.getByTestId('tz-select').selectOption(zone);
    await page.getByTestId('save-settings').click();
    await page.getByText('Settings saved.').waitFor();
    expect((await api<{ timeZone: string }>('/settings')).body.timeZone).toBe(zone);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Today' })
      .click();
    await expect
      .poll(() => page.getByTestId('today-date').getAttribute('data-date'))
      .toBe(expected);
    // The device is still in UTC, so Today offers to switch back (never silently).
    await page.getByTestId('tz-nudge').waitFor();
    // A new day: nothing checked yet.
    expect(await row('Read').getAttribute('data-state')).toBe('none');
    await checkScreen('11-today-new-zone');
  });

  test('offline: renders from the last data, queues check-ins, syncs each exactly once', async () => {
    // Make sure the service worker controls the page (it precaches the app shell).
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 20_000,
    });
    await row('Read').waitFor();
    const date = await page.getByTestId('today-date').getAttribute('data-date');
    const swim = await habitByName('Swim');

    await context.setOffline(true);
    await page.reload();
    await row('Read').waitFor();
    await page.getByTestId('cache-notice').waitFor();
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toBe('Offline');

    const check = row('Read').getByTestId('check-button');
    await check.click(); // done
    await check.click(); // undo
    await check.click(); // done again
    await row('Swim').getByTestId('check-button').click();
    await expect
      .poll(() => page.getByTestId('sync-status').textContent())
      .toBe('Offline · 4 to sync');
    await checkScreen('12-today-offline');

    // The queue survives a reload while still offline.
    await page.reload();
    await row('Read').waitFor();
    expect(await row('Read').getAttribute('data-state')).toBe('done');
    await expect
      .poll(() => page.getByTestId('sync-status').textContent())
      .toBe('Offline · 4 to sync');

    // Meanwhile Swim is deleted elsewhere: its queued check-in will be refused (404).
    expect((await api(`/habits/${swim.id}`, 'DELETE')).status).toBe(204);

    const sent: { method: string; key: string | null; status: number; replayed: boolean }[] = [];
    page.on('response', async (res) => {
      if (!res.url().includes('/checkins/')) return;
      const headers = await res.request().allHeaders();
      sent.push({
        method: res.request().method(),
        key: headers['idempotency-key'] ?? null,
        status: res.status(),
        replayed: (await res.allHeaders())['idempotency-replayed'] === 'true',
      });
    });
    await context.setOffline(false);
    await waitSynced();
    await page.getByText('1 change could not be saved').waitFor();
    await page.getByText(/Swim.*That no longer exists/).waitFor();
    await checkScreen('13-today-rejected');

    // In order, once each: PUT, DELETE, PUT for Read, then the refused PUT for Swim.
    expect(sent.map((s) => `${s.method} ${s.status}`)).toEqual([
      'PUT 200',
      'DELETE 204',
      'PUT 200',
      'PUT 404',
    ]);
    expect(new Set(sent.map((s) => s.key)).size).toBe(4);
    const read = await habitByName('Read');
    const history = await api<{ checkins: ApiCheckin[] }>(
      `/habits/${read.id}/history?from=${date}&to=${date}`,
    );
    expect(history.body.checkins).toHaveLength(1);
    expect(history.body.checkins[0]).toMatchObject({ date, state: 'done' });

    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByText('1 change could not be saved').waitFor({ state: 'detached' });
  });

  test('a lost response is resent with the same key and replayed, not applied twice', async () => {
    const sent: { key: string; replayed: boolean; status: number }[] = [];
    let dropped = false;
    await page.route('**/api/v1/habits/*/checkins/*', async (route) => {
      const key = route.request().headers()['idempotency-key'] ?? '';
      const response = await route.fetch();
      sent.push({
        key,
        status: response.status(),
        replayed: response.headers()['idempotency-replayed'] === 'true',
      });
      if (!dropped) {
        dropped = true; // the server has applied it, but the app never hears back
        await route.abort('connectionreset');
        return;
      }
      await route.fulfill({ response });
    });
    await row('Gym').getByTestId('check-button').click();
    await expect.poll(() => sent.length, { timeout: 15_000 }).toBe(2);
    await waitSynced();
    await page.unroute('**/api/v1/habits/*/checkins/*');
    expect(sent[0]).toMatchObject({ status: 200, replayed: false });
    expect(sent[1]).toMatchObject({ key: sent[0]!.key, status: 200, replayed: true });
    const gym = (await today()).habits.find((h) => h.habit.name === 'Gym');
    expect(gym?.checkin?.state).toBe('done');
  });

  test('a warm reload renders Today fast', async () => {
    const times: number[] = [];
    const sources: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await page.getByTestId('today-list').waitFor();
      const ms = await page.evaluate(() => {
        const mark = performance.getEntriesByName('today-visible')[0] as PerformanceMark;
        return { at: mark.startTime, source: (mark.detail as { source: string }).source };
      });
      sources.push(ms.source);
      times.push(ms.at);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(
      `e2e: warm reload → Today visible: median ${median.toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms; data from ${sources.join(', ')})`,
    );
    // The preload must have been used: one request for /api/v1/today per load.
    const requests = await page.evaluate(
      () =>
        performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/v1/today'))
          .length,
    );
    expect(requests).toBe(1);
    expect(median).toBeLessThan(1500);
  });

  test('signs out and forgets local data', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByTestId('sign-out').click();
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect((await api('/me')).status).toBe(401);
    const cached = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('habit-tracker');
          open.onsuccess = () => {
            const get = open.result.transaction('kv').objectStore('kv').get('today');
            get.onsuccess = () => resolve(get.result ?? null);
          };
        }),
    );
    expect(cached).toBeNull();
    // Reloading a private screen while signed out lands on sign-in, remembering where to go.
    await page.goto(`${server.url}/settings`);
    await expect.poll(() => page.url()).toContain('/sign-in?next=%2Fsettings');
  });

  test('no CSP violations, unused preloads or uncaught errors', () => {
    expect(consoleProblems).toEqual([]);
  });
});
