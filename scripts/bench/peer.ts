/**
 * `npm run bench -- --peer <dir>`: the original design (seed-next, a Next.js app, see its
 * README.md) as a reference server on the same machine: prepared (npm install, next build) in a
 * writable copy, seeded by its own script on its own PostgreSQL cluster, started as its
 * Dockerfile does (`node server.js` in .next/standalone), and loaded by the same autocannon
 * harness as ours. run.ts alternates its runs with ours; peer-report.ts turns both into ratios.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { findFreePort, runSql } from '@habit-tracker/test-support';
import type { RequestSpec } from 'autocannon';
import { pick } from './scenarios';
import { type ServerProcess, watchProcess } from './server-process';

/** Our scenario ↔ the peer's: the home screen and the check-in write. */
export const PEER_PAIRS = [
  { ours: 'today', peer: 'dashboard', description: 'GET /dashboard, a random user per request' },
  {
    ours: 'checkin',
    peer: 'entries',
    description:
      'POST /api/entries {habitId} for a random user and habit: an INSERT … ON CONFLICT DO NOTHING of ' +
      "today's entry; rows it added are deleted after the warm-up and after each repetition",
  },
] as const;

export type PeerScenarioName = (typeof PEER_PAIRS)[number]['peer'];

/** The peer's seed script as its README describes it: one session per user. */
export interface PeerSession {
  userId: number;
  token: string;
  habitIds: number[];
}

export interface PeerBuild {
  dir: string;
  /** The node that builds and runs it. */
  node: string;
  nodeVersion: string;
  nextVersion: string;
  /** Seconds spent on npm install + next build; 0 when a prepared copy was reused. */
  prepareSeconds: number;
}

export interface PeerSeed {
  sessions: PeerSession[];
  maxEntryId: number;
  users: number;
  habits: number;
  entries: number;
  seconds: number;
}

const STANDALONE_SERVER = join('.next', 'standalone', 'server.js');
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const POLL_MS = 10;
const OUTPUT_TAIL_CHARS = 4_000;

/**
 * The Node the peer was built with (the machine's /usr/bin/node, Node 20) when there is one,
 * else the one running the bench.
 */
export function defaultPeerNode(): string {
  return existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
}

function isReady(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return false;
  }
  return existsSync(join(dir, 'node_modules')) && existsSync(join(dir, STANDALONE_SERVER));
}

/** Runs npm (the one beside `node`, so install and build use that Node) with progress on stderr. */
function npm(node: string, dir: string, args: string[], env: Record<string, string> = {}): void {
  const binDir = dirname(node);
  const npmPath = existsSync(join(binDir, 'npm')) ? join(binDir, 'npm') : 'npm';
  const result = spawnSync(npmPath, args, {
    cwd: dir,
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}`, ...env },
    // stdout carries only the results table.
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) {
    throw new Error(`peer: npm ${args.join(' ')} failed in ${dir} (exit ${result.status})`);
  }
}

/**
 * A copy of the peer that is writable, installed and built. `dir` itself when it already is (a
 * copy an earlier run prepared); else a new temp copy, kept after the run so the next one can
 * pass it to --peer and skip the minutes of npm install and next build.
 */
export function preparePeer(source: string, node: string, log: (line: string) => void): PeerBuild {
  const started = performance.now();
  let dir = resolve(source);
  if (!existsSync(join(dir, 'package.json'))) throw new Error(`--peer ${dir}: no package.json`);
  const reused = isReady(dir);
  if (!reused) {
    dir = mkdtempSync(join(tmpdir(), 'habit-bench-peer-'));
    log(`bench: peer: copying ${resolve(source)} to ${dir} (writable, without node_modules/.next)`);
    const skipped = new Set(['node_modules', '.next', 'data']);
    cpSync(resolve(source), dir, {
      recursive: true,
      filter: (path) => path === resolve(source) || !skipped.has(basename(path)),
    });
    execFileSync('chmod', ['-R', 'u+w', dir]);
    // The README's way: `npm ci` refuses its lock (no darwin/win32 swc builds on this registry).
    log('bench: peer: npm install (about a minute)');
    npm(node, dir, ['install', '--no-audit', '--no-fund']);
    log('bench: peer: next build + the Dockerfile copies (npm run build, about 30 s on 2 cores)');
    npm(node, dir, ['run', 'build'], { NEXT_TELEMETRY_DISABLED: '1' });
    if (!existsSync(join(dir, STANDALONE_SERVER))) {
      throw new Error(`peer: the build did not produce ${STANDALONE_SERVER} in ${dir}`);
    }
    log(
      `bench: peer: prepared in ${((performance.now() - started) / 1000).toFixed(0)} s; pass --peer ${dir} next time to reuse it`,
    );
  } else {
    log(`bench: peer: reusing the prepared copy in ${dir}`);
  }
  const nextPackage = JSON.parse(
    readFileSync(join(dir, 'node_modules', 'next', 'package.json'), 'utf8'),
  ) as { version: string };
  return {
    dir,
    node,
    nodeVersion: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
    nextVersion: nextPackage.version,
    prepareSeconds: reused ? 0 : (performance.now() - started) / 1000,
  };
}

/**
 * The peer's own seed script (schema + data, ~70% completion over 365 days, 5 habits per user),
 * with USERS set to our user count. It writes data/sessions.json and data/seed-meta.json.
 */
export function seedPeer(build: PeerBuild, url: string, users: number): PeerSeed {
  const started = performance.now();
  const tsx = join(build.dir, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, ['scripts/seed.ts'], {
    cwd: build.dir,
    env: {
      ...process.env,
      PATH: `${dirname(build.node)}:${process.env.PATH ?? ''}`,
      DATABASE_URL: url,
      USERS: String(users),
    },
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) throw new Error(`peer: seeding failed (exit ${result.status})`);
  const read = (name: string) => JSON.parse(readFileSync(join(build.dir, 'data', name), 'utf8'));
  const meta = read('seed-meta.json') as {
    users: number;
    habits: number;
    entries: number;
    maxEntryId: number;
  };
  return {
    sessions: read('sessions.json') as PeerSession[],
    maxEntryId: meta.maxEntryId,
    users: meta.users,
    habits: meta.habits,
    entries: meta.entries,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Deletes what `entries` inserted, as the peer's own bench does, so every run sees the seed. */
export async function resetPeerEntries(url: string, seed: PeerSeed): Promise<void> {
  await runSql(url, 'DELETE FROM entries WHERE id > $1', [seed.maxEntryId]);
  await runSql(url, 'VACUUM ANALYZE entries');
}

/** Killed if the bench exits without stopping them (the cleanup list is the normal path). */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * `node server.js` in .next/standalone, as the peer's Dockerfile CMD and its coldstart.mjs run
 * it; ready, like ours, at the first 200 from /api/health (polled every 10 ms, as ours is).
 */
export async function startPeerServer(build: PeerBuild, url: string): Promise<ServerProcess> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(build.node, ['server.js'], {
    cwd: join(build.dir, '.next', 'standalone'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // Loopback only; no FLY_REGION, so the middleware lets POSTs through (primary "iad").
      HOSTNAME: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      live.delete(child);
      done();
    }),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = started + START_TIMEOUT_MS;
  for (;;) {
    if (!running()) throw new Error(`peer: the server exited before it was ready\n${output}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`peer: not healthy within ${START_TIMEOUT_MS} ms\n${output}`);
    }
    try {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const startupMs = performance.now() - started;
  return watchProcess({ pid: child.pid!, origin, startupMs, output: () => output, stop });
}

/** The peer's requests, as its scripts/bench.mjs makes them: cookie `session=<token>`. */
export function peerRequests(
  name: PeerScenarioName,
  sessions: readonly PeerSession[],
  random: () => number,
): RequestSpec[] {
  if (name === 'dashboard') {
    return [
      {
        method: 'GET',
        path: '/dashboard',
        setupRequest: (request) => {
          request.headers.cookie = `session=${pick(sessions, random).token}`;
          return request;
        },
      },
    ];
  }
  return [
    {
      method: 'POST',
      path: '/api/entries',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        const session = pick(sessions, random);
        request.headers.cookie = `session=${session.token}`;
        request.body = JSON.stringify({ habitId: pick(session.habitIds, random) });
        return request;
      },
    },
  ];
}
