/**
 * One API server process of the lab, run from source (node + tsx, so the lab needs no build):
 * `apps/server/src/main.ts` with the environment a Fly machine in that region would have.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
const SERVER_ENTRY = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');
const LISTENING = /listening on http:\/\/[^:]+:(\d+)/;
const OUTPUT_TAIL_CHARS = 8_000;
const STOP_GRACE_MS = 5_000;

export interface AppServer {
  region: string;
  host: string;
  port: number;
  url: string;
  pid: number;
  /** The last few KB the server printed (its JSON log lines), to explain a failure. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period. Safe to call twice. */
  stop(): Promise<void>;
}

/** Children still alive, killed if the lab process exits without stopping them. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startAppServer(
  region: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<AppServer> {
  const childEnv: NodeJS.ProcessEnv = {};
  // Only what a server needs from our environment; none of the caller's database settings.
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'PG_BIN']) {
    if (process.env[key] !== undefined) childEnv[key] = process.env[key];
  }
  Object.assign(childEnv, { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, env);
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${region} server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${region} server exited (${code ?? signal}) before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return {
    region,
    host: '127.0.0.1',
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    stop,
  };
}
