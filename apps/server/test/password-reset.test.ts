/**
 * Password reset by email, on PostgreSQL and PGlite, against a real SMTP server (smtp-server,
 * in this process on a free port): the link arrives by mail, works once and for 30 minutes,
 * ends every session, and the request answers alike whether or not the address has an account.
 */
import { createHash } from 'node:crypto';
import { type SmtpCapture, startSmtpServer } from '@habit-tracker/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/env';
import { createTestApp, expectError, PASSWORD, type TestApp, type TestClient } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const ORIGIN = 'https://habits.example.com';
const NEW_PASSWORD = 'a brand new passphrase';
const LINK = /https:\/\/habits\.example\.com\/reset-password\?token=([A-Za-z0-9_-]{43})(?![\w-])/;

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.stop();
});

const databases = useTestDatabases('server-password-reset');

describe.concurrent.each(DATABASE_KINDS)('password reset on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(() => {
    db = databases.get(kind);
  });

  /** An app that sends mail to the capture; each test gets its own clock. */
  const appWithMail = () =>
    createTestApp(db.database, {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Habits <habits@example.com>',
      PUBLIC_ORIGIN: ORIGIN,
    });

  /** Asks for a link for `email` and returns the token from the message that arrives. */
  async function requestLink(t: TestApp, email: string, client = t.client()): Promise<string> {
    const before = smtp.to(email).length;
    const res = await client.post('/api/v1/auth/password-reset', { email });
    expect(res.status, res.text).toBe(202);
    await t.app.mailer.idle();
    const mails = smtp.to(email);
    expect(mails).toHaveLength(before + 1);
    const match = LINK.exec(mails.at(-1)!.text);
    expect(match, mails.at(-1)!.text).not.toBeNull();
    return match![1]!;
  }

  const confirm = (client: TestClient, token: string, password = NEW_PASSWORD) =>
    client.post('/api/v1/auth/password-reset/confirm', { token, password });

  it('mails a link that sets a new password once and ends every session', async () => {
    const t = appWithMail();
    const owner = t.client();
    const { email } = await owner.signUp();
    const laptop = t.client();
    expect((await laptop.post('/api/v1/auth/sign-in', { email, password: PASSWORD })).status).toBe(
      200,
    );

    const res = await t
      .client()
      .post('/api/v1/auth/password-reset', { email: email.toUpperCase() });
    expect(res.status, res.text).toBe(202);
    expect(res.body).toEqual({ message: expect.stringContaining('If an account exists') });
    await t.app.mailer.idle();
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe('Reset your habit-tracker password');
    expect(mail.from).toBe('habits@example.com');
    expect(mail.user).toBe('tester'); // the credentials in SMTP_URL were used
    expect(mail.text).toContain('30 minutes');
    expect(mail.text).toContain('until 2026-03-15 12:30 UTC');
    const token = LINK.exec(mail.text)![1]!;
    expect(mail.html).toContain(`href="${ORIGIN}/reset-password?token=${token}"`);
    expect(mail.html).not.toMatch(/<img|<script/i);

    // Only the token's hash is stored.
    const stored = await db.database.primary.read.execute(
      `select id from password_reset_tokens where id = '${createHash('sha256').update(token).digest('hex')}'`,
    );
    expect((stored as unknown as { rows: unknown[] }).rows).toHaveLength(1);

    const done = await confirm(t.client(), token);
    expect(done.status, done.text).toBe(204);
    for (const client of [owner, laptop]) {
      expectError(await client.get('/api/v1/me'), 401, 'unauthenticated');
    }
    const stranger = t.client();
    expectError(
      await stranger.post('/api/v1/auth/sign-in', { email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    const signedIn = await owner.post('/api/v1/auth/sign-in', { email, password: NEW_PASSWORD });
    expect(signedIn.status, signedIn.text).toBe(200);

    const again = await confirm(t.client(), token, 'yet another passphrase');
    expectError(again, 410, 'reset_token_expired');
    expect(again.body.error.message).toMatch(/already been used/);
    expect(
      (await owner.post('/api/v1/auth/sign-in', { email, password: NEW_PASSWORD })).status,
    ).toBe(200);
  });

  it("writes in the account's language, over the asking browser's", async () => {
    const t = appWithMail();
    const owner = t.client();
    const { email } = await owner.signUp();
    expect((await owner.patch('/api/v1/settings', { locale: 'de' })).status).toBe(200);
    // Asked for from a signed-out French browser: the account's German wins.
    const res = await t
      .client({ headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } })
      .post('/api/v1/auth/password-reset', { email });
    expect(res.status, res.text).toBe(202);
    await t.app.mailer.idle();
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe('Setze dein habit-tracker-Passwort zurück');
    expect(mail.text).toContain('Hier kannst du ein neues Passwort wählen:');
    expect(mail.text).toContain(
      'Der Link funktioniert einmal, 30 Minuten lang (bis 15. März 2026 um 12:30 UTC).',
    );
    expect(mail.html).toContain('<html lang="de" dir="ltr">');
    expect(mail.html).toContain('>Neues Passwort wählen</a>');
    // The link works as in English.
    const token = LINK.exec(mail.text)![1]!;
    expect(mail.html).toContain(`href="${ORIGIN}/reset-password?token=${token}"`);
    expect((await confirm(t.client(), token)).status).toBe(204);
  });

  it('without an account language, follows Accept-Language, else English', async () => {
    const t = appWithMail();
    const { email } = await t.client().signUp();
    const ask = async (acceptLanguage?: string) => {
      const before = smtp.to(email).length;
      const headers: Record<string, string> = acceptLanguage
        ? { 'accept-language': acceptLanguage }
        : {};
      const res = await t.client({ headers }).post('/api/v1/auth/password-reset', { email });
      expect(res.status, res.text).toBe(202);
      // The answer itself stays the same whatever the language (it says nothing of the account).
      expect(res.body).toEqual({ message: expect.stringContaining('If an account exists') });
      await t.app.mailer.idle();
      const mails = smtp.to(email);
      expect(mails).toHaveLength(before + 1);
      return mails.at(-1)!;
    };
    // Dutch is not spoken here; Arabic (Egypt) is the next choice by quality.
    const arabic = await ask('nl-NL, en;q=0.1, ar-EG;q=0.8');
    expect(arabic.subject).toBe('إعادة تعيين كلمة مرور habit-tracker');
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.text).toContain('لمدة 30 دقيقة');
    const english = await ask('nl-NL, sv;q=0.5');
    expect(english.subject).toBe('Reset your habit-tracker password');
    expect(english.text).toContain(
      'The link works once, for 30 minutes (until 2026-03-15 12:30 UTC).',
    );
    expect((await ask()).subject).toBe('Reset your habit-tracker password');
  });

  it('answers an unknown address exactly as a known one, and mails nobody', async () => {
    const t = appWithMail();
    const { email } = await t.client().signUp();
    const unknown = `nobody-${crypto.randomUUID()}@example.com`;
    const known = await t.client().post('/api/v1/auth/password-reset', { email });
    const missing = await t.client().post('/api/v1/auth/password-reset', { email: unknown });
    await t.app.mailer.idle();
    expect(missing.status).toBe(known.status);
    expect(missing.text).toBe(known.text);
    expect(missing.headers.get('content-type')).toBe(known.headers.get('content-type'));
    expect(smtp.to(email)).toHaveLength(1);
    expect(smtp.to(unknown)).toHaveLength(0);
  });

  it('refuses an expired link, and the password stays', async () => {
    const t = appWithMail();
    const { email } = await t.client().signUp();
    const token = await requestLink(t, email);
    t.clock.now = new Date(t.clock.now.getTime() + 30 * 60_000);
    const res = await confirm(t.client(), token);
    expectError(res, 410, 'reset_token_expired');
    expect(res.body.error.message).toMatch(/expired/);
    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('a newer link makes the older one invalid; a wrong token is 400', async () => {
    const t = appWithMail();
    const { email } = await t.client().signUp();
    const first = await requestLink(t, email);
    const second = await requestLink(t, email);
    expect(second).not.toBe(first);
    expectError(await confirm(t.client(), first), 400, 'reset_token_invalid');
    expectError(await confirm(t.client(), 'A'.repeat(43)), 400, 'reset_token_invalid');
    expectError(await confirm(t.client(), 'not a token'), 400, 'reset_token_invalid');
    expect((await confirm(t.client(), second)).status).toBe(204);
  });

  it('two requests at once leave one working link', async () => {
    const t = appWithMail();
    const { email } = await t.client().signUp();
    const answers = await Promise.all(
      [1, 2, 3].map(() => t.client().post('/api/v1/auth/password-reset', { email })),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    await t.app.mailer.idle();
    const tokens = smtp.to(email).map((m) => LINK.exec(m.text)![1]!);
    expect(tokens).toHaveLength(3);
    const statuses: number[] = [];
    for (const token of tokens) statuses.push((await confirm(t.client(), token)).status);
    expect(statuses.sort()).toEqual([204, 400, 400]);
  });

  it('holds the new password to the sign-up rules, and a refusal spends no link', async () => {
    const t = appWithMail();
    const { email } = await t.client().signUp();
    const token = await requestLink(t, email);
    for (const weak of ['password', email, 'short']) {
      const res = await confirm(t.client(), token, weak);
      expectError(res, 422, 'validation_failed');
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ path: 'password', message: expect.any(String) }),
      ]);
      if (weak !== 'short') {
        // 'short' the schema refuses (too_small); the others the policy, naming its rule.
        expect(res.body.error.details[0]).toMatchObject({
          code: 'password_rule',
          rule: weak === email ? 'email' : 'common',
        });
      }
    }
    expect((await confirm(t.client(), token)).status).toBe(204);
  });

  it('limits links per address (from any client) without locking the owner out of signing in', async () => {
    const t = appWithMail();
    const { email } = await t.client().signUp();
    for (let n = 0; n < 3; n++) {
      const res = await t.client().post('/api/v1/auth/password-reset', { email });
      expect(res.status, res.text).toBe(202);
    }
    const limited = await t.client().post('/api/v1/auth/password-reset', { email });
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // An unknown address is limited alike: the 429 says nothing about accounts.
    const unknown = `nobody-${crypto.randomUUID()}@example.com`;
    for (let n = 0; n < 3; n++) {
      expect(
        (await t.client().post('/api/v1/auth/password-reset', { email: unknown })).status,
      ).toBe(202);
    }
    expectError(
      await t.client().post('/api/v1/auth/password-reset', { email: unknown }),
      429,
      'rate_limited',
    );
    await t.app.mailer.idle();
    expect(smtp.to(email)).toHaveLength(3);
    const owner = await t.client().post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    expect(owner.status, owner.text).toBe(200);
  });

  it('limits requests per client address', async () => {
    const t = appWithMail();
    const client = t.client();
    const statuses: number[] = [];
    for (let n = 0; n < 21; n++) {
      const res = await client.post('/api/v1/auth/password-reset', {
        email: `nobody-${n}-${crypto.randomUUID()}@example.com`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('without SMTP_URL, says email is unavailable (503) and changes nothing', async () => {
    const t = createTestApp(db.database);
    const { email } = await t.client().signUp();
    const res = await t.client().post('/api/v1/auth/password-reset', { email });
    expectError(res, 503, 'email_unavailable');
    expect(res.body.error.message).toMatch(/cannot send email/);
  });
});

describe('email configuration', () => {
  it('in production, email needs PUBLIC_ORIGIN and MAIL_FROM, and the URL is never quoted', () => {
    const base = { NODE_ENV: 'production', SMTP_URL: 'smtps://me:hunter2@smtp.example.com:465' };
    expect(() => loadEnv(base)).toThrow(/PUBLIC_ORIGIN[\s\S]*MAIL_FROM/);
    const env = loadEnv({ ...base, PUBLIC_ORIGIN: `${ORIGIN}/`, MAIL_FROM: 'a@example.com' });
    expect(env.PUBLIC_ORIGIN).toBe(ORIGIN);
    expect(() => loadEnv({ SMTP_URL: 'http://me:hunter2@example.com' })).toThrow(/SMTP_URL/);
    try {
      loadEnv({ SMTP_URL: 'http://me:hunter2@example.com' });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
