/**
 * Hostile input against every operation of the server's own OpenAPI document, from a seeded
 * generator (print the seed; replay with RELIABILITY_SEED=<seed>): valid requests, schema
 * mutations (wrong types, boundaries, unknown and missing fields, nulls, huge numbers, long,
 * unicode and control-character strings), bodies that are not JSON or not JSON at all, path
 * parameters that are not ids or dates, query parameters out of range, bad idempotency keys —
 * signed in as a real user, with a valid Origin, so CSRF passes and the handlers run. A quarter
 * of the requests to routes that take a personal API token carry only the user's read-write
 * token (`Authorization: Bearer`, no cookie): the bearer path is fuzzed too. The server has a
 * real OpenID provider configured (oidc-provider, in this process), and most requests to
 * /auth/oidc/{id}/… name it, so start (302 to the issuer) and callback run their real code.
 *
 * Goals: no answer is a 5xx; every 4xx has the error shape of docs/api.md; and nothing the
 * contract forbids is accepted with a 2xx.
 */
import {
  findFreePort,
  type OidcProviderServer,
  type PostgresServer,
  type SmtpCapture,
  startOidcProvider,
  startPostgres,
  startSmtpServer,
} from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { utcDate } from '../support/dates';
import { Findings } from '../support/fuzz-findings';
import { type FuzzRequest, randomRequest, systematicRequests } from '../support/fuzz-requests';
import { HttpClient, type HttpResponse } from '../support/http-client';
import {
  fetchOpenApi,
  listOperations,
  type OpenApiDocument,
  type Operation,
} from '../support/openapi';
import { runSeed } from '../support/random';
import { reportFigures } from '../support/results';
import { toJsonText } from '../support/schema-values';
import { mintSession, type SeededUser, seedUsers } from '../support/seed-users';
import { type ServerProcess, startServer } from '../support/server-process';
import { sessionCookieName } from '../support/sessions';

const REQUESTS = 10_400;
const IN_FLIGHT = 6;
const PASSWORD = `fuzz ${crypto.randomUUID()}`;
/** The fuzz user is an administrator (ADMIN_EMAILS), so the invite handlers run too. */
const EMAIL = `fuzz-${crypto.randomUUID()}@example.com`;

let postgres: PostgresServer;
/** A real SMTP server, so password-reset requests run to the end (a message sent). */
let smtp: SmtpCapture;
/** A real OpenID provider (oidc-provider, in this process), so the sign-in routes run for real. */
let issuer: OidcProviderServer;
let server: ServerProcess;
let doc: OpenApiDocument;
let userId: string;
let session: string;
/** The fuzz user's read-write personal API token. */
let apiToken: string;
/**
 * Signing out ends sessions — all of a user's, for sign-out-everywhere — and would sign the fuzz
 * user out under the requests in flight: those operations run as another user, with a session
 * minted for each request.
 */
let bystander: SeededUser;
const endsSessions = (operation: Operation) => operation.path.startsWith('/api/v1/auth/sign-out');
/** The user's habits (ids), kept current as the fuzz creates and deletes them. */
const habits = new Set<string>();
/** Habits the fuzz never deletes, so most requests reach a handler with a real object. */
const anchors = new Set<string>();

beforeAll(async () => {
  postgres = await startPostgres({ label: 'reliability-fuzz' });
  smtp = await startSmtpServer();
  // The issuer registers the exact redirect URI, so the server's port is chosen first.
  const port = await findFreePort();
  issuer = await startOidcProvider({
    clients: [
      {
        clientId: 'fuzz',
        clientSecret: 'fuzz secret',
        redirectUris: [`http://127.0.0.1:${port}/api/v1/auth/oidc/fuzz/callback`],
      },
    ],
  });
  server = await startServer(
    {
      DATABASE_URL: postgres.url,
      TRUST_PROXY: 'true',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'fuzz@example.com',
      // Thousands of requests with one token in a few minutes: the per-token limit is not the subject.
      API_TOKEN_REQUESTS_PER_MINUTE: '100000',
      ADMIN_EMAILS: EMAIL,
      OIDC_PROVIDERS: JSON.stringify([
        {
          id: 'fuzz',
          name: 'Fuzz ID',
          issuer: issuer.issuer,
          clientId: 'fuzz',
          clientSecret: 'fuzz secret',
        },
      ]),
    },
    { port },
  );
  doc = await fetchOpenApi(server.url);
  bystander = (await seedUsers(postgres.url, 1, { label: 'fuzz-bystander' }))[0]!;
  const client = new HttpClient({ host: '127.0.0.1', port: server.port });
  const signUp = await client.post('/api/v1/auth/sign-up', {
    email: EMAIL,
    password: PASSWORD,
  });
  expect(signUp.status, signUp.text).toBe(201);
  userId = signUp.body.user.id;
  session = client.cookies.get(sessionCookieName(false))!;
  const token = await client.post('/api/v1/tokens', { name: 'fuzz', scope: 'read_write' });
  expect(token.status, token.text).toBe(201);
  apiToken = token.body.secret;
  for (const measure of [
    { kind: 'boolean' },
    { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
  ]) {
    const habit = await client.post('/api/v1/habits', {
      name: 'Anchor',
      measure,
      schedule: { kind: 'daily' },
    });
    expect(habit.status, habit.text).toBe(201);
    habits.add(habit.body.id);
    anchors.add(habit.body.id);
    await client.put(
      `/api/v1/habits/${habit.body.id}/checkins/${utcDate(1)}`,
      measure.kind === 'numeric' ? { state: 'done', value: 3 } : { state: 'done' },
    );
  }
  client.close();
});

afterAll(async () => {
  await server?.stop();
  await postgres?.stop();
  await smtp?.stop();
  await issuer?.stop();
});

it(`${REQUESTS.toLocaleString('en')} generated requests: no 5xx, every 4xx in the error shape, nothing invalid accepted`, async () => {
  const seed = runSeed();
  const operations = listOperations(doc);
  const client = new HttpClient({ host: '127.0.0.1', port: server.port }, { keepCookies: false });
  const origin = client.origin;

  const findings = new Findings();
  let sessionRenewals = 0;
  let viaToken = 0;
  let renewing: Promise<void> | undefined;
  const renewSession = () => {
    renewing ??= mintSession(postgres.url, userId).then((token) => {
      session = token;
      sessionRenewals++;
      renewing = undefined;
    });
    return renewing;
  };

  const target = { doc, origin, habits, anchors, oidcProviders: ['fuzz'] };
  const systematic = systematicRequests(target, operations);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < REQUESTS) {
        const index = next++;
        const request =
          index < systematic.length
            ? { ...systematic[index]!, index }
            : randomRequest(target, index, seed, operations[index % operations.length]!);
        const bearer = request.operation.bearer && index % 4 === 1;
        if (bearer) viaToken++;
        const token = endsSessions(request.operation)
          ? await mintSession(postgres.url, bystander!.id)
          : session;
        const res = await send(client, request, token, bearer ? apiToken : undefined).catch(
          (error: Error) => error,
        );
        findings.record(request, res);
        if (res instanceof Error) continue;
        track(request, res);
        const sessionGone = res.status === 401 && res.body?.error?.code === 'unauthenticated';
        if (
          sessionGone &&
          !bearer &&
          request.operation.secured &&
          !endsSessions(request.operation)
        ) {
          await renewSession();
        }
      }
    }),
  );
  client.close();
  const seconds = (performance.now() - started) / 1000;
  const { statuses, byMode, perOperation, serverErrors, badShapes, acceptedInvalid } = findings;
  const requests = findings.requests;

  reportFigures('openapi-fuzz', {
    seed,
    operations: operations.length,
    requests,
    seconds: Math.round(seconds),
    perSecond: Math.round(requests / seconds),
    statuses,
    systematic: systematic.length,
    byMode,
    serverErrors: serverErrors.length,
    serverErrorPlaces: [...findings.serverErrorPlaces.keys()],
    badErrorShapes: badShapes.length,
    acceptedInvalid: acceptedInvalid.length,
    sessionRenewals,
    viaToken,
    habitsAtEnd: habits.size,
  });
  if (serverErrors.length + badShapes.length + acceptedInvalid.length > 0) {
    console.log(`replay with RELIABILITY_SEED=${seed}`);
  }

  // Every kind of problem in one assertion, one example per place, so a failure shows them all.
  expect({
    serverErrors: [...findings.serverErrorPlaces.values()],
    badShapes: badShapes.slice(0, 10),
    acceptedInvalid: acceptedInvalid.slice(0, 10),
  }).toEqual({ serverErrors: [], badShapes: [], acceptedInvalid: [] });
  expect(requests).toBeGreaterThanOrEqual(10_000);
  // Every operation was exercised, and the session held: handlers ran, not just the auth check.
  for (const operation of operations) {
    const counts = perOperation[operation.label] ?? {};
    expect(
      Object.values(counts).reduce((a, b) => a + b, 0),
      operation.label,
    ).toBeGreaterThan(REQUESTS / operations.length / 2);
  }
  expect(sessionRenewals).toBeLessThan(requests / 100);
  expect(viaToken).toBeGreaterThan(requests / 10);
  expect(
    Object.entries(statuses)
      .filter(([s]) => s.startsWith('2'))
      .reduce((a, [, n]) => a + n, 0),
  ).toBeGreaterThan(requests / 10);
}, 600_000);

/** With the session cookie `token`, or with only the API token `bearer` when given. */
function send(
  client: HttpClient,
  request: FuzzRequest,
  token: string,
  bearer?: string,
): Promise<HttpResponse> {
  const body =
    request.json !== undefined
      ? { raw: toJsonText(request.json), contentType: 'application/json' }
      : request.raw !== undefined
        ? { raw: request.raw, ...(request.contentType ? { contentType: request.contentType } : {}) }
        : {};
  return client.send(request.operation.method, request.path, {
    headers: {
      ...request.headers,
      ...(bearer
        ? { authorization: `Bearer ${bearer}` }
        : { cookie: `${sessionCookieName(false)}=${token}` }),
    },
    ...body,
    timeoutMs: 30_000,
  });
}

/** Keeps the habit pool current: new habits join it, deleted ones leave. */
function track(request: FuzzRequest, res: HttpResponse): void {
  const { method, path } = request.operation;
  if (method === 'POST' && path === '/api/v1/habits' && res.status === 201) habits.add(res.body.id);
  if (method === 'DELETE' && path === '/api/v1/habits/{id}' && res.status === 204) {
    const id = /\/habits\/([^/?]+)/.exec(request.path)?.[1];
    if (id) habits.delete(id);
  }
}
