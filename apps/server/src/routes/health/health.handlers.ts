import { hostname } from 'node:os';
import type { Health } from '@habit-tracker/contract';
import type { RouteHandler } from '@hono/zod-openapi';
import packageJson from '../../../package.json' with { type: 'json' };
import type { AppEnv } from '../../context';
import type * as routes from './health.routes';

/** A health check must answer fast even when the database hangs. */
const PING_TIMEOUT_MS = 2_000;

export const getHealth: RouteHandler<typeof routes.getHealth, AppEnv> = async (c) => {
  const { env, database } = c.var.deps;
  const rttMs = await pingWithTimeout(() => database.ping(), PING_TIMEOUT_MS);
  const reachable = rttMs !== null;
  const body: Health = {
    status: reachable ? 'ok' : 'degraded',
    region: env.FLY_REGION ?? 'local',
    machine: env.FLY_MACHINE_ID ?? hostname(),
    version: packageJson.version,
    database: {
      reachable,
      kind: database.kind,
      rttMs: rttMs === null ? null : Math.round(rttMs * 100) / 100,
    },
  };
  c.header('Cache-Control', 'no-store');
  return reachable ? c.json(body, 200) : c.json(body, 503);
};

async function pingWithTimeout(ping: () => Promise<number>, ms: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([ping().catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
