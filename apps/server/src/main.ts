/**
 * The process: configuration, database, object storage, HTTP server, graceful shutdown.
 */
import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import module from 'node:module';
import { type AddressInfo, Server as NetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@habit-tracker/db';
import { openObjectStore } from '@habit-tracker/storage';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { EnvError, loadEnv } from './env';
import { storageConfig } from './files/storage-config';
import { INVITE_USAGE, runInviteCommand } from './invite-cli';
import { bundledImportWorker } from './jobs/import-reader';
import { createLogger } from './logger';
import { metricsResponse } from './metrics';
import { inPrimaryRegion } from './middleware/region-routing';

/** How often the primary region deletes abandoned uploads, expired exports and queued objects. */
const STORAGE_SWEEP_MS = 10 * 60 * 1000;
const API_TOKEN_USAGE_FLUSH_MS = 60_000;
/** Idle keep-alive connections stay open this long (see below). */
const KEEP_ALIVE_TIMEOUT_MS = 75_000;
/** In-flight requests get this long to finish after SIGTERM before we close anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** After SIGTERM, keep-alive connections that stay silent this long are closed. */
const SILENT_CONNECTION_CLOSE_MS = 1_000;

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
    migrate: env.MIGRATE_ON_START,
    onPoolError: (err) => logger.warn({ err }, 'idle database connection failed'),
    readUrl: env.DATABASE_READ_URL,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    onReplicaUnavailable: (err) =>
      logger.warn({ err }, 'read replica unreachable; reading from the primary for now'),
  });

  const storage = await openObjectStore(storageConfig(env));
  if (storage.kind === 'local' && env.PRIMARY_REGION) {
    logger.warn(
      'photos and exports are kept in a local folder, which other regions cannot see: set BUCKET_NAME',
    );
  }

  const webRoot = env.WEB_ROOT ?? bundledFolder('web', 'index.html');
  const importWorker = bundledImportWorker(import.meta.url);
  const app = createApp({
    env,
    database,
    logger,
    webRoot,
    storage,
    ...(importWorker ? { importWorker } : {}),
  });
  // Storage cleanup writes to the primary: only machines in its region sweep.
  const objectCleanup = app.objectCleanup;
  if (inPrimaryRegion(env)) objectCleanup.start(STORAGE_SWEEP_MS, () => new Date());
  // Reminders: every primary-region machine competes for the sender's lease; one sends
  // (docs/decisions/0019-reminders-and-web-push.md). The VAPID pair is made (or read) first.
  // API tokens' "last used": every machine notes uses in memory and writes them to the primary
  // once a minute (docs/decisions/0024-personal-api-tokens.md).
  app.apiTokenUsage.start(API_TOKEN_USAGE_FLUSH_MS);
  const { reminderSender, reminderKeys: deps } = app;
  const sendsReminders = inPrimaryRegion(env) && env.REMINDER_SENDER !== 'off';
  if (sendsReminders) {
    await deps.vapid.get();
    reminderSender.start();
  }
  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    const { port } = info as AddressInfo;
    logger.info(
      {
        port,
        host: env.HOST,
        database: database.kind,
        replica: database.hasReplica,
        region: env.FLY_REGION,
        primaryRegion: env.PRIMARY_REGION,
        writeRouting: env.WRITE_ROUTING,
        // smtp, log (development without SMTP_URL) or none: password reset answers 503.
        email: app.mailer.kind,
      },
      'listening',
    );
    console.log(`habit-tracker listening on http://localhost:${port}`);
  });

  // Longer than the idle timeout of a proxy in front of us (nginx's upstream keepalive_timeout
  // is 60 s): the proxy, not Node (5 s by default), should close an idle connection, or a request
  // it sends just as Node closes one is reset.
  const http = server as HttpServer;
  http.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  http.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  // Prometheus scrapes (fly.toml [metrics]) on a port of their own, off the public service.
  const metricsServer =
    env.METRICS_PORT === undefined
      ? undefined
      : serve({ fetch: metricsResponse, hostname: env.HOST, port: env.METRICS_PORT });

  let shuttingDown = false;
  // Once shutting down, every response closes its connection: a keep-alive client (Fly's proxy)
  // gets the answer to the request it sent and opens its next connection elsewhere.
  server.on('request', (_request, response) => {
    if (shuttingDown) response.shouldKeepAlive = false;
  });
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing anyway');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    // Stop accepting. net.Server's close, not http.Server's: that one also cuts every idle
    // keep-alive connection at once, resetting a request a client is sending on one just then.
    // Busy connections close after their response (above); silent ones a moment later.
    const silent = setTimeout(() => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }, SILENT_CONNECTION_CLOSE_MS);
    await new Promise<void>((resolve) => {
      NetServer.prototype.close.call(server, () => resolve());
    });
    clearTimeout(silent);
    clearTimeout(forced);
    metricsServer?.close();
    await objectCleanup.stop();
    // Reset emails accepted before the signal still go out (each send is bounded by timeouts).
    await app.mailer.idle();
    app.mailer.close();
    await app.apiTokenUsage.stop();
    if (sendsReminders) await reminderSender.stop();
    await storage.close();
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

/**
 * `node dist/main.js --warm-compile-cache`, with NODE_COMPILE_CACHE set: the image build runs it
 * once, so V8's compiled code for the bundle is on disk before any machine starts (compiling the
 * bundle was a sixth of a cold start). Every static import has been compiled by the time this
 * line runs; nothing else happens.
 */
if (process.argv.includes('--warm-compile-cache')) {
  const compiled = flushCompileCache();
  process.exit(compiled ? 0 : 1);
} else if (process.argv.includes('--invite')) {
  makeInvite().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(INVITE_USAGE);
    process.exit(1);
  });
} else {
  main().catch(failedToStart);
}

/** `--invite`: prints a sign-up invite link (invite-cli.ts) and exits. */
async function makeInvite(): Promise<void> {
  const env = loadEnv();
  const link = await runInviteCommand(env, process.argv.slice(2), bundledFolder('migrations'));
  console.log(link);
  process.exit(0);
}

function flushCompileCache(): boolean {
  if (!module.getCompileCacheDir()) {
    console.error('--warm-compile-cache: set NODE_COMPILE_CACHE to the cache folder');
    return false;
  }
  module.flushCompileCache();
  return true;
}

function failedToStart(error: unknown): never {
  console.error('habit-tracker failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
