/**
 * Forgotten password, in Chromium against the real server and a real SMTP server (smtp-server,
 * in this process): "Forgot password?" on sign-in, the same words whether or not the address has
 * an account, the emailed link, a new password told against the sign-up rules, then sign in with
 * it. The link works once. Light and dark, 360 px and desktop, axe clean.
 */
import { type SmtpCapture, startSmtpServer } from '@habit-tracker/test-support';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppSession, checkScreen, inDarkMode, openApp, startAt } from './support/app';

let app: AppSession;
let smtp: SmtpCapture;
const EMAIL = `e2e-reset-${Date.now()}@example.com`;
const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'staple battery horse';

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await openApp('password-reset', { smtpUrl: smtp.url });
});

afterAll(async () => {
  await app?.close();
  await smtp?.stop();
});

describe('forgotten password', () => {
  test('asks for a link by email, sets a new password with it, signs in; the link works once', async () => {
    const signUp = await app.page.request.post(`${app.server.url}/api/v1/auth/sign-up`, {
      data: { email: EMAIL, password: OLD_PASSWORD },
    });
    expect(signUp.status()).toBe(201);
    await app.context.clearCookies();
    await startAt(app, '/sign-in');
    const page = app.page;

    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await checkScreen(app, 'reset-01-forgot');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Send the link' }).click();
    const sent = page.getByTestId('reset-sent');
    await sent.getByText('If an account exists for').waitFor();
    expect(await sent.textContent()).toContain(EMAIL);
    await checkScreen(app, 'reset-02-sent');

    const mail = await smtp.waitFor(EMAIL, 15_000);
    expect(mail.subject).toBe('Reset your habit-tracker password');
    const link = new RegExp(`${app.server.url}/reset-password\\?token=[\\w-]{43}`).exec(
      mail.text,
    )?.[0];
    expect(link, mail.text).toBeDefined();

    await page.goto(link!);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    const field = page.getByLabel('New password');
    // The sign-up rules, told while typing.
    await field.fill('password1');
    await page.getByText('one of the most common ones').waitFor();
    await field.fill(NEW_PASSWORD);
    await page.getByText('a few words make a strong one').waitFor();
    await checkScreen(app, 'reset-03-new-password');
    await inDarkMode(app, () => checkScreen(app, 'reset-03-new-password-dark'));
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByText('Password changed. Sign in with your new password.').waitFor();

    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await page.getByText('No habits yet').waitFor();

    // The same link again: refused, with the way on.
    await app.context.clearCookies();
    await page.goto(link!);
    await page.getByLabel('New password').fill('another fine passphrase');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'already been used' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new one' }).waitFor();
    await checkScreen(app, 'reset-04-link-used');
  });
});
