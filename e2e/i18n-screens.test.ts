/**
 * Every main screen in German, Arabic (right to left) and the pseudo-locale (long, accented), at
 * 360 px in Chromium against the real server: `<html lang dir>` follow the language, the screen's
 * heading is the catalog's (so the language really is on screen, not English), nothing is wider
 * than the viewport, axe finds nothing serious, and each gets its screenshots. The language is
 * chosen as the Settings Language card stores it: with the account, and on the device (localStorage
 * `habit-tracker.locale`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AppSession,
  addDays,
  api as apiAs,
  checkScreen,
  openApp,
  startAt,
  todayDate,
  USER_ZONE,
} from './support/app';
import { PHONE } from './support/browser';

const MESSAGES = join(import.meta.dirname, '..', 'apps', 'web', 'src', 'i18n', 'messages');
const catalog = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(join(MESSAGES, `${locale}.json`), 'utf8'));

const LOCALES = [
  { locale: 'de', lang: 'de', dir: 'ltr' },
  { locale: 'ar', lang: 'ar', dir: 'rtl' },
  { locale: 'en-XA', lang: 'en', dir: 'ltr' },
] as const;

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
  heading: (m: Record<string, string>) => string | null;
  /** A section heading that shows the screen has loaded. */
  section: (m: Record<string, string>) => string | null;
  /** More section headings that must come from the catalog too (cards translated one by one). */
  more?: (m: Record<string, string>) => string[];
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
const SIGNED_OUT: Record<string, { path: string; heading: (m: Record<string, string>) => string }> =
  {
    'sign-in': { path: '/sign-in', heading: (m) => m['auth.signIn.title']! },
    'sign-up': { path: '/sign-up', heading: (m) => m['auth.signUp.title']! },
  };

describe.each(LOCALES)('in $locale at 360 px', ({ locale, lang, dir }) => {
  const m = catalog(locale);

  test.each(Object.keys(SCREENS))(
    '%s: lang and dir, the language on screen, no sideways scrolling, axe clean',
    async (name) => {
      const screen = SCREENS[name]!;
      const { page } = app;
      await page.setViewportSize(PHONE);
      await startAt(app, '/');
      // As the Settings Language card stores the choice: with the account (which wins once Today
      // answers from the network) and on the device (the first paint's language).
      expect((await api('/settings', { method: 'PATCH', data: { locale } })).status).toBe(200);
      await page.evaluate((l) => localStorage.setItem('habit-tracker.locale', l), locale);
      await startAt(app, screen.path());
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(dir);
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
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
          message: `${name} in ${locale} is wider than 360 px`,
        })
        .toBeLessThanOrEqual(PHONE.width);
      await checkScreen(app, `i18n-${locale}-${name}`);
      // English again for whatever runs next in this browser.
      expect((await api('/settings', { method: 'PATCH', data: { locale: null } })).status).toBe(
        200,
      );
      await page.evaluate(() => localStorage.removeItem('habit-tracker.locale'));
    },
  );

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
        await context.addInitScript((l) => localStorage.setItem('habit-tracker.locale', l), locale);
        const page = await context.newPage();
        await page.goto(`${app.server.url}${screen.path}`);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(dir);
        await page
          .getByRole('heading', { level: 1, name: screen.heading(m), exact: true })
          .waitFor();
        if (name === 'sign-up') {
          // The strength hint (password-check) speaks the language too.
          await page.locator('input[autocomplete="new-password"]').fill('short');
          const after = m['password.tooShort']!.split('{min, number}')[1]!.trim();
          await expect
            .poll(() => page.locator('[id$="-password-hint"]').textContent(), { timeout: 20_000 })
            .toContain(after);
        }
        await expect
          .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
            message: `${name} in ${locale} is wider than 360 px`,
          })
          .toBeLessThanOrEqual(PHONE.width);
        await checkScreen({ ...app, context, page }, `i18n-${locale}-${name}`);
      } finally {
        await context.close();
      }
    },
  );
});
