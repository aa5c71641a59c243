/**
 * The suite's server: the production bundle (the suite's own copy of apps/server/dist/main.js,
 * see global-setup.ts) as a real process on 127.0.0.1, through @habit-tracker/test-support —
 * started with an environment, waited for until /api/health answers, stopped gracefully, or
 * killed to simulate a crash. A restart is a new process on the same port.
 */
import { existsSync } from 'node:fs';
import { type ServerProcess, startServerProcess } from '@habit-tracker/test-support';
import { BUNDLE_MAIN } from './paths';

export type { ServerProcess };

export interface StartServerOptions {
  /** Listen on this port (a restart); a free one by default. */
  port?: number;
  timeoutMs?: number;
}

export function startServer(
  env: Record<string, string>,
  options: StartServerOptions = {},
): Promise<ServerProcess> {
  if (!existsSync(BUNDLE_MAIN)) {
    throw new Error(`${BUNDLE_MAIN} is missing: run the suite through its config (global setup)`);
  }
  return startServerProcess({ entry: BUNDLE_MAIN, env, ...options });
}
