/**
 * Passkeys (docs/decisions/0026-passkeys.md), on PostgreSQL and on PGlite, against a software
 * authenticator that signs for real (test-support's SoftAuthenticator): add, list, rename,
 * remove with a session only; sign in with a discoverable passkey into the same session as a
 * password sign-in; and every way a response must be refused — bad signature, a challenge never
 * issued, expired or used, another origin, a counter that went backwards, another user's
 * challenge or passkey.
 */
import { SoftAuthenticator } from '@habit-tracker/test-support';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, PASSWORD, type TestApp, type TestClient } from './support/app';
import { DATABASE_KINDS, type TestDatabase, useTestDatabases } from './support/databases';

const databases = useTestDatabases('server-passkeys');
const ORIGIN = 'https://habits.example.test';
const BASE = '/api/v1/auth/passkeys';

type Json = Record<string, unknown>;

async function addPasskey(
  c: TestClient,
  authenticator: SoftAuthenticator,
  name?: string,
): Promise<Json> {
  const options = await c.post(`${BASE}/registration/options`);
  expect(options.status, options.text).toBe(200);
  const credential = authenticator.createCredential(options.body);
  const res = await c.post(`${BASE}/registration/verify`, { name, credential });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function authenticationOptions(c: TestClient): Promise<Json> {
  const res = await c.post(`${BASE}/authentication/options`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe.each(DATABASE_KINDS)('passkeys on %s', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let ownerEmail: string;
  let authenticator: SoftAuthenticator;
  let passkeyId: string;

  beforeAll(async () => {
    db = databases.get(kind);
    t = createTestApp(db.database, { PUBLIC_ORIGIN: ORIGIN });
    owner = t.client();
    ownerEmail = (await owner.signUp()).email;
    authenticator = new SoftAuthenticator(ORIGIN);
    passkeyId = (await addPasskey(owner, authenticator, 'Laptop')).id as string;
  });

  it('offers a discoverable credential for the configured RP, never the email as user handle', async () => {
    const res = await owner.post(`${BASE}/registration/options`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.rp).toEqual({ id: 'habits.example.test', name: expect.any(String) });
    expect(res.body.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'preferred',
    });
    expect(res.body.attestation).toBe('none');
    const userId = Buffer.from(res.body.user.id, 'base64url').toString();
    expect(userId).not.toContain('@');
    // The passkey already added is excluded, so the browser will not add it twice.
    expect(res.body.excludeCredentials).toEqual([
      { id: authenticator.credentials[0]!.id, type: 'public-key', transports: ['internal'] },
    ]);
  });

  it('lists the passkey by name, without its key', async () => {
    const res = await owner.get(BASE);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      passkeys: [
        { id: passkeyId, name: 'Laptop', createdAt: expect.any(String), lastUsedAt: null },
      ],
    });
  });

  it('signs in with the passkey: the same session as a password sign-in', async () => {
    const browser = t.client();
    const options = await authenticationOptions(browser);
    expect(options.rpId).toBe('habits.example.test');
    expect(options.userVerification).toBe('preferred');
    expect(options.allowCredentials ?? []).toEqual([]);
    const res = await browser.post(`${BASE}/authentication/verify`, {
      credential: authenticator.getAssertion(options),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.user.email).toBe(ownerEmail);
    expect(browser.cookie).toMatch(/^ht_session=/);
    expect(browser.deviceCookie).toMatch(/^ht_device=/);
    const me = await browser.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(ownerEmail);
    const list = await owner.get(BASE);
    expect(list.body.passkeys[0].lastUsedAt).toBe(t.clock.now.toISOString());
  });

  it('refuses a bad signature, and the challenge still cannot be used twice', async () => {
    const browser = t.client();
    const options = await authenticationOptions(browser);
    const bad = await browser.post(`${BASE}/authentication/verify`, {
      credential: authenticator.getAssertion(options, { corruptSignature: true }),
    });
    expectError(bad, 400, 'passkey_invalid');
    expect(browser.cookie).toBeUndefined();
  });

  it('refuses a challenge the server never issued', async () => {
    const browser = t.client();
    await authenticationOptions(browser);
    const forged = Buffer.from('a challenge we made up ourselves').toString('base64url');
    const res = await browser.post(`${BASE}/authentication/verify`, {
      credential: authenticator.getAssertion({ challenge: forged }),
    });
    expectError(res, 400, 'passkey_invalid');
    expect(browser.cookie).toBeUndefined();
  });

  it('refuses a replayed response: a challenge works once', async () => {
    const browser = t.client();
    const credential = authenticator.getAssertion(await authenticationOptions(browser));
    expect((await browser.post(`${BASE}/authentication/verify`, { credential })).status).toBe(200);
    const attacker = t.client();
    const again = await attacker.post(`${BASE}/authentication/verify`, { credential });
    expectError(again, 400, 'passkey_invalid');
    expect(attacker.cookie).toBeUndefined();
  });

  it('refuses an expired challenge', async () => {
    const browser = t.client();
    const options = await authenticationOptions(browser);
    const started = t.clock.now;
    t.clock.now = new Date(started.getTime() + 6 * 60 * 1000);
    try {
      const res = await browser.post(`${BASE}/authentication/verify`, {
        credential: authenticator.getAssertion(options),
      });
      expectError(res, 400, 'passkey_invalid');
    } finally {
      t.clock.now = started;
    }
  });

  it('refuses a counter that went backwards (a cloned authenticator)', async () => {
    const browser = t.client();
    const ahead = authenticator.getAssertion(await authenticationOptions(browser), {
      counter: 50,
    });
    expect(
      (await browser.post(`${BASE}/authentication/verify`, { credential: ahead })).status,
    ).toBe(200);
    const clone = t.client();
    const behind = authenticator.getAssertion(await authenticationOptions(clone), { counter: 49 });
    const res = await clone.post(`${BASE}/authentication/verify`, { credential: behind });
    expectError(res, 400, 'passkey_invalid');
    expect(clone.cookie).toBeUndefined();
    // The authenticator continues from 50: still fine.
    const next = authenticator.getAssertion(await authenticationOptions(clone), { counter: 51 });
    expect((await clone.post(`${BASE}/authentication/verify`, { credential: next })).status).toBe(
      200,
    );
  });

  it('refuses a response made for another origin (a phishing page)', async () => {
    const browser = t.client();
    const res = await browser.post(`${BASE}/authentication/verify`, {
      credential: authenticator.getAssertion(await authenticationOptions(browser), {
        origin: 'https://habits.example.test.evil.example',
      }),
    });
    expectError(res, 400, 'passkey_invalid');
  });

  it('refuses a passkey this server does not know', async () => {
    const stranger = new SoftAuthenticator(ORIGIN);
    stranger.createCredential({
      rp: { id: 'habits.example.test' },
      user: { id: 'AAAA' },
      challenge: 'AAAA',
    });
    const browser = t.client();
    const res = await browser.post(`${BASE}/authentication/verify`, {
      credential: stranger.getAssertion(await authenticationOptions(browser)),
    });
    expectError(res, 400, 'passkey_invalid');
  });

  it('binds a registration challenge to its user: another user cannot finish it', async () => {
    const other = t.client();
    await other.signUp();
    const options = await owner.post(`${BASE}/registration/options`);
    const credential = new SoftAuthenticator(ORIGIN).createCredential(options.body);
    const res = await other.post(`${BASE}/registration/verify`, { credential });
    expectError(res, 400, 'passkey_invalid');
    // Nor can a sign-in challenge register, or a registration challenge sign in.
    const signInOptions = await authenticationOptions(other);
    const viaSignIn = new SoftAuthenticator(ORIGIN).createCredential({
      ...options.body,
      challenge: signInOptions.challenge,
    });
    expectError(
      await other.post(`${BASE}/registration/verify`, { credential: viaSignIn }),
      400,
      'passkey_invalid',
    );
    const registration = await owner.post(`${BASE}/registration/options`);
    const browser = t.client();
    expectError(
      await browser.post(`${BASE}/authentication/verify`, {
        credential: authenticator.getAssertion({ challenge: registration.body.challenge }),
      }),
      400,
      'passkey_invalid',
    );
    expect((await other.get(BASE)).body).toEqual({ passkeys: [] });
  });

  it('refuses to register one credential twice', async () => {
    const options = await owner.post(`${BASE}/registration/options`);
    const credential = new SoftAuthenticator(ORIGIN).createCredential(options.body);
    expect((await owner.post(`${BASE}/registration/verify`, { credential })).status).toBe(201);
    const again = await owner.post(`${BASE}/registration/options`);
    // The same credential, answered to the new challenge: what a buggy client might send.
    const copy = structuredClone(credential) as { response: { clientDataJSON: string } };
    const clientData = JSON.parse(
      Buffer.from(copy.response.clientDataJSON, 'base64url').toString(),
    );
    clientData.challenge = again.body.challenge;
    copy.response.clientDataJSON = Buffer.from(JSON.stringify(clientData)).toString('base64url');
    expectError(
      await owner.post(`${BASE}/registration/verify`, { credential: copy }),
      409,
      'passkey_taken',
    );
  });

  it('renames and removes only your own passkeys; a removed one no longer signs in', async () => {
    const other = t.client();
    await other.signUp();
    expectError(await other.patch(`${BASE}/${passkeyId}`, { name: 'Mine now' }), 404, 'not_found');
    expectError(await other.delete(`${BASE}/${passkeyId}`), 404, 'not_found');
    expectError(
      await owner.patch(`${BASE}/${passkeyId}`, { name: '  ' }),
      422,
      'validation_failed',
    );
    expectError(await owner.patch(`${BASE}/not-a-uuid`, { name: 'x' }), 422, 'validation_failed');

    const renamed = await owner.patch(`${BASE}/${passkeyId}`, { name: 'Work laptop' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body.name).toBe('Work laptop');

    const spare = new SoftAuthenticator(ORIGIN);
    const spareKey = await addPasskey(owner, spare);
    expect(spareKey.name).toBe('Passkey');
    expect((await owner.delete(`${BASE}/${spareKey.id}`)).status).toBe(204);
    expectError(await owner.delete(`${BASE}/${spareKey.id}`), 404, 'not_found');
    const browser = t.client();
    const res = await browser.post(`${BASE}/authentication/verify`, {
      credential: spare.getAssertion(await authenticationOptions(browser)),
    });
    expectError(res, 400, 'passkey_invalid');
  });

  it('needs a session to manage passkeys; an API token gets 403 token_not_allowed', async () => {
    const anonymous = t.client();
    expectError(await anonymous.get(BASE), 401, 'unauthenticated');
    expectError(await anonymous.post(`${BASE}/registration/options`), 401, 'unauthenticated');
    const made = await owner.post('/api/v1/tokens', { name: 'script', scope: 'read_write' });
    expect(made.status, made.text).toBe(201);
    const script = t.client({ headers: { authorization: `Bearer ${made.body.secret}` } });
    expectError(await script.get(BASE), 403, 'token_not_allowed');
    expectError(await script.post(`${BASE}/registration/options`), 403, 'token_not_allowed');
    expectError(
      await script.patch(`${BASE}/${passkeyId}`, { name: 'x' }),
      403,
      'token_not_allowed',
    );
    expectError(await script.delete(`${BASE}/${passkeyId}`), 403, 'token_not_allowed');
  });

  it('answers malformed responses with 4xx JSON, never a 500', async () => {
    const browser = t.client();
    const options = await authenticationOptions(browser);
    const good = authenticator.getAssertion(options) as { response: Json };
    const cases: unknown[] = [
      {},
      { credential: {} },
      { credential: { ...good, type: 'password' } },
      { credential: { ...good, response: { ...good.response, authenticatorData: 'AAAA' } } },
      { credential: { ...good, response: { ...good.response, clientDataJSON: 'bm90IGpzb24' } } },
      { credential: { ...good, response: { ...good.response, signature: '!!' } } },
    ];
    for (const body of cases) {
      const res = await browser.post(`${BASE}/authentication/verify`, body);
      expect([400, 422], res.text).toContain(res.status);
      expect(res.body.error.code).toMatch(/^(passkey_invalid|validation_failed)$/);
    }
    const garbage = await owner.post(`${BASE}/registration/verify`, {
      credential: {
        id: 'AAAA',
        rawId: 'AAAA',
        type: 'public-key',
        response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' },
      },
    });
    expectError(garbage, 400, 'passkey_invalid');
  });

  it('counts passkey sign-in attempts against the per-client sign-in limit', async () => {
    const browser = t.client({ ip: '192.0.2.77' });
    let limited = false;
    for (let i = 0; i < 60 && !limited; i++) {
      const res = await browser.post(`${BASE}/authentication/options`);
      if (res.status === 429) {
        expectError(res, 429, 'rate_limited');
        limited = true;
      } else expect(res.status).toBe(200);
    }
    expect(limited).toBe(true);
    // Another client — the owner on their own network — is not held back.
    const browserElsewhere = t.client();
    const res = await browserElsewhere.post(`${BASE}/authentication/verify`, {
      credential: authenticator.getAssertion(await authenticationOptions(browserElsewhere)),
    });
    expect(res.status, res.text).toBe(200);
  });

  it('deleting the account deletes its passkeys and challenges', async () => {
    const leaver = t.client();
    const { me } = await leaver.signUp();
    const userId = me.user.id as string;
    await addPasskey(leaver, new SoftAuthenticator(ORIGIN));
    await leaver.post(`${BASE}/registration/options`);
    const count = async () => {
      const result = await db.database.primary.write.execute(
        sql`select (select count(*) from passkeys where user_id = ${userId})::int
           + (select count(*) from webauthn_challenges where user_id = ${userId})::int as n`,
      );
      return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
    };
    expect(await count()).toBe(2);
    expect((await leaver.delete('/api/v1/me', { password: PASSWORD })).status).toBe(204);
    expect(await count()).toBe(0);
  });
});

describe('passkeys in development, without PUBLIC_ORIGIN', () => {
  it("take the page's origin: localhost is the RP ID", async () => {
    const t = createTestApp(databases.get('pglite').database);
    const headers = { origin: 'http://localhost' };
    const c = t.client({ headers });
    await c.signUp();
    const options = await c.post(`${BASE}/registration/options`);
    expect(options.body.rp.id).toBe('localhost');
    const authenticator = new SoftAuthenticator('http://localhost');
    const credential = authenticator.createCredential(options.body);
    expect((await c.post(`${BASE}/registration/verify`, { credential })).status).toBe(201);
    const browser = t.client({ headers });
    const signIn = await browser.post(`${BASE}/authentication/options`);
    const res = await browser.post(`${BASE}/authentication/verify`, {
      credential: authenticator.getAssertion(signIn.body),
    });
    expect(res.status, res.text).toBe(200);
  });
});
