/**
 * The process: configuration, database, HTTP server, graceful shutdown.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@habit-tracker/db';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { EnvError, loadEnv } from './env';
import { createLogger } from './logger';

/** In-flight requests get this long to finish after SIGTERM before we close anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(env);

  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    migrationsFolder: bundledFolder('migrations'),
    onPoolError: (err) => logger.warn({ err }, 'idle database connection failed'),
  });

  const app = createApp({ env, database, logger, webRoot: bundledFolder('web', 'index.html') });
  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    const { port } = info as AddressInfo;
    logger.info({ port, host: env.HOST, database: database.kind }, 'listening');
    console.log(`habit-tracker listening on http://localhost:${port}`);
  });

  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing anyway');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    // Stop accepting; idle keep-alive sockets are closed now, busy ones after their response.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    });
    clearTimeout(forced);
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

/**
 * The bundle (dist/main.js) ships its migrations and the web build beside it (see build.mjs);
 * running from source, the data layer finds its own migrations and there is no web build.
 */
function bundledFolder(name: string, mustHold?: string): string | undefined {
  const folder = fileURLToPath(new URL(`./${name}`, import.meta.url));
  // From source, src/web/ is the static middleware's own code, not a web build: ask for a
  // file only a build has.
  return existsSync(mustHold ? `${folder}/${mustHold}` : folder) ? folder : undefined;
}

main().catch((error: unknown) => {
  console.error('habit-tracker failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
