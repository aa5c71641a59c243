import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { objectDeletions } from '../schema';

export interface ObjectDeletion {
  kind: 'photo' | 'export' | 'importUpload';
  userId: string;
  objectId: string;
}

/** The oldest queued deletions (filled by triggers when file rows are deleted). */
export async function listObjectDeletions(db: Db, limit: number): Promise<ObjectDeletion[]> {
  return db
    .select({
      kind: objectDeletions.kind,
      userId: objectDeletions.userId,
      objectId: objectDeletions.objectId,
    })
    .from(objectDeletions)
    .orderBy(asc(objectDeletions.enqueuedAt))
    .limit(limit);
}

/** Queues a deletion by hand: objects written for a transaction that then rolled back. */
export async function queueObjectDeletion(db: Db, item: ObjectDeletion): Promise<void> {
  await db.insert(objectDeletions).values(item).onConflictDoNothing();
}

/** Done: the objects are gone from storage. */
export async function removeObjectDeletion(db: Db, item: ObjectDeletion): Promise<void> {
  await db
    .delete(objectDeletions)
    .where(and(eq(objectDeletions.kind, item.kind), eq(objectDeletions.objectId, item.objectId)));
}

export async function countObjectDeletions(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(objectDeletions);
  return row?.n ?? 0;
}
