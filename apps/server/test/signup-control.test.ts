/**
 * Sign-up control (docs/decisions/0028-sign-up-control.md), on PostgreSQL and PGlite: the three
 * SIGNUP_MODEs, invites made and revoked by administrators (ADMIN_EMAILS) — expiry on the pinned
 * clock, single use under concurrency, bound email — and the operator's `--invite` command.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/env';
import { parseInviteArgs, runInviteCommand } from '../src/invite-cli';
import { createTestApp, expectError, PASSWORD, type TestApp, type TestClient } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const ORIGIN = 'https://habits.example.com';
const LINK = /^https:\/\/habits\.example\.com\/sign-up\?invite=([A-Za-z0-9_-]{43})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const databases = useTestDatabases('server-signup-control');

const freshEmail = (what = 'user') => `${what}-${crypto.randomUUID()}@example.com`;

describe.concurrent.each(DATABASE_KINDS)('sign-up control on %s', (kind) => {
  let db: TestDatabase;
  let adminEmail: string;
  /** The administrator's account was made while the server was open (as on a real server). */
  let adminCookie: string | undefined;

  beforeAll(async () => {
    db = databases.get(kind);
    adminEmail = freshEmail('admin');
    const open = createTestApp(db.database);
    const admin = open.client();
    await admin.signUp({ email: adminEmail });
    adminCookie = admin.cookie;
  });
  afterAll(() => undefined);

  function app(mode: 'open' | 'invite' | 'oidc-only', clock?: { now: Date }): TestApp {
    return createTestApp(
      db.database,
      {
        SIGNUP_MODE: mode,
        ADMIN_EMAILS: `someone@else.example, ${adminEmail.toUpperCase()}`,
        PUBLIC_ORIGIN: ORIGIN,
      },
      clock,
    );
  }

  function adminOf(t: TestApp): TestClient {
    const client = t.client();
    client.cookie = adminCookie;
    return client;
  }

  async function invite(t: TestApp, body: Record<string, unknown> = {}) {
    const res = await adminOf(t).post('/api/v1/invites', body);
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const match = LINK.exec(res.body.link);
    expect(match, res.body.link).not.toBeNull();
    return { id: res.body.invite.id as string, token: match![1]!, invite: res.body.invite };
  }

  const signUp = (t: TestApp, body: Record<string, unknown>) =>
    t.client().post('/api/v1/auth/sign-up', { email: freshEmail(), password: PASSWORD, ...body });

  it('open (the default): anyone signs up, and the public mode says so', async () => {
    const t = createTestApp(db.database);
    const mode = await t.client().get('/api/v1/auth/signup-mode');
    expect(mode.status).toBe(200);
    expect(mode.body).toEqual({ mode: 'open' });
    expect((await signUp(t, {})).status).toBe(201);
  });

  it('open: an invite that comes along is neither needed nor spent', async () => {
    const t = app('open');
    const { id, token } = await invite(t);
    expect((await signUp(t, { invite: token })).status).toBe(201);
    const list = await adminOf(t).get('/api/v1/invites');
    expect(list.body.invites.find((i: { id: string }) => i.id === id).uses).toBe(0);
  });

  it('invite: refused without an invite or with a wrong one; an invite link makes one account', async () => {
    const t = app('invite');
    expect((await t.client().get('/api/v1/auth/signup-mode')).body).toEqual({ mode: 'invite' });
    expectError(await signUp(t, {}), 403, 'signup_closed');
    expectError(await signUp(t, { invite: 'not-a-token' }), 403, 'invite_invalid');
    expectError(await signUp(t, { invite: 'A'.repeat(43) }), 403, 'invite_invalid');

    const { id, token, invite: made } = await invite(t);
    expect(made).toMatchObject({
      email: null,
      maxUses: 1,
      uses: 0,
      createdByEmail: adminEmail,
      expiresAt: new Date(t.clock.now.getTime() + 7 * DAY_MS).toISOString(),
    });
    // Only the token's hash is stored.
    const stored = await db.database.primary.read.execute(
      `select id from signup_invites where token_hash = '${createHash('sha256').update(token).digest('hex')}'`,
    );
    expect((stored as unknown as { rows: unknown[] }).rows).toHaveLength(1);

    const newcomer = t.client();
    const email = freshEmail();
    const res = await newcomer.post('/api/v1/auth/sign-up', {
      email,
      password: PASSWORD,
      invite: token,
    });
    expect(res.status, res.text).toBe(201);
    expect((await newcomer.get('/api/v1/me')).body.user.email).toBe(email);

    expectError(await signUp(t, { invite: token }), 403, 'invite_expired');
    const list = await adminOf(t).get('/api/v1/invites');
    expect(list.status).toBe(200);
    expect(list.body.invites.find((i: { id: string }) => i.id === id)).toMatchObject({ uses: 1 });
    // Signing in is never affected by the mode.
    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('invite: expires on the clock — works just before, refused at the instant', async () => {
    const clock = { now: new Date('2026-03-15T12:00:00Z') };
    const t = app('invite', clock);
    const early = await invite(t, { expiresInDays: 2 });
    const late = await invite(t, { expiresInDays: 2 });
    clock.now = new Date(clock.now.getTime() + 2 * DAY_MS - 1);
    expect((await signUp(t, { invite: early.token })).status).toBe(201);
    clock.now = new Date(clock.now.getTime() + 1);
    const res = await signUp(t, { invite: late.token });
    expectError(res, 403, 'invite_expired');
  });

  it('invite: a single-use invite used by many at once makes exactly one account', async () => {
    const t = app('invite');
    const { id, token } = await invite(t);
    const emails = Array.from({ length: 6 }, () => freshEmail('racer'));
    const results = await Promise.all(
      emails.map((email) =>
        t.client().post('/api/v1/auth/sign-up', { email, password: PASSWORD, invite: token }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses, results.map((r) => r.text).join('\n')).toEqual([201, 403, 403, 403, 403, 403]);
    for (const r of results.filter((r) => r.status === 403)) expectError(r, 403, 'invite_expired');
    const made = await db.database.primary.read.execute(
      `select count(*)::int as n from users where email in (${emails.map((e) => `'${e}'`).join(',')})`,
    );
    expect((made as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    const list = await adminOf(t).get('/api/v1/invites');
    expect(list.body.invites.find((i: { id: string }) => i.id === id).uses).toBe(1);
  });

  it('invite: max uses, and a sign-up that fails afterwards gives its use back', async () => {
    const t = app('invite');
    const { token } = await invite(t, { maxUses: 2 });
    const taken = freshEmail();
    expect((await signUp(t, { email: taken, invite: token })).status).toBe(201);
    // The email is taken: the transaction rolls back, the invite's use with it.
    expectError(await signUp(t, { email: taken, invite: token }), 409, 'email_taken');
    // A weak password is refused before anything is written.
    expectError(await signUp(t, { password: 'short', invite: token }), 422, 'validation_failed');
    expect((await signUp(t, { invite: token })).status).toBe(201);
    expectError(await signUp(t, { invite: token }), 403, 'invite_expired');
  });

  it('invite: one bound to an email works for that email only', async () => {
    const t = app('invite');
    const bound = freshEmail('bound');
    const { token, invite: made } = await invite(t, { email: bound.toUpperCase() });
    expect(made.email).toBe(bound);
    expectError(await signUp(t, { invite: token }), 403, 'invite_invalid');
    const res = await signUp(t, { email: ` ${bound.toUpperCase()}`, invite: token });
    expect(res.status, res.text).toBe(201);
  });

  it('invite: a revoked invite stops working at once', async () => {
    const t = app('invite');
    const { id, token } = await invite(t);
    expect((await adminOf(t).delete(`/api/v1/invites/${id}`)).status).toBe(204);
    expectError(await signUp(t, { invite: token }), 403, 'invite_invalid');
    expectError(await adminOf(t).delete(`/api/v1/invites/${id}`), 404, 'not_found');
    const list = await adminOf(t).get('/api/v1/invites');
    expect(list.body.invites.some((i: { id: string }) => i.id === id)).toBe(false);
  });

  it('invites: checked input; only administrators, only with a session', async () => {
    const t = app('invite');
    const admin = adminOf(t);
    for (const bad of [{ maxUses: 0 }, { expiresInDays: 91 }, { email: 'nope' }, { extra: 1 }]) {
      expectError(await admin.post('/api/v1/invites', bad), 422, 'validation_failed');
    }
    const { id } = await invite(t);

    const stranger = createTestApp(db.database).client();
    await stranger.signUp();
    const asStranger = t.client();
    asStranger.cookie = stranger.cookie;
    expectError(await asStranger.get('/api/v1/invites'), 403, 'admin_only');
    expectError(await asStranger.post('/api/v1/invites', {}), 403, 'admin_only');
    expectError(await asStranger.delete(`/api/v1/invites/${id}`), 403, 'admin_only');
    expectError(await t.client().get('/api/v1/invites'), 401, 'unauthenticated');

    // An administrator's API token cannot manage invites.
    const token = await admin.post('/api/v1/tokens', { name: 'script', scope: 'read_write' });
    expect(token.status, token.text).toBe(201);
    const script = t.client({ headers: { authorization: `Bearer ${token.body.secret}` } });
    expectError(await script.get('/api/v1/invites'), 403, 'token_not_allowed');
    expectError(await script.post('/api/v1/invites', {}), 403, 'token_not_allowed');
    expectError(await script.delete(`/api/v1/invites/${id}`), 403, 'token_not_allowed');
    expect((await admin.delete(`/api/v1/tokens/${token.body.token.id}`)).status).toBe(204);
  });

  it('oidc-only: no password sign-up, invite or not', async () => {
    const t = app('oidc-only');
    expect((await t.client().get('/api/v1/auth/signup-mode')).body).toEqual({ mode: 'oidc-only' });
    const { token } = await invite(t);
    const res = await signUp(t, {});
    expectError(res, 403, 'signup_closed');
    expect(res.body.error.message).toMatch(/identity provider/);
    expectError(await signUp(t, { invite: token }), 403, 'signup_closed');
  });

  it('the operator makes an invite on the command line', async () => {
    if (kind !== 'postgres') return; // PGlite is one process's folder: the server's own.
    const env = loadEnv({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      PUBLIC_ORIGIN: ORIGIN,
      MIGRATE_ON_START: 'false',
    });
    const now = new Date('2026-03-15T12:00:00Z');
    const link = await runInviteCommand(
      env,
      ['--invite', '--uses', '2', '--days', '3'],
      undefined,
      now,
    );
    const token = LINK.exec(link)![1]!;
    const t = app('invite');
    const list = await adminOf(t).get('/api/v1/invites');
    const made = list.body.invites.find(
      (i: { createdByEmail: string | null; maxUses: number }) =>
        i.maxUses === 2 && i.createdByEmail === null,
    );
    expect(made).toMatchObject({ uses: 0, expiresAt: '2026-03-18T12:00:00.000Z' });
    expect((await signUp(t, { invite: token })).status).toBe(201);
  });
});

describe('the --invite options', () => {
  it('reads email, days and uses, and refuses bad ones', () => {
    expect(parseInviteArgs(['--invite'])).toEqual({});
    expect(
      parseInviteArgs(['--invite', '--email', 'A@B.example', '--days', '3', '--uses', '5']),
    ).toEqual({
      email: 'a@b.example',
      expiresInDays: 3,
      maxUses: 5,
    });
    expect(() => parseInviteArgs(['--invite', '--days', 'soon'])).toThrow(/expiresInDays/);
    expect(() => parseInviteArgs(['--invite', '--uses', '0'])).toThrow(/maxUses/);
    expect(() => parseInviteArgs(['--invite', '--bogus'])).toThrow();
  });
});

describe('SIGNUP_MODE and ADMIN_EMAILS', () => {
  it('default to open and nobody; refuse unknown values', () => {
    const env = loadEnv({});
    expect(env.SIGNUP_MODE).toBe('open');
    expect(env.ADMIN_EMAILS).toEqual([]);
    expect(loadEnv({ ADMIN_EMAILS: ' A@x.example ,b@y.example,' }).ADMIN_EMAILS).toEqual([
      'a@x.example',
      'b@y.example',
    ]);
    expect(() => loadEnv({ SIGNUP_MODE: 'closed' })).toThrow(/SIGNUP_MODE/);
    expect(() => loadEnv({ ADMIN_EMAILS: 'root' })).toThrow(/ADMIN_EMAILS/);
    expect(() => loadEnv({ NODE_ENV: 'production', SIGNUP_MODE: 'invite' })).toThrow(
      /PUBLIC_ORIGIN/,
    );
  });
});
