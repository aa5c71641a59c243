/**
 * Abuse of the sign-in and session machinery, against the production bundle:
 *
 * - password guessing is throttled per account (from any number of addresses) and per client
 *   address, and cannot be turned against the owner: the browser that signed in before (its
 *   device cookie) still signs in while strangers are locked out; common passwords are refused; the address is Fly-Client-IP where Fly's proxy sets it (FLY_REGION set, so
 *   TRUST_PROXY defaults on), and the socket's where no proxy does — there a forged
 *   Fly-Client-IP must not buy a fresh budget (apps/server/src/http/client-ip.ts);
 * - the session cookie is HttpOnly, SameSite, Secure and __Host- in production;
 * - signing out ends the session on the server: the old cookie is refused afterwards;
 * - every state-changing operation in the OpenAPI document refuses a foreign Origin with 403
 *   `csrf_rejected`, and changes nothing — also when the request carries a bearer header;
 * - password reset (through a real SMTP server) answers alike for any address, is throttled per
 *   address from any number of addresses without touching the owner's sign-in, and its link
 *   ends every session;
 * - a bearer header decides alone: with another user's read-only API token beside the victim's
 *   cookie (no Origin, so CSRF does not apply), every state-changing operation is refused (403
 *   `token_scope` or `token_not_allowed`) and the cookie's owner loses nothing; and no CORS
 *   preflight lets a page send that header.
 */
import {
  type PostgresServer,
  runSql as query,
  type SmtpCapture,
  startPostgres,
  startSmtpServer,
} from '@habit-tracker/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDate } from '../support/dates';
import { HttpClient } from '../support/http-client';
import { fetchOpenApi, fillPath, listOperations, type OpenApiDocument } from '../support/openapi';
import { Random } from '../support/random';
import { reportFigures } from '../support/results';
import { SchemaValues } from '../support/schema-values';
import { type ServerProcess, startServer } from '../support/server-process';
import { sessionCookieName } from '../support/sessions';

/** A throttle that lets more attempts through than this is no throttle. */
const MAX_ACCEPTABLE_BUDGET = 100;
const PASSWORD = `guess me ${crypto.randomUUID()}`;
const COOKIE = sessionCookieName(true);

let postgres: PostgresServer;
let smtp: SmtpCapture;
/** An administrator (ADMIN_EMAILS): the CSRF check must guard the invite routes too. */
const ADMIN_EMAIL = `abuse-admin-${crypto.randomUUID()}@example.com`;
const PUBLIC_ORIGIN = 'https://habits.example.com';
/** Production behind Fly's proxy: trusts Fly-Client-IP. */
let behindProxy: ServerProcess;
/** Reachable directly: must not trust Fly-Client-IP. */
let direct: ServerProcess;
let doc: OpenApiDocument;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  postgres = await startPostgres({ label: 'reliability-auth' });
  smtp = await startSmtpServer();
  [behindProxy, direct] = await Promise.all([
    startServer({
      DATABASE_URL: postgres.url,
      NODE_ENV: 'production',
      FLY_REGION: 'iad',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'habits@example.com',
      PUBLIC_ORIGIN,
      ADMIN_EMAILS: ADMIN_EMAIL,
    }),
    startServer({ DATABASE_URL: postgres.url, NODE_ENV: 'production' }),
  ]);
  doc = await fetchOpenApi(behindProxy.url);
});

afterAll(async () => {
  reportFigures('auth-abuse', figures);
  await behindProxy?.stop();
  await direct?.stop();
  await postgres?.stop();
  await smtp?.stop();
});

function clientOf(server: ServerProcess, headers: Record<string, string> = {}) {
  return new HttpClient(
    { host: '127.0.0.1', port: server.port },
    { headers: { origin: server.url, ...headers } },
  );
}

async function signUp(
  server: ServerProcess,
  email = `abuse-${crypto.randomUUID()}@example.com`,
): Promise<{ client: HttpClient; email: string; setCookie: string }> {
  const client = clientOf(server, { 'fly-client-ip': randomIp() });
  const res = await client.post('/api/v1/auth/sign-up', { email, password: PASSWORD });
  expect(res.status, res.text).toBe(201);
  return { client, email, setCookie: String(res.headers['set-cookie']) };
}

function randomIp(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `203.0.${octet()}.${octet()}`;
}

/** Sends attempts until one is answered 429; returns how many were let through before it. */
async function attemptsUntilThrottled(
  send: (n: number) => Promise<{ status: number }>,
): Promise<number> {
  for (let n = 0; n < MAX_ACCEPTABLE_BUDGET; n++) {
    if ((await send(n)).status === 429) return n;
  }
  return Number.POSITIVE_INFINITY;
}

describe('brute force', () => {
  it('guessing one account’s password is throttled, even from a new address each time', async () => {
    const { client: victim, email } = await signUp(behindProxy);
    const guesser = clientOf(behindProxy);
    const fromAnywhere = () => ({ headers: { 'fly-client-ip': randomIp() } });
    const budget = await attemptsUntilThrottled(async (n) => {
      const res = await guesser.post(
        '/api/v1/auth/sign-in',
        { email, password: `wrong ${n}` },
        fromAnywhere(),
      );
      if (res.status !== 429) expect(res.body?.error?.code).toBe('invalid_credentials');
      return res;
    });
    // Once throttled, even the right password waits; the owner's session is untouched.
    const right = await guesser.post(
      '/api/v1/auth/sign-in',
      { email, password: PASSWORD },
      fromAnywhere(),
    );
    guesser.close();
    figures.perAccountBudget = budget;
    expect(budget).toBeLessThan(MAX_ACCEPTABLE_BUDGET);
    expect(right.status).toBe(429);
    expect(right.body?.error?.code).toBe('rate_limited');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect((await victim.get('/api/v1/me')).status).toBe(200);

    // The lockout cannot be turned against the owner: their own browser (it signed in before,
    // so it holds a device cookie) signs out and back in while strangers are still locked out.
    expect(victim.cookies.has('__Host-ht_device')).toBe(true);
    expect((await victim.post('/api/v1/auth/sign-out')).status).toBe(204);
    const owner = await victim.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    expect(owner.status, owner.text).toBe(200);
    expect((await victim.get('/api/v1/me')).status).toBe(200);
    const stranger = clientOf(behindProxy);
    const stillLocked = await stranger.post(
      '/api/v1/auth/sign-in',
      { email, password: PASSWORD },
      fromAnywhere(),
    );
    stranger.close();
    expect(stillLocked.status).toBe(429);
    figures.ownerSignedInDuringLockout = owner.status === 200;
  });

  it('common and breached passwords are refused at sign-up, saying why', async () => {
    const client = clientOf(behindProxy, { 'fly-client-ip': randomIp() });
    const refused: Record<string, number> = {};
    for (const password of ['12345678', 'password', 'aaaaaaaa', '        ', 'iloveyou1']) {
      const res = await client.post('/api/v1/auth/sign-up', {
        email: `weak-${crypto.randomUUID()}@example.com`,
        password,
      });
      refused[JSON.stringify(password)] = res.status;
      expect(res.status, res.text).toBe(422);
      expect(res.body.error.details[0].path).toBe('password');
    }
    client.close();
    figures.weakPasswords = refused;
  });

  it('one address spraying many accounts is throttled by Fly-Client-IP; other addresses are not', async () => {
    const sprayer = clientOf(behindProxy, { 'fly-client-ip': '198.51.100.77' });
    // Malformed attempts count too (the budget is spent before validation), and cost no hashing.
    const budget = await attemptsUntilThrottled((n) =>
      sprayer.post('/api/v1/auth/sign-in', { email: `nobody-${n}@example.com` }),
    );
    const bystander = await sprayer.post(
      '/api/v1/auth/sign-in',
      { email: 'nobody@example.com', password: 'whatever1' },
      { headers: { 'fly-client-ip': '198.51.100.78' } },
    );
    sprayer.close();
    figures.perAddressBudget = budget;
    expect(budget).toBeLessThan(MAX_ACCEPTABLE_BUDGET);
    expect(bystander.status).toBe(401);
  });

  it('without a proxy in front, a forged Fly-Client-IP does not buy a fresh budget', async () => {
    const forger = clientOf(direct);
    const budget = await attemptsUntilThrottled((n) =>
      forger.post(
        '/api/v1/auth/sign-in',
        { email: `forger-${n}@example.com` },
        { headers: { 'fly-client-ip': randomIp() } },
      ),
    );
    forger.close();
    figures.forgedAddressBudget = budget;
    expect(budget).toBeLessThan(MAX_ACCEPTABLE_BUDGET);
  });
});

describe('sessions', () => {
  it('the session cookie is HttpOnly, SameSite, Secure and __Host- in production', async () => {
    const { setCookie } = await signUp(behindProxy);
    const attributes = setCookie.split(';').map((part) => part.trim().toLowerCase());
    figures.sessionCookie = setCookie.replace(/(ht_(?:session|device))=[^;]+/g, '$1=…');
    expect(setCookie.startsWith(`${COOKIE}=`)).toBe(true);
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('secure');
    expect(attributes).toContain('path=/');
    expect(attributes.some((a) => a === 'samesite=lax' || a === 'samesite=strict')).toBe(true);
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
  });

  it('signing out ends the session on the server: the old cookie is refused', async () => {
    const { client } = await signUp(behindProxy);
    const token = client.cookies.get(COOKIE)!;
    expect((await client.get('/api/v1/me')).status).toBe(200);
    const out = await client.post('/api/v1/auth/sign-out');
    expect(out.status).toBe(204);
    const replay = clientOf(behindProxy);
    replay.cookies.set(COOKIE, token);
    const res = await replay.get('/api/v1/me');
    figures.afterSignOut = res.status;
    expect(res.status).toBe(401);
    expect(res.body?.error?.code).toBe('unauthenticated');
    const sessions = await query(
      postgres.url,
      'select 1 from sessions where id = encode(sha256($1::bytea), $2)',
      [token, 'hex'],
    );
    expect(sessions).toHaveLength(0);
  });
});

describe('CSRF', () => {
  it('every state-changing operation refuses a foreign Origin with 403 csrf_rejected and changes nothing', async () => {
    const { client } = await signUp(behindProxy, ADMIN_EMAIL);
    const habit = await client.post('/api/v1/habits', {
      name: 'Target',
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
    });
    expect(habit.status).toBe(201);
    const userId = (await client.get('/api/v1/me')).body.user.id as string;
    const snapshot = () =>
      query(
        postgres.url,
        `select (select count(*) from habits where user_id = $1)::int as habits,
                                  (select count(*) from sessions where user_id = $1)::int as sessions,
                                  (select count(*) from api_tokens where user_id = $1)::int as tokens,
                                  (select count(*) from signup_invites)::int as invites,
                                  (select max(updated_at)::text from habits where user_id = $1) as touched`,
        [userId],
      );
    const before = await snapshot();
    const values = new SchemaValues(doc, new Random(1));
    const writes = listOperations(doc).filter((op) => op.method !== 'GET');
    const attacks: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      // A bearer header does not switch the origin check off.
      { origin: 'https://evil.example', authorization: `Bearer ht_${'A'.repeat(43)}` },
    ];
    const accepted: string[] = [];
    let refused = 0;
    for (const op of writes) {
      const segments = Object.fromEntries(
        op.parameters
          .filter((p) => p.in === 'path')
          .map((p) => [p.name, p.schema.format === 'date' ? utcDate(1) : habit.body.id]),
      );
      for (const attack of attacks) {
        const attacker = new HttpClient(
          { host: '127.0.0.1', port: behindProxy.port },
          { headers: attack },
        );
        attacker.cookies.set(COOKIE, client.cookies.get(COOKIE)!);
        const res = await attacker.send(
          op.method,
          fillPath(op.path, segments),
          op.body ? { json: values.minimal(op.body) } : {},
        );
        attacker.close();
        if (res.status === 403 && res.body?.error?.code === 'csrf_rejected') refused++;
        else
          accepted.push(
            `${op.label} with ${JSON.stringify(attack)} → ${res.status} ${res.text.slice(0, 120)}`,
          );
      }
    }
    figures.csrf = { operations: writes.length, refused, accepted: accepted.length };
    expect(accepted).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect((await client.get('/api/v1/me')).status).toBe(200);
  });
});

describe('password reset', () => {
  const linkIn = (text: string) =>
    new RegExp(`^${PUBLIC_ORIGIN}/reset-password\\?token=([\\w-]{43})$`, 'm').exec(text)?.[1];

  it('answers alike for any address, throttles per address without touching sign-in, and its link ends every session', async () => {
    const { client: owner, email } = await signUp(behindProxy);
    const fromAnywhere = () => ({ headers: { 'fly-client-ip': randomIp() } });
    const asker = clientOf(behindProxy);
    const known = await asker.post('/api/v1/auth/password-reset', { email }, fromAnywhere());
    const unknown = await asker.post(
      '/api/v1/auth/password-reset',
      { email: `nobody-${crypto.randomUUID()}@example.com` },
      fromAnywhere(),
    );
    expect(known.status, known.text).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.text).toBe(known.text);

    // Flooding the owner's inbox from a new address each time is cut short.
    const budget = await attemptsUntilThrottled(async () => {
      const res = await asker.post('/api/v1/auth/password-reset', { email }, fromAnywhere());
      if (res.status !== 429) expect(res.status).toBe(202);
      return res;
    });
    const accepted = budget + 1;
    figures.passwordResetsPerAddress = accepted;
    expect(budget).toBeLessThan(MAX_ACCEPTABLE_BUDGET);
    // …and signing in with the password is untouched, even from a browser the account never saw.
    const stranger = clientOf(behindProxy);
    const signIn = await stranger.post(
      '/api/v1/auth/sign-in',
      { email, password: PASSWORD },
      fromAnywhere(),
    );
    expect(signIn.status, signIn.text).toBe(200);

    // One mail per accepted request; only the link issued last works (the sends run in the
    // background, so their order of arrival is not the order of issue), and it works once.
    await expect.poll(() => smtp.to(email).length, { timeout: 15_000 }).toBe(accepted);
    const statuses: number[] = [];
    for (const mail of smtp.to(email)) {
      const token = linkIn(mail.text);
      expect(token, mail.text).toBeDefined();
      const res = await asker.post(
        '/api/v1/auth/password-reset/confirm',
        { token, password: `${PASSWORD} renewed` },
        fromAnywhere(),
      );
      statuses.push(res.status);
    }
    expect(statuses.sort()).toEqual([204, ...Array(accepted - 1).fill(400)].sort());
    figures.sessionsAfterReset = {
      owner: (await owner.get('/api/v1/me')).status,
      stranger: (await stranger.get('/api/v1/me')).status,
    };
    expect(figures.sessionsAfterReset).toEqual({ owner: 401, stranger: 401 });
    asker.close();
    stranger.close();
  });
});

describe('bearer beside a cookie', () => {
  it("another user's read-only token next to the victim's cookie changes nothing anywhere", async () => {
    const { client: victim } = await signUp(behindProxy);
    const { client: attacker } = await signUp(behindProxy);
    const habit = await victim.post('/api/v1/habits', {
      name: 'Target',
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
    });
    expect(habit.status).toBe(201);
    const made = await attacker.post('/api/v1/tokens', { name: 'mine', scope: 'read' });
    expect(made.status).toBe(201);
    const victimId = (await victim.get('/api/v1/me')).body.user.id as string;
    const snapshot = () =>
      query(
        postgres.url,
        `select (select count(*) from habits where user_id = $1)::int as habits,
                (select count(*) from sessions where user_id = $1)::int as sessions,
                (select count(*) from api_tokens where user_id = $1)::int as tokens,
                (select max(updated_at)::text from habits where user_id = $1) as touched,
                (select to_jsonb(s) from user_settings s where user_id = $1) as settings`,
        [victimId],
      );
    const before = await snapshot();
    const values = new SchemaValues(doc, new Random(2));
    const writes = listOperations(doc).filter((op) => op.method !== 'GET');
    const answers: Record<string, number> = {};
    const wrong: string[] = [];
    for (const op of writes) {
      const segments = Object.fromEntries(
        op.parameters
          .filter((p) => p.in === 'path')
          .map((p) => [p.name, p.schema.format === 'date' ? utcDate(1) : habit.body.id]),
      );
      // No Origin and no Sec-Fetch-Site: what a script sends, so only the credentials decide.
      const mixed = new HttpClient(
        { host: '127.0.0.1', port: behindProxy.port },
        { headers: { authorization: `Bearer ${made.body.secret}` }, keepCookies: false },
      );
      mixed.cookies.set(COOKIE, victim.cookies.get(COOKIE)!);
      const res = await mixed.send(
        op.method,
        fillPath(op.path, segments),
        op.body ? { json: values.minimal(op.body) } : {},
      );
      mixed.close();
      const code = String(res.body?.error?.code);
      answers[`${res.status} ${code}`] = (answers[`${res.status} ${code}`] ?? 0) + 1;
      const want = op.bearer ? 'token_scope' : 'token_not_allowed';
      // Sign-up and sign-in take no credentials at all; they may answer as they like, but not 2xx
      // for the victim (checked by the snapshot).
      if (op.secured && (res.status !== 403 || code !== want)) {
        wrong.push(`${op.label} → ${res.status} ${res.text.slice(0, 120)} (expected 403 ${want})`);
      }
    }
    figures.bearerBesideCookie = { operations: writes.length, answers, wrong: wrong.length };
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect((await victim.get('/api/v1/me')).status).toBe(200);

    // No page can send the header cross-site: a preflight asking for it is not granted.
    const preflight = await victim.send('OPTIONS', '/api/v1/habits', {
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });
});
