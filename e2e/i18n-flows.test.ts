/**
 * The language beyond single screens, in Chromium against the real server: a refusal from the
 * server is told in German (the catalog's sentence for its code, not the server's English), and
 * the language chosen in Settings travels with the account — a fresh browser that speaks English
 * shows the app in German as soon as that account signs in.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppSession, checkScreen, openApp, startAt, USER_ZONE } from './support/app';
import { PHONE } from './support/browser';
import { catalog, expectLangDir, expectPhoneWidth, LOCALE_KEY } from './support/i18n';

const EMAIL = `i18n-flows-${Date.now()}@example.com`;
const PASSWORD = 'correct horse battery';
const en = catalog('en');
const de = catalog('de');

let app: AppSession;

beforeAll(async () => {
  app = await openApp('i18n-flows');
  const signUp = await app.page.request.post(`${app.server.url}/api/v1/auth/sign-up`, {
    data: { email: EMAIL, password: PASSWORD, timeZone: USER_ZONE },
  });
  expect(signUp.status()).toBe(201);
});

afterAll(async () => {
  await app?.close();
});

/** A browser of its own (no session cookie), speaking `locale`. */
async function freshBrowser(
  locale: string,
  body: (context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await app.browser.newContext({ viewport: PHONE, locale, timezoneId: USER_ZONE });
  try {
    await body(context);
  } finally {
    await context.close();
  }
}

describe('the language beyond single screens', () => {
  test('a server refusal (wrong password) is told in German, from the catalog', async () => {
    expect(de['error.invalid_credentials']).not.toBe(en['error.invalid_credentials']);
    await freshBrowser('en-GB', async (context) => {
      // German chosen on this device, as the Language card stores it for a signed-out page.
      await context.addInitScript(({ key, l }) => localStorage.setItem(key, l), {
        key: LOCALE_KEY,
        l: 'de',
      });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/sign-in`);
      await expectLangDir(page, 'de', 'ltr');
      await page.getByLabel(de['account.email']!, { exact: true }).fill(EMAIL);
      await page.locator('input[autocomplete="current-password"]').fill('not the password');
      const refused = page.waitForResponse(
        (res) => res.url().endsWith('/api/v1/auth/sign-in') && res.request().method() === 'POST',
      );
      await page.getByRole('button', { name: de['auth.signIn.submit'], exact: true }).click();
      // A real refusal from the server, with the code the sentence is chosen by.
      const response = await refused;
      expect(response.status()).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_credentials',
      );
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe(de['error.invalid_credentials']);
      await expectPhoneWidth(page, 'the sign-in refusal in de');
      await checkScreen({ ...app, context, page }, 'i18n-de-sign-in-refused');
    });
  });

  test('the language chosen in Settings follows the account to a browser that speaks English', async () => {
    // Browser A (English): German chosen on the Settings Language card, stored with the account.
    await startAt(app, '/settings');
    const language = app.page.getByLabel(en['settings.language.label']!, { exact: true });
    await language.selectOption('de');
    await expectLangDir(app.page, 'de', 'ltr');
    await app.page
      .getByRole('heading', { level: 1, name: de['shell.nav.settings'], exact: true })
      .waitFor();

    // Browser B: en-US, nothing stored on it; English until the account says otherwise.
    await freshBrowser('en-US', async (context) => {
      const page = await context.newPage();
      await page.goto(`${app.server.url}/sign-in`);
      await expectLangDir(page, 'en', 'ltr');
      await page
        .getByRole('heading', { level: 1, name: en['auth.signIn.title'], exact: true })
        .waitFor();
      await page.getByLabel(en['account.email']!, { exact: true }).fill(EMAIL);
      await page.locator('input[autocomplete="current-password"]').fill(PASSWORD);
      await page.getByRole('button', { name: en['auth.signIn.submit'], exact: true }).click();

      await expectLangDir(page, 'de', 'ltr');
      const nav = page.getByRole('navigation', { name: de['shell.nav.label'], exact: true });
      await nav.getByRole('link', { name: de['shell.nav.today'], exact: true }).waitFor();
      await nav.getByRole('link', { name: de['shell.nav.habits'], exact: true }).click();
      await page
        .getByRole('heading', { level: 1, name: de['shell.nav.habits'], exact: true })
        .waitFor();
      // And it stays so on this device's next load (the first paint's language is cached).
      await page.reload();
      await expectLangDir(page, 'de', 'ltr');
      await page
        .getByRole('heading', { level: 1, name: de['shell.nav.habits'], exact: true })
        .waitFor();
    });
  });
});
