/**
 * Starts the real server on a free 127.0.0.1 port with a fresh PGlite data folder, serving the
 * web app's production build.
 *
 * - `E2E_SERVER=dist` (the default when apps/server/dist/main.js and its web/ folder exist):
 *   runs the production bundle in a child process, exactly as `npm start` does.
 * - `E2E_SERVER=source`: builds apps/web if its dist is stale, then runs the server's
 *   `createApp` from source in this process (no server build needed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort, SERVER_BUNDLE, startServerProcess } from '@habit-tracker/test-support';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web');

export interface RunningServer {
  url: string;
  mode: 'dist' | 'source';
  close(): Promise<void>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Rebuilds apps/web when a source file is newer than its last build. */
export function ensureWebBuild(): string {
  const index = join(WEB, 'dist', 'index.html');
  const sourceTime = Math.max(
    newestMtime(join(WEB, 'src')),
    newestMtime(join(WEB, 'public')),
    statSync(join(WEB, 'index.html')).mtimeMs,
    statSync(join(WEB, 'vite.config.ts')).mtimeMs,
  );
  if (!existsSync(index) || statSync(index).mtimeMs < sourceTime) {
    // Vitest sets NODE_ENV=test, which would make Vite build React's development bundle.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: WEB,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return join(WEB, 'dist');
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not become healthy`);
}

export interface ServerOptions {
  /**
   * Runs the server under Debian's faketime with its clock moved by this many seconds (and
   * ticking): the clock test puts the user's day start a few seconds ahead. Production bundle only.
   */
  clockOffsetSeconds?: number;
  /** Send email through this SMTP server (smtp://…); links in it point at the server's own URL. */
  smtpUrl?: string;
  /**
   * Open the app as http://localhost:<port> (it still listens on 127.0.0.1), which is also its
   * PUBLIC_ORIGIN: WebAuthn needs an RP ID that is a domain, and Chromium refuses 127.0.0.1
   * (docs/decisions/0026-passkeys.md).
   */
  localhost?: boolean;
  /** More environment for the server (SIGNUP_MODE…). */
  env?: Record<string, string>;
  /**
   * Runs before the server starts, with its environment (DATA_DIR included): what an operator
   * does on the machine first, e.g. `--invite` on the embedded database, which one process holds.
   */
  prepare?: (env: Record<string, string>) => Promise<void>;
}

/** Debian's faketime library (package `faketime`), where its multiarch layout puts it. */
const LIBFAKETIME = `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/faketime/libfaketime.so.1`;

/**
 * libfaketime preloaded into the server itself, moved by an offset (what `faketime -f +N` sets),
 * when a clock offset is asked for. Not the `faketime` wrapper: it would stand between the
 * harness and the server, and a SIGTERM to it leaves the server running.
 */
function faketimeEnv(offsetSeconds?: number): Record<string, string> {
  if (offsetSeconds === undefined) return {};
  const sign = offsetSeconds >= 0 ? '+' : '-';
  return { LD_PRELOAD: LIBFAKETIME, FAKETIME: `${sign}${Math.abs(Math.round(offsetSeconds))}` };
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ht-e2e-'));
  const port = await findFreePort();
  const url = `http://${options.localhost ? 'localhost' : '127.0.0.1'}:${port}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'production' as const,
    LOG_LEVEL: 'warn' as const,
    APP_ORIGIN: url,
    ...(options.smtpUrl
      ? { SMTP_URL: options.smtpUrl, MAIL_FROM: 'e2e@example.com', PUBLIC_ORIGIN: url }
      : {}),
    ...(options.localhost ? { PUBLIC_ORIGIN: url } : {}),
    ...options.env,
  };
  await options.prepare?.(env);
  const bundled =
    existsSync(SERVER_BUNDLE) && existsSync(join(ROOT, 'apps', 'server', 'dist', 'web'));
  const mode =
    options.clockOffsetSeconds !== undefined
      ? 'dist'
      : (process.env.E2E_SERVER ?? (bundled ? 'dist' : 'source'));

  if (mode === 'dist') {
    const bundledIndex = join(ROOT, 'apps', 'server', 'dist', 'web', 'index.html');
    const webIndex = join(WEB, 'dist', 'index.html');
    if (
      existsSync(webIndex) &&
      readFileSync(webIndex, 'utf8') !== readFileSync(bundledIndex, 'utf8')
    ) {
      console.warn(
        'e2e: apps/server/dist/web differs from apps/web/dist — run `npm run build` at the root ' +
          '(or E2E_SERVER=source) to test the current web app',
      );
    }
    const clock = faketimeEnv(options.clockOffsetSeconds);
    const server = await startServerProcess({
      env: { ...env, ...clock },
      port,
      inheritEnv: true,
      echoStderr: true,
    });
    return {
      url,
      mode: 'dist',
      async close() {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const webRoot = ensureWebBuild();
  const [{ createApp, createLogger, loadEnv }, { openDatabase }, { openObjectStore }, { serve }] =
    await Promise.all([
      import('@habit-tracker/server'),
      import('@habit-tracker/db'),
      import('@habit-tracker/storage'),
      import('@hono/node-server'),
    ]);
  const parsed = loadEnv(env);
  const database = await openDatabase({ dataDir });
  // The default of one machine, as main.ts picks it: a folder in the data directory.
  const storage = await openObjectStore({ kind: 'local', root: join(dataDir, 'objects') });
  const app = createApp({ env: parsed, database, logger: createLogger(parsed), webRoot, storage });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
  await waitForHealth(url);
  return {
    url,
    mode: 'source',
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await database.close();
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
