/**
 * The app factory: main.ts and every test build the app here, so tests exercise exactly the
 * middleware that production runs.
 */
import type { Database } from '@habit-tracker/db';
import type { ObjectStore } from '@habit-tracker/storage';
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import packageJson from '../package.json' with { type: 'json' };
import { createApiTokenUsage } from './auth/api-token-usage';
import { sessionCookieName } from './auth/cookies';
import { KnownCalendars } from './auth/known-calendars';
import { OidcIssuers } from './auth/oidc/issuers';
import { createAuthRateLimits } from './auth/rate-limits';
import type { AppEnv, Deps } from './context';
import type { Env } from './env';
import { createImportReader } from './jobs/import-reader';
import { createObjectCleanup } from './jobs/object-cleanup';
import { createReminderSender } from './jobs/reminders/sender';
import { vapidKeySource } from './jobs/reminders/vapid';
import type { Logger } from './logger';
import { createMailer } from './mail/mailer';
import { observeDatabasePools, recordRequestMetrics } from './metrics';
import { limitBodySize } from './middleware/body-limit';
import { csrfProtection } from './middleware/csrf';
import { notFound, onError } from './middleware/error-handler';
import { regionRouting } from './middleware/region-routing';
import { requestId } from './middleware/request-id';
import { requestLog } from './middleware/request-log';
import { retryReadsAfterConnectionLoss } from './middleware/retry-reads';
import { validationHook } from './middleware/validation';
import { authRouter } from './routes/auth';
import { checkinsRouter } from './routes/checkins';
import { exportsRouter } from './routes/exports';
import { groupsRouter } from './routes/groups';
import { habitsRouter } from './routes/habits';
import { healthRouter } from './routes/health';
import { historyRouter } from './routes/history';
import { importsRouter } from './routes/imports';
import { invitesRouter } from './routes/invites';
import { oidcRouter } from './routes/oidc';
import { photosRouter } from './routes/photos';
import { pushRouter } from './routes/push';
import { remindersRouter } from './routes/reminders';
import { settingsRouter } from './routes/settings';
import { statsRouter } from './routes/stats';
import { storageRouter } from './routes/storage';
import { todayRouter } from './routes/today';
import { tokensRouter } from './routes/tokens';
import { vacationsRouter } from './routes/vacations';
import { serveWebApp } from './web/static';

export interface CreateAppOptions {
  env: Env;
  database: Database;
  logger: Logger;
  /** The current instant; defaults to the system clock. Tests pin it. */
  clock?: () => Date;
  /** The web app's build folder (apps/web/dist). Without it the server is API-only. */
  webRoot?: string;
  /** Object storage for photos, exports and import files. */
  storage: ObjectStore;
  /** The import-reading worker script; the .ts source when unset (tests, development). */
  importWorker?: URL;
}

const PHOTO_UPLOAD = /^\/api\/v1\/photos\/[^/]+\/upload$/;
const IMPORT_UPLOAD = /^\/api\/v1\/imports\/[^/]+\/upload$/;

export function createApp(options: CreateAppOptions) {
  const { env } = options;
  const storageOrigins = env.AWS_ENDPOINT_URL_S3 ? [new URL(env.AWS_ENDPOINT_URL_S3).origin] : [];
  const clock = options.clock ?? (() => new Date());
  const vapid = vapidKeySource(env, options.database);
  // Created with the app, started by the process (main.ts) in the primary region only.
  const reminderSender = createReminderSender({
    db: options.database.primary,
    env,
    logger: options.logger,
    vapid,
    clock,
  });
  const deps: Deps = {
    env,
    database: options.database,
    logger: options.logger,
    clock,
    rateLimits: createAuthRateLimits(env.API_TOKEN_REQUESTS_PER_MINUTE),
    // Through the primary handle, off the request path: a GET never writes (0024).
    apiTokenUsage: createApiTokenUsage({
      db: options.database.primary.write,
      logger: options.logger,
    }),
    calendars: new KnownCalendars(),
    storage: options.storage,
    objectCleanup: createObjectCleanup({
      db: options.database.primary,
      storage: options.storage,
      logger: options.logger,
    }),
    importReader: createImportReader({
      ...(options.importWorker ? { workerUrl: options.importWorker } : {}),
      heapMb: env.IMPORT_READ_HEAP_MB,
      timeoutMs: env.IMPORT_READ_TIMEOUT_MS,
      concurrency: env.IMPORT_READS_AT_ONCE,
      maxWaiting: 4 * env.IMPORT_READS_AT_ONCE,
      logger: options.logger,
    }),
    reminders: { vapid, wake: () => reminderSender.wake() },
    mailer: createMailer(env, options.logger),
    oidc: new OidcIssuers(env),
  };

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const region = env.FLY_REGION ?? 'local';
  observeDatabasePools(options.database, region);

  // Order matters. The request id comes first so every later log line (and error) carries it;
  // logging wraps everything after it so it sees the final status, errors included; the body
  // limit and origin check run before any route reads a body or touches the database.
  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // A read that lost its database connection (dead pooled connections after a suspend) is
  // dispatched once more through the whole app; outside the log and metrics, so both passes show.
  app.use(retryReadsAfterConnectionLoss((request) => app.fetch(request), region));
  app.use(recordRequestMetrics(region));
  app.use(requestLog());
  app.use(
    secureHeaders({
      // A same-origin single-page app: everything from here, nothing framing it.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // With S3 storage, photos and uploads go to and from the bucket's own origin.
        imgSrc: ["'self'", 'data:', 'blob:', ...storageOrigins],
        connectSrc: ["'self'", ...storageOrigins],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      // HSTS on localhost would pin the browser to https for every local project.
      strictTransportSecurity:
        env.NODE_ENV === 'production' ? 'max-age=63072000; includeSubDomains' : false,
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  // Uploads through the server (local storage only) take files; everything else is small JSON.
  app.use(
    limitBodySize((path) => {
      if (PHOTO_UPLOAD.test(path)) return env.PHOTO_MAX_BYTES;
      if (IMPORT_UPLOAD.test(path)) return env.IMPORT_MAX_BYTES;
      return env.BODY_LIMIT_BYTES;
    }),
  );
  app.use(csrfProtection(env.APP_ORIGIN));
  // Region routing comes last, right before the routes: a write bound for the primary region is
  // answered (fly-replay) before any handler work, after the checks that would refuse it anyway
  // (an oversized body is 413 here, never replayed); a read gets its database (replica or
  // primary) before any route queries one. See docs/decisions/0006-multi-region-data-routing.md.
  app.use(regionRouting());
  // A deletion that succeeded may have queued stored objects (photos of a check-in, a habit, an
  // account): delete them from storage now rather than at the next sweep.
  app.use(async (c, next) => {
    await next();
    if (c.req.method === 'DELETE' && c.res.status < 300) deps.objectCleanup.drainSoon();
  });

  const routes = app
    .route('/', healthRouter)
    .route('/api/v1', authRouter)
    .route('/api/v1', oidcRouter)
    .route('/api/v1', settingsRouter)
    .route('/api/v1', tokensRouter)
    .route('/api/v1', invitesRouter)
    .route('/api/v1', habitsRouter)
    .route('/api/v1', groupsRouter)
    .route('/api/v1', checkinsRouter)
    .route('/api/v1', historyRouter)
    .route('/api/v1', todayRouter)
    .route('/api/v1', statsRouter)
    .route('/api/v1', photosRouter)
    .route('/api/v1', exportsRouter)
    .route('/api/v1', importsRouter)
    .route('/api/v1', storageRouter)
    .route('/api/v1', remindersRouter)
    .route('/api/v1', vacationsRouter)
    .route('/api/v1', pushRouter);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName(env),
    description: 'Set by sign-up and sign-in; httpOnly, SameSite=Lax.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A personal API token (`ht_…`, made in Settings or with POST /api/v1/tokens): ' +
      '`Authorization: Bearer ht_…`. Data routes only; a `read` token may only GET. ' +
      'See docs/api.md, "API tokens".',
  });
  app.doc('/api/v1/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Habit tracker API',
      version: packageJson.version,
      description: 'See docs/api.md for conventions: errors, auth, CSRF, idempotency.',
    },
  });

  // ---- Static web app (non-/api paths) --------------------------------------------------
  // Registered after the API so API routes always win; /api/* never falls through to it.
  if (options.webRoot) {
    app.use('*', serveWebApp(options.webRoot, { sourceMaps: env.NODE_ENV !== 'production' }));
  }

  app.notFound(notFound);
  app.onError(onError);
  // The process starts and stops the storage sweep and the reminder sender (main.ts); tests
  // drive both by hand, and wait for background email with `mailer.idle()`.
  return Object.assign(routes, {
    objectCleanup: deps.objectCleanup,
    mailer: deps.mailer,
    apiTokenUsage: deps.apiTokenUsage,
    reminderSender,
    reminderKeys: { vapid },
  });
}

export type App = ReturnType<typeof createApp>;
/** The app's route types; the web client is typed from the OpenAPI document instead (0021). */
export type AppType = App;
