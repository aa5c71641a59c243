/**
 * One of everything a user can own, made through the API, for the authorization sweep: found by
 * the collection a path parameter belongs to (`/photos/{photoId}` → `photos`). A route whose
 * parameter names a collection missing here fails the sweep, which asks for an entry: new kinds
 * of objects get an owner check the day their routes appear.
 */
import {
  type OidcProviderServer,
  type PushService,
  SoftAuthenticator,
} from '@habit-tracker/test-support';
import { utcDate } from './dates';
import type { HttpClient, HttpResponse } from './http-client';

/** A 1×1 PNG: the smallest photo the server can decode and thumbnail. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SETTLE_DEADLINE_MS = 30_000;

export interface OwnedObjects {
  /** Collection → ids of the owner's objects in it. */
  ids: Record<string, string[]>;
  /** A date with a check-in on the owner's habit (for `{date}` parameters). */
  date: string;
}

/** An OpenID provider the server is configured with (OIDC_PROVIDERS), to link the owner to. */
export interface SweepIssuer {
  server: OidcProviderServer;
  /** The provider's id in OIDC_PROVIDERS. */
  providerId: string;
  /** The redirect URI registered at the issuer (where its sign-in stops). */
  callback: string;
}

/**
 * `push`: a real push service (web-push-testing) the server may send to (its PUSH_SERVICE_ORIGINS),
 * for a device and a notification that has been delivered; without it those routes cannot be
 * swept, and the sweep says so.
 */
export async function createOwnedObjects(
  owner: HttpClient,
  date: string,
  push?: PushService,
  oidc?: SweepIssuer,
): Promise<OwnedObjects> {
  const habit = expectStatus(
    await owner.post('/api/v1/habits', {
      name: 'Mine',
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
    }),
    201,
    'create a habit',
  ).body.id as string;
  expectStatus(
    await owner.put(
      `/api/v1/habits/${habit}/checkins/${date}`,
      { state: 'done', note: 'mine' },
      { headers: { 'idempotency-key': `owner-${habit}` } },
    ),
    200,
    'check in',
  );

  // Photos: one still waiting for its bytes, one ready — some routes act only on one of them.
  const newPhoto = async () =>
    expectStatus(
      await owner.post(`/api/v1/habits/${habit}/checkins/${date}/photos`, {
        contentType: 'image/png',
        size: TINY_PNG.length,
      }),
      201,
      'start a photo',
    ).body.photo.id as string;
  const pendingPhoto = await newPhoto();
  const readyPhoto = await newPhoto();
  expectStatus(
    await owner.send('PUT', `/api/v1/photos/${readyPhoto}/upload`, {
      raw: TINY_PNG,
      contentType: 'image/png',
    }),
    204,
    'upload a photo',
  );
  expectStatus(await owner.post(`/api/v1/photos/${readyPhoto}/complete`), 200, 'complete a photo');

  const started = expectStatus(await owner.post('/api/v1/exports'), 202, 'start an export').body
    .id as string;
  const deadline = performance.now() + SETTLE_DEADLINE_MS;
  // Settled, so the owner's data holds still while the sweep compares it before and after.
  for (;;) {
    const status = expectStatus(
      await owner.get(`/api/v1/exports/${started}`),
      200,
      'poll an export',
    ).body.status;
    if (status !== 'running') break;
    if (performance.now() > deadline) throw new Error('the export did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const importId = expectStatus(
    await owner.post('/api/v1/imports', { fileName: 'backup.zip', size: 1_000 }),
    201,
    'start an import',
  ).body.import.id as string;

  // A reminder twelve hours from now (UTC user): it cannot fire while the sweep compares data.
  const inTwelveHours = new Date(Date.now() + 12 * 3_600_000).toISOString().slice(11, 16);
  const reminder = expectStatus(
    await owner.post('/api/v1/reminders', { habitId: habit, time: inTwelveHours }),
    201,
    'add a reminder',
  ).body.id as string;
  // In the past: its skips (none: the habit started today) are settled when it is saved.
  const vacation = expectStatus(
    await owner.post('/api/v1/vacations', { from: utcDate(10), to: utcDate(9), habitIds: [habit] }),
    201,
    'add a vacation',
  ).body.id as string;

  const group = expectStatus(
    await owner.post('/api/v1/groups', { name: 'Mine' }),
    201,
    'create a group',
  ).body.id as string;

  const token = expectStatus(
    await owner.post('/api/v1/tokens', { name: 'Mine', scope: 'read_write' }),
    201,
    'make an API token',
  ).body.token.id as string;

  // A passkey, from a software authenticator that signs for real, at the owner's origin.
  const passkeyOptions = expectStatus(
    await owner.post('/api/v1/auth/passkeys/registration/options'),
    200,
    'start adding a passkey',
  ).body;
  const passkey = expectStatus(
    await owner.post('/api/v1/auth/passkeys/registration/verify', {
      name: 'Mine',
      credential: new SoftAuthenticator(owner.origin).createCredential(passkeyOptions),
    }),
    201,
    'add a passkey',
  ).body.id as string;

  const ids: Record<string, string[]> = {
    tokens: [token],
    passkeys: [passkey],
    habits: [habit],
    groups: [group],
    photos: [pendingPhoto, readyPhoto],
    exports: [started],
    imports: [importId],
    reminders: [reminder],
    vacations: [vacation],
  };
  if (oidc) ids.identities = [await linkIdentity(owner, oidc)];
  if (push) {
    const key = expectStatus(await owner.get('/api/v1/push/key'), 200, 'read the push key').body
      .publicKey as string;
    const sub = await push.subscribe(key);
    const device = expectStatus(
      await owner.post('/api/v1/push-subscriptions', { endpoint: sub.endpoint, keys: sub.keys }),
      201,
      'add a device',
    ).body.id as string;
    const notification = expectStatus(
      await owner.post(`/api/v1/push-subscriptions/${device}/test`),
      202,
      'send a test notification',
    ).body.id as string;
    // Delivered (the server's sender runs every second), so nothing of it moves during the sweep.
    const delivered = performance.now() + SETTLE_DEADLINE_MS;
    while ((await push.messages(sub.clientHash)).length === 0) {
      if (performance.now() > delivered) throw new Error('the test notification did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (;;) {
      const [listed] = expectStatus(
        await owner.get('/api/v1/push-subscriptions'),
        200,
        'list devices',
      ).body.subscriptions as { lastSuccessAt: string | null }[];
      if (listed?.lastSuccessAt) break;
      if (performance.now() > delivered) throw new Error('the delivery was not recorded');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    ids['push-subscriptions'] = [device];
    ids.notifications = [notification];
  }
  return { ids, date };
}

/**
 * Connects an identity at the issuer to the owner, the way Settings → Connect does: start with
 * `intent=link` (signed in), sign in at the issuer, come back to the callback in the same
 * browser (cookies). Returns the identity's id.
 */
async function linkIdentity(owner: HttpClient, oidc: SweepIssuer): Promise<string> {
  const accountId = `owner-${crypto.randomUUID()}`;
  oidc.server.setAccount(accountId, {
    email: `${accountId}@issuer.example.com`,
    email_verified: true,
  });
  const started = expectStatus(
    await owner.get(`/api/v1/auth/oidc/${oidc.providerId}/start?intent=link`),
    302,
    'start connecting an issuer',
  );
  const location = String(started.headers.location ?? '');
  if (!location.startsWith(oidc.server.issuer)) {
    throw new Error(`the owner could not start connecting an issuer: sent to ${location}`);
  }
  const back = await oidc.server.signIn(location, accountId, oidc.callback);
  const linked = expectStatus(
    await owner.get(`${back.pathname}${back.search}`),
    302,
    'come back from the issuer',
  );
  if (linked.headers.location !== `/settings?oidc_linked=${oidc.providerId}`) {
    throw new Error(`the owner could not connect an issuer: sent to ${linked.headers.location}`);
  }
  const list = expectStatus(
    await owner.get('/api/v1/auth/oidc/identities'),
    200,
    'list linked identities',
  ).body.identities as { id: string }[];
  if (list.length !== 1) throw new Error(`the owner has ${list.length} linked identities`);
  return list[0]!.id;
}

function expectStatus(res: HttpResponse, status: number, what: string): HttpResponse {
  if (res.status !== status) {
    throw new Error(`the owner could not ${what}: ${res.status} ${res.text.slice(0, 300)}`);
  }
  return res;
}
