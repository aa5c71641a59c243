/**
 * The production server bundle (the suite's copy of apps/server/dist/main.js, see
 * global-setup.ts) as a real process on 127.0.0.1: started with an environment, waited for
 * until /api/health answers, stopped gracefully, or killed to simulate a crash. A restart is a
 * new process on the same port, as a machine restarting behind Fly's proxy.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@habit-tracker/db/testing';
import { BUNDLE_MAIN, REPO_ROOT } from './paths';

const OUTPUT_TAIL_CHARS = 16_000;

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** The last few KB the server printed (JSON log lines), to explain a failure. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal without waiting (SIGKILL for a crash, SIGTERM for a drain). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartServerOptions {
  /** Listen on this port (a restart); a free one by default. */
  port?: number;
  timeoutMs?: number;
}

/** Children still running, killed if the test process exits without stopping them. */
const live = new Set<ChildProcess>();
/** Their temp DATA_DIRs, removed when they exit (or, left over, when we do). */
const dataDirs = new Set<string>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

export async function startServer(
  env: Record<string, string>,
  options: StartServerOptions = {},
): Promise<ServerProcess> {
  if (!existsSync(BUNDLE_MAIN)) {
    throw new Error(`${BUNDLE_MAIN} is missing: run the suite through its config (global setup)`);
  }
  const port = options.port ?? (await findFreePort());
  // Local object storage (photos, exports) lives in DATA_DIR: never the repo's ./data.
  const ownDataDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'reliability-server-')));
  if (ownDataDir) dataDirs.add(dataDir);
  const child = spawn(process.execPath, [BUNDLE_MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      ...env,
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
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once('exit', async (code, signal) => {
      live.delete(child);
      if (ownDataDir) {
        await rm(dataDir, { recursive: true, force: true });
        dataDirs.delete(dataDir);
      }
      done({ code, signal });
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async (graceMs = 10_000) => {
    if (!running()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (!running()) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(1_000);
      throw new Error(`the server did not answer /api/health in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    port,
    pid: child.pid!,
    output: () => output,
    exited,
    signal: (signal) => {
      if (running()) child.kill(signal);
    },
    stop,
  };
}
