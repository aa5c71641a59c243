/**
 * Files end to end, in Chromium against the real server (PGlite, local-folder storage): photos
 * on check-ins, the export zip and its download, and importing a Loop Habit Tracker export with
 * its preview. Like app.test.ts, each screen gets an axe pass and screenshots.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, screenshots, seriousViolations } from './support/browser';
import { drawImage, type LoopMark, loopCsvZip, zipFiles } from './support/files';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleProblems: string[] = [];

const EMAIL = `files-${Date.now()}@example.com`;
const PASSWORD = 'correct horse battery';

function todayUtc(offsetDays = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

/** The API as this browser's user (page.request shares the context's cookies). */
async function api<T>(
  path: string,
  options: { method?: string; data?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const method = options.method ?? 'GET';
  const send = () =>
    page.request.fetch(`${server.url}/api/v1${path}`, {
      method,
      ...(options.data === undefined ? {} : { data: options.data }),
    });
  // A reused keep-alive connection can be closed by the server (Node's 5 s idle timeout) just
  // as the next request goes out; a read is safe to send again.
  const res = await send().catch((error: Error) => {
    if (method === 'GET' && /ECONNRESET|socket hang up/.test(error.message)) return send();
    throw error;
  });
  const text = await res.text();
  return { status: res.status(), body: (text ? JSON.parse(text) : null) as T };
}

interface ApiPhoto {
  id: string;
  status: string;
  width: number | null;
}

async function checkScreen(name: string): Promise<void> {
  const problems = await seriousViolations(page);
  expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  await screenshots(page, name);
}

const row = (name: string) =>
  page.getByTestId('habit-row').filter({ has: page.getByRole('link', { name, exact: true }) });
const nav = (name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

/**
 * Dark theme on or off. Reduced motion too: colours switch at once instead of through the
 * buttons' background transition, which axe would otherwise catch half-way.
 */
async function darkMode(on: boolean): Promise<void> {
  await page.emulateMedia(
    on
      ? { colorScheme: 'dark', reducedMotion: 'reduce' }
      : { colorScheme: 'light', reducedMotion: null },
  );
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

/** Waits until an <img> has really loaded and decoded; returns its natural width. */
async function loadedWidth(img: ReturnType<Page['getByRole']>): Promise<number> {
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), {
      timeout: 10_000,
    })
    .toBe(true);
  return img.evaluate((el: HTMLImageElement) => el.naturalWidth);
}

beforeAll(async () => {
  server = await startServer();
  console.log(`e2e files: server (${server.mode}) at ${server.url}`);
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to|preloaded using link preload/i.test(text)) {
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

describe('files: photos, export, import', () => {
  test('a new account’s empty Today offers to import from Loop', async () => {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('No habits yet').waitFor();
    await page.getByText('Coming from Loop Habit Tracker?').waitFor();
    await page.getByRole('link', { name: 'Import your history' }).click();
    await page.getByRole('heading', { name: 'Import your history', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/import');
    await nav('Today').click();
    await page.getByText('No habits yet').waitFor();
  });

  test('attaches photos to a check-in, shows them large, and deletes one', async () => {
    const created = await api<{ id: string }>('/habits', {
      method: 'POST',
      data: { name: 'Read', measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
    });
    expect(created.status).toBe(201);
    await page.reload();
    await row('Read').waitFor();
    const date = (await page.getByTestId('today-date').getAttribute('data-date'))!;

    // No check-in yet: the dialog says that adding a photo saves the day first.
    await row('Read')
      .getByRole('button', { name: /More for Read/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Read — today' });
    await expect
      .poll(() => dialog.getByTestId('photo-hint').textContent())
      .toContain('Adding a photo saves this day as done');

    // The browser refuses what isn't an image before uploading anything.
    const input = dialog.getByTestId('photo-input');
    await input.setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a photo'),
    });
    await dialog.getByText('notes.txt isn’t a JPEG, PNG or WebP image.').waitFor();
    expect((await api<{ habits: { checkin: unknown }[] }>('/today')).body.habits[0]?.checkin).toBe(
      null,
    );

    const steps: string[] = [];
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (/\/photos($|\/[^/]+\/(upload|complete)$)/.test(path) && req.method() !== 'GET') {
        steps.push(`${req.method()} ${path.replace(/[0-9a-f-]{36}/g, ':id')}`);
      }
    });
    const png = await drawImage(page, 'image/png', 640, 480);
    await input.setInputFiles({ name: 'sunrise.png', mimeType: 'image/png', buffer: png });
    const thumb = dialog.getByRole('img', { name: /^Read, .* \(1 of 1\)$/ });
    await thumb.waitFor({ timeout: 20_000 });
    expect(await loadedWidth(thumb)).toBeGreaterThan(0);
    expect(steps).toEqual([
      `POST /api/v1/habits/:id/checkins/${date}/photos`,
      'PUT /api/v1/photos/:id/upload',
      'POST /api/v1/photos/:id/complete',
    ]);
    // The day was saved as done before the upload.
    const today = await api<{ habits: { checkin: { state: string } | null }[] }>('/today');
    expect(today.body.habits[0]?.checkin?.state).toBe('done');
    await dialog.getByText('1 photo added.').waitFor();
    await checkScreen('f01-checkin-photos');

    // A second one, a JPEG.
    const jpeg = await drawImage(page, 'image/jpeg', 480, 640);
    await input.setInputFiles({ name: 'page.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await dialog.getByRole('img', { name: /\(2 of 2\)$/ }).waitFor({ timeout: 20_000 });

    // Open the first one large; Escape closes only the photo, not the check-in dialog.
    await dialog.getByRole('button', { name: /^Open Read, .* \(1 of 2\)$/ }).click();
    const viewer = page.getByRole('dialog', { name: 'Photo 1 of 2' });
    const large = viewer.getByRole('img', { name: /\(1 of 2\)$/ });
    expect(await loadedWidth(large)).toBe(640);
    await checkScreen('f02-photo-viewer');
    await viewer.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Photo 2 of 2' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Photo 2 of 2' }).waitFor({ state: 'hidden' });
    expect(await dialog.isVisible()).toBe(true);

    // Delete the JPEG, through the confirmation.
    await dialog.getByRole('button', { name: /\(2 of 2\)$/ }).click();
    await page
      .getByRole('dialog', { name: 'Photo 2 of 2' })
      .getByRole('button', { name: 'Delete photo' })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Delete this photo?' });
    await confirm.getByText('for good').waitFor();
    await checkScreen('f03-photo-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete photo' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await dialog.getByText('Photo deleted.').waitFor();
    await expect.poll(() => dialog.getByRole('img').count(), { timeout: 5000 }).toBe(1);
    const listed = await api<{ photos: ApiPhoto[] }>(
      `/habits/${created.body.id}/checkins/${date}/photos`,
    );
    expect(listed.body.photos.map((p) => [p.status, p.width])).toEqual([['ready', 640]]);

    // The check-in dialog still saves normally (without sending the day twice).
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('a past day from the calendar gets a photo too, and offline says why it can’t', async () => {
    await row('Read').getByRole('link', { name: 'Read' }).click();
    await page.getByRole('heading', { name: 'Read', level: 1 }).waitFor();
    const yesterday = todayUtc(-1);
    await page.locator(`[data-date="${yesterday}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Skipped' }).check();
    await expect
      .poll(() => dialog.getByTestId('photo-hint').textContent())
      .toContain('saves this day as skipped');
    const png = await drawImage(page, 'image/png', 320, 320);
    await dialog
      .getByTestId('photo-input')
      .setInputFiles({ name: 'rain.png', mimeType: 'image/png', buffer: png });
    await dialog.getByRole('img', { name: /\(1 of 1\)$/ }).waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Reopened, the day is skipped and its photo is listed.
    await page.locator(`[data-date="${yesterday}"]`).click();
    expect(await dialog.getByRole('radio', { name: 'Skipped' }).isChecked()).toBe(true);
    await dialog.getByRole('img', { name: /\(1 of 1\)$/ }).waitFor();

    await context.setOffline(true);
    try {
      await expect
        .poll(() => dialog.getByTestId('photo-hint').textContent(), { timeout: 5000 })
        .toContain('You’re offline');
      expect(await dialog.getByRole('button', { name: 'Add photos' }).isDisabled()).toBe(true);
      await darkMode(true);
      await checkScreen('f04-checkin-photos-offline-dark');
    } finally {
      await darkMode(false);
      await context.setOffline(false);
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('exports everything and downloads the zip', async () => {
    await nav('Settings').click();
    await page.getByRole('link', { name: 'Export your data' }).click();
    await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
    await checkScreen('f05-your-data');

    const polls: number[] = [];
    page.on('request', (req) => {
      if (/\/api\/v1\/exports\/[0-9a-f-]{36}$/.test(req.url())) polls.push(Date.now());
    });
    // Hold the export at 42% (answers rewritten in flight) to see and check the progress bar.
    let holding = true;
    await page.route('**/api/v1/exports/*', async (route) => {
      const response = await route.fetch();
      if (!holding) return route.fulfill({ response });
      const running = { status: 'running', progress: 0.42, downloadUrl: null, expiresAt: null };
      return route.fulfill({ response, json: { ...(await response.json()), ...running } });
    });
    await page.getByRole('button', { name: 'Export everything' }).click();
    const bar = page.getByTestId('export-progress');
    await expect
      .poll(() => bar.evaluate((el: HTMLProgressElement) => el.value), { timeout: 10_000 })
      .toBe(0.42);
    await page.getByText('Preparing your export… 40%').waitFor();
    expect(await page.getByRole('button', { name: 'Exporting…' }).isDisabled()).toBe(true);
    await checkScreen('f05-export-running');
    // Not unrouted: a poll in flight would then be answered twice. Real answers from here on.
    holding = false;

    const download = page.getByTestId('download-export');
    await download.waitFor({ timeout: 60_000 });
    await page.getByText(/Available until/).waitFor();
    console.log(`e2e files: export polled ${polls.length} times`);
    await checkScreen('f06-export-ready');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const entries = Object.keys(unzipSync(new Uint8Array(bytes)));
    expect(entries).toContain('habit-tracker-export.json');
    expect(entries.filter((e) => e.startsWith('photos/'))).toHaveLength(2);

    await darkMode(true);
    try {
      await checkScreen('f06-export-ready-dark');
    } finally {
      await darkMode(false);
    }
  });

  test('imports a Loop Habit Tracker export after a preview', async () => {
    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.getByRole('heading', { name: 'Import your history', level: 1 }).waitFor();
    await checkScreen('f07-import');
    const input = page.getByTestId('import-file');

    // Not a zip or a database: refused in the browser.
    await input.setInputFiles({
      name: 'habits.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Meditate,yes'),
    });
    await page.getByTestId('import-error').getByText('isn’t a zip file or a Loop backup').waitFor();

    // A Loop zip the server can't read: every problem, with its file and line.
    const broken = zipFiles({
      'Habits.csv':
        'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n' +
        '001,Meditate,GOAL,,,1,1,#00897B,,,,false\n',
      'Checkmarks.csv': `Date,Meditate,\n${todayUtc()},YES_MANUAL,\n`,
    });
    await input.setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: broken });
    const problems = page.getByTestId('import-error');
    await problems.getByText('broken.zip can’t be imported:').waitFor({ timeout: 20_000 });
    expect(await problems.locator('li').first().textContent()).toMatch(/Habits\.csv.*line 2: /);
    await checkScreen('f08-import-invalid');

    // A good one: 10 days of two habits.
    const days = Array.from({ length: 10 }, (_, i) => todayUtc(-i));
    const meditate: Record<string, LoopMark> = {};
    const stretch: Record<string, LoopMark> = {};
    days.forEach((day, i) => {
      meditate[day] = i === 3 ? 'SKIP' : i === 6 ? 'NO' : 'YES_MANUAL';
      stretch[day] = i % 3 === 0 ? 'YES_MANUAL' : 'NO';
    });
    const zip = loopCsvZip(
      [
        { name: 'Meditate', num: 1, den: 1, color: '#00897B', marks: meditate },
        { name: 'Stretch', num: 3, den: 7, color: '#E53935', marks: stretch },
      ],
      days,
    );
    const choose = () =>
      input.setInputFiles({
        name: 'Loop Habits CSV.zip',
        mimeType: 'application/zip',
        buffer: zip,
      });
    // The server's reading is held back until the "Reading…" state has been checked.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/imports/*/preview', async (route) => {
      await released;
      await route.continue();
    });
    await choose();
    await page.getByText('Reading Loop Habits CSV.zip…').waitFor({ timeout: 20_000 });
    await checkScreen('f09-import-reading');
    release();
    const preview = page.getByTestId('preview');
    await preview.waitFor({ timeout: 20_000 });
    await preview.getByText('Loop Habit Tracker, CSV export').waitFor();
    await page.unroute('**/api/v1/imports/*/preview');
    const habits = preview.getByRole('list', { name: 'Habits in the file' }).locator('li');
    expect(await habits.allTextContents()).toEqual([
      expect.stringMatching(/^Meditate.*Yes or no · Every day · 9 check-ins · /),
      expect.stringMatching(/^Stretch.*Yes or no · 3 times a week · 4 check-ins · /),
    ]);
    const importButton = preview.getByRole('button', { name: 'Import 2 habits and 13 check-ins' });
    await importButton.waitFor();
    await checkScreen('f10-import-preview');
    await darkMode(true);
    try {
      await checkScreen('f10-import-preview-dark');
    } finally {
      await darkMode(false);
    }

    // Cancel writes nothing; choosing the file again brings the preview back.
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect((await api<{ habits: unknown[] }>('/habits?status=all')).body.habits).toHaveLength(1);
    await choose();
    await importButton.click();

    const result = page.getByTestId('result');
    await result.getByText('Added 2 habits and 13 check-ins').waitFor({ timeout: 20_000 });
    await checkScreen('f11-import-done');
    await result.getByRole('link', { name: 'Go to Today' }).click();
    await row('Meditate').waitFor();
    expect(await row('Meditate').getAttribute('data-state')).toBe('done');
    await row('Stretch').waitFor();
    await checkScreen('f12-today-after-import');

    const all = await api<{ habits: { name: string }[] }>('/habits?status=all');
    expect(all.body.habits.map((h) => h.name)).toEqual(['Read', 'Meditate', 'Stretch']);
  });

  test('no CSP violations or uncaught errors', () => {
    expect(consoleProblems).toEqual([]);
  });
});
