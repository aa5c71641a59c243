/**
 * What the load generator asks of the server. Each scenario is a list of autocannon requests;
 * random choices (user, habit) come from a seeded PRNG so two runs send the same mix.
 */
import autocannon, { type RequestData, type RequestSpec } from 'autocannon';

export const SESSION_COOKIE = 'ht_session';

export interface BenchUser {
  /** The raw session token (the cookie value); the database holds its SHA-256. */
  token: string;
  timeZone: string;
  /** Every active habit, in position order. */
  habitIds: string[];
  /** Daily yes/no habits: a check-in needs no value. */
  booleanHabitIds: string[];
}

export interface BenchData {
  users: BenchUser[];
  heavyUser: BenchUser;
}

export interface Scenario {
  name: string;
  description: string;
  requests(origin: string, data: BenchData, random: () => number): RequestSpec[];
}

export const SCENARIOS: Scenario[] = [
  {
    // The framework ceiling: every middleware, no route work, no database.
    name: 'live',
    description:
      'the framework ceiling: GET /api/live, a constant JSON answer through the whole middleware stack',
    requests: () => [{ method: 'GET', path: '/api/live' }],
  },
  {
    name: 'health',
    description: 'GET /api/health',
    requests: () => [{ method: 'GET', path: '/api/health' }],
  },
  {
    name: 'today',
    description: 'GET /api/v1/today, a random user per request',
    requests: (_origin, data, random) => [
      {
        method: 'GET',
        path: '/api/v1/today',
        setupRequest: (request) => withUser(request, pick(data.users, random)),
      },
    ],
  },
  {
    name: 'history',
    description: 'GET /api/v1/habits/:id/history (default 365 days), random user and habit',
    requests: (_origin, data, random) => [
      {
        method: 'GET',
        setupRequest: (request) => {
          const user = pick(data.users, random);
          request.path = `/api/v1/habits/${pick(user.habitIds, random)}/history`;
          return withUser(request, user);
        },
      },
    ],
  },
  {
    name: 'heavy-today',
    description: 'GET /api/v1/today for one user with 20 habits × 5 years of history',
    requests: (_origin, data) => [
      {
        method: 'GET',
        path: '/api/v1/today',
        setupRequest: (request) => withUser(request, data.heavyUser),
      },
    ],
  },
  {
    name: 'checkin',
    description: "PUT then DELETE today's check-in of a random user's yes/no habit",
    requests: (origin, data, random) => {
      // A browser sends Origin on every write; naming this server is what passes the CSRF check.
      const headers = { origin, 'content-type': 'application/json' };
      return [
        {
          method: 'PUT',
          headers,
          body: JSON.stringify({ state: 'done' }),
          setupRequest: (request, context) => {
            const user = pick(data.users, random);
            const habitId = pick(user.booleanHabitIds, random);
            request.path = `/api/v1/habits/${habitId}/checkins/${localToday(user.timeZone)}`;
            withUser(request, user);
            // The DELETE that follows on this connection clears exactly what this PUT set.
            context.path = request.path;
            context.cookie = request.headers.cookie;
            return request;
          },
        },
        {
          method: 'DELETE',
          headers: { origin },
          setupRequest: (request, context) => {
            request.path = context.path as string;
            request.headers.cookie = context.cookie as string;
            return request;
          },
        },
      ];
    },
  },
];

function withUser(request: RequestData, user: BenchUser): RequestData {
  request.headers.cookie = `${SESSION_COOKIE}=${user.token}`;
  return request;
}

export function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const todayCache = new Map<string, { date: string; until: number }>();

/** The user's calendar date now (day start hour 0, as seeded), cached for a second. */
export function localToday(timeZone: string): string {
  const now = Date.now();
  const cached = todayCache.get(timeZone);
  if (cached && cached.until > now) return cached.date;
  // en-CA formats dates as YYYY-MM-DD.
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  todayCache.set(timeZone, { date, until: now + 1_000 });
  return date;
}

/** mulberry32: tiny, fast and good enough to pick users. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface LoadResult {
  durationSec: number;
  responses: number;
  /** Requests sent, answered or not: the server serves the unanswered ones after the run. */
  sent: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  statusCounts: Record<string, number>;
}

export interface LoadOptions {
  origin: string;
  requests: RequestSpec[];
  connections: number;
  durationSec: number;
}

/** Current autocannon runs, stopped when the harness is interrupted. */
const activeRuns = new Set<{ stop(): void }>();

export function stopActiveLoad(): void {
  for (const run of activeRuns) run.stop();
}

/**
 * One bounded autocannon run. Latencies are collected here rather than read from autocannon's
 * histogram, which has no p95 and millisecond buckets; non-2xx answers count as latencies too.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        duration: options.durationSec,
        requests: options.requests,
        timeout: 30,
        renderProgressBar: false,
        renderResultsTable: false,
      },
      (error, result) => {
        activeRuns.delete(instance);
        if (error) return reject(error);
        const durationSec = (result.finish.getTime() - result.start.getTime()) / 1000;
        latencies.sort((a, b) => a - b);
        resolve({
          durationSec,
          responses: latencies.length,
          sent: result.requests.sent,
          requestsPerSec: latencies.length / durationSec,
          latencyMs: {
            p50: percentile(latencies, 50),
            p95: percentile(latencies, 95),
            p99: percentile(latencies, 99),
            max: latencies.at(-1) ?? Number.NaN,
          },
          non2xx: result.non2xx,
          errors: result.errors,
          statusCounts,
        });
      },
    );
    activeRuns.add(instance);
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      latencies.push(responseTimeMs);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
  });
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Sends each of the scenario's requests once with fetch and fails with the server's answer if
 * one is not 2xx: a wrong cookie or id would otherwise show up only as a wall of 401s or 404s.
 */
export async function preflight(origin: string, requests: RequestSpec[]): Promise<void> {
  const context: Record<string, unknown> = {};
  for (const spec of requests) {
    const base: RequestData = {
      method: spec.method ?? 'GET',
      path: spec.path ?? '/',
      headers: { ...spec.headers },
      ...(spec.body === undefined ? {} : { body: spec.body }),
    };
    const request = spec.setupRequest ? spec.setupRequest(base, context) : base;
    if (!request) throw new Error('a request setup returned nothing');
    const response = await fetch(`${origin}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `${request.method} ${request.path} → ${response.status}: ${text.slice(0, 500)}`,
      );
    }
  }
}
