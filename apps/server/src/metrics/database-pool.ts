/**
 * Connection-pool gauges, read at scrape time from the data layer's pool statistics (none on
 * PGlite, which has no pool).
 */
import type { Database } from '@habit-tracker/db';
import { Gauge } from 'prom-client';
import { registry } from './registry';

interface Observed {
  database: Database;
  region: string;
}

/** The databases whose pools are reported (one in production; the latest app in tests). */
let observed: Observed | undefined;

new Gauge({
  name: 'habit_db_pool_connections',
  help: 'node-postgres pool connections by pool (primary|replica) and state (total|idle|waiting)',
  labelNames: ['pool', 'state', 'region'] as const,
  registers: [registry],
  collect() {
    this.reset();
    if (!observed) return;
    const { database, region } = observed;
    for (const [pool, counters] of Object.entries(database.poolStatistics())) {
      this.set({ pool, state: 'total', region }, counters.total);
      this.set({ pool, state: 'idle', region }, counters.idle);
      this.set({ pool, state: 'waiting', region }, counters.waiting);
    }
  },
});

/** Reports this database's pools from now on. */
export function observeDatabasePools(database: Database, region: string): void {
  observed = { database, region };
}
