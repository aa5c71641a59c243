import { hostname } from 'node:os';
import type { Health } from '@habit-tracker/contract';
import { type Db, probeServer, type ReplicationStatus } from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import packageJson from '../../../package.json' with { type: 'json' };
import type { AppEnv } from '../../context';
import { inPrimaryRegion } from '../../middleware/region-routing';
import type * as routes from './health.routes';

/** A health check must answer fast even when a database hangs. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * 200 while some database can serve reads (`degraded` when the primary or the replica is down:
 * the machine still serves reads, so a load balancer should keep it); 503 when none can.
 */
export const getHealth: RouteHandler<typeof routes.getHealth, AppEnv> = async (c) => {
  const { env, database } = c.var.deps;
  const [served, replication] = await Promise.all([
    withTimeout(
      // Whoever serves this request's reads: the replica, or the primary it fell back to.
      database.hasReplica ? whoServes(c.var.db.read) : pingPrimary(database.ping),
      PROBE_TIMEOUT_MS,
    ),
    database.replication?.status(PROBE_TIMEOUT_MS) ?? Promise.resolve(undefined),
  ]);
  const reachable = served !== null;
  const primaryReachable = replication ? replication.primary.reachable : reachable;
  const replica = replicaHealth(replication);
  const body: Health = {
    status: reachable && primaryReachable && (replica?.reachable ?? true) ? 'ok' : 'degraded',
    region: env.FLY_REGION ?? 'local',
    machine: env.FLY_MACHINE_ID ?? hostname(),
    version: packageJson.version,
    database: {
      reachable,
      kind: database.kind,
      rttMs: served === null ? null : Math.round(served.rttMs * 100) / 100,
      servedBy: served?.servedBy ?? null,
    },
    replication: {
      role: inPrimaryRegion(env) ? 'primary-region' : 'replica-region',
      primaryRegion: env.PRIMARY_REGION ?? env.FLY_REGION ?? null,
      writeRouting: env.WRITE_ROUTING,
      primaryReachable,
      replica,
    },
  };
  c.header('Cache-Control', 'no-store');
  return reachable ? c.json(body, 200) : c.json(body, 503);
};

/** Without a replica every read is the primary's: a plain ping says all there is. */
async function pingPrimary(
  ping: () => Promise<number>,
): Promise<{ rttMs: number; servedBy: 'primary' }> {
  return { rttMs: await ping(), servedBy: 'primary' };
}

/** With a replica, the server that answers says whether it is one (reads may have fallen back). */
async function whoServes(db: Db): Promise<{ rttMs: number; servedBy: 'primary' | 'replica' }> {
  const { rttMs, inRecovery } = await probeServer(db);
  return { rttMs, servedBy: inRecovery ? 'replica' : 'primary' };
}

function replicaHealth(status: ReplicationStatus | undefined): Health['replication']['replica'] {
  if (!status?.replica) return null;
  return {
    reachable: status.replica.reachable,
    lagBytes: status.lagBytes,
    lagSeconds: status.lagSeconds,
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const LIVE = { status: 'ok' } as const;

export const getLive: RouteHandler<typeof routes.getLive, AppEnv> = (c) => {
  c.header('Cache-Control', 'no-store');
  return c.json(LIVE, 200);
};
