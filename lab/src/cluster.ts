/**
 * The lab's databases: a PostgreSQL 15 primary standing for `iad`, and one streaming replica per
 * region, each made with `pg_basebackup -R` and streaming through a WAN-delay proxy with that
 * region's round trip to iad — so a replica really lags the primary by about the inter-region
 * delay. iad's own replica is the local hot standby a production primary has beside it (no
 * delay): it serves iad's reads while the primary is down.
 */
import { openDatabase } from '@habit-tracker/db';
import {
  type PostgresServer,
  runSql,
  startPostgres,
  startReplica,
} from '@habit-tracker/test-support';
import type pg from 'pg';
import { type DelayProxy, startDelayProxy } from './delay-proxy';
import { PRIMARY_REGION, REGIONS, type Region, regionRtt } from './rtt';

export interface Cluster {
  primary: PostgresServer;
  replicas: Record<Region, PostgresServer>;
  /** Each far region's way to the primary: a delay proxy with the region's round trip to iad. */
  primaryLinks: Partial<Record<Region, DelayProxy>>;
  /** The primary's URL as seen from a region (through its link when it is far). */
  primaryUrlFrom(region: Region): string;
  /** Runs SQL on one server (for tests: pause replay, count rows). */
  query<T extends pg.QueryResultRow>(url: string, text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * Durable commits matter here: with synchronous_commit off (the test default) the WAL sender
 * ships a commit only when the WAL writer flushes it, up to 200 ms later — a lag no real
 * deployment has. fsync stays off: it costs disk time and changes no ordering.
 */
const PRIMARY_SETTINGS = {
  synchronous_commit: 'on',
  wal_sender_timeout: '10s',
  max_wal_senders: '10',
  max_replication_slots: '10',
};
const REPLICA_SETTINGS = {
  // Long analytics queries are not our load; never cancel a read for a conflicting replay.
  hot_standby_feedback: 'on',
  wal_receiver_status_interval: '1s',
  // Reconnect quickly after the primary comes back.
  wal_retrieve_retry_interval: '500ms',
};

export async function startCluster(
  options: { regions?: readonly Region[] } = {},
): Promise<Cluster> {
  const regions = options.regions ?? REGIONS;
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const item of started.reverse()) await item.stop().catch(() => {});
  };
  try {
    const primary = await startPostgres({ label: 'lab-iad-primary', settings: PRIMARY_SETTINGS });
    started.push(primary);
    // Migrate once, before the replicas copy it, so every server boots to an up-to-date schema.
    const migrator = await openDatabase({ url: primary.url, poolSize: 1 });
    await migrator.close();

    const primaryLinks: Partial<Record<Region, DelayProxy>> = {};
    for (const region of regions) {
      if (region === PRIMARY_REGION) continue;
      const link = await startDelayProxy({
        target: { host: '127.0.0.1', port: primary.port },
        rttMs: regionRtt(region, PRIMARY_REGION),
        label: `${region}→${PRIMARY_REGION} primary`,
      });
      started.push({ stop: () => link.close() });
      primaryLinks[region] = link;
    }
    // Base backups one after another: each is a checkpoint plus a copy, and the box has 2 cores.
    const replicas = {} as Record<Region, PostgresServer>;
    for (const region of regions) {
      const replica = await startReplica(primary, {
        label: `lab-${region}-replica`,
        settings: REPLICA_SETTINGS,
        ...(primaryLinks[region] ? { upstream: primaryLinks[region] } : {}),
      });
      started.push(replica);
      replicas[region] = replica;
    }

    const primaryUrlFrom = (region: Region) => {
      const link = primaryLinks[region];
      if (!link) return primary.url;
      const url = new URL(primary.url);
      url.port = String(link.port);
      return url.href;
    };
    return {
      primary,
      replicas,
      primaryLinks,
      primaryUrlFrom,
      query: runSql,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
