/**
 * The server under test, run the way production runs it: `node apps/server/dist/main.js` as a
 * child process, so its memory and CPU can be read from /proc without the load generator's own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '@habit-tracker/db/testing';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const SERVER_BUILD_DIR = join(REPO_ROOT, 'apps', 'server', 'dist');
export const SERVER_ENTRY = join(SERVER_BUILD_DIR, 'main.js');

/** Linux reports CPU time in clock ticks; 100 per second on every mainstream kernel config. */
const CLOCK_TICKS_PER_SECOND = 100;
const HEALTH_POLL_MS = 10;
const OUTPUT_TAIL_CHARS = 4_000;

export interface ServerProcess {
  pid: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Spawn → first 200 from /api/health, in milliseconds. */
  startupMs: number;
  /** Current and peak resident memory in KiB (VmRSS, VmHWM). */
  readMemory(): { rssKib: number; peakKib: number };
  /** Starts a new peak (VmHWM := VmRSS); false when the kernel refuses. */
  resetPeakMemory(): boolean;
  /** User + system CPU the server has used so far, in milliseconds. */
  readCpuMs(): number;
  /**
   * Waits until the server has used under 10% of a core for a quarter of a second: requests a
   * finished load run abandoned are still being served, and must not count against the next.
   */
  waitUntilIdle(timeoutMs?: number): Promise<void>;
  /** The last few KB the server printed, to explain a failure. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Copies the fresh build into a folder of the bench's own and returns that copy's entry point:
 * `npm test` and `npm start` rebuild apps/server/dist (removing it first), which would pull the
 * bundle from under a server that is still starting, or swap the code between scenarios. The
 * copy sits under node_modules/.cache so the bundle's bare imports still resolve from the
 * repository's node_modules.
 */
export function snapshotServerBuild(): { entry: string; dir: string } {
  const parent = join(REPO_ROOT, 'node_modules', '.cache', 'habit-bench');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'server-'));
  cpSync(SERVER_BUILD_DIR, dir, { recursive: true });
  return { entry: join(dir, 'main.js'), dir };
}

export interface StartServerOptions {
  /** The bundle to run (a snapshot of the build); apps/server/dist/main.js by default. */
  entry?: string;
  /** DATABASE_URL or DATA_DIR, and anything else the scenario needs. */
  env: Record<string, string>;
  /** How long to wait for the first healthy answer (the first start also migrates). */
  timeoutMs?: number;
  /** Extra node flags, e.g. `--cpu-prof` to see where a scenario's time goes. */
  nodeArgs?: string[];
}

/** Children still alive, killed synchronously if the harness exits without stopping them. */
const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Whatever the caller's shell points at must not leak into the server under test.
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'NODE_ENV', 'APP_ORIGIN']) {
    delete env[key];
  }
  Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, options.env);

  const startedAt = performance.now();
  const entry = options.entry ?? SERVER_ENTRY;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      liveChildren.delete(child);
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killTimer);
    })();
    return stopping;
  };

  try {
    await waitHealthy(origin, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output (tail) ---\n${output}`);
  }
  const startupMs = performance.now() - startedAt;
  const pid = child.pid!;

  return {
    pid,
    origin,
    startupMs,
    readMemory: () => readMemory(pid),
    resetPeakMemory() {
      try {
        // "5" resets the peak RSS counter (Linux ≥ 4.0), so each scenario gets its own peak.
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    readCpuMs: () => readCpuMs(pid),
    async waitUntilIdle(timeoutMs = 60_000) {
      const deadline = performance.now() + timeoutMs;
      const windowMs = 250;
      while (performance.now() < deadline) {
        const before = readCpuMs(pid);
        await new Promise((resolve) => setTimeout(resolve, windowMs));
        if (readCpuMs(pid) - before < windowMs * 0.1) return;
      }
    },
    output: () => output,
    stop,
  };
}

async function waitHealthy(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before it was healthy`,
      );
    }
    try {
      const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `GET /api/health answered ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new Error(`the server was not healthy within ${timeoutMs} ms (${lastProblem})`);
}

export function readMemory(pid: number): { rssKib: number; peakKib: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssKib: field('VmRSS'), peakKib: field('VmHWM') };
}

interface CpuTicks {
  ppid: number;
  own: number;
  /** CPU of children that have exited and been waited for. */
  reaped: number;
}

function readCpuTicks(pid: number): CpuTicks {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces and parentheses: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const at = (index: number) => Number(fields[index]);
  // fields[0] is field 3 (state) of proc(5): ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
  return { ppid: at(1), own: at(11) + at(12), reaped: at(13) + at(14) };
}

export function readCpuMs(pid: number): number {
  return (readCpuTicks(pid).own * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU used by a process and all its children, living or exited: for the PostgreSQL postmaster,
 * whose backends are its children (one per pooled connection, plus background workers).
 */
export function readProcessTreeCpuMs(rootPid: number): number {
  const root = readCpuTicks(rootPid);
  let ticks = root.own + root.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readCpuTicks(Number(entry));
      if (stat.ppid === rootPid) ticks += stat.own;
    } catch {
      // The process ended while we were listing.
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
