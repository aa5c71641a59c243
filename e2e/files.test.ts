/**
 * Files end to end, in Chromium against the real server (PGlite, local-folder storage): photos
 * on check-ins, the export zip and its download, and importing a Loop Habit Tracker export with
 * its preview. Like app.test.ts, each test starts from a fresh load of a known page, each screen
 * gets an axe pass and screenshots, and dates come from the app.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Locator, Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type AppSession,
  addDays,
  api as apiAs,
  checkScreen as check,
  inDarkMode,
  nav as navOf,
  openApp,
  row as rowOf,
  startAt,
  todayDate,
} from './support/app';
import { drawImage, type LoopMark, loopCsvZip, zipFiles } from './support/files';

let app: AppSession;

const EMAIL = `files-${Date.now()}@example.com`;
const PASSWORD = 'correct horse battery';

const api = <T>(path: string, options: { method?: string; data?: unknown } = {}) =>
  apiAs<T>(app, path, options);
const checkScreen = (name: string) => check(app, name);
const row = (name: string) => rowOf(app, name);
const nav = (name: string) => navOf(app, name);

interface ApiPhoto {
  id: string;
  status: string;
  width: number | null;
}

/** Waits until an <img> has really loaded and decoded; returns its natural width. */
async function loadedWidth(img: Locator): Promise<number> {
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), {
      timeout: 10_000,
    })
    .toBe(true);
  return img.evaluate((el: HTMLImageElement) => el.naturalWidth);
}

beforeAll(async () => {
  app = await openApp('files', { acceptDownloads: true });
});

beforeEach(async () => {
  await startAt(app);
});

afterAll(async () => {
  await app?.close();
});

describe('files: photos, export, import', () => {
  test('a new account’s empty Today offers to import from Loop', async () => {
    await app.page.goto(`${app.server.url}/sign-up`);
    await app.page.getByLabel('Email').fill(EMAIL);
    await app.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await app.page.getByRole('button', { name: 'Create account' }).click();
    await app.page.getByText('No habits yet').waitFor();
    await app.page.getByText('Coming from Loop Habit Tracker?').waitFor();
    await app.page.getByRole('link', { name: 'Import your history' }).click();
    await app.page.getByRole('heading', { name: 'Import your history', level: 1 }).waitFor();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/import');
    await nav('Today').click();
    await app.page.getByText('No habits yet').waitFor();
  });

  test('attaches photos to a check-in, shows them large, and deletes one', async () => {
    const created = await api<{ id: string }>('/habits', {
      method: 'POST',
      data: { name: 'Read', measure: { kind: 'boolean' }, schedule: { kind: 'daily' } },
    });
    expect(created.status).toBe(201);
    await app.page.reload();
    await row('Read').waitFor();
    const date = (await app.page.getByTestId('today-date').getAttribute('data-date'))!;

    // No check-in yet: the dialog says that adding a photo saves the day first.
    await row('Read')
      .getByRole('button', { name: /More for Read/ })
      .click();
    const dialog = app.page.getByRole('dialog', { name: 'Read — today' });
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
    const onRequest = (req: Request) => {
      const path = new URL(req.url()).pathname;
      if (/\/photos($|\/[^/]+\/(upload|complete)$)/.test(path) && req.method() !== 'GET') {
        steps.push(`${req.method()} ${path.replace(/[0-9a-f-]{36}/g, ':id')}`);
      }
    };
    app.page.on('request', onRequest);
    const png = await drawImage(app.page, 'image/png', 640, 480);
    await input.setInputFiles({ name: 'sunrise.png', mimeType: 'image/png', buffer: png });
    const thumb = dialog.getByRole('img', { name: /^Read, .* \(1 of 1\)$/ });
    await thumb.waitFor({ timeout: 20_000 });
    expect(await loadedWidth(thumb)).toBeGreaterThan(0);
    expect(steps).toEqual([
      `POST /api/v1/habits/:id/checkins/${date}/photos`,
      'PUT /api/v1/photos/:id/upload',
      'POST /api/v1/photos/:id/complete',
    ]);
    app.page.off('request', onRequest);
    // The day was saved as done before the upload.
    const today = await api<{ habits: { checkin: { state: string } | null }[] }>('/today');
    expect(today.body.habits[0]?.checkin?.state).toBe('done');
    await dialog.getByText('1 photo added.').waitFor();
    await checkScreen('f01-checkin-photos');

    // A second one, a JPEG.
    const jpeg = await drawImage(app.page, 'image/jpeg', 480, 640);
    await input.setInputFiles({ name: 'page.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await dialog.getByRole('img', { name: /\(2 of 2\)$/ }).waitFor({ timeout: 20_000 });

    // Open the first one large; Escape closes only the photo, not the check-in dialog.
    await dialog.getByRole('button', { name: /^Open Read, .* \(1 of 2\)$/ }).click();
    const viewer = app.page.getByRole('dialog', { name: 'Photo 1 of 2' });
    const large = viewer.getByRole('img', { name: /\(1 of 2\)$/ });
    expect(await loadedWidth(large)).toBe(640);
    await checkScreen('f02-photo-viewer');
    await viewer.getByRole('button', { name: 'Next' }).click();
    await app.page.getByRole('dialog', { name: 'Photo 2 of 2' }).waitFor();
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('dialog', { name: 'Photo 2 of 2' }).waitFor({ state: 'hidden' });
    await dialog.waitFor();

    // Delete the JPEG, through the confirmation.
    await dialog.getByRole('button', { name: /\(2 of 2\)$/ }).click();
    await app.page
      .getByRole('dialog', { name: 'Photo 2 of 2' })
      .getByRole('button', { name: 'Delete photo' })
      .click();
    const confirm = app.page.getByRole('dialog', { name: 'Delete this photo?' });
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
    await app.page.getByRole('heading', { name: 'Read', level: 1 }).waitFor();
    const yesterday = addDays(await todayDate(app), -1);
    await app.page.locator(`[data-date="${yesterday}"]`).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Skipped' }).check();
    await expect
      .poll(() => dialog.getByTestId('photo-hint').textContent())
      .toContain('saves this day as skipped');
    const png = await drawImage(app.page, 'image/png', 320, 320);
    await dialog
      .getByTestId('photo-input')
      .setInputFiles({ name: 'rain.png', mimeType: 'image/png', buffer: png });
    await dialog.getByRole('img', { name: /\(1 of 1\)$/ }).waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Reopened, the day is skipped and its photo is listed.
    await app.page.locator(`[data-date="${yesterday}"]`).click();
    await expect.poll(() => dialog.getByRole('radio', { name: 'Skipped' }).isChecked()).toBe(true);
    await dialog.getByRole('img', { name: /\(1 of 1\)$/ }).waitFor();

    await app.context.setOffline(true);
    try {
      await expect
        .poll(() => dialog.getByTestId('photo-hint').textContent(), { timeout: 5000 })
        .toContain('You’re offline');
      await expect
        .poll(() => dialog.getByRole('button', { name: 'Add photos' }).isDisabled())
        .toBe(true);
      await inDarkMode(app, () => checkScreen('f04-checkin-photos-offline-dark'));
    } finally {
      await app.context.setOffline(false);
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('exports everything and downloads the zip', async () => {
    await nav('Settings').click();
    await app.page.getByRole('link', { name: 'Export your data' }).click();
    await app.page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
    // The storage the account's files take, against its quota (1 GiB by default).
    await expect
      .poll(() => app.page.getByTestId('storage-usage').textContent())
      .toMatch(/ of 1 GB used$/);
    await checkScreen('f05-your-data');

    let polls = 0;
    const onRequest = (req: Request) => {
      if (/\/api\/v1\/exports\/[0-9a-f-]{36}$/.test(req.url())) polls++;
    };
    app.page.on('request', onRequest);
    // Hold the export at 42% (answers rewritten in flight) to see and check the progress bar.
    let holding = true;
    await app.page.route('**/api/v1/exports/*', async (route) => {
      const response = await route.fetch();
      if (!holding) return route.fulfill({ response });
      const running = { status: 'running', progress: 0.42, downloadUrl: null, expiresAt: null };
      return route.fulfill({ response, json: { ...(await response.json()), ...running } });
    });
    await app.page.getByRole('button', { name: 'Export everything' }).click();
    const bar = app.page.getByTestId('export-progress');
    await expect
      .poll(() => bar.evaluate((el: HTMLProgressElement) => el.value), { timeout: 10_000 })
      .toBe(0.42);
    await app.page.getByText('Preparing your export… 40%').waitFor();
    await expect
      .poll(() => app.page.getByRole('button', { name: 'Exporting…' }).isDisabled())
      .toBe(true);
    await checkScreen('f05-export-running');
    // Not unrouted: a poll in flight would then be answered twice. Real answers from here on.
    holding = false;

    const download = app.page.getByTestId('download-export');
    await download.waitFor({ timeout: 60_000 });
    await app.page.getByText(/Available until/).waitFor();
    app.page.off('request', onRequest);
    console.log(`e2e files: export polled ${polls} times`);
    await checkScreen('f06-export-ready');

    const [file] = await Promise.all([app.page.waitForEvent('download'), download.click()]);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const entries = Object.keys(unzipSync(new Uint8Array(bytes)));
    expect(entries).toContain('habit-tracker-export.json');
    expect(entries.filter((e) => e.startsWith('photos/'))).toHaveLength(2);

    await inDarkMode(app, () => checkScreen('f06-export-ready-dark'));

    // The same account as a Loop Habit Tracker backup.
    await app.page.getByRole('radio', { name: /Loop Habit Tracker backup/ }).check();
    await app.page.getByRole('button', { name: 'Export for Loop' }).click();
    const loopDownload = app.page.getByTestId('download-export');
    await expect
      .poll(async () => (await app.page.locator('.export-row').first().textContent()) ?? '', {
        timeout: 60_000,
      })
      .toMatch(/Loop backup.*Ready/);
    const [loopFile] = await Promise.all([app.page.waitForEvent('download'), loopDownload.click()]);
    expect(loopFile.suggestedFilename()).toMatch(/^habit-tracker-loop-backup-.*\.db$/);
    const loopBytes = readFileSync((await loopFile.path())!);
    expect(loopBytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });

  test('imports a Loop Habit Tracker export after a preview', async () => {
    const today = await todayDate(app);
    await startAt(app, '/settings/data');
    await app.page.getByRole('link', { name: 'Import a file' }).click();
    await app.page.getByRole('heading', { name: 'Import your history', level: 1 }).waitFor();
    await checkScreen('f07-import');
    const input = app.page.getByTestId('import-file');

    // Not a zip, a database, JSON or CSV (a PDF): refused in the browser.
    await input.setInputFiles({
      name: 'habits.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    });
    await app.page
      .getByTestId('import-error')
      .getByText('isn’t an export this app can read')
      .waitFor();

    // A Loop zip the server can't read: every problem, with its file and line.
    const broken = zipFiles({
      'Habits.csv':
        'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n' +
        '001,Meditate,GOAL,,,1,1,#00897B,,,,false\n',
      'Checkmarks.csv': `Date,Meditate,\n${today},YES_MANUAL,\n`,
    });
    await input.setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: broken });
    const problems = app.page.getByTestId('import-error');
    await problems.getByText('broken.zip can’t be imported:').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => problems.locator('li').first().textContent())
      .toMatch(/Habits\.csv.*line 2: /);
    await checkScreen('f08-import-invalid');

    // A good one: 10 days of two habits.
    const days = Array.from({ length: 10 }, (_, i) => addDays(today, -i));
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
    await app.page.route('**/api/v1/imports/*/preview', async (route) => {
      await released;
      await route.continue();
    });
    await choose();
    await app.page.getByText('Reading Loop Habits CSV.zip…').waitFor({ timeout: 20_000 });
    await checkScreen('f09-import-reading');
    release();
    const preview = app.page.getByTestId('preview');
    await preview.waitFor({ timeout: 20_000 });
    await preview.getByText('Loop Habit Tracker, CSV export').waitFor();
    await app.page.unroute('**/api/v1/imports/*/preview');
    const habits = preview.getByRole('list', { name: 'Habits in the file' }).locator('li');
    await expect
      .poll(() => habits.allTextContents())
      .toEqual([
        expect.stringMatching(/^Meditate.*Yes or no · Every day · 9 check-ins · /),
        expect.stringMatching(/^Stretch.*Yes or no · 3 times a week · 4 check-ins · /),
      ]);
    const importButton = preview.getByRole('button', { name: 'Import 2 habits and 13 check-ins' });
    await importButton.waitFor();
    await checkScreen('f10-import-preview');
    await inDarkMode(app, () => checkScreen('f10-import-preview-dark'));

    // Cancel writes nothing; choosing the file again brings the preview back.
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await preview.waitFor({ state: 'detached' });
    expect((await api<{ habits: unknown[] }>('/habits?status=all')).body.habits).toHaveLength(1);
    await choose();
    await importButton.click();

    const result = app.page.getByTestId('result');
    await result.getByText('Added 2 habits and 13 check-ins').waitFor({ timeout: 20_000 });
    await checkScreen('f11-import-done');
    await result.getByRole('link', { name: 'Go to Today' }).click();
    await expect.poll(() => row('Meditate').getAttribute('data-state')).toBe('done');
    await row('Stretch').waitFor();
    await checkScreen('f12-today-after-import');

    const all = await api<{ habits: { name: string }[] }>('/habits?status=all');
    expect(all.body.habits.map((h) => h.name)).toEqual(['Read', 'Meditate', 'Stretch']);
  });

  test('no CSP violations or uncaught errors', () => {
    expect(app.consoleProblems).toEqual([]);
  });
});
