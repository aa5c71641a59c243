/**
 * Sign-in with OpenID Connect in Chromium against the real server and a real OpenID provider
 * (oidc-provider, in this process, with its development login and consent pages): the sign-in
 * screen offers "Continue with Acme ID", the browser goes to the provider, logs in there, comes
 * back signed in to a new account and lands on Today; Settings → Sign-in methods lists the
 * provider and says the account has no password; such an account has no "Change password" and
 * deletes itself by typing its email. A refusal the server sends back
 * (`oidc_error`) reads as a sentence. Axe-clean at 360 px and 1280 px (checkScreen), light and dark.
 *
 * The server runs with NODE_ENV=development in this file only: production refuses an issuer
 * that is not https (env.ts), and the test provider is plain http on 127.0.0.1.
 */
import { type OidcProviderServer, startOidcProvider } from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AppSession, checkScreen as check, inDarkMode, openApp, startAt } from './support/app';

let app: AppSession;
let issuer: OidcProviderServer | undefined;
const ACCOUNT = `e2e-oidc-${Date.now()}`;
const EMAIL = `${ACCOUNT}@example.org`;

const checkScreen = (name: string) => check(app, name);

beforeAll(async () => {
  app = await openApp('oidc', {
    env: { NODE_ENV: 'development' },
    // The server's port is known here, before it starts: the provider registers the exact
    // redirect URI, and the server is told about the provider.
    prepare: async (env) => {
      const callback = `http://127.0.0.1:${env.PORT}/api/v1/auth/oidc/acme/callback`;
      issuer = await startOidcProvider({
        clients: [{ clientId: 'habits', clientSecret: 'an e2e secret', redirectUris: [callback] }],
      });
      issuer.setAccount(ACCOUNT, { email: EMAIL, email_verified: true });
      env.OIDC_PROVIDERS = JSON.stringify([
        {
          id: 'acme',
          name: 'Acme ID',
          issuer: issuer.issuer,
          clientId: 'habits',
          clientSecret: 'an e2e secret',
        },
      ]);
    },
  });
});

afterAll(async () => {
  await app?.close();
  await issuer?.stop();
});

test('Continue with the provider, log in there, land on Today with a new account', async () => {
  await startAt(app, '/sign-in');
  const page = app.page;
  const button = page.getByRole('link', { name: 'Continue with Acme ID' });
  await button.waitFor();
  await checkScreen('oidc-01-sign-in');
  await inDarkMode(app, () => checkScreen('oidc-01-sign-in-dark'));

  await button.click();
  // The provider's own pages: a login form, then consent.
  await expect.poll(() => new URL(page.url()).origin).toBe(issuer!.issuer);
  await page.locator('input[name="login"]').fill(ACCOUNT);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(`${app.server.url}/`);
  await page.getByText('No habits yet').waitFor();
  await checkScreen('oidc-02-today');

  await page.goto(`${app.server.url}/settings`);
  const card = page.getByTestId('sign-in-methods-card');
  await card.getByRole('heading', { name: 'Sign-in methods' }).waitFor();
  const listed = card.getByTestId('identity-list').getByRole('listitem');
  await expect.poll(() => listed.count()).toBe(1);
  await expect.poll(() => listed.first().textContent()).toContain('Acme ID');
  await expect.poll(() => listed.first().textContent()).toContain(EMAIL);
  await card.getByTestId('no-password-hint').waitFor();
  await page.getByTestId('account-email').filter({ hasText: EMAIL }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await checkScreen('oidc-03-settings');
});

test('without a password: no "Change password", and deleting the account asks for its email', async () => {
  const page = app.page;
  // Still signed in to the account the provider made (previous test), on Settings.
  await page.getByRole('heading', { name: 'Delete account' }).waitFor();
  await expect.poll(() => page.getByRole('heading', { name: 'Change password' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Delete account…' }).click();
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByLabel(`Type ${EMAIL} to confirm`);
  await confirm.waitFor();
  const button = dialog.getByRole('button', { name: 'Delete my account' });
  await confirm.fill('someone.else@example.org');
  await button.click();
  await dialog.getByRole('alert').waitFor();
  await checkScreen('oidc-05-delete-refused');
  await confirm.fill(EMAIL);
  await button.click();
  await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
  const me = await page.request.get(`${app.server.url}/api/v1/me`);
  expect(me.status()).toBe(401);
});

test('a refusal from the sign-in comes back as a sentence on the sign-in screen', async () => {
  await app.context.clearCookies();
  await startAt(app, '/sign-in?oidc_error=email_unverified');
  const alert = app.page.getByTestId('oidc-error');
  await alert.getByText('hasn’t verified your email address').waitFor();
  expect(await alert.getAttribute('role')).toBe('alert');
  await checkScreen('oidc-04-refused');
});
