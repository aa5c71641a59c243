/**
 * One API server process of the lab, run from source (node + tsx, so the lab needs no build):
 * `apps/server/src/main.ts` with the environment a Fly machine in that region would have,
 * started through @habit-tracker/test-support.
 */
import {
  REPO_ROOT,
  SERVER_SOURCE,
  type ServerProcess,
  startServerProcess,
} from '@habit-tracker/test-support';

export { REPO_ROOT };

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

export async function startAppServer(
  region: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<AppServer> {
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      entry: SERVER_SOURCE,
      env,
      // Listening is enough: a region's health may be 503 while its databases are down.
      readyWhen: 'listening',
      // Every region's local object store is the repository's ./data, as the lab always had it.
      tempDataDir: false,
      timeoutMs,
      outputTailChars: OUTPUT_TAIL_CHARS,
    });
  } catch (error) {
    throw new Error(`${region} server: ${(error as Error).message}`, { cause: error });
  }
  return {
    region,
    host: '127.0.0.1',
    port: server.port,
    url: server.url,
    pid: server.pid,
    output: server.output,
    stop: () => server.stop(STOP_GRACE_MS),
  };
}
