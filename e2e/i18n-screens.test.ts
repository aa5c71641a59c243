/**
 * Every main screen in German, Arabic (right to left) and the pseudo-locale (long, accented), at
 * 360 px in Chromium against the real server: `<html lang dir>` follow the language, the screen's
 * heading is the catalog's (so the language really is on screen, not English), nothing is wider
 * than the viewport, axe finds nothing serious, and each gets its screenshots. The language is
 * chosen as the Settings Language card stores it: with the account, and on the device (localStorage
 * `habit-tracker.locale`). The check-in dialogs (quick entry and the full one) are checked the same
 * way, and so are the forgotten-password pages, and the import preview of another app's export
 * (its warnings said from their codes, its schedules formatted here, not the server's English).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AppSession,
  addDays,
  api as apiAs,
  checkScreen,
  openApp,
  row,
  startAt,
  todayDate,
  USER_ZONE,
} from './support/app';
import { PHONE } from './support/browser';
import { zipFiles } from './support/files';
import {
  type Catalog,
  catalog,
  expectLangDir,
  expectPhoneWidth,
  LOCALE_KEY,
  LOCALES,
  message,
} from './support/i18n';

const en = catalog('en');
let app: AppSession;
let runId = '';
const api = <T>(path: string, options: { method?: string; data?: unknown } = {}) =>
  apiAs<T>(app, path, options);

async function createHabit(data: unknown): Promise<string> {
  const created = await api<{ id: string }>('/habits', { method: 'POST', data });
  expect(created.status).toBe(201);
  return created.body.id;
}

beforeAll(async () => {
  app = await openApp('i18n-screens');
  const signUp = await app.page.request.post(`${app.server.url}/api/v1/auth/sign-up`, {
    data: {
      email: `i18n-${Date.now()}@example.com`,
      password: 'correct horse battery',
      timeZone: USER_ZONE,
    },
  });
  expect(signUp.status()).toBe(201);
  // A yes/no habit on chosen weekdays (the list's weekday names) and a numeric one with a few
  // days of history (the value chart, streaks and notes).
  await createHabit({
    name: 'Read',
    measure: { kind: 'boolean' },
    schedule: { kind: 'weekdays', days: [1, 3, 5] },
  });
  runId = await createHabit({
    name: 'Run',
    measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
    schedule: { kind: 'times_per_week', times: 3 },
  });
  const today = await todayDate(app);
  for (const [back, value] of [
    [0, 5],
    [1, 3.5],
    [3, 7],
  ] as const) {
    const put = await api(`/habits/${runId}/checkins/${addDays(today, -back)}`, {
      method: 'PUT',
      data: { state: 'done', value, note: back === 3 ? 'Hills' : '' },
    });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
  }
});

afterAll(async () => {
  await app?.close();
});

interface Screen {
  path: () => string;
  /** The h1 (null: Today's is the weekday, so its nav link and rows say it is there). */
  heading: (m: Catalog) => string | null;
  /** A section heading that shows the screen has loaded. */
  section: (m: Catalog) => string | null;
  /** More section headings that must come from the catalog too (cards translated one by one). */
  more?: (m: Catalog) => string[];
}

const SCREENS: Record<string, Screen> = {
  today: { path: () => '/', heading: () => null, section: () => null },
  habits: {
    path: () => '/habits',
    heading: (m) => m['shell.nav.habits']!,
    section: (m) => m['groups.title']!,
  },
  editor: {
    path: () => `/habits/${runId}/edit`,
    heading: (m) => m['editor.titleEdit']!,
    section: (m) => m['reminders.title']!,
  },
  detail: {
    path: () => `/habits/${runId}`,
    heading: () => 'Run',
    section: (m) => m['detail.history']!,
  },
  stats: {
    path: () => '/stats',
    heading: (m) => m['stats.title']!,
    section: (m) => m['stats.allHabits']!,
  },
  settings: {
    path: () => '/settings',
    heading: (m) => m['shell.nav.settings']!,
    section: (m) => m['settings.language.title']!,
    more: (m) => [
      m['settings.days.title']!,
      m['reminders.devices.title']!,
      m['reminders.vacation.title']!,
      m['settings.data.title']!,
      m['tokens.title']!,
    ],
  },
  data: {
    path: () => '/settings/data',
    heading: (m) => m['data.title']!,
    section: (m) => m['data.export.title']!,
  },
  import: {
    path: () => '/import',
    heading: (m) => m['import.title']!,
    section: (m) => m['import.pick.title']!,
  },
};

/** Pages for someone signed out: the language is only this device's choice (no account yet). */
const SIGNED_OUT: Record<
  string,
  { path: string; heading: (m: Catalog) => string; control?: (m: Catalog) => string }
> = {
  'sign-in': { path: '/sign-in', heading: (m) => m['auth.signIn.title']! },
  'sign-up': { path: '/sign-up', heading: (m) => m['auth.signUp.title']! },
  'forgot-password': {
    path: '/forgot-password',
    heading: (m) => m['forgot.title']!,
    control: (m) => m['account.email']!,
  },
  // Any token shows the form: the server only judges it when the new password is sent.
  'reset-password': {
    path: '/reset-password?token=not-checked-until-sent',
    heading: (m) => m['reset.title']!,
    control: (m) => m['reset.newPassword']!,
  },
};

/**
 * The language as the Settings Language card stores the choice: with the account (which wins
 * once Today answers from the network) and on the device (the first paint's language).
 */
async function speak(locale: string): Promise<void> {
  await startAt(app, '/');
  expect((await api('/settings', { method: 'PATCH', data: { locale } })).status).toBe(200);
  await app.page.evaluate(({ key, l }) => localStorage.setItem(key, l), {
    key: LOCALE_KEY,
    l: locale,
  });
}

/** English again for whatever runs next in this browser. */
async function backToEnglish(): Promise<void> {
  expect((await api('/settings', { method: 'PATCH', data: { locale: null } })).status).toBe(200);
  await app.page.evaluate((key) => localStorage.removeItem(key), LOCALE_KEY);
}

describe.each(LOCALES)('in $locale at 360 px', ({ locale, lang, dir }) => {
  const m = catalog(locale);

  test.each(Object.keys(SCREENS))(
    '%s: lang and dir, the language on screen, no sideways scrolling, axe clean',
    async (name) => {
      const screen = SCREENS[name]!;
      const { page } = app;
      await page.setViewportSize(PHONE);
      await speak(locale);
      try {
        await startAt(app, screen.path());
        await expectLangDir(page, lang, dir);
        const heading = screen.heading(m);
        if (heading) {
          await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
        } else {
          await page
            .getByRole('navigation', { name: m['shell.nav.label'] })
            .getByRole('link', { name: m['shell.nav.today'] })
            .waitFor();
          await page.getByTestId('habit-row').first().waitFor();
        }
        const section = screen.section(m);
        if (section) {
          await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
        }
        for (const title of screen.more?.(m) ?? []) {
          await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
        }
        // Loaded content, not a skeleton: no busy placeholder left.
        await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
        await expectPhoneWidth(page, `${name} in ${locale}`);
        await checkScreen(app, `i18n-${locale}-${name}`);
      } finally {
        await backToEnglish();
      }
    },
  );

  test('check-in dialogs from a grid day (quick entry, then More…): title and labels from the catalog, no sideways scrolling, axe clean', async () => {
    const { page } = app;
    await page.setViewportSize(PHONE);
    await speak(locale);
    try {
      await startAt(app, '/');
      await expectLangDir(page, lang, dir);
      // Both dialogs are titled with the habit and the day ("Run — today").
      const title = message(m, 'quickEntry.title', { habit: 'Run', day: m['quickEntry.today']! });
      const km = { unit: 'km' };

      // Run is numeric: its today cell opens quick entry, with today's 5 km in it.
      await row(app, 'Run').getByTestId('check-button').click();
      const quick = page.getByRole('dialog', { name: title, exact: true });
      const total = quick.getByLabel(message(m, 'quickEntry.total', km), { exact: true });
      await expect.poll(() => total.inputValue()).toBe('5');
      await quick.getByLabel(m['quickEntry.addLabel']!, { exact: true }).waitFor();
      for (const name of [
        message(m, 'quickEntry.removeOne', km),
        message(m, 'quickEntry.addOne', km),
        m['quickEntry.add']!,
        m['quickEntry.more']!,
        m['common.cancel']!,
        m['common.save']!,
      ]) {
        await quick.getByRole('button', { name, exact: true }).waitFor();
      }
      await expectPhoneWidth(page, `quick entry in ${locale}`);
      await checkScreen(app, `i18n-${locale}-quick-entry`);

      // More… swaps it for the full check-in dialog of the same day (state, amount, note).
      await page.setViewportSize(PHONE);
      await quick.getByRole('button', { name: m['quickEntry.more'], exact: true }).click();
      const full = page.getByRole('dialog', { name: title, exact: true });
      const status = full.getByRole('group', { name: m['checkin.status'], exact: true });
      for (const state of ['checkin.done', 'checkin.skipped', 'checkin.none']) {
        await status.getByRole('radio', { name: m[state], exact: true }).waitFor();
      }
      const amount = full.getByLabel(message(m, 'checkin.amount', km), { exact: true });
      await expect.poll(() => amount.inputValue()).toBe('5');
      await full
        .getByLabel(`${m['checkin.note']} ${m['common.optional']}`, { exact: true })
        .waitFor();
      // The photo section has loaded (lazily, with the dialog).
      await expect.poll(() => full.locator('[aria-busy="true"]').count()).toBe(0);
      await expectPhoneWidth(page, `check-in dialog in ${locale}`);
      await checkScreen(app, `i18n-${locale}-checkin-dialog`);
      await full.getByRole('button', { name: m['common.cancel'], exact: true }).click();
      await full.waitFor({ state: 'detached' });
    } finally {
      await backToEnglish();
    }
  });

  test.each(Object.keys(SIGNED_OUT))(
    '%s, signed out: lang and dir, the language on screen, no sideways scrolling, axe clean',
    async (name) => {
      const screen = SIGNED_OUT[name]!;
      // A browser of its own: no session cookie, the choice stored on the device as the app does.
      const context = await app.browser.newContext({
        viewport: PHONE,
        locale: 'en-GB',
        timezoneId: USER_ZONE,
      });
      try {
        await context.addInitScript(({ key, l }) => localStorage.setItem(key, l), {
          key: LOCALE_KEY,
          l: locale,
        });
        const page = await context.newPage();
        await page.goto(`${app.server.url}${screen.path}`);
        await expectLangDir(page, lang, dir);
        await page
          .getByRole('heading', { level: 1, name: screen.heading(m), exact: true })
          .waitFor();
        const control = screen.control?.(m);
        if (control) await page.getByLabel(control, { exact: true }).waitFor();
        if (name === 'sign-up' || name === 'reset-password') {
          // The strength hint (password-check) speaks the language too.
          const password = page.locator('input[autocomplete="new-password"]');
          await password.fill('short');
          const after = m['password.tooShort']!.split('{min, number}')[1]!.trim();
          // What the field is described by: its hint (each form gives it its own id).
          const described = () =>
            password.evaluate((input) =>
              (input.getAttribute('aria-describedby') ?? '')
                .split(' ')
                .map((id) => document.getElementById(id)?.textContent ?? '')
                .join(' '),
            );
          await expect.poll(described, { timeout: 20_000 }).toContain(after);
        }
        await expectPhoneWidth(page, `${name} in ${locale}`);
        await checkScreen({ ...app, context, page }, `i18n-${locale}-${name}`);
      } finally {
        await context.close();
      }
    },
  );
});

/**
 * A Loop CSV export whose Habits.csv lists a habit Checkmarks.csv has no column for (not chosen
 * for the export): the preview warns `habits_without_checkmarks` with the habit's name. Fixed
 * past days, so the preview does not depend on today.
 */
const LOOP_WITH_LEFT_OUT = zipFiles({
  'Habits.csv':
    'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n' +
    '001,Meditate,YES_NO,,,1,1,#00897B,,,,false\n' +
    '002,Floss,YES_NO,,,1,1,#E53935,,,,false\n',
  'Checkmarks.csv':
    'Date,Meditate,\n2025-03-05,YES_MANUAL,\n2025-03-04,NO,\n2025-03-03,YES_MANUAL,\n',
});

/** `text` as a regular expression that matches it literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface PreviewWarning {
  code: string;
  values: Record<string, string | number>;
  message: string;
}

describe.each(LOCALES.filter((l) => l.locale !== 'en-XA'))(
  'import preview in $locale at 360 px',
  ({ locale, lang, dir }) => {
    const m = catalog(locale);

    test('warnings from the catalog by code, the schedule in the language, no sideways scrolling, axe clean; Cancel imports nothing', async () => {
      const { page } = app;
      await page.setViewportSize(PHONE);
      await speak(locale);
      try {
        await startAt(app, '/import');
        await expectLangDir(page, lang, dir);
        await page
          .getByRole('heading', { level: 2, name: m['import.pick.title'], exact: true })
          .waitFor();
        const previewed = page.waitForResponse(
          (res) => res.url().endsWith('/preview') && res.request().method() === 'POST',
        );
        await page.getByTestId('import-file').setInputFiles({
          name: 'Loop Habits CSV.zip',
          mimeType: 'application/zip',
          buffer: LOOP_WITH_LEFT_OUT,
        });
        // The server's warning: its code and values (what the web says it with) and its English.
        const response = await previewed;
        expect(response.status()).toBe(200);
        const { preview } = (await response.json()) as { preview: { warnings: PreviewWarning[] } };
        expect(preview.warnings).toEqual([
          {
            code: 'habits_without_checkmarks',
            values: { habits: '"Floss"', count: 1 },
            message: expect.stringContaining('"Floss"'),
          },
        ]);
        const [warning] = preview.warnings as [PreviewWarning];

        const card = page.getByTestId('preview');
        await card.waitFor({ timeout: 20_000 });
        await card
          .getByRole('heading', { level: 2, name: m['import.preview.title'], exact: true })
          .waitFor();
        await card.getByText(m['import.preview.warnings']!, { exact: true }).waitFor();
        const said = message(m, 'import.warning.habits_without_checkmarks', { habits: '"Floss"' });
        expect(said).not.toBe(warning.message);
        await expect.poll(() => card.locator('.warning-list li').allTextContents()).toEqual([said]);
        await expect.poll(() => card.textContent()).not.toContain(warning.message);

        // Meditate's schedule (Loop's 1/1) formatted here, not the server's English "Every day".
        expect(m['repeat.everyDay']).not.toBe(en['repeat.everyDay']);
        const habits = card
          .getByRole('list', { name: m['import.preview.habits'], exact: true })
          .locator('li');
        await expect
          .poll(() => habits.allTextContents())
          .toEqual([
            expect.stringMatching(
              new RegExp(
                `^${literally(`Meditate${m['import.preview.yesNo']} · ${m['repeat.everyDay']} · `)}`,
              ),
            ),
          ]);
        await expect.poll(() => card.textContent()).not.toContain(en['repeat.everyDay']);

        await expectPhoneWidth(page, `the import preview in ${locale}`);
        await checkScreen(app, `i18n-${locale}-import-preview`);

        // Cancel: back to the picker, and the account holds no habit from the file.
        await card.getByRole('button', { name: m['import.preview.cancel'], exact: true }).click();
        await card.waitFor({ state: 'detached' });
        await page
          .getByRole('heading', { level: 2, name: m['import.pick.title'], exact: true })
          .waitFor();
        const names = (await api<{ habits: { name: string }[] }>('/habits')).body.habits.map(
          (h) => h.name,
        );
        expect(names).not.toContain('Meditate');
        expect(names).toContain('Run');
      } finally {
        await backToEnglish();
      }
    });
  },
);
