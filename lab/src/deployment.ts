/**
 * The app tier on top of a lab cluster, in one of three topologies (the benchmark compares them
 * on the same databases and data):
 *
 * - `single-region`: one API server in iad; every user crosses the ocean to reach it.
 * - `app-everywhere`: the seed design — an API server in every region, but the database only in
 *   iad: every query from fra or sin crosses the ocean.
 * - `replicas`: ours — an API server and a replica in every region; reads are local with
 *   read-your-writes, writes are replayed to iad by the edge (fly-replay).
 *
 * Each region has an edge (Fly's proxy, see edge.ts) in front of its server; each simulated user
 * reaches their edge through a delay proxy with their round trip from rtt.json.
 */

import { type AppServer, startAppServer } from './app-server';
import type { Cluster } from './cluster';
import { type DelayProxy, startDelayProxy } from './delay-proxy';
import { type Address, type Edge, startEdge } from './edge';
import {
  nearestRegion,
  PRIMARY_REGION,
  REGIONS,
  type Region,
  regionRtt,
  USERS,
  type UserName,
  userRtt,
} from './rtt';

export type Topology = 'single-region' | 'app-everywhere' | 'replicas';

export const TOPOLOGY_TITLES: Record<Topology, string> = {
  'single-region': '1. single region (everything in iad)',
  'app-everywhere': '2. seed design (API in every region, database only in iad)',
  replicas: '3. ours (regional replicas, read-your-writes, fly-replay)',
};

export interface RegionDeployment {
  region: Region;
  server: AppServer;
  edge: Edge;
}

export interface UserEntry extends Address {
  user: UserName;
  /** The region whose edge the user reaches. */
  region: Region;
  rttMs: number;
  url: string;
  proxy: DelayProxy;
}

export interface Deployment {
  topology: Topology;
  regions: Partial<Record<Region, RegionDeployment>>;
  users: Record<UserName, UserEntry>;
  stop(): Promise<void>;
}

export interface DeploymentOptions {
  /** A web build folder (apps/web/dist) for the servers to serve; API-only without it. */
  webRoot?: string;
  /** Extra server environment, e.g. READ_YOUR_WRITES_WAIT_MS. */
  env?: Record<string, string>;
}

export async function startDeployment(
  cluster: Cluster,
  topology: Topology,
  options: DeploymentOptions = {},
): Promise<Deployment> {
  const regionsUp: Region[] = topology === 'single-region' ? [PRIMARY_REGION] : [...REGIONS];
  const closers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
    closers.length = 0;
  };

  try {
    const servers = await Promise.all(
      regionsUp.map(async (region) => {
        const server = await startAppServer(region, serverEnv(cluster, topology, region, options));
        closers.push(() => server.stop());
        return server;
      }),
    );
    const serverOf = (region: Region) => servers[regionsUp.indexOf(region)]!;

    const regions: Partial<Record<Region, RegionDeployment>> = {};
    for (const region of regionsUp) {
      const remote: Record<string, Address> = {};
      if (region !== PRIMARY_REGION) {
        // The replay path: this edge → the primary region's server, across the WAN.
        const link = await startDelayProxy({
          target: serverOf(PRIMARY_REGION),
          rttMs: regionRtt(region, PRIMARY_REGION),
          label: `${region}→${PRIMARY_REGION} replay`,
        });
        closers.push(() => link.close());
        remote[PRIMARY_REGION] = link;
      }
      const edge = await startEdge({
        region,
        local: serverOf(region),
        remote,
        instance: `lab-${region}`,
      });
      closers.push(() => edge.close());
      regions[region] = { region, server: serverOf(region), edge };
    }

    const users = {} as Record<UserName, UserEntry>;
    for (const user of USERS) {
      const region = topology === 'single-region' ? PRIMARY_REGION : nearestRegion(user);
      const edge = regions[region]!.edge;
      const rttMs = userRtt(user, region);
      const proxy = await startDelayProxy({ target: edge, rttMs, label: `${user}→${region}` });
      closers.push(() => proxy.close());
      users[user] = {
        user,
        region,
        rttMs,
        host: proxy.host,
        port: proxy.port,
        url: `http://${proxy.host}:${proxy.port}`,
        proxy,
      };
    }
    return { topology, regions, users, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function serverEnv(
  cluster: Cluster,
  topology: Topology,
  region: Region,
  options: DeploymentOptions,
): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    FLY_REGION: region,
    PRIMARY_REGION,
    FLY_MACHINE_ID: `lab-${region}`,
    DATABASE_URL: cluster.primaryUrlFrom(region),
    WRITE_ROUTING: topology === 'replicas' ? 'replay' : 'direct',
    ...(options.webRoot ? { WEB_ROOT: options.webRoot } : {}),
    ...options.env,
  };
  if (topology === 'replicas') env.DATABASE_READ_URL = cluster.replicas[region].url;
  return env;
}
