/**
 * Idempotency keys for check-in writes (docs/api.md, "Idempotency"): an offline client replays
 * its queue after reconnecting and must not apply a write twice, nor a stale write over a newer
 * one. The first response for a key is stored in the same transaction as the write it describes,
 * so either both exist or neither does.
 */
import { createHash } from 'node:crypto';
import {
  type Db,
  type DbHandles,
  deleteOldIdempotencyRecords,
  type IdempotencyRecord,
  saveIdempotencyRecord,
} from '@habit-tracker/db';
import { LIMITS } from '@habit-tracker/vocabulary';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Logger } from '../logger';

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .regex(
      new RegExp(`^[\\x20-\\x7e]{1,${LIMITS.idempotencyKeyMax}}$`),
      `Expected 1–${LIMITS.idempotencyKeyMax} printable ASCII characters`,
    )
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Makes a resend of this write safe: the first response is replayed.',
    }),
});

export interface StoredResponse {
  status: 200 | 204;
  body: unknown;
}

export interface IdempotentResult extends StoredResponse {
  replayed: boolean;
}

/** The request's key and what identifies the request, handed to the write when there is a key. */
export interface KeyedRequest {
  key: string;
  requestHash: string;
}

/**
 * What the write found or did. The write looks the key's record up itself, in the statement that
 * locks what it writes (one round trip, not two), and writes nothing when there is one.
 */
export type WriteOutcome =
  /** The key's record: nothing was written; replayed if it is this request, else refused. */
  | { stored: IdempotencyRecord }
  | {
      response: StoredResponse;
      /**
       * Whether the write stored the key's record itself (with `response`) — false when a
       * concurrent request stored one first. Absent: stored here after the write.
       */
      saved?: boolean;
    };

/** Keys live 7 days; older ones are swept now and then by writes (never by reads). */
const KEY_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const SWEEP_PROBABILITY = 0.01;

/** SHA-256 of method, path and the body with its keys sorted (so key order is not a difference). */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Thrown inside the transaction when a concurrent request stored the same key first. */
class LostRace extends Error {}

export interface IdempotentWriteOptions {
  /** The request's handles: the write and its record share one transaction on the primary. */
  db: DbHandles;
  logger: Logger;
  now: Date;
  userId: string;
  key: string | undefined;
  method: string;
  path: string;
  body: unknown;
  /**
   * The write itself; runs in the transaction and throws AppErrors to refuse (nothing stored).
   * With a key, it must look up the key's record first and write nothing when there is one.
   */
  write: (tx: Db, keyed: KeyedRequest | undefined) => Promise<WriteOutcome>;
}

export async function idempotentWrite(options: IdempotentWriteOptions): Promise<IdempotentResult> {
  const { db, userId, key, write } = options;
  const keyed =
    key === undefined
      ? undefined
      : { key, requestHash: requestHash(options.method, options.path, options.body) };
  const attempt = () =>
    db.transaction(async (tx): Promise<IdempotentResult> => {
      const outcome = await write(tx, keyed);
      if ('stored' in outcome) {
        const existing = outcome.stored;
        if (existing.requestHash !== keyed?.requestHash) {
          throw new AppError(
            'idempotency_key_reused',
            'This Idempotency-Key was already used for a different request',
          );
        }
        return {
          status: existing.statusCode as StoredResponse['status'],
          body: existing.responseBody,
          replayed: true,
        };
      }
      const { response } = outcome;
      if (keyed === undefined) return { ...response, replayed: false };
      const saved =
        outcome.saved ??
        (await saveIdempotencyRecord(tx, {
          userId,
          key: keyed.key,
          requestHash: keyed.requestHash,
          statusCode: response.status,
          responseBody: response.body ?? null,
        }));
      // Someone else committed this key while we worked: undo ours and answer as they did.
      if (!saved) throw new LostRace();
      return { ...response, replayed: false };
    });

  let result: IdempotentResult;
  try {
    result = await attempt();
  } catch (error) {
    if (!(error instanceof LostRace)) throw error;
    result = await attempt();
  }
  await maybeSweep(options);
  return result;
}

async function maybeSweep({ db, logger, now }: IdempotentWriteOptions): Promise<void> {
  if (Math.random() >= SWEEP_PROBABILITY) return;
  try {
    await deleteOldIdempotencyRecords(db.write, new Date(now.getTime() - KEY_LIFETIME_MS));
  } catch (err) {
    logger.warn({ err }, 'idempotency sweep failed');
  }
}
