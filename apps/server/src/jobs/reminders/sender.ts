/**
 * The reminder sender: exactly one across all machines and regions (decision 0019).
 *
 * - **One sender**: every machine of the primary region runs this loop, but only the holder of the
 *   `reminder-sender` lease (a row with an expiry, renewed every pass; database time) does work.
 *   If the holder dies or is suspended, its lease expires and another machine takes over with a
 *   larger fencing token. Every claim checks the lease in its own transaction.
 * - **Recorded before sent**: reminders become notifications and deliveries in transactions
 *   (planner.ts) before any request leaves; a delivery is claimed (`sending`, with the token) in a
 *   transaction before it is sent, and its outcome recorded right after.
 * - **After a crash**: deliveries a dead sender left `sending` are claimed again by the next
 *   holder (their token is older) and resent — only those in flight at the crash (at most
 *   `REMINDER_SEND_CONCURRENCY` plus one unwritten result batch). They carry the same
 *   notification id, push Topic and notification tag, and the service worker shows an id once.
 * - **Outcomes**: 2xx sent; 404/410 the subscription is gone (deleted); 429, 5xx and network
 *   failures retry with exponential backoff or the service's Retry-After; other 4xx fail for
 *   good. Nothing is sent more than REMINDER_MAX_LATE_SECONDS after its time: it is dropped.
 */
import { hostname } from 'node:os';
import * as db from '@habit-tracker/db';
import type { Env } from '../../env';
import type { Logger } from '../../logger';
import { payloadOf } from './payload';
import {
  PLAN_BATCH,
  type PrepareCounts,
  planDueReminders,
  prepareDueNotifications,
  replanReminders,
} from './planner';
import { sendPush } from './push-request';
import { writeDueVacationSkips } from './vacation-skips';
import type { VapidKeySource } from './vapid';

export const SENDER_LEASE = 'reminder-sender';
const LEASE_TTL_MS = 15_000;
const LEASE_RENEW_MS = 3_000;
const POLL_MS = 1_000;
const CLAIM_BATCH = 64;
/** A claimed delivery not written back within this long is claimed again (stuck attempt). */
const CLAIM_MS = 60_000;
/**
 * Results are written back once this many are in, so a crash resends little (more go together
 * only while the previous write is still running).
 */
const RESULT_BATCH = 32;
const VACATION_PASS_MS = 60_000;
const CLEANUP_PASS_MS = 60 * 60_000;
const KEEP_NOTIFICATIONS_MS = 14 * 24 * 60 * 60_000;
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 60_000;

export interface SenderOptions {
  /** The primary's handles: the lease, the plan and every delivery are written there. */
  db: db.DbHandles;
  env: Pick<Env, 'REMINDER_MAX_LATE_SECONDS' | 'REMINDER_SEND_CONCURRENCY' | 'FLY_MACHINE_ID'>;
  logger: Logger;
  vapid: VapidKeySource;
  clock: () => Date;
  /** Distinguishes holders; unique per process by default. */
  holder?: string;
}

export interface TickResult {
  /** False when another machine holds the lease (this one stood by). */
  leader: boolean;
  planned: number;
  notifications: { sent: number; nothingDue: number; late: number; deliveries: number };
  sent: number;
  retried: number;
  gone: number;
  failed: number;
  dropped: number;
}

export interface ReminderSender {
  /** One pass: lease, plan, prepare, send everything due. Tests call it with a pinned clock. */
  tick(): Promise<TickResult>;
  /** Runs passes until `stop` (every second, or sooner after `wake`). */
  start(): void;
  /** Asks for a pass soon (a test notification or a snooze was just recorded here). */
  wake(): void;
  /** Finishes the pass in progress, lets the lease go. */
  stop(): Promise<void>;
}

export function createReminderSender(options: SenderOptions): ReminderSender {
  const { env, logger, vapid, clock } = options;
  const primary = options.db;
  const holder =
    options.holder ??
    `${env.FLY_MACHINE_ID ?? hostname()}/${process.pid}/${crypto.randomUUID().slice(0, 8)}`;
  const maxLateMs = env.REMINDER_MAX_LATE_SECONDS * 1000;
  let lastVacationPass = 0;
  let lastCleanup = 0;
  let running = false;
  let stopping = false;
  let pass: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;

  const lease = () => db.acquireLease(primary.write, SENDER_LEASE, holder, LEASE_TTL_MS);

  /**
   * Sends everything due, as a stream: workers take claimed deliveries from a queue that is
   * refilled (one claim at a time, lease renewed and checked) whenever it runs low, so a slow
   * request never holds up a whole batch. Returns false when the lease was lost.
   */
  async function sendDue(
    token: number,
    result: TickResult,
    moreComing: () => boolean = () => false,
  ): Promise<boolean> {
    const keys = await vapid.get();
    const queue: db.ClaimedDelivery[] = [];
    let exhausted = false;
    let leaseLost = false;
    let claiming: Promise<void> | undefined;
    let failure: unknown;
    let renewedAt = Date.now();
    const concurrency = env.REMINDER_SEND_CONCURRENCY;

    const refill = (): Promise<void> => {
      if (exhausted) return Promise.resolve();
      claiming ??= (async () => {
        // Renewed every few seconds while claiming: a long run of sends never outlives the lease
        // (each claim still checks it, in its own transaction).
        if (Date.now() - renewedAt > LEASE_RENEW_MS) {
          if ((await lease()) !== token) {
            leaseLost = true;
            exhausted = true;
            return;
          }
          renewedAt = Date.now();
        }
        const now = clock();
        const claimed = await primary.transaction(async (tx) => {
          if (!(await db.holdsLease(tx, SENDER_LEASE, holder, token))) return null;
          return db.claimDeliveries(
            tx,
            token,
            now,
            Math.max(CLAIM_BATCH, concurrency * 2),
            CLAIM_MS,
          );
        });
        if (claimed === null) {
          leaseLost = true;
          exhausted = true;
        } else if (claimed.length === 0) {
          // Planning may still be making deliveries: look again shortly.
          if (moreComing()) await new Promise((r) => setTimeout(r, 100));
          else exhausted = true;
        } else {
          queue.push(...claimed);
        }
      })()
        .catch((error: unknown) => {
          // Ends this pass (reported below); what was claimed is sent, the rest waits.
          failure ??= error;
          exhausted = true;
        })
        .finally(() => {
          claiming = undefined;
        });
      return claiming;
    };

    let pending: db.DeliveryResult[] = [];
    let gone: string[] = [];
    let writing: Promise<void> | undefined;
    /**
     * Writes the results back, one write at a time: results that come in meanwhile go into the
     * next write together, so a database slower than the sends gets fewer, larger statements
     * instead of a queue of small ones that falls further and further behind.
     */
    const flush = (): Promise<void> => {
      writing ??= (async () => {
        while (pending.length > 0 || gone.length > 0) {
          const results = pending;
          const goneNow = gone;
          pending = [];
          gone = [];
          try {
            await db.recordDeliveryResults(primary.write, clock(), results, goneNow);
          } catch (error) {
            // Those rows stay `sending` and are sent again after their claim deadline.
            failure ??= error;
          }
        }
      })().finally(() => {
        writing = undefined;
      });
      return writing;
    };

    const send = async (delivery: db.ClaimedDelivery) => {
      const at = clock().getTime();
      const deadline = delivery.fireAt.getTime() + maxLateMs;
      const base = {
        notificationId: delivery.notificationId,
        subscriptionId: delivery.subscriptionId,
      };
      if (at > deadline) {
        result.dropped++;
        pending.push({
          ...base,
          status: 'late',
          nextAttemptAt: new Date(at),
          httpStatus: null,
          error: 'too late',
        });
        return;
      }
      const outcome = await sendPush(delivery, payloadOf(delivery), keys, {
        ttlSeconds: Math.max(1, Math.floor((deadline - at) / 1000)),
        topic: delivery.notificationId.replaceAll('-', ''),
      });
      const status = outcome.status;
      if (status !== null && status >= 200 && status < 300) {
        result.sent++;
        pending.push({
          ...base,
          status: 'sent',
          nextAttemptAt: new Date(at),
          httpStatus: status,
          error: null,
        });
      } else if (status === 404 || status === 410) {
        result.gone++;
        gone.push(delivery.subscriptionId);
      } else if (status === null || status === 429 || status >= 500) {
        const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (delivery.attempts - 1));
        const retryAt = at + Math.max(backoff, outcome.retryAfterMs ?? 0);
        if (retryAt > deadline) {
          result.dropped++;
          pending.push({
            ...base,
            status: 'late',
            nextAttemptAt: new Date(at),
            httpStatus: status,
            error: outcome.error,
          });
        } else {
          result.retried++;
          pending.push({
            ...base,
            status: 'pending',
            nextAttemptAt: new Date(retryAt),
            httpStatus: status,
            error: outcome.error,
          });
        }
      } else {
        result.failed++;
        logger.warn({ status, error: outcome.error }, 'push service refused a reminder');
        pending.push({
          ...base,
          status: 'failed',
          nextAttemptAt: new Date(at),
          httpStatus: status,
          error: outcome.error,
        });
      }
    };

    const worker = async () => {
      for (;;) {
        if (stopping) return;
        if (queue.length < concurrency) void refill();
        const delivery = queue.shift();
        if (!delivery) {
          if (exhausted) return;
          await refill();
          continue;
        }
        await send(delivery);
        if (pending.length + gone.length >= RESULT_BATCH) void flush();
      }
    };
    try {
      await Promise.all(Array.from({ length: concurrency }, worker));
    } finally {
      await claiming;
      while (writing || pending.length > 0 || gone.length > 0) await (writing ?? flush());
    }
    if (failure !== undefined) throw failure;
    return !leaseLost;
  }

  async function tick(): Promise<TickResult> {
    const result: TickResult = {
      leader: false,
      planned: 0,
      notifications: { sent: 0, nothingDue: 0, late: 0, deliveries: 0 },
      sent: 0,
      retried: 0,
      gone: 0,
      failed: 0,
      dropped: 0,
    };
    stopping = false; // a pass asked for after stop() (tests) runs whole
    const token = await lease();
    if (token === null) return result;
    result.leader = true;
    const now = clock();
    // Sending starts at once and runs beside planning: the first reminders of a busy minute go
    // out while later ones are still being planned.
    let planning = true;
    const sending = sendDue(token, result, () => planning);
    try {
      await replanReminders(primary, now);
      const counts: PrepareCounts = { sent: 0, nothingDue: 0, late: 0, deliveries: 0 };
      for (;;) {
        const planned = await planDueReminders(primary, now, 1);
        result.planned += planned;
        const prepared = await prepareDueNotifications(primary, now, maxLateMs, counts, 1);
        if (planned < PLAN_BATCH && prepared.lastBatch < PLAN_BATCH) break;
      }
      result.notifications = counts;
      if (
        now.getTime() - lastVacationPass >= VACATION_PASS_MS ||
        now.getTime() < lastVacationPass
      ) {
        lastVacationPass = now.getTime();
        await writeDueVacationSkips(primary, now);
      }
      if (now.getTime() - lastCleanup >= CLEANUP_PASS_MS || now.getTime() < lastCleanup) {
        lastCleanup = now.getTime();
        await db.deleteOldNotifications(
          primary.write,
          new Date(now.getTime() - KEEP_NOTIFICATIONS_MS),
        );
      }
    } catch (error) {
      planning = false;
      await sending.catch(() => undefined);
      throw error;
    } finally {
      planning = false;
    }
    result.leader = await sending;
    if (result.sent + result.gone + result.failed + result.dropped > 0) {
      logger.info(
        {
          sent: result.sent,
          gone: result.gone,
          failed: result.failed,
          dropped: result.dropped,
          retried: result.retried,
        },
        'reminders sent',
      );
    }
    return result;
  }

  const loop = async () => {
    while (running) {
      pass = tick().catch((err: unknown) =>
        logger.warn({ err }, 'reminder pass failed; trying again'),
      );
      await pass;
      if (!running) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, POLL_MS);
      });
      wakeUp = undefined;
    }
  };

  return {
    tick,
    start() {
      if (running) return;
      running = true;
      void loop();
    },
    wake() {
      if (timer) clearTimeout(timer);
      wakeUp?.();
    },
    async stop() {
      running = false;
      stopping = true;
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await pass;
      await db.releaseLease(primary.write, SENDER_LEASE, holder).catch(() => undefined);
    },
  };
}
