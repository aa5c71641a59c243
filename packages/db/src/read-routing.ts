/**
 * Which server answers a read. The replica first, the primary when the replica cannot be
 * reached; a replica failure is remembered for a while so reads do not each pay to find out.
 * See docs/decisions/0006-multi-region-data-routing.md.
 */
import type pg from 'pg';
import { isConnectionFailure, pgErrorCode, SERIALIZATION_FAILURE } from './errors';

/** Remembers a replica failure for a while, so reads do not each pay for finding out again. */
export class ReplicaHealth {
  private downUntil = 0;

  constructor(
    private readonly retryMs: number,
    private readonly onDown: ((error: unknown) => void) | undefined,
  ) {}

  available(): boolean {
    return Date.now() >= this.downUntil;
  }

  markDown(error: unknown): void {
    const wasAvailable = this.available();
    this.downUntil = Date.now() + this.retryMs;
    if (wasAvailable) this.onDown?.(error);
  }
}

/**
 * A pool-shaped client for drizzle: the replica first, the primary when the replica cannot be
 * reached. Re-asking the primary is safe because a failed connection ran nothing, and reads have
 * no side effects anyway. (Its class name contains "Pool": drizzle checks that before a
 * transaction, to take a dedicated connection.)
 */
export class ReplicaFirstPool {
  constructor(
    private readonly replica: pg.Pool,
    private readonly primary: pg.Pool,
    private readonly health: ReplicaHealth,
  ) {}

  async query(config: pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
    if (!this.health.available()) return this.primary.query(config, values);
    try {
      return await this.replica.query(config, values);
    } catch (error) {
      if (isConnectionFailure(error)) {
        this.health.markDown(error);
      } else if (pgErrorCode(error) !== SERIALIZATION_FAILURE) {
        throw error;
      }
      // 40001 here is a read cancelled by a conflict with WAL replay: the primary has no such
      // conflicts, and the replica itself is fine.
      return this.primary.query(config, values);
    }
  }

  async connect(): Promise<pg.PoolClient> {
    if (!this.health.available()) return this.primary.connect();
    try {
      return await this.replica.connect();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      this.health.markDown(error);
      return this.primary.connect();
    }
  }
}
