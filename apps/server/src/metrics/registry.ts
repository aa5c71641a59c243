/**
 * The process's Prometheus metrics (prom-client), scraped by Fly from METRICS_PORT (fly.toml
 * [metrics]). One registry per process: the metric objects are created once, at import, so
 * building several apps in one process (the tests) never registers a name twice.
 *
 * Labels stay low-cardinality on purpose: a route is its pattern (/api/v1/habits/:id), never the
 * raw path, and a region is one of a handful of Fly region codes.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();

// Process CPU, resident memory, heap, event-loop lag and GC: what VM sizing is judged by.
collectDefaultMetrics({ register: registry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from a request reaching the app to its response being decided, by route pattern',
  labelNames: ['route', 'method', 'status', 'region'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const idempotentWrites = new Counter({
  name: 'habit_idempotent_writes_total',
  help:
    'Writes sent with an Idempotency-Key (the offline queue sends every check-in with one); ' +
    'replayed="true" counts resends answered from the stored first response',
  labelNames: ['replayed', 'region'] as const,
  registers: [registry],
});

export const readRetries = new Counter({
  name: 'habit_read_retries_total',
  help: 'GET/HEAD requests asked again after losing their database connection, by final status',
  labelNames: ['status', 'region'] as const,
  registers: [registry],
});

const replicationLagSeconds = new Gauge({
  name: 'habit_replication_lag_seconds',
  help: "Seconds this region's read replica is behind the primary (set by the region routing code)",
  labelNames: ['region'] as const,
  registers: [registry],
});

const replicationLagBytes = new Gauge({
  name: 'habit_replication_lag_bytes',
  help: "WAL bytes this region's read replica has yet to replay (set by the region routing code)",
  labelNames: ['region'] as const,
  registers: [registry],
});

/**
 * Records the replica's lag, for the multi-region code to call whenever it learns it (a health
 * probe, a read-your-writes wait). `null` means unknown: the series is removed rather than left
 * at a stale value.
 */
export function setReplicationLag(
  region: string,
  lag: { seconds: number | null; bytes: number | null },
): void {
  if (lag.seconds === null) replicationLagSeconds.remove({ region });
  else replicationLagSeconds.set({ region }, lag.seconds);
  if (lag.bytes === null) replicationLagBytes.remove({ region });
  else replicationLagBytes.set({ region }, lag.bytes);
}

export const importReads = new Counter({
  name: 'habit_import_reads_total',
  help:
    'Uploaded import files read in a worker, by outcome: read, invalid (the file has problems), ' +
    'too_much_memory, too_long (stopped at a limit), busy (refused: too many waiting), crashed (a bug)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});
