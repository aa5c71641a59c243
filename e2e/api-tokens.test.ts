/**
 * Settings → API tokens in Chromium against the real server: make a token with the keyboard, see
 * its secret once (axe-clean at 360 px and 1280 px, light and dark, no sideways scroll), use it as
 * a script would (`Authorization: Bearer`, no cookie), revoke it through the confirmation, and see
 * the script refused afterwards.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type AppSession,
  checkScreen as check,
  inDarkMode,
  openApp,
  startAt,
  USER_ZONE,
} from './support/app';

let app: AppSession;
const checkScreen = (name: string) => check(app, name);

beforeAll(async () => {
  app = await openApp('api-tokens');
  const signUp = await app.page.request.post(`${app.server.url}/api/v1/auth/sign-up`, {
    data: {
      email: `tokens-${Date.now()}@example.com`,
      password: 'correct horse battery',
      timeZone: USER_ZONE,
    },
  });
  expect(signUp.status()).toBe(201);
});

afterAll(async () => {
  await app?.close();
});

/** Today as a script holding only `secret` sees it: the status. */
async function asScript(secret: string): Promise<number> {
  const res = await fetch(`${app.server.url}/api/v1/today`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  return res.status;
}

test('make a token with the keyboard, see it once, use it, revoke it', async () => {
  await startAt(app, '/settings');
  const page = app.page;
  await page.getByRole('heading', { name: 'API tokens' }).waitFor();
  await page.getByText('No tokens yet.').waitFor();

  // Keyboard only: focus the name, type, Tab to Access, pick read-and-write, submit with Enter.
  const name = page.getByLabel('Name', { exact: true });
  await name.focus();
  await page.keyboard.type('Phone shortcut');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
  await page.getByLabel('Access').selectOption('read_write');
  await name.focus();
  await page.keyboard.press('Enter');

  const shown = page.getByTestId('token-secret');
  await shown.waitFor();
  const secret = (await shown.locator('code').textContent()) ?? '';
  expect(secret).toMatch(/^ht_[A-Za-z0-9_-]{43}$/);
  const listed = page.getByTestId('token-list').getByRole('listitem');
  await expect.poll(() => listed.count()).toBe(1);
  await expect
    .poll(() => listed.first().textContent())
    .toMatch(/Phone shortcut.*Read and write.*expires .*last used never/);
  await checkScreen('t01-api-token-made');
  await inDarkMode(app, () => checkScreen('t01-api-token-made-dark'));

  expect(await asScript(secret)).toBe(200);

  // Done hides the secret for good: a reload shows the list, never the secret.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => shown.count()).toBe(0);
  await page.reload();
  await page.getByTestId('token-list').waitFor();
  expect(await page.content()).not.toContain(secret);

  // Revoke through the confirmation, confirmed with the keyboard.
  await page.getByRole('button', { name: 'Revoke Phone shortcut' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('stops working at once').waitFor();
  await checkScreen('t02-api-token-revoke');
  await dialog.getByRole('button', { name: 'Revoke token' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Token revoked. It no longer works.').waitFor();
  await page.getByText('No tokens yet.').waitFor();
  expect(await asScript(secret)).toBe(401);
  expect(app.consoleProblems).toEqual([]);
});
