/**
 * Authorization sweep, derived from the OpenAPI document: user A owns one of everything (a
 * habit with a check-in, photos pending and ready, an export, an import); user B, signed in
 * with a valid Origin, sends every route that has a path parameter at A's objects, with a valid
 * body. Goals (docs/architecture.md, "Authorization lives in the queries"):
 *
 * - every answer is 404 `not_found` — never 403, which would confirm the object exists;
 * - and it is the very answer B gets for an id that exists nowhere (same status, code, message);
 * - A's data is unchanged afterwards: every row of every table with a user_id, and the bytes of
 *   A's photo;
 * - B's list routes (routes without a path parameter) never mention an id of A's.
 *
 * The sweep runs twice: B with a session cookie, and B as a script holding only a read-write
 * personal API token (`Authorization: Bearer`, no cookie). On the bearer pass, a route whose
 * contract does not take a token answers 403 `token_not_allowed` instead — for A's objects and
 * for missing ones alike, so it says nothing about what exists.
 *
 * A route whose path parameter names a kind of object the sweep cannot make for A fails the test
 * (see owned-objects.ts): new routes are covered, or loudly not. Routes that need no session
 * touch no user's objects by id; each is listed in PUBLIC with what stands in for authorization,
 * and a new one fails the test until it is.
 */

import {
  findFreePort,
  type OidcProviderServer,
  type PostgresServer,
  type PushService,
  runSql as query,
  startOidcProvider,
  startPostgres,
  startPushService,
} from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { utcDate } from '../support/dates';
import { HttpClient, type HttpResponse } from '../support/http-client';
import {
  fetchOpenApi,
  fillPath,
  listOperations,
  type OpenApiDocument,
  type Operation,
  pathParameters,
} from '../support/openapi';
import { createOwnedObjects, type OwnedObjects } from '../support/owned-objects';
import { Random, runSeed } from '../support/random';
import { reportFigures } from '../support/results';
import { SchemaValues } from '../support/schema-values';
import { type ServerProcess, startServer } from '../support/server-process';

const PASSWORD = `sweep ${crypto.randomUUID()}`;
/** A is one of the server's administrators (ADMIN_EMAILS), so A owns an invite too; B is not. */
const OWNER_EMAIL = `a-${crypto.randomUUID()}@example.com`;
/** Invites are the server's, not a user's: anyone but an administrator gets this for any id. */
const ADMIN_ONLY = { status: 403, code: 'admin_only' };
const isAdminRoute = (op: Operation) => op.path.startsWith('/api/v1/invites');

/** Operations without a session, and what guards them instead. */
const PUBLIC: Record<string, string> = {
  'GET /api/health': 'reports the service, no user data',
  'GET /api/live': 'reports the process, no user data',
  'POST /api/v1/auth/sign-up': 'creates a new account only (an invite where SIGNUP_MODE asks)',
  'GET /api/v1/auth/signup-mode': "says only the server's sign-up mode, no user data",
  'POST /api/v1/auth/sign-in': 'the password (throttled: auth-abuse.test.ts)',
  'POST /api/v1/auth/sign-out': "ends only the caller's own session cookie",
  'POST /api/v1/auth/password-reset':
    "mails only the address's owner; the same answer for every address (password-reset.test.ts)",
  'POST /api/v1/auth/password-reset/confirm':
    'the emailed single-use token, 256 random bits (password-reset.test.ts)',
  'POST /api/v1/auth/passkeys/authentication/options':
    'hands out a single-use challenge naming no account (throttled per client)',
  'POST /api/v1/auth/passkeys/authentication/verify':
    "a registered passkey's signature over a single-use challenge (passkeys.test.ts)",
  'GET /api/v1/auth/oidc/providers': 'the configured issuers’ ids and names, no user data',
  'GET /api/v1/auth/oidc/{id}/start':
    'redirects to the issuer; signs nobody in (oidc.test.ts); {id} is a configured issuer, not an object of a user',
  'GET /api/v1/auth/oidc/{id}/callback':
    'the issuer’s code with the single-use state bound to this browser (oidc.test.ts); {id} is a configured issuer',
};

let postgres: PostgresServer;
let push: PushService;
/** A real OpenID provider (oidc-provider, in this process), so the owner has a linked identity. */
let issuer: OidcProviderServer;
const PROVIDER_ID = 'sweep';
let server: ServerProcess;
let doc: OpenApiDocument;
let owner: HttpClient;
let other: HttpClient;
let ownerId: string;
let owned: OwnedObjects;

beforeAll(async () => {
  postgres = await startPostgres({ label: 'reliability-authz' });
  // A real push service (web-push-testing, on this machine), so the owner can have a device and a
  // delivered notification — and no message ever leaves for a real one.
  push = await startPushService();
  // The issuer registers the exact redirect URI, so the server's port is chosen first.
  const port = await findFreePort();
  const callback = `http://127.0.0.1:${port}/api/v1/auth/oidc/${PROVIDER_ID}/callback`;
  issuer = await startOidcProvider({
    clients: [{ clientId: 'sweep', clientSecret: 'sweep secret', redirectUris: [callback] }],
  });
  server = await startServer(
    {
      DATABASE_URL: postgres.url,
      PUSH_SERVICE_ORIGINS: push.origin,
      // The bearer pass sends a few hundred requests with one token: no 429 in the way.
      API_TOKEN_REQUESTS_PER_MINUTE: '100000',
      ADMIN_EMAILS: OWNER_EMAIL,
      OIDC_PROVIDERS: JSON.stringify([
        {
          id: PROVIDER_ID,
          name: 'Sweep ID',
          issuer: issuer.issuer,
          clientId: 'sweep',
          clientSecret: 'sweep secret',
        },
      ]),
    },
    { port },
  );
  doc = await fetchOpenApi(server.url);
  const address = { host: '127.0.0.1', port: server.port };
  const origin = `http://127.0.0.1:${server.port}`;
  owner = new HttpClient(address, { headers: { origin } });
  other = new HttpClient(address, { headers: { origin } });
  for (const [client, name] of [
    [owner, 'a'],
    [other, 'b'],
  ] as const) {
    const res = await client.post('/api/v1/auth/sign-up', {
      email: client === owner ? OWNER_EMAIL : `${name}-${crypto.randomUUID()}@example.com`,
      password: PASSWORD,
    });
    expect(res.status, res.text).toBe(201);
    if (client === owner) ownerId = res.body.user.id;
  }
  owned = await createOwnedObjects(owner, utcDate(1), push, {
    server: issuer,
    providerId: PROVIDER_ID,
    callback,
  });
  const invite = await owner.post('/api/v1/invites', { maxUses: 2 });
  expect(invite.status, invite.text).toBe(201);
  owned.ids.invites = [invite.body.invite.id];
});

afterAll(async () => {
  owner?.close();
  other?.close();
  await server?.stop();
  await push?.stop();
  await issuer?.stop();
  await postgres?.stop();
});

it('every operation without a session is classified', () => {
  const unsecured = listOperations(doc)
    .filter((op) => !op.secured)
    .map((op) => `${op.method} ${op.path}`)
    .sort();
  expect(unsecured).toEqual(Object.keys(PUBLIC).sort());
});

it("every route with a path parameter answers another user's objects 404, as if missing, and changes nothing", async () => {
  await sweep(other, 'authorization-sweep', (op) =>
    isAdminRoute(op) ? ADMIN_ONLY : { status: 404, code: 'not_found' },
  );
});

it("the same with only a personal API token: 404 on the token's routes, 403 token_not_allowed on the others", async () => {
  const made = await other.post('/api/v1/tokens', { name: 'sweep', scope: 'read_write' });
  expect(made.status, made.text).toBe(201);
  const script = new HttpClient(
    { host: '127.0.0.1', port: server.port },
    { headers: { authorization: `Bearer ${made.body.secret}` }, keepCookies: false },
  );
  try {
    await sweep(script, 'authorization-sweep-bearer', (op) =>
      op.bearer ? { status: 404, code: 'not_found' } : { status: 403, code: 'token_not_allowed' },
    );
  } finally {
    script.close();
  }
});

/** B (`client`) at A's objects and at missing ones; `expected`: B's answer for a route. */
async function sweep(
  client: HttpClient,
  figures: string,
  expected: (op: Operation) => { status: number; code: string },
): Promise<void> {
  const seed = runSeed();
  const values = new SchemaValues(doc, new Random(seed));
  // Deletes last: a delete that wrongly succeeded would otherwise hide what follows it. Routes
  // without a session (PUBLIC) name no user's objects: their parameters are not swept.
  const routes = listOperations(doc)
    .filter((op) => op.secured && pathParameters(op).length > 0)
    .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));

  const unfillable = routes.flatMap((op) =>
    pathParameters(op)
      .filter((p) => p.schema.format !== 'date' && !owned.ids[collectionOf(op, p.name)])
      .map(
        (p) =>
          `${op.label}: {${p.name}} names "${collectionOf(op, p.name)}", which owned-objects.ts cannot make`,
      ),
  );
  expect(unfillable).toEqual([]);

  const before = await snapshotOf(ownerId);
  const photoBefore = await owner.get(`/api/v1/photos/${owned.ids.photos![1]}/image`);
  expect(photoBefore.status).toBe(200);

  // Every request sent is counted once, by what it asked for and how it was answered: B at A's
  // objects, B at ids that exist nowhere, and B's own lists.
  const answers = {
    atOwned: {} as Record<string, number>,
    atMissing: {} as Record<string, number>,
    lists: {} as Record<string, number>,
    redrawn: {} as Record<string, number>,
  };
  const isInvalidBody = (res: HttpResponse) =>
    res.status === 422 && res.body?.error?.code === 'validation_failed';
  const count = (bucket: Record<string, number>, res: HttpResponse) => {
    bucket[res.status] = (bucket[res.status] ?? 0) + 1;
  };
  const leaks: string[] = [];
  let requests = 0;
  for (const op of routes) {
    for (const params of parameterSets(op)) {
      let body = op.body ? values.minimal(op.body) : undefined;
      const send = (segments: Record<string, string>) =>
        client.send(op.method, fillPath(op.path, segments), {
          ...(body !== undefined ? { json: body } : {}),
          headers: idempotencyHeader(op),
        });
      let atOwned = await send(params);
      requests++;
      // The schema cannot say every rule across fields (a note-only day needs its note): a body
      // refused as invalid never reaches the lookup, so draw another, a few times at most. The
      // refused tries are counted in their own bucket.
      for (let redraw = 0; body !== undefined && isInvalidBody(atOwned) && redraw < 5; redraw++) {
        count(answers.redrawn, atOwned);
        body = values.minimal(op.body!);
        atOwned = await send(params);
        requests++;
      }
      const atMissing = await send(withMissingIds(op, params));
      requests++;
      count(answers.atOwned, atOwned);
      count(answers.atMissing, atMissing);
      const where = `${op.label} ${JSON.stringify(params)}`;
      const want = expected(op);
      if (atOwned.status !== want.status || atOwned.body?.error?.code !== want.code) {
        leaks.push(
          `${where}: ${atOwned.status} ${atOwned.text.slice(0, 200)} (expected ${want.status} ${want.code})`,
        );
      } else if (signature(atOwned) !== signature(atMissing)) {
        leaks.push(`${where}: ${signature(atOwned)}, but for a missing id ${signature(atMissing)}`);
      }
    }
  }

  const listLeaks: string[] = [];
  const ownedIds = Object.values(owned.ids).flat();
  for (const op of listOperations(doc).filter(
    (op) => op.method === 'GET' && op.secured && pathParameters(op).length === 0,
  )) {
    for (const path of listVariants(op)) {
      const res = await client.get(path);
      requests++;
      count(answers.lists, res);
      const mentioned = ownedIds.filter((id) => res.text.includes(id));
      if (mentioned.length > 0) listLeaks.push(`${path} shows ${mentioned.join(', ')}`);
    }
  }

  const after = await snapshotOf(ownerId);
  const photoAfter = await owner.get(`/api/v1/photos/${owned.ids.photos![1]}/image`);
  const changedTables = Object.keys(before).filter(
    (table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]),
  );
  reportFigures(figures, {
    routes: routes.length,
    requests,
    answers,
    leaks: leaks.length,
    listLeaks: listLeaks.length,
    ownerTablesCompared: Object.keys(before).length,
    ownerTablesChanged: changedTables.length,
  });

  const answered = Object.values(answers).flatMap((bucket) => Object.values(bucket));
  expect(answered.reduce((a, b) => a + b, 0)).toBe(requests);
  expect(leaks).toEqual([]);
  expect(listLeaks).toEqual([]);
  expect(changedTables).toEqual([]);
  expect(photoAfter.text).toBe(photoBefore.text);
  expect(photoAfter.headers['content-length']).toBe(photoBefore.headers['content-length']);
  // The owner still sees everything: the 404s were about who asked, not about what exists.
  expect((await owner.get(`/api/v1/habits/${owned.ids.habits![0]}`)).status).toBe(200);
  // Invites have no user_id (they are the server's): A's is checked by itself.
  const invites = await owner.get('/api/v1/invites');
  expect(invites.body.invites).toEqual([
    expect.objectContaining({ id: owned.ids.invites![0], uses: 0, maxUses: 2 }),
  ]);
}

/** `/photos/{photoId}` → "photos": the collection segment before a parameter. */
function collectionOf(op: Operation, name: string): string {
  const segments = op.path.split('/');
  return segments[segments.indexOf(`{${name}}`) - 1] ?? '';
}

/** Every combination of the owner's objects for the route's parameters. */
function parameterSets(op: Operation): Record<string, string>[] {
  let sets: Record<string, string>[] = [{}];
  for (const p of pathParameters(op)) {
    const choices =
      p.schema.format === 'date' ? [owned.date] : owned.ids[collectionOf(op, p.name)]!;
    sets = sets.flatMap((set) => choices.map((value) => ({ ...set, [p.name]: value })));
  }
  return sets;
}

/** The same parameters with every object id replaced by one that exists nowhere. */
function withMissingIds(op: Operation, params: Record<string, string>): Record<string, string> {
  const missing = { ...params };
  for (const p of pathParameters(op))
    if (p.schema.format !== 'date') missing[p.name] = crypto.randomUUID();
  return missing;
}

function idempotencyHeader(op: Operation): Record<string, string> {
  return op.parameters.some((p) => p.in === 'header' && p.name === 'idempotency-key')
    ? { 'idempotency-key': `sweep-${crypto.randomUUID()}` }
    : {};
}

/** A list route as is, and once per value of each enumerated query parameter. */
function listVariants(op: Operation): string[] {
  const variants = [op.path];
  for (const p of op.parameters.filter((p) => p.in === 'query' && p.schema.enum)) {
    for (const value of p.schema.enum!)
      variants.push(`${op.path}?${p.name}=${encodeURIComponent(String(value))}`);
  }
  return variants;
}

function signature(res: HttpResponse): string {
  return `${res.status} ${res.body?.error?.code} "${res.body?.error?.message}"`;
}

/** Every row of the user's in every table with a user_id column, and the user's own row. */
async function snapshotOf(userId: string): Promise<Record<string, unknown[]>> {
  const tables = await query<{ table_name: string }>(
    postgres.url,
    `select table_name from information_schema.columns
     where table_schema = 'public' and column_name = 'user_id' order by table_name`,
  );
  const snapshot: Record<string, unknown[]> = {};
  snapshot.users = await query(
    postgres.url,
    'select to_jsonb(u) as row from users u where id = $1',
    [userId],
  );
  for (const { table_name } of tables) {
    snapshot[table_name] = await query(
      postgres.url,
      `select to_jsonb(t) as row from "${table_name.replaceAll('"', '""')}" t where user_id = $1 order by to_jsonb(t)::text`,
      [userId],
    );
  }
  return snapshot;
}
