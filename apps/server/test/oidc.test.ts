/**
 * Sign-in with OpenID Connect against a real OpenID provider (oidc-provider, in this process on
 * a free port): new accounts, returning sign-ins, linking an existing account only after its
 * owner signs in, and the refusals (unverified email, bad or replayed state, wrong nonce).
 */
import {
  type OidcProviderServer,
  SoftAuthenticator,
  startOidcProvider,
} from '@habit-tracker/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/env';
import { createTestApp, PASSWORD, type TestApp, type TestClient } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const ORIGIN = 'https://habits.example.com';
const CALLBACK = `${ORIGIN}/api/v1/auth/oidc/acme/callback`;

let issuer: OidcProviderServer;
beforeAll(async () => {
  issuer = await startOidcProvider({
    clients: [{ clientId: 'habits', clientSecret: 'a test secret', redirectUris: [CALLBACK] }],
  });
});
afterAll(async () => {
  await issuer?.stop();
});

const databases = useTestDatabases('server-oidc');

function providersEnv(): Record<string, string> {
  return {
    PUBLIC_ORIGIN: ORIGIN,
    OIDC_PROVIDERS: JSON.stringify([
      {
        id: 'acme',
        name: 'Acme ID',
        issuer: issuer.issuer,
        clientId: 'habits',
        clientSecret: 'a test secret',
      },
    ]),
  };
}

let accounts = 0;
function newAccount(claims: { email?: string; email_verified?: boolean } = {}) {
  accounts++;
  const id = `person-${accounts}-${crypto.randomUUID()}`;
  const email = claims.email ?? `${id}@example.org`;
  issuer.setAccount(id, { email, email_verified: true, ...claims });
  return { id, email };
}

/** Start → the issuer (log in, consent) → the callback; returns the callback's response. */
async function signInWithIssuer(client: TestClient, accountId: string, start = 'start') {
  const started = await client.get(`/api/v1/auth/oidc/acme/${start}`);
  expect(started.status, started.text).toBe(302);
  const location = started.headers.get('location')!;
  expect(location.startsWith(`${issuer.issuer}/auth?`)).toBe(true);
  const back = await issuer.signIn(location, accountId, CALLBACK);
  const res = await client.get(`${back.pathname}${back.search}`);
  return { res, callback: `${back.pathname}${back.search}` };
}

describe.each(DATABASE_KINDS)('OpenID Connect on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(() => {
    db = databases.get(kind);
    t = createTestApp(db.database, providersEnv());
  });

  it('lists the providers without secrets and 404s an unknown one', async () => {
    const res = await t.client().get('/api/v1/auth/oidc/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ providers: [{ id: 'acme', name: 'Acme ID' }] });
    expect((await t.client().get('/api/v1/auth/oidc/nope/start')).status).toBe(404);
    expect((await t.client().get('/api/v1/auth/oidc/nope/callback?code=x&state=y')).status).toBe(
      404,
    );
  });

  it('sends the browser to the issuer with PKCE (S256), state and nonce', async () => {
    const res = await t.client().get('/api/v1/auth/oidc/acme/start');
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(res.headers.get('set-cookie')).toMatch(/ht_oidc=[^;]+;.*HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
  });

  it('creates an account for a new person, and signs them in again later', async () => {
    const person = newAccount();
    const browser = t.client();
    const { res } = await signInWithIssuer(browser, person.id);
    expect(res.status, res.text).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const me = await browser.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(person.email);
    const identities = await browser.get('/api/v1/auth/oidc/identities');
    expect(identities.body).toMatchObject({
      hasPassword: false,
      identities: [{ providerId: 'acme', providerName: 'Acme ID', email: person.email }],
    });

    // No password to sign in with: refused like a wrong one.
    const password = await t
      .client()
      .post('/api/v1/auth/sign-in', { email: person.email, password: PASSWORD });
    expect(password.status).toBe(401);
    expect(password.body.error.code).toBe('invalid_credentials');

    // The only way in cannot be unlinked…
    const only = identities.body.identities[0].id;
    const refused = await browser.delete(`/api/v1/auth/oidc/identities/${only}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('last_sign_in_method');

    // …a returning sign-in is the same account…
    const other = t.client();
    const again = await signInWithIssuer(other, person.id);
    expect(again.res.headers.get('location')).toBe('/');
    expect((await other.get('/api/v1/me')).body.user.id).toBe(me.body.user.id);

    // …and once a password is set (no current password needed), unlinking is allowed.
    const set = await browser.post('/api/v1/auth/change-password', {
      newPassword: 'a first password of mine',
    });
    expect(set.status, set.text).toBe(204);
    expect((await browser.delete(`/api/v1/auth/oidc/identities/${only}`)).status).toBe(204);
    const signIn = await t
      .client()
      .post('/api/v1/auth/sign-in', { email: person.email, password: 'a first password of mine' });
    expect(signIn.status).toBe(200);
  });

  it('an account without a password: a passkey counts as a way in, and it deletes itself with its email', async () => {
    const person = newAccount();
    const browser = t.client();
    expect((await signInWithIssuer(browser, person.id)).res.status).toBe(302);
    expect((await browser.get('/api/v1/me')).body.user.hasPassword).toBe(false);
    const identity = (await browser.get('/api/v1/auth/oidc/identities')).body.identities[0].id;

    // A passkey added, the identity may go; the passkey is then the last way in and stays.
    const options = await browser.post('/api/v1/auth/passkeys/registration/options');
    expect(options.status, options.text).toBe(200);
    const credential = new SoftAuthenticator(ORIGIN).createCredential(options.body);
    const added = await browser.post('/api/v1/auth/passkeys/registration/verify', { credential });
    expect(added.status, added.text).toBe(201);
    expect((await browser.delete(`/api/v1/auth/oidc/identities/${identity}`)).status).toBe(204);
    const last = await browser.delete(`/api/v1/auth/passkeys/${added.body.id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_sign_in_method');
    expect((await browser.get('/api/v1/auth/passkeys')).body.passkeys).toHaveLength(1);

    // No password to re-check: the account's email, typed, confirms the deletion.
    for (const body of [{}, { email: 'someone.else@example.org' }, { password: PASSWORD }]) {
      const refused = await browser.delete('/api/v1/me', body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.details).toEqual([
        expect.objectContaining({ path: 'email', code: 'confirm_email_mismatch' }),
      ]);
    }
    expect((await browser.get('/api/v1/me')).status).toBe(200);
    const deleted = await browser.delete('/api/v1/me', {
      email: ` ${person.email.toUpperCase()} `,
    });
    expect(deleted.status, deleted.text).toBe(204);
    expect((await browser.get('/api/v1/me')).status).toBe(401);
  });

  it('never links an existing account on the issuer’s word; links after its owner signs in', async () => {
    const owner = t.client();
    const { email } = await owner.signUp();
    const person = newAccount({ email });

    const browser = t.client();
    const { res } = await signInWithIssuer(browser, person.id);
    expect(res.headers.get('location')).toBe('/sign-in?oidc_link=acme');
    expect((await browser.get('/api/v1/me')).status).toBe(401);
    expect((await owner.get('/api/v1/auth/oidc/identities')).body.identities).toEqual([]);

    // The owner proves the account by signing in with its password in this browser: linked.
    const signedIn = await browser.post('/api/v1/auth/sign-in', { email, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    const list = await owner.get('/api/v1/auth/oidc/identities');
    expect(list.body).toMatchObject({ hasPassword: true, identities: [{ providerId: 'acme' }] });

    // From now on the issuer signs in to the account.
    const later = t.client();
    const again = await signInWithIssuer(later, person.id);
    expect(again.res.headers.get('location')).toBe('/');
    expect((await later.get('/api/v1/me')).body.user.email).toBe(email);
  });

  it('refuses the link without the password sign-in, and never on an unverified email', async () => {
    const owner = t.client();
    const { email } = await owner.signUp();
    const person = newAccount({ email });
    const browser = t.client();
    await signInWithIssuer(browser, person.id);
    // A wrong password does not link.
    const wrong = await browser.post('/api/v1/auth/sign-in', { email, password: 'not it at all' });
    expect(wrong.status).toBe(401);
    // Another browser's password sign-in does not either.
    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email, password: PASSWORD })).status,
    ).toBe(200);
    expect((await owner.get('/api/v1/auth/oidc/identities')).body.identities).toEqual([]);

    const unverified = t.client();
    const { email: email2 } = await unverified.signUp();
    const claimer = newAccount({ email: email2, email_verified: false });
    const res = (await signInWithIssuer(unverified, claimer.id)).res;
    expect(res.headers.get('location')).toBe('/sign-in?oidc_error=email_unverified');
    await unverified.post('/api/v1/auth/sign-in', { email: email2, password: PASSWORD });
    expect((await unverified.get('/api/v1/auth/oidc/identities')).body.identities).toEqual([]);
    // Nor does an unverified email make a new account.
    const stranger = newAccount({ email_verified: false });
    const s = t.client();
    expect((await signInWithIssuer(s, stranger.id)).res.headers.get('location')).toBe(
      '/sign-in?oidc_error=email_unverified',
    );
    expect((await s.get('/api/v1/me')).status).toBe(401);
  });

  it('refuses a bad state, a replayed callback and a wrong nonce', async () => {
    const person = newAccount();
    const browser = t.client();
    const started = await browser.get('/api/v1/auth/oidc/acme/start');
    const back = await issuer.signIn(started.headers.get('location')!, person.id, CALLBACK);
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state');
    const bad = await browser.get(`${forged.pathname}${forged.search}`);
    expect(bad.headers.get('location')).toBe('/sign-in?oidc_error=state');
    expect((await browser.get('/api/v1/me')).status).toBe(401);

    // Replayed: the same callback, with the same cookie, a second time.
    const replayer = t.client();
    const first = await replayer.get('/api/v1/auth/oidc/acme/start');
    const cookies = new Map(replayer.oidcCookies);
    const url = await issuer.signIn(first.headers.get('location')!, person.id, CALLBACK);
    const ok = await replayer.get(`${url.pathname}${url.search}`);
    expect(ok.headers.get('location')).toBe('/');
    const thief = t.client();
    for (const [k, v] of cookies) thief.oidcCookies.set(k, v);
    const replay = await thief.get(`${url.pathname}${url.search}`);
    expect(replay.headers.get('location')).toBe('/sign-in?oidc_error=state');
    expect((await thief.get('/api/v1/me')).status).toBe(401);

    // Without the cookie of the browser that started, a callback is refused.
    const noCookie = await t.client().get(`${url.pathname}${url.search}`);
    expect(noCookie.headers.get('location')).toBe('/sign-in?oidc_error=state');

    // An issuer that puts a nonce we never chose into the ID token.
    const victim = t.client();
    const start = await victim.get('/api/v1/auth/oidc/acme/start');
    issuer.overrideNextNonce('a-nonce-we-never-chose');
    const cb = await issuer.signIn(start.headers.get('location')!, person.id, CALLBACK);
    const wrongNonce = await victim.get(`${cb.pathname}${cb.search}`);
    expect(wrongNonce.headers.get('location')).toBe('/sign-in?oidc_error=failed');
    expect((await victim.get('/api/v1/me')).status).toBe(401);
  });

  it('answers API tokens with 403 token_not_allowed', async () => {
    const owner = t.client();
    await owner.signUp();
    const made = await owner.post('/api/v1/tokens', { name: 'script', scope: 'read_write' });
    expect(made.status, made.text).toBe(201);
    const bearer = { headers: { authorization: `Bearer ${made.body.secret}` } };
    for (const path of [
      '/api/v1/auth/oidc/acme/start',
      '/api/v1/auth/oidc/acme/callback?code=a&state=b',
      '/api/v1/auth/oidc/identities',
    ]) {
      const res = await t.client().get(path, bearer);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('token_not_allowed');
    }
  });
});

describe.each(DATABASE_KINDS)('OpenID Connect under sign-up control on %s', (kind) => {
  let db: TestDatabase;
  let adminCookie: string | undefined;
  const adminEmail = `admin-${crypto.randomUUID()}@example.com`;

  beforeAll(async () => {
    db = databases.get(kind);
    // The administrator's account was made while the server was open (as on a real server).
    const admin = createTestApp(db.database).client();
    await admin.signUp({ email: adminEmail });
    adminCookie = admin.cookie;
  });

  const app = (mode: 'open' | 'invite' | 'oidc-only') =>
    createTestApp(db.database, {
      ...providersEnv(),
      SIGNUP_MODE: mode,
      ADMIN_EMAILS: adminEmail,
    });

  async function invite(t: TestApp, body: Record<string, unknown> = {}) {
    const admin = t.client();
    admin.cookie = adminCookie;
    const res = await admin.post('/api/v1/invites', body);
    expect(res.status, res.text).toBe(201);
    const token = new URL(res.body.link).searchParams.get('invite')!;
    return { id: res.body.invite.id as string, token };
  }

  async function usesOf(t: TestApp, id: string): Promise<number> {
    const admin = t.client();
    admin.cookie = adminCookie;
    const list = await admin.get('/api/v1/invites');
    return list.body.invites.find((i: { id: string }) => i.id === id).uses;
  }

  it('oidc-only: the issuer makes the account; a password sign-up is refused', async () => {
    const t = app('oidc-only');
    const refused = await t.client().post('/api/v1/auth/sign-up', {
      email: `pw-${crypto.randomUUID()}@example.com`,
      password: PASSWORD,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('signup_closed');

    const person = newAccount();
    const browser = t.client();
    const { res } = await signInWithIssuer(browser, person.id);
    expect(res.headers.get('location')).toBe('/');
    expect((await browser.get('/api/v1/me')).body.user.email).toBe(person.email);
  });

  it('invite: no invite, a wrong or a used one is refused and makes nothing; a valid one makes one account', async () => {
    const t = app('invite');
    const person = newAccount();

    const none = t.client();
    expect((await signInWithIssuer(none, person.id)).res.headers.get('location')).toBe(
      '/sign-in?oidc_error=signup_closed',
    );
    expect((await none.get('/api/v1/me')).status).toBe(401);

    // Not even well-formed: refused before going to the issuer.
    const malformed = await t.client().get('/api/v1/auth/oidc/acme/start?invite=not-a-token');
    expect(malformed.status).toBe(302);
    expect(malformed.headers.get('location')).toBe('/sign-in?oidc_error=invite_invalid');
    const unknown = t.client();
    const wrong = await signInWithIssuer(unknown, person.id, `start?invite=${'A'.repeat(43)}`);
    expect(wrong.res.headers.get('location')).toBe('/sign-in?oidc_error=invite_invalid');
    expect((await unknown.get('/api/v1/me')).status).toBe(401);

    // An invite bound to another email is not this person's.
    const bound = await invite(t, { email: `someone-${crypto.randomUUID()}@example.com` });
    const other = await signInWithIssuer(t.client(), person.id, `start?invite=${bound.token}`);
    expect(other.res.headers.get('location')).toBe('/sign-in?oidc_error=invite_invalid');
    expect(await usesOf(t, bound.id)).toBe(0);

    const { id, token } = await invite(t);
    const browser = t.client();
    const ok = await signInWithIssuer(browser, person.id, `start?invite=${token}`);
    expect(ok.res.headers.get('location')).toBe('/');
    expect((await browser.get('/api/v1/me')).body.user.email).toBe(person.email);
    expect(await usesOf(t, id)).toBe(1);

    // Used up: the next new person is refused with it; the account made signs in without one.
    const next = newAccount();
    const late = await signInWithIssuer(t.client(), next.id, `start?invite=${token}`);
    expect(late.res.headers.get('location')).toBe('/sign-in?oidc_error=invite_expired');
    const again = t.client();
    expect((await signInWithIssuer(again, person.id)).res.headers.get('location')).toBe('/');
    expect((await again.get('/api/v1/me')).body.user.email).toBe(person.email);
  });

  it('invite: an existing account signs in and links without an invite, and spends none', async () => {
    const t = app('invite');
    const { id, token } = await invite(t);
    const person = newAccount({ email: adminEmail });
    const browser = t.client();
    const { res } = await signInWithIssuer(browser, person.id, `start?invite=${token}`);
    expect(res.headers.get('location')).toBe('/sign-in?oidc_link=acme');
    expect(await usesOf(t, id)).toBe(0);
  });
});

describe('OIDC_PROVIDERS', () => {
  const base = { NODE_ENV: 'production', PUBLIC_ORIGIN: ORIGIN };
  const one = { id: 'acme', name: 'Acme', issuer: 'https://id.example.com', clientId: 'c' };
  it('takes a JSON array of issuers', () => {
    expect(loadEnv({ ...base, OIDC_PROVIDERS: JSON.stringify([one]) }).OIDC_PROVIDERS).toEqual([
      one,
    ]);
    expect(loadEnv({}).OIDC_PROVIDERS).toEqual([]);
  });
  it('refuses bad JSON without quoting it, duplicates, http issuers and no PUBLIC_ORIGIN', () => {
    expect(() => loadEnv({ OIDC_PROVIDERS: '[{"clientSecret": "s3cret"' })).toThrow(
      /OIDC_PROVIDERS: Expected a JSON array/,
    );
    expect(() => loadEnv({ OIDC_PROVIDERS: '[{"clientSecret": "s3cret"' })).not.toThrow(/s3cret/);
    expect(() => loadEnv({ OIDC_PROVIDERS: JSON.stringify([one, one]) })).toThrow(/used twice/);
    expect(() =>
      loadEnv({ ...base, OIDC_PROVIDERS: JSON.stringify([{ ...one, issuer: 'http://x.test' }]) }),
    ).toThrow(/must be an https/);
    expect(() =>
      loadEnv({ NODE_ENV: 'production', OIDC_PROVIDERS: JSON.stringify([one]) }),
    ).toThrow(/PUBLIC_ORIGIN/);
  });
});
