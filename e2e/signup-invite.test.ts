/**
 * Sign-up by invitation (SIGNUP_MODE=invite) in Chromium against the real server: without an
 * invite the sign-up screen says sign-up is by invitation and the API refuses (403
 * signup_closed); the operator's `--invite` link (made on the machine before the server starts)
 * opens the form, signs up and lands on Today; that administrator makes another invite in
 * Settings → Invites; a used link is refused with a sentence. Light and dark, 360 px and
 * desktop, axe clean.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AppSession, checkScreen, inDarkMode, openApp, startAt } from './support/app';

let app: AppSession;
const ADMIN = `e2e-admin-${Date.now()}@example.com`;
const PASSWORD = 'correct horse battery';
/** The operator's invite link, printed by `--invite` before the server started. */
let operatorLink = '';

beforeAll(async () => {
  app = await openApp('signup-invite', {
    env: { SIGNUP_MODE: 'invite', ADMIN_EMAILS: ADMIN },
    prepare: async (env) => {
      // The server's own origin, so the printed link is the one to open.
      env.PUBLIC_ORIGIN = env.APP_ORIGIN!;
      const { loadEnv, runInviteCommand } = await import('@habit-tracker/server');
      operatorLink = await runInviteCommand(
        loadEnv(env),
        ['--invite', '--email', ADMIN],
        undefined,
      );
    },
  });
});

afterAll(async () => {
  await app?.close();
});

test('without an invite: the sign-up screen says it is by invitation, and the API refuses', async () => {
  const refused = await app.page.request.post(`${app.server.url}/api/v1/auth/sign-up`, {
    data: { email: `e2e-nobody-${Date.now()}@example.com`, password: PASSWORD },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe('signup_closed');

  await startAt(app, '/sign-up');
  const page = app.page;
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page
    .getByTestId('signup-closed')
    .getByText('Sign-up on this server is by invitation')
    .waitFor();
  expect(await page.getByLabel('Email').count()).toBe(0);
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  await checkScreen(app, 'signup-01-by-invitation');
  await inDarkMode(app, () => checkScreen(app, 'signup-01-by-invitation-dark'));
});

test('the invite link: sign up, land on Today; invite someone else; a used link is refused', async () => {
  expect(operatorLink).toMatch(new RegExp(`^${app.server.url}/sign-up\\?invite=[\\w-]{43}$`));
  await app.context.clearCookies();
  await startAt(app, new URL(operatorLink).pathname + new URL(operatorLink).search);
  const page = app.page;
  await page.getByText('You’ve been invited.').waitFor();
  await page.getByLabel('Email').fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await checkScreen(app, 'signup-02-invited');
  await inDarkMode(app, () => checkScreen(app, 'signup-02-invited-dark'));
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  await page.getByText('No habits yet').waitFor();

  // The administrator makes an invite in Settings → Invites; its link is shown once.
  await startAt(app, '/settings');
  await page.getByRole('heading', { name: 'Invites' }).waitFor();
  await page.getByTestId('invite-list').getByText('Made on the command line').waitFor();
  await page.getByTestId('create-invite').click();
  const shown = page.getByTestId('invite-link');
  await shown.waitFor();
  const link = (await shown.locator('code').textContent()) ?? '';
  expect(link).toMatch(new RegExp(`^${app.server.url}/sign-up\\?invite=[\\w-]{43}$`));
  await expect.poll(() => page.getByTestId('invite-list').getByRole('listitem').count()).toBe(2);
  await checkScreen(app, 'signup-03-invites');
  await inDarkMode(app, () => checkScreen(app, 'signup-03-invites-dark'));

  // The operator's link, used already, is refused in words; then the new one works for someone else.
  await app.context.clearCookies();
  await startAt(app, new URL(operatorLink).pathname + new URL(operatorLink).search);
  await page.getByLabel('Email').fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'This invite link has expired or has already been used.' })
    .waitFor();
  await checkScreen(app, 'signup-04-refused');

  await startAt(app, new URL(link).pathname + new URL(link).search);
  await page.getByLabel('Email').fill(`e2e-friend-${Date.now()}@example.com`);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  await page.getByText('No habits yet').waitFor();
  // No invite management for an account outside ADMIN_EMAILS.
  await startAt(app, '/settings');
  await page.getByRole('heading', { name: 'API tokens' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Invites' }).count()).toBe(0);
  expect(app.consoleProblems).toEqual([]);
  // Four screens checked with axe and screenshots, light and dark, at two widths.
}, 240_000);
