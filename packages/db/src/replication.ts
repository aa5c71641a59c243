/**
 * WAL positions on PostgreSQL: the primary's after a commit, how far this region's replica has
 * replayed, and both servers' state for health. The currency of read-your-writes
 * (docs/decisions/0006-multi-region-data-routing.md).
 */
import type pg from 'pg';
import type { Replication } from './database';
import { isConnectionFailure } from './errors';
import { type Lsn, lsnDiff, parseLsn } from './lsn';
import type { ReplicaHealth } from './read-routing';
import { sleep, TIMED_OUT, withDeadline, withTimeout } from './timing';

/** Polling a lagging replica: first after 2 ms, doubling to at most every 16 ms. */
const REPLAY_POLL_FIRST_MS = 2;
const REPLAY_POLL_MAX_MS = 16;
/** A replica check may overrun the read-your-writes wait by this much before we stop waiting. */
const REPLICA_CHECK_GRACE_MS = 50;

export function postgresReplication(
  primary: pg.Pool,
  replica: pg.Pool | undefined,
  health: ReplicaHealth,
): Replication {
  /** The furthest replay position seen on the replica (it never moves back). */
  let replayedUpTo = -1n;
  /** The replica is a primary (not in recovery): nothing to wait for. */
  let replicaIsPrimary = false;
  let inFlight: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    if (!replica) return Promise.resolve();
    inFlight ??= replica
      .query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn')
      .then(
        ({ rows }) => {
          const lsn = rows[0]?.lsn ?? null;
          replicaIsPrimary = lsn === null;
          const position = parseLsn(lsn);
          if (position !== undefined && position > replayedUpTo) replayedUpTo = position;
        },
        (error: unknown) => {
          if (isConnectionFailure(error)) health.markDown(error);
          throw error;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const known = (target: bigint) => replicaIsPrimary || replayedUpTo >= target;

  const replicaHasReplayed = async (target: Lsn): Promise<boolean> => {
    if (!replica) return true;
    const position = parseLsn(target);
    if (position === undefined) throw new Error(`not an LSN: ${target}`);
    if (known(position)) return true;
    await refresh();
    return known(position);
  };

  return {
    async primaryLsn() {
      const { rows } = await primary.query<{ lsn: string }>(
        'select pg_current_wal_insert_lsn()::text as lsn',
      );
      return rows[0]!.lsn;
    },
    replicaHasReplayed,
    async waitForReplica(target, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      let pause = REPLAY_POLL_FIRST_MS;
      for (;;) {
        // A replica that hangs (rather than refusing) must not hold the caller past its deadline.
        const left = Math.max(0, deadline - performance.now()) + REPLICA_CHECK_GRACE_MS;
        const reached = await withDeadline(replicaHasReplayed(target), left);
        if (reached === true) return true;
        if (reached === TIMED_OUT) return false;
        const remaining = deadline - performance.now();
        if (remaining <= 0) return false;
        await sleep(Math.min(pause, remaining));
        pause = Math.min(pause * 2, REPLAY_POLL_MAX_MS);
      }
    },
    replicaAvailable: () => replica !== undefined && health.available(),
    async status(timeoutMs) {
      const [primaryState, replicaState] = await Promise.all([
        withTimeout(
          primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn'),
          timeoutMs,
        ).then(
          ({ rows }) => ({ reachable: true, lsn: rows[0]!.lsn }),
          () => ({ reachable: false, lsn: null }),
        ),
        replica
          ? withTimeout(
              replica.query<{
                in_recovery: boolean;
                replay_lsn: string | null;
                since_replay_s: number | null;
              }>(
                `select pg_is_in_recovery() as in_recovery,
                        pg_last_wal_replay_lsn()::text as replay_lsn,
                        extract(epoch from now() - pg_last_xact_replay_timestamp())::float8
                          as since_replay_s`,
              ),
              timeoutMs,
            ).then(
              ({ rows }) => ({ reachable: true, ...rows[0]! }),
              (error: unknown) => {
                if (isConnectionFailure(error)) health.markDown(error);
                return undefined;
              },
            )
          : Promise.resolve(null),
      ]);
      if (replicaState === null) {
        return { primary: primaryState, replica: null, lagBytes: null, lagSeconds: null };
      }
      if (replicaState === undefined) {
        return {
          primary: primaryState,
          replica: { reachable: false, inRecovery: null, replayLsn: null },
          lagBytes: null,
          lagSeconds: null,
        };
      }
      const replayLsn = replicaState.in_recovery ? replicaState.replay_lsn : null;
      let lagBytes: number | null = null;
      let lagSeconds: number | null = null;
      if (!replicaState.in_recovery) {
        lagBytes = 0;
        lagSeconds = 0;
      } else if (primaryState.lsn && replayLsn) {
        lagBytes = Math.max(0, lsnDiff(primaryState.lsn, replayLsn));
        lagSeconds = lagBytes === 0 ? 0 : (replicaState.since_replay_s ?? null);
      }
      return {
        primary: primaryState,
        replica: { reachable: true, inRecovery: replicaState.in_recovery, replayLsn },
        lagBytes,
        lagSeconds: lagSeconds === null ? null : Math.round(lagSeconds * 1000) / 1000,
      };
    },
  };
}
