/**
 * The static front (seed 002) for real: Debian's nginx with deploy/nginx/default.conf.template,
 * in front of two real API processes (the production bundle) standing for two regions on one
 * real PostgreSQL — "sin", which answers writes with 409 + fly-replay as on Fly, and "iad", the
 * primary. No Fly proxy is in between, so nginx itself must get a replayed write to the primary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type NginxProcess,
  type ServerProcess,
  startNginx,
  startServer,
  WEB_BUILD,
} from './support/processes';

const BODY_LIMIT = 102_400;

let postgres: PostgresServer;
let iad: ServerProcess;
let sin: ServerProcess;
let front: NginxProcess;

/**
 * The front's JSON access lines so far. nginx writes a line when it finalises the request, which
 * can be after the client has its answer (for a refused body, after the lingering close drains the
 * upload), so tests poll for the line they expect.
 */
async function accessLines(): Promise<Record<string, unknown>[]> {
  return (await front.accessLog())
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

beforeAll(async () => {
  postgres = await startPostgres({ label: 'deploy-front' });
  const common = {
    DATABASE_URL: postgres.url,
    PRIMARY_REGION: 'iad',
    BODY_LIMIT_BYTES: String(BODY_LIMIT),
    DATABASE_POOL_SIZE: '4',
  };
  // The primary first: it applies the migrations the other region then finds done.
  iad = await startServer({ ...common, FLY_REGION: 'iad' });
  sin = await startServer({ ...common, FLY_REGION: 'sin', WRITE_ROUTING: 'replay' });
  front = await startNginx({
    API_UPSTREAM: `127.0.0.1:${sin.port}`,
    API_PRIMARY_UPSTREAM: `127.0.0.1:${iad.port}`,
    API_PRIMARY_REGION: 'iad',
    BODY_LIMIT: String(BODY_LIMIT),
    FRONT_REGION: 'sin',
    WEB_ROOT: WEB_BUILD,
  });
});

afterAll(async () => {
  await front?.stop();
  await Promise.all([sin?.stop(), iad?.stop()]);
  await postgres?.stop();
});

function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function onlyAsset(pattern: RegExp): string {
  const name = readdirSync(join(WEB_BUILD, 'assets')).find((file) => pattern.test(file));
  if (!name) throw new Error(`no asset matching ${pattern} in ${WEB_BUILD}/assets`);
  return name;
}

describe('static files', () => {
  it('serves index.html for / and must-revalidate caching', async () => {
    const res = await fetch(`${front.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toBe(readFileSync(join(WEB_BUILD, 'index.html'), 'utf8'));
  });

  it('answers client-side routes with index.html (SPA fallback)', async () => {
    const res = await fetch(`${front.url}/habits/123?tab=history`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(readFileSync(join(WEB_BUILD, 'index.html'), 'utf8'));
  });

  it('caches hashed assets for a year, immutable, gzipped', async () => {
    const script = onlyAsset(/^index-.*\.js$/);
    // Node's fetch would gunzip silently; node:http keeps the wire bytes.
    const res = await rawGet(`${front.url}/assets/${script}`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = res.body;
    const original = readFileSync(join(WEB_BUILD, 'assets', script));
    expect(body.length).toBeLessThan(original.length);
    expect(gunzipSync(body).equals(original)).toBe(true);
  });

  it('never caches the service worker', async () => {
    const res = await fetch(`${front.url}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing hashed asset with 404, not index.html', async () => {
    const res = await fetch(`${front.url}/assets/index-missing.js`);
    expect(res.status).toBe(404);
  });
});

describe('the API behind it', () => {
  const email = `front-${Date.now()}@example.com`;
  let cookie = '';

  it('proxies /api/ with the forwarding headers', async () => {
    const res = await fetch(`${front.url}/api/health`, {
      headers: { 'fly-request-id': 'front-test-1' },
    });
    expect(res.status).toBe(200);
    // The nearest region (sin) answered, and kept the edge's request id.
    expect(res.headers.get('x-region')).toBe('sin');
    expect(res.headers.get('x-request-id')).toBe('front-test-1');
    const body = (await res.json()) as { region: string };
    expect(body.region).toBe('sin');
  });

  it('replays a write that the nearest region answers with fly-replay to the primary', async () => {
    // Straight to sin, the write is refused with 409 + fly-replay: only a proxy can carry it on.
    const direct = await fetch(`${sin.url}/api/v1/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'direct@example.com',
        password: 'correct horse',
        timeZone: 'UTC',
      }),
    });
    expect(direct.status).toBe(409);
    expect(direct.headers.get('fly-replay')).toMatch(/^region=iad/);

    // Through nginx the same write reaches iad, body and all, and its answer comes back.
    const res = await fetch(`${front.url}/api/v1/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: front.url },
      body: JSON.stringify({ email, password: 'correct horse', timeZone: 'Asia/Singapore' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-region')).toBe('iad');
    expect(res.headers.get('fly-replay')).toBeNull();
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/=/);

    // The account exists for both regions (one database), and a read stays in sin.
    const today = await fetch(`${front.url}/api/v1/today`, { headers: { cookie } });
    expect(today.status).toBe(200);
    expect(today.headers.get('x-region')).toBe('sin');

    const signUpLine = async () =>
      (await accessLines()).find((entry) => entry.path === '/api/v1/auth/sign-up');
    await expect.poll(signUpLine).toMatchObject({ status: 201, replayed: 'iad' });
    expect(String((await signUpLine())?.upstream_status)).toMatch(/^409 : 201$/);
  });

  it("passes the primary's own 409 through with its body", async () => {
    const res = await fetch(`${front.url}/api/v1/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: front.url },
      body: JSON.stringify({ email, password: 'another horse', timeZone: 'UTC' }),
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('fly-replay')).toBeNull();
    const body = (await res.json()) as { error: { code: string } };
    expect(body.error.code).toBe('email_taken');
  });

  it("refuses a body over the API's limit before it reaches the API", async () => {
    const res = await fetch(`${front.url}/api/v1/habits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: front.url, cookie },
      body: JSON.stringify({ name: 'x'.repeat(BODY_LIMIT + 1) }),
    });
    expect(res.status).toBe(413);
    const lastHabitsLine = async () =>
      (await accessLines()).filter((entry) => entry.path === '/api/v1/habits').at(-1);
    await expect.poll(lastHabitsLine).toMatchObject({ status: 413, upstream: '' });
  });

  it('writes one JSON access line per request with the request id and region', async () => {
    await fetch(`${front.url}/api/health`, { headers: { 'fly-request-id': 'front-log-1' } });
    const entry = async () => (await accessLines()).find((e) => e.id === 'front-log-1');
    await expect
      .poll(entry)
      .toMatchObject({ region: 'sin', method: 'GET', path: '/api/health', status: 200 });
  });
});
