/**
 * Security headers on everything the production bundle serves — API answers of every kind
 * (success, 401, 404, 422) and the web app (index.html, a deep link, a script, the manifest):
 * a Content-Security-Policy that keeps scripts to this origin and forbids framing, HSTS, nosniff
 * and a Referrer-Policy that does not leak paths to other sites.
 */
import { type PostgresServer, startPostgres } from '@habit-tracker/test-support';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HttpClient } from '../support/http-client';
import { reportFigures } from '../support/results';
import { type ServerProcess, startServer } from '../support/server-process';

/** A year: what browsers and the HSTS preload list ask for at least. */
const MIN_HSTS_SECONDS = 31_536_000;
const REFERRER_POLICIES = [
  'no-referrer',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
];

let postgres: PostgresServer;
let server: ServerProcess;
let client: HttpClient;

beforeAll(async () => {
  postgres = await startPostgres({ label: 'reliability-headers' });
  server = await startServer({ DATABASE_URL: postgres.url, NODE_ENV: 'production' });
  client = new HttpClient(
    { host: '127.0.0.1', port: server.port },
    { headers: { origin: server.url } },
  );
});

afterAll(async () => {
  client?.close();
  await server?.stop();
  await postgres?.stop();
});

it('every kind of response carries CSP (no framing), HSTS, nosniff and a strict Referrer-Policy', async () => {
  const index = await client.get('/');
  expect(index.status).toBe(200);
  expect(index.headers['content-type']).toMatch(/^text\/html/);
  const script = /<script[^>]+src="(\/[^"]+)"/.exec(index.text)?.[1];
  expect(script, 'index.html names a script').toBeDefined();

  const responses = {
    'API 200 (health)': await client.get('/api/health'),
    'API 401': await client.get('/api/v1/me'),
    'API 404': await client.get('/api/v1/nothing-here'),
    'API 422': await client.post('/api/v1/auth/sign-in', { email: 'not an email' }),
    'API openapi.json': await client.get('/api/v1/openapi.json'),
    'index.html': index,
    'deep link': await client.get('/habits/some-habit'),
    script: await client.get(script!),
    manifest: await client.get('/manifest.webmanifest'),
  };

  const problems: string[] = [];
  const seen: Record<string, string> = {};
  for (const [what, res] of Object.entries(responses)) {
    const csp = String(res.headers['content-security-policy'] ?? '');
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...rest] = d.trim().split(/\s+/);
        return [name, rest.join(' ')] as const;
      }),
    );
    const hsts = /max-age=(\d+)/.exec(String(res.headers['strict-transport-security'] ?? ''));
    const checks: [string, boolean][] = [
      ["CSP default-src 'self'", directives.get('default-src') === "'self'"],
      ["CSP frame-ancestors 'none'", directives.get('frame-ancestors') === "'none'"],
      ["CSP object-src 'none'", directives.get('object-src') === "'none'"],
      [
        'CSP no unsafe-inline/eval scripts',
        !/unsafe-(inline|eval)/.test(
          directives.get('script-src') ?? directives.get('default-src') ?? '',
        ),
      ],
      [`HSTS max-age >= ${MIN_HSTS_SECONDS}`, Number(hsts?.[1] ?? 0) >= MIN_HSTS_SECONDS],
      ['X-Content-Type-Options nosniff', res.headers['x-content-type-options'] === 'nosniff'],
      [
        'strict Referrer-Policy',
        REFERRER_POLICIES.includes(String(res.headers['referrer-policy'])),
      ],
    ];
    for (const [name, ok] of checks) if (!ok) problems.push(`${what} (${res.status}): ${name}`);
    seen[what] = `${res.status}`;
  }
  const sample = responses['index.html'].headers;
  reportFigures('security-headers', {
    responses: seen,
    problems: problems.length,
    csp: String(sample['content-security-policy']),
    hsts: String(sample['strict-transport-security']),
    referrerPolicy: String(sample['referrer-policy']),
  });
  expect(problems).toEqual([]);
});
