/**
 * Issue 19's "done when", literally: the real server (source, via tsx) on a real PostgreSQL, and
 * the real `curl` holding only a personal API token — no cookie, no Origin. It reads Today and
 * checks in; it cannot change the account (settings, password, deletion, tokens). On shutdown the
 * server writes the token's "last used" to the primary (the batch, not the request, writes it).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  type PostgresServer,
  runSql,
  SERVER_SOURCE,
  type ServerProcess,
  startPostgres,
  startServerProcess,
} from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';

const run = promisify(execFile);
const PASSWORD = `curl ${crypto.randomUUID()}`;

let postgres: PostgresServer;
let server: ServerProcess;

beforeAll(async () => {
  postgres = await startPostgres({ label: 'server-api-tokens-curl' });
  server = await startServerProcess({ entry: SERVER_SOURCE, env: { DATABASE_URL: postgres.url } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await postgres?.stop();
});

/** `curl` with the token as its only credential; the status and the parsed body. */
async function curl(secret: string, method: string, path: string, json?: unknown) {
  const args = ['-sS', '-X', method, '-H', `Authorization: Bearer ${secret}`];
  if (json !== undefined) {
    args.push('-H', 'Content-Type: application/json', '--data', JSON.stringify(json));
  }
  if (method === 'PUT') args.push('-H', `Idempotency-Key: ${crypto.randomUUID()}`);
  args.push('-w', '\n%{http_code}', `${server.url}${path}`);
  const { stdout } = await run('curl', args);
  const cut = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, cut);
  return { status: Number(stdout.slice(cut + 1)), body: text ? JSON.parse(text) : null };
}

it('a token-holding curl session reads Today and checks in, and cannot change the account', async () => {
  // The owner, in a "browser" (fetch with the session cookie), makes a habit and a token.
  const email = `curl-${crypto.randomUUID()}@example.com`;
  const signUp = await fetch(`${server.url}/api/v1/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(signUp.status).toBe(201);
  const cookie = signUp.headers.getSetCookie()[0]!.split(';')[0]!;
  const asOwner = async (method: string, path: string, json?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    // Bodies are checked by the assertions below, not by the compiler.
    const body = (res.status === 204 ? null : await res.json()) as ReturnType<typeof JSON.parse>;
    return { status: res.status, body };
  };
  const habit = await asOwner('POST', '/api/v1/habits', {
    name: 'Walk',
    measure: { kind: 'boolean' },
    schedule: { kind: 'daily' },
  });
  expect(habit.status).toBe(201);
  const made = await asOwner('POST', '/api/v1/tokens', { name: 'curl', scope: 'read_write' });
  expect(made.status).toBe(201);
  const { secret } = made.body as { secret: string };
  const tokenId = made.body.token.id as string;

  // curl: Today, then a check-in on Today's own date (the server's, in the user's zone).
  const today = await curl(secret, 'GET', '/api/v1/today');
  expect(today.status).toBe(200);
  expect(today.body.habits.map((h: { habit: { name: string } }) => h.habit.name)).toEqual(['Walk']);
  const checkIn = await curl(
    secret,
    'PUT',
    `/api/v1/habits/${habit.body.id}/checkins/${today.body.date}`,
    { state: 'done' },
  );
  expect(checkIn.status).toBe(200);
  const after = await curl(secret, 'GET', '/api/v1/today');
  expect(after.body.habits[0].checkin.state).toBe('done');

  // The account is out of reach.
  const refused = [
    await curl(secret, 'PATCH', '/api/v1/settings', { weekStart: 7 }),
    await curl(secret, 'POST', '/api/v1/auth/change-password', {
      currentPassword: PASSWORD,
      newPassword: 'another long password 9',
    }),
    await curl(secret, 'DELETE', '/api/v1/me', { password: PASSWORD }),
    await curl(secret, 'POST', '/api/v1/tokens', { name: 'more', scope: 'read_write' }),
    await curl(secret, 'DELETE', `/api/v1/tokens/${tokenId}`),
  ];
  expect(refused.map((r) => [r.status, r.body?.error?.code])).toEqual(
    Array(refused.length).fill([403, 'token_not_allowed']),
  );
  const settings = await asOwner('GET', '/api/v1/settings');
  expect(settings.body.weekStart).toBe(1);
  expect((await asOwner('GET', '/api/v1/tokens')).body.tokens).toHaveLength(1);

  // Nothing wrote "last used" yet (the flush is a minute away); a graceful stop writes it.
  const lastUsed = async () =>
    (
      await runSql<{ last_used_at: Date | null }>(
        postgres.url,
        'select last_used_at from api_tokens where id = $1',
        [tokenId],
      )
    )[0]!.last_used_at;
  expect(await lastUsed()).toBeNull();
  await server.stop();
  expect(await lastUsed()).toBeInstanceOf(Date);
}, 120_000);
