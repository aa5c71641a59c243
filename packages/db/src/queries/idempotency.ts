import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../database';
import { idempotencyKeys } from '../schema';
import { affectedRows } from './rows';

export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number;
  /** The stored response body; null for bodiless responses (204). */
  responseBody: unknown;
}

export async function findIdempotencyRecord(
  db: Db,
  userId: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      statusCode: idempotencyKeys.statusCode,
      responseBody: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

/**
 * Stores the first response for a key. A concurrent request that got there first wins: this one
 * inserts nothing and returns false (its caller should roll back and answer from the stored record).
 */
export async function saveIdempotencyRecord(
  db: Db,
  record: IdempotencyRecord & { userId: string; key: string },
): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values({
      userId: record.userId,
      key: record.key,
      requestHash: record.requestHash,
      statusCode: record.statusCode,
      responseBody: record.responseBody ?? null,
    })
    .onConflictDoNothing({ target: [idempotencyKeys.userId, idempotencyKeys.key] })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/** Housekeeping: keys live 7 days (docs/api.md); returns how many records were removed. */
export async function deleteOldIdempotencyRecords(db: Db, before: Date): Promise<number> {
  return affectedRows(
    await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)),
  );
}
