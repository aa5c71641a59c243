/**
 * Multi-region data routing (docs/decisions/0006-multi-region-data-routing.md), before any
 * route runs:
 *
 * - A request that will write (any method but GET/HEAD/OPTIONS under /api), in a region that is
 *   not PRIMARY_REGION, is answered at once with 409 + `fly-replay: region=<primary>`: Fly's proxy
 *   replays it there. Nothing has run yet, so nothing can happen twice. With WRITE_ROUTING=direct
 *   (no Fly proxy) it runs here instead, on the primary's connection.
 * - Every API request gets its database handles from the data layer (`c.var.db`), which alone
 *   knows primary from replica: a write's are the primary's; a read's `read` is this region's
 *   replica once it has replayed the client's read-your-writes token (waited for briefly,
 *   READ_YOUR_WRITES_WAIT_MS), else the primary. A replica still behind after the wait means the
 *   read is replayed to the primary region instead, where a proxy can do that.
 * - After a write succeeds on the primary, the response carries the primary's WAL position (the
 *   token) as a cookie and a header.
 * - A write that reaches a read-only database anyway (SQLSTATE 25006: a GET that writes, or a
 *   primary demoted under us) rolled back, so it is replayed the same way when possible.
 *
 * On PGlite, or a single region without a replica, all of this is a no-op. The primary region
 * of a multi-region deployment still hands out tokens: the user's next read may land elsewhere.
 */
import { type Database, isReadOnlyTransactionError, type ReadSource } from '@habit-tracker/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../context';
import { type Env, REPLAY_BODY_LIMIT_BYTES } from '../env';
import { AppError, errorBody } from '../errors';
import { readLsnToken, writeLsnToken } from '../http/read-your-writes';
import { setFinalHeader } from '../http/response-headers';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** How long Fly's proxy tries the primary region before the fallback (a duration string). */
const REPLAY_TIMEOUT = '5s';

export const READ_SOURCE_HEADER = 'X-Read-Source';

export type RoutingEnv = Pick<
  Env,
  'FLY_REGION' | 'PRIMARY_REGION' | 'WRITE_ROUTING' | 'READ_YOUR_WRITES_WAIT_MS' | 'NODE_ENV'
>;

/** True for requests that change data: they must run against the primary. */
export function isWriteRequest(method: string, path: string): boolean {
  return isApiPath(path) && !READ_METHODS.has(method.toUpperCase());
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** No PRIMARY_REGION (a single-region deployment) or no FLY_REGION (local) counts as primary. */
export function inPrimaryRegion(env: Pick<Env, 'FLY_REGION' | 'PRIMARY_REGION'>): boolean {
  return !env.PRIMARY_REGION || !env.FLY_REGION || env.FLY_REGION === env.PRIMARY_REGION;
}

/**
 * Whether this request may be handed to Fly's proxy for the primary region: only outside it,
 * only when a proxy honours fly-replay, and never twice (a replayed request that still cannot be
 * served here would loop).
 */
export function canReplay(env: RoutingEnv, alreadyReplayed: boolean): boolean {
  return !inPrimaryRegion(env) && env.WRITE_ROUTING === 'replay' && !alreadyReplayed;
}

/**
 * Whether reads may come from a replica anywhere in this deployment — then every write, in
 * whichever region, hands out a read-your-writes token. A single-region deployment without a
 * replica needs none.
 */
export function isMultiRegion(env: Pick<Env, 'PRIMARY_REGION'>, database: Database): boolean {
  return database.kind === 'postgres' && (env.PRIMARY_REGION !== undefined || database.hasReplica);
}

export type WritePlan = 'here' | 'replay' | 'too-large-to-replay';

/** Where a write runs: here (on the primary's connection) or replayed in the primary region. */
export function planWrite(
  env: RoutingEnv,
  request: { contentLength: number | undefined; alreadyReplayed: boolean },
): WritePlan {
  if (!canReplay(env, request.alreadyReplayed)) return 'here';
  if ((request.contentLength ?? 0) > REPLAY_BODY_LIMIT_BYTES) return 'too-large-to-replay';
  return 'replay';
}

/**
 * Where a read the data layer would serve from the primary runs instead: when the replica is
 * behind the client's token, a region with Fly's proxy replays the request to the primary region
 * (one hop, then all local) rather than asking the far primary query by query. Any other read
 * runs here, on the handles the data layer chose.
 */
export function planRead(
  source: ReadSource,
  env: RoutingEnv,
  alreadyReplayed: boolean,
): 'here' | 'replay' {
  const behind = source.from === 'primary' && source.reason === 'replica-behind';
  return behind && canReplay(env, alreadyReplayed) ? 'replay' : 'here';
}

export function regionRouting(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.var.deps;
    const { env, database } = deps;
    if (env.FLY_REGION) c.header('X-Region', env.FLY_REGION);
    const writes = isWriteRequest(c.req.method, c.req.path);
    // PGlite is one embedded database on one machine: there is nowhere else to send anything.
    if (database.kind !== 'postgres') {
      if (isApiPath(c.req.path)) c.set('db', await database.forRequest({ writes }));
      return next();
    }
    // fly-replay-failed: Fly's proxy could not reach the primary region within the replay's
    // timeout and sent the request back here (fallback=prefer_self). It is served here, like a
    // replayed one: a write on the primary's connection across the WAN, or its coded error.
    const replayFailed = c.req.header('fly-replay-failed');
    if (replayFailed !== undefined) {
      deps.logger.warn(
        { id: c.var.requestId, replayFailed },
        'replay to the primary region failed; serving the request here',
      );
    }
    const alreadyReplayed =
      c.req.header('fly-replay-src') !== undefined || replayFailed !== undefined;

    if (writes) {
      const plan = planWrite(env, {
        contentLength: contentLength(c.req.header('content-length')),
        alreadyReplayed,
      });
      if (plan === 'replay') return replayToPrimary(c, env, 'write');
      if (plan === 'too-large-to-replay') {
        throw new AppError(
          'payload_too_large',
          `Writes are replayed to the primary region, which takes bodies up to ${REPLAY_BODY_LIMIT_BYTES} bytes`,
        );
      }
      c.set('db', await database.forRequest({ writes: true }));
      await next();
      if (replayIfReadOnly(c, env, alreadyReplayed)) return;
      if (c.res.status < 400 && isMultiRegion(env, database)) await handOutToken(c, deps);
      return;
    }

    if (!isApiPath(c.req.path)) return next(); // the web app's files: no database

    const handles = await database.forRequest({
      after: readLsnToken(c, env),
      waitMs: env.READ_YOUR_WRITES_WAIT_MS,
    });
    if (planRead(handles.source, env, alreadyReplayed) === 'replay') {
      return replayToPrimary(c, env, 'replica-behind');
    }
    c.set('db', handles);
    await next();
    if (replayIfReadOnly(c, env, alreadyReplayed)) return;
    setFinalHeader(c, READ_SOURCE_HEADER, handles.describe());
  };
}

/**
 * 409 + fly-replay, answered before any handler work. Fly's proxy never shows it to the client;
 * without a proxy the client sees a coded error rather than a silent failure.
 */
function replayToPrimary(c: Context<AppEnv>, env: RoutingEnv, reason: string): Response {
  c.header('fly-replay', replayHeader(env, reason));
  c.header('Cache-Control', 'no-store');
  return c.json(
    errorBody('wrong_region', `This request is served in region ${env.PRIMARY_REGION}`),
    409,
  );
}

/**
 * Fly's proxy tries the primary region for at most REPLAY_TIMEOUT, then hands the request back
 * to this app (this machine first) with `fly-replay-failed`, rather than answering a bare 5xx.
 */
function replayHeader(env: RoutingEnv, reason: string): string {
  return `region=${env.PRIMARY_REGION};state=${reason};timeout=${REPLAY_TIMEOUT};fallback=prefer_self`;
}

/**
 * A write refused as read-only (25006) rolled back — its transaction, or its single statement —
 * and a read-only server commits nothing, so the request can be replayed whole in the primary
 * region. Returns true when the response was replaced.
 */
function replayIfReadOnly(c: Context<AppEnv>, env: RoutingEnv, alreadyReplayed: boolean): boolean {
  if (!c.error || !isReadOnlyTransactionError(c.error)) return false;
  if (!canReplay(env, alreadyReplayed)) return false; // the error handler's 503 stands
  // The error handler already answered; keep its headers (request id…) but not its verdict.
  const headers = new Headers(c.res.headers);
  for (const name of ['content-type', 'content-length', 'retry-after']) headers.delete(name);
  headers.set('content-type', 'application/json');
  headers.set('fly-replay', replayHeader(env, 'read-only'));
  headers.set('cache-control', 'no-store');
  const body = errorBody('wrong_region', `This request is served in region ${env.PRIMARY_REGION}`);
  c.res = undefined; // replace, rather than merge into, the error response
  c.res = new Response(JSON.stringify(body), { status: 409, headers });
  return true;
}

/**
 * After a committed write: the primary's WAL position now is at or past the commit. A failure
 * here costs read-your-writes for this one write, not the write: it is logged, not thrown.
 */
async function handOutToken(c: Context<AppEnv>, deps: Deps): Promise<void> {
  const replication = deps.database.replication;
  if (!replication) return;
  try {
    writeLsnToken(c, deps.env, await replication.primaryLsn());
  } catch (err) {
    deps.logger.warn({ id: c.var.requestId, err }, 'could not read the WAL position after a write');
  }
}

function contentLength(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Number(header);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
