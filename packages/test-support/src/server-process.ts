/**
 * The API server as a real child process on 127.0.0.1, the way production runs it: the bundle
 * (apps/server/dist/main.js, or a copy of it) or, for the lab, its source through tsx. Started
 * with an environment, waited for until it is ready, stopped gracefully (SIGTERM, then SIGKILL)
 * or signalled to simulate a crash; a restart is a new process on the same port, as a machine
 * restarting behind a proxy. Every suite that spawns the server does it here: e2e, reliability,
 * deploy, the benchmarks and the lab.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
/** The production bundle `npm run build` writes (and `npm start` runs). */
export const SERVER_BUNDLE = join(REPO_ROOT, 'apps', 'server', 'dist', 'main.js');
/** The server's source entry, run with tsx (no build needed). */
export const SERVER_SOURCE = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');

/** What a server inherits from this process unless `inheritEnv`: nothing about databases. */
const PASSED_THROUGH = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'PG_BIN'];
const LISTENING = /listening on http:\/\/[^:]+:(\d+)/;
const POLL_MS = 10;

export interface ServerProcessOptions {
  /** The entry point: SERVER_BUNDLE by default; a `.ts` file runs through tsx. */
  entry?: string;
  /** The server's configuration, over PORT, HOST=127.0.0.1 and LOG_LEVEL=warn. */
  env?: Record<string, string>;
  /** Give the server this process's whole environment under `env` (the e2e suite does). */
  inheritEnv?: boolean;
  /** Listen on this port (a restart); a free one by default. */
  port?: number;
  /**
   * Ready when /api/health first answers 200 (default), or when the server logs that it is
   * listening — for a server whose health may be 503 while its databases come up.
   */
  readyWhen?: 'healthy' | 'listening';
  /** Default 60 s; the first start on a fresh database also migrates it. */
  timeoutMs?: number;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /**
   * A temp DATA_DIR of its own (removed when the process exits), so local object storage never
   * lands in the repository's ./data. Default true; ignored when `env` sets DATA_DIR.
   */
  tempDataDir?: boolean;
  /** How much of the server's output to keep for failure messages. Default 16,000 characters. */
  outputTailChars?: number;
  /** Also copy the server's stderr to ours, as it comes (a browser test's server log). */
  echoStderr?: boolean;
}

export interface ServerProcess {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  pid: number;
  /** Spawn → ready, in milliseconds. */
  startupMs: number;
  /** The last part of what the server printed (JSON log lines), to explain a failure. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal without waiting (SIGKILL for a crash, SIGTERM for a drain). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs` (default 10 s); resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Children still running, killed if the test process exits without stopping them. */
const live = new Set<ChildProcess>();
/** Their temp DATA_DIRs, removed when they exit (or, left over, when we do). */
const dataDirs = new Set<string>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

export async function startServerProcess(
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const entry = options.entry ?? SERVER_BUNDLE;
  const port = options.port ?? (await findFreePort());
  const env: NodeJS.ProcessEnv = options.inheritEnv ? { ...process.env } : {};
  for (const key of PASSED_THROUGH) {
    if (process.env[key] !== undefined) env[key] ??= process.env[key];
  }
  Object.assign(env, { HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' }, options.env);
  const ownDataDir = (options.tempDataDir ?? true) && options.env?.DATA_DIR === undefined;
  if (ownDataDir) {
    env.DATA_DIR = await mkdtemp(join(tmpdir(), 'ht-server-'));
    dataDirs.add(env.DATA_DIR);
  }
  const dataDir = env.DATA_DIR;

  const startedAt = performance.now();
  const args = [...(options.nodeArgs ?? []), ...(entry.endsWith('.ts') ? ['--import', 'tsx'] : [])];
  const child = spawn(process.execPath, [...args, entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const tail = options.outputTailChars ?? 16_000;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-tail);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  if (options.echoStderr) child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', async (code, signal) => {
      live.delete(child);
      if (ownDataDir && dataDir) {
        await rm(dataDir, { recursive: true, force: true });
        dataDirs.delete(dataDir);
      }
      done({ code, signal });
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 10_000) => {
    stopping ??= (async () => {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    await waitUntilReady(url, options.readyWhen ?? 'healthy', () => output, running, timeoutMs);
  } catch (error) {
    await stop(1_000);
    throw new Error(`${(error as Error).message}\n--- server output (tail) ---\n${output}`);
  }
  return {
    url,
    port,
    pid: child.pid!,
    startupMs: performance.now() - startedAt,
    output: () => output,
    exited,
    signal: (signal) => {
      if (running()) child.kill(signal);
    },
    stop,
  };
}

async function waitUntilReady(
  url: string,
  readyWhen: 'healthy' | 'listening',
  output: () => string,
  running: () => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (performance.now() < deadline) {
    if (!running()) throw new Error('the server exited before it was ready');
    if (readyWhen === 'listening') {
      if (LISTENING.test(output())) return;
    } else {
      try {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return;
        lastProblem = `GET /api/health answered ${response.status}`;
      } catch (error) {
        lastProblem = (error as Error).message;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(
    readyWhen === 'listening'
      ? `the server did not start listening within ${timeoutMs} ms`
      : `the server was not healthy within ${timeoutMs} ms (${lastProblem})`,
  );
}
