/**
 * The server under test, run the way production runs it: `node apps/server/dist/main.js` as a
 * child process (through @habit-tracker/test-support), so its memory and CPU can be read from
 * /proc without the load generator's own.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  REPO_ROOT,
  readCpuMs,
  readMemory,
  resetPeakMemory,
  SERVER_BUNDLE,
  startServerProcess,
} from '@habit-tracker/test-support';
import { parse as parseToml } from 'smol-toml';

export { REPO_ROOT };
export const SERVER_BUILD_DIR = join(REPO_ROOT, 'apps', 'server', 'dist');
export const SERVER_ENTRY = SERVER_BUNDLE;

const OUTPUT_TAIL_CHARS = 4_000;
const STOP_GRACE_MS = 5_000;

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
const compileCaches = new Map<string, string>();

export function snapshotServerBuild(): { entry: string; dir: string } {
  const parent = join(REPO_ROOT, 'node_modules', '.cache', 'habit-bench');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'server-'));
  cpSync(SERVER_BUILD_DIR, dir, { recursive: true });
  const entry = join(dir, 'main.js');
  // As the image does (deploy/Dockerfile): V8's code cache made once, before any start.
  const compileCache = join(dir, 'compile-cache');
  execFileSync(process.execPath, [entry, '--warm-compile-cache'], {
    env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    stdio: 'inherit',
  });
  compileCaches.set(entry, compileCache);
  return { entry, dir };
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

/**
 * The node flags production runs with: fly.toml's `[env] NODE_OPTIONS` (the heap and young
 * generation sized for the machine), so the bench measures memory as deployed.
 * `BENCH_NODE_OPTIONS` overrides it, to try other sizes without editing fly.toml.
 */
export function deployedNodeOptions(): string {
  const override = process.env.BENCH_NODE_OPTIONS;
  if (override !== undefined) return override;
  const fly = parseToml(readFileSync(join(REPO_ROOT, 'fly.toml'), 'utf8')) as {
    env?: { NODE_OPTIONS?: string };
  };
  return fly.env?.NODE_OPTIONS ?? '';
}

export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const entry = options.entry ?? SERVER_ENTRY;
  const server = await startServerProcess({
    entry,
    env: {
      NODE_OPTIONS: deployedNodeOptions(),
      ...(compileCaches.has(entry) && { NODE_COMPILE_CACHE: compileCaches.get(entry)! }),
      ...options.env,
    },
    nodeArgs: options.nodeArgs,
    outputTailChars: OUTPUT_TAIL_CHARS,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
  return watchProcess({
    pid: server.pid,
    origin: server.url,
    startupMs: server.startupMs,
    output: server.output,
    stop: () => server.stop(STOP_GRACE_MS),
  });
}

/** /proc readings and the idle wait for any server process (ours, or the peer's Next server). */
export function watchProcess(target: {
  pid: number;
  origin: string;
  startupMs: number;
  output(): string;
  stop(): Promise<void>;
}): ServerProcess {
  const { pid } = target;
  return {
    pid,
    origin: target.origin,
    startupMs: target.startupMs,
    readMemory: () => readMemory(pid),
    resetPeakMemory: () => resetPeakMemory(pid),
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
    output: target.output,
    stop: target.stop,
  };
}
