/**
 * Builds the real app (createApp, all middleware) for a test, with a pinned clock and a client
 * that keeps a cookie jar like a browser would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@habit-tracker/db';
import { createLocalStore, type ObjectStore } from '@habit-tracker/storage';
import pino from 'pino';
import { expect } from 'vitest';
import { type App, createApp } from '../../src/app';
import { loadEnv } from '../../src/env';

/** Tests live on 2026-03-15 at noon UTC, a Sunday. */
export const NOW = new Date('2026-03-15T12:00:00Z');
export const TODAY = '2026-03-15';

export interface TestApp {
  app: App;
  clock: { now: Date };
  client(options?: ClientOptions): TestClient;
}

/** A local-folder object store in a fresh temp folder (the default storage of one machine). */
export function testStorage(): ObjectStore {
  return createLocalStore(mkdtempSync(join(tmpdir(), 'ht-server-objects-')));
}

export function createTestApp(
  database: Database,
  envOverrides: Record<string, string> = {},
  clock = { now: new Date(NOW) },
  storage: ObjectStore = testStorage(),
): TestApp {
  const env = loadEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    TRUST_PROXY: 'true',
    ...envOverrides,
  });
  // Warnings and errors (a 503's cause, a 500's stack) reach the test output; the rest is noise.
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => console.error(line.trimEnd()) },
  );
  const app = createApp({ env, database, logger, clock: () => clock.now, storage });
  return { app, clock, client: (options) => new TestClient(app, options) };
}

export interface ClientOptions {
  /** Sent as Fly-Client-IP (TRUST_PROXY is on in tests); random by default so that rate limits
   * per IP do not couple unrelated tests. */
  ip?: string;
  headers?: Record<string, string>;
}

export interface RequestOptions {
  json?: unknown;
  /** A raw body, sent as is (with `contentType` if given). */
  body?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface TestResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body's bytes (images, zips). */
  bytes: Uint8Array;
}

/** Response bodies in tests are checked by assertions, not by the compiler. */
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Json = any;

let ipCounter = 0;

export class TestClient {
  /** The session cookie (`ht_session=…`), as the browser would send it. */
  cookie: string | undefined;
  /** The device cookie (`ht_device=…`): set once the browser has signed in to an account. */
  deviceCookie: string | undefined;
  /** The OpenID Connect sign-in cookies (`ht_oidc`, `ht_oidc_link`), by name. */
  readonly oidcCookies = new Map<string, string>();
  readonly ip: string;

  constructor(
    readonly app: App,
    private readonly options: ClientOptions = {},
  ) {
    ipCounter++;
    this.ip =
      options.ip ??
      `10.${(ipCounter >> 8) & 255}.${ipCounter & 255}.${Math.floor(Math.random() * 250) + 1}`;
  }

  async request<T = Json>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = {
      'fly-client-ip': this.ip,
      ...this.options.headers,
      ...options.headers,
    };
    const cookies = [
      this.cookie,
      this.deviceCookie,
      ...[...this.oidcCookies].map(([name, value]) => `${name}=${value}`),
    ].filter(Boolean);
    if (cookies.length > 0) headers.cookie = cookies.join('; ');
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = options.body;
      if (options.contentType) headers['content-type'] = options.contentType;
    }
    const res = await this.app.request(path, { method, headers, body });
    for (const setCookie of res.headers.getSetCookie()) this.storeCookie(setCookie);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown = null;
    if (text && res.headers.get('content-type')?.includes('json')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text, bytes };
  }

  get<T = Json>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = Json>(path: string, json?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, json });
  }
  put<T = Json>(path: string, json?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, { ...options, json });
  }
  patch<T = Json>(path: string, json?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, { ...options, json });
  }
  delete<T = Json>(path: string, json?: unknown, options?: RequestOptions) {
    return this.request<T>('DELETE', path, { ...options, json });
  }

  private storeCookie(setCookie: string | null) {
    if (!setCookie) return;
    const [pair] = setCookie.split(';');
    const [name, value] = pair!.split('=');
    const kept = value && !/Max-Age=0/i.test(setCookie) ? `${name}=${value}` : undefined;
    if (name?.includes('ht_session')) this.cookie = kept;
    if (name?.includes('ht_device')) this.deviceCookie = kept;
    if (name?.includes('ht_oidc')) {
      if (kept) this.oidcCookies.set(name, value!);
      else this.oidcCookies.delete(name);
    }
  }

  /** Signs up a fresh user (unique email) and keeps its session cookie. */
  async signUp(overrides: Record<string, unknown> = {}) {
    const email = `user-${crypto.randomUUID()}@example.com`;
    const res = await this.post('/api/v1/auth/sign-up', {
      email,
      password: PASSWORD,
      ...overrides,
    });
    expect(res.status, res.text).toBe(201);
    return { email, password: PASSWORD, me: res.body };
  }

  async createHabit(overrides: Record<string, unknown> = {}) {
    const res = await this.post('/api/v1/habits', {
      name: 'Read',
      measure: { kind: 'boolean' },
      schedule: { kind: 'daily' },
      ...overrides,
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; [key: string]: unknown };
  }
}

export const PASSWORD = 'correct horse battery';

/** Every non-2xx response must have the documented error shape. */
export function expectError(res: TestResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(Object.keys(res.body)).toEqual(['error']);
  const keys = Object.keys(res.body.error).sort();
  expect(['code,message', 'code,details,message']).toContain(keys.join(','));
}
