/**
 * Passkeys in Chromium against the real server, with Chromium's own virtual authenticator (the
 * DevTools protocol's WebAuthn domain: CTAP2, built in, resident keys, user verification): sign
 * up with a password, add a passkey in Settings, rename it, sign out, sign in with the passkey
 * and land on Today; then remove it. Axe-clean at 360 px and 1280 px (checkScreen), the sign-in screen in dark too.
 *
 * The app is opened as http://localhost:<port>: a secure context whose RP ID Chromium accepts
 * (it refuses an IP address such as 127.0.0.1 as RP ID; docs/decisions/0026-passkeys.md).
 */
import type { CDPSession } from 'playwright-core';
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
let cdp: CDPSession;
let authenticatorId: string;

const checkScreen = (name: string) => check(app, name);

async function storedCredentials() {
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  return credentials;
}

beforeAll(async () => {
  app = await openApp('passkeys', { localhost: true });
  expect(new URL(app.server.url).hostname).toBe('localhost');
  cdp = await app.context.newCDPSession(app.page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  }));
  const signUp = await app.page.request.post(`${app.server.url}/api/v1/auth/sign-up`, {
    data: {
      email: `passkeys-${Date.now()}@example.com`,
      password: 'correct horse battery',
      timeZone: USER_ZONE,
    },
  });
  expect(signUp.status()).toBe(201);
});

afterAll(async () => {
  await app?.close();
});

test('add a passkey in Settings, sign out, sign in with it, see Today', async () => {
  await startAt(app, '/settings');
  const page = app.page;
  const card = page.getByTestId('passkeys-card');
  await card.getByRole('heading', { name: 'Passkeys' }).waitFor();
  await card.getByText('No passkeys yet.').waitFor();

  await card.getByLabel('Passkey name').fill('This laptop');
  await card.getByRole('button', { name: 'Add a passkey' }).click();
  await page.getByText('Passkey added.').waitFor();
  const listed = page.getByTestId('passkey-list').getByRole('listitem');
  await expect.poll(() => listed.count()).toBe(1);
  await expect.poll(() => listed.first().textContent()).toMatch(/This laptop.*last used never/);
  // The authenticator holds it as a discoverable credential for localhost.
  const [stored] = await storedCredentials();
  expect(stored).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
  await card.scrollIntoViewIfNeeded();
  await checkScreen('pk01-passkey-added');

  // Rename through the dialog, with the keyboard.
  await card.getByRole('button', { name: 'Rename This laptop' }).click();
  const dialog = page.getByRole('dialog');
  const nameBox = dialog.getByLabel('Passkey name');
  await nameBox.fill('Work laptop');
  await checkScreen('pk02-passkey-rename');
  await nameBox.press('Enter');
  await page.getByText('Passkey renamed.').waitFor();
  await expect.poll(() => listed.first().textContent()).toMatch(/Work laptop/);

  // Sign out, then back in with the passkey alone.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
  const passkeyButton = page.getByRole('button', { name: 'Sign in with a passkey' });
  await passkeyButton.waitFor();
  await checkScreen('pk03-sign-in');
  await inDarkMode(app, () => checkScreen('pk03-sign-in-dark'));
  await passkeyButton.click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  await page.getByText('No habits yet').waitFor();
  const [used] = await storedCredentials();
  expect(used?.signCount).toBeGreaterThan(0);

  // Settings shows it used; removing it goes through a confirmation.
  await startAt(app, '/settings');
  await expect.poll(() => listed.first().textContent()).not.toMatch(/last used never/);
  await card.getByRole('button', { name: 'Remove Work laptop' }).click();
  await dialog.getByText('It will no longer sign you in.').waitFor();
  await checkScreen('pk04-passkey-remove');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await page.getByText('Passkey removed.').waitFor();
  await card.getByText('No passkeys yet.').waitFor();
  expect(app.consoleProblems).toEqual([]);
  // Five axe passes at two widths each on a long Settings page: more than the default minute here.
}, 240_000);
