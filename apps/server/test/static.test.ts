/**
 * The web app's static build, served for non-/api paths.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Database } from '@habit-tracker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { testStorage } from './support/app';

const env = loadEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
/** No route here queries: the handles are never used. */
const database = {
  kind: 'pglite',
  ping: async () => 1,
  primary: {},
  forRequest: async () => ({}),
} as unknown as Database;
const appJs = `console.log(${JSON.stringify('habit '.repeat(1000))});`;

describe('static web app', () => {
  let root: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ht-web-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Habits</title>');
    await writeFile(join(root, 'assets/app-abc123.js'), appJs);
    await writeFile(join(root, 'assets/app-abc123.css'), 'body{}');
    await writeFile(join(root, 'assets/app-abc123.css.br'), 'precompressed!');
    await writeFile(join(root, 'sw.js'), 'self.addEventListener("fetch",()=>{})');
    await writeFile(join(root, 'manifest.webmanifest'), '{"name":"Habits"}');
    await writeFile(join(root, 'secret.txt'), 'not outside');
    await writeFile(
      join(root, 'assets/app-abc123.js.map'),
      '{"version":3,"sources":["src/app.tsx"]}',
    );
    app = createApp({
      storage: testStorage(),
      env,
      database,
      logger: createLogger(env),
      webRoot: join(root),
    });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('serves source maps outside production only', async () => {
    expect((await app.request('/assets/app-abc123.js.map')).status).toBe(200);
    const prodEnv = loadEnv({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
    const prod = createApp({
      storage: testStorage(),
      env: prodEnv,
      database,
      logger: createLogger(prodEnv),
      webRoot: join(root),
    });
    const map = await prod.request('/assets/app-abc123.js.map');
    expect(map.status).toBe(404);
    expect(await map.text()).not.toMatch(/sources/);
    expect((await prod.request('/assets/app-abc123.js')).status).toBe(200);
  });

  it('serves hashed assets as immutable, compressed when accepted', async () => {
    const plain = await app.request('/assets/app-abc123.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    expect(await plain.text()).toBe(appJs);

    const br = await app.request('/assets/app-abc123.js', {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(appJs);

    const gz = await app.request('/assets/app-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(appJs);

    const pre = await app.request('/assets/app-abc123.css', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(pre.headers.get('content-encoding')).toBe('br');
    expect(await pre.text()).toBe('precompressed!');
  });

  it('revalidates index.html, sw.js and the manifest', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      const etag = res.headers.get('etag')!;
      const again = await app.request(path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    }
  });

  it('answers client routes with index.html, but not missing assets or /api', async () => {
    const nav = await app.request('/habits/123', { headers: { accept: 'text/html' } });
    expect(nav.status).toBe(200);
    expect(await nav.text()).toContain('<title>Habits</title>');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
    const api = await app.request('/api/v1/unknown', { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('never serves files outside the web root', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
    ]) {
      const res = await app.request(path);
      expect(await res.text()).not.toContain('"name"');
    }
  });

  it('keeps security headers on static files', async () => {
    const res = await app.request('/');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
