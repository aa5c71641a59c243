import { and, asc, count, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { checkins, photos } from '../schema';
import { deleteOwnedRow, ownedRow } from './owned';

/* Every query here filters by user_id: another user's photo is indistinguishable from none. */

export interface PhotoRow {
  id: string;
  userId: string;
  habitId: string;
  date: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  status: 'pending' | 'ready';
  createdAt: Date;
}

/**
 * A pending photo on the user's check-in of `date`, unless the check-in already holds `max`
 * photos. Null when there is no such check-in (or the habit is not the user's); 'full' when it
 * is full. Call inside a transaction: the check-in row is locked so two uploads cannot both take
 * the last place.
 */
export async function createPendingPhoto(
  tx: Db,
  userId: string,
  input: { habitId: string; date: string; contentType: string; size: number },
  max: number,
): Promise<PhotoRow | 'full' | null> {
  const [checkin] = await tx
    .select({ habitId: checkins.habitId })
    .from(checkins)
    .where(
      and(
        eq(checkins.userId, userId),
        eq(checkins.habitId, input.habitId),
        eq(checkins.date, input.date),
      ),
    )
    .for('update');
  if (!checkin) return null;
  const [{ n } = { n: 0 }] = await tx
    .select({ n: count() })
    .from(photos)
    .where(and(eq(photos.habitId, input.habitId), eq(photos.date, input.date)));
  if (n >= max) return 'full';
  const [row] = await tx
    .insert(photos)
    .values({ userId, ...input, status: 'pending' })
    .returning();
  return row as PhotoRow;
}

export async function getPhoto(db: Db, userId: string, id: string): Promise<PhotoRow | null> {
  const [row] = await db
    .select()
    .from(photos)
    .where(ownedRow(photos, userId, id));
  return (row as PhotoRow | undefined) ?? null;
}

/** The ready photos of one check-in, oldest first. */
export async function listCheckinPhotos(
  db: Db,
  userId: string,
  habitId: string,
  date: string,
): Promise<PhotoRow[]> {
  const rows = await db
    .select()
    .from(photos)
    .where(
      and(
        eq(photos.userId, userId),
        eq(photos.habitId, habitId),
        eq(photos.date, date),
        eq(photos.status, 'ready'),
      ),
    )
    .orderBy(asc(photos.createdAt), asc(photos.id));
  return rows as PhotoRow[];
}

/** Every ready photo of the user (for the export), by habit and date. */
export async function listUserPhotos(db: Db, userId: string): Promise<PhotoRow[]> {
  const rows = await db
    .select()
    .from(photos)
    .where(and(eq(photos.userId, userId), eq(photos.status, 'ready')))
    .orderBy(asc(photos.habitId), asc(photos.date), asc(photos.createdAt));
  return rows as PhotoRow[];
}

/** Marks a pending photo ready with its measured size; null if it is gone or not pending. */
export async function markPhotoReady(
  db: Db,
  userId: string,
  id: string,
  dimensions: { width: number; height: number },
): Promise<PhotoRow | null> {
  const [row] = await db
    .update(photos)
    .set({ status: 'ready', ...dimensions })
    .where(and(eq(photos.userId, userId), eq(photos.id, id), eq(photos.status, 'pending')))
    .returning();
  return (row as PhotoRow | undefined) ?? null;
}

/** False when there was no such photo. Its objects are queued for deletion by a trigger. */
export async function deletePhoto(db: Db, userId: string, id: string): Promise<boolean> {
  return deleteOwnedRow(db, photos, userId, id);
}

/** Pending photos created before `before` (abandoned uploads) go; returns how many. Any user's. */
export async function deleteAbandonedPhotos(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(photos)
    .where(
      and(
        eq(photos.status, 'pending'),
        lt(photos.createdAt, sql`${before.toISOString()}::timestamptz`),
      ),
    )
    .returning({ id: photos.id });
  return rows.length;
}

/**
 * Bytes of the user's photos, for the storage quota: ready ones, and pending ones unless
 * `readyOnly` (a pending photo has reserved its declared size until it completes or is swept).
 * Thumbnails are small and derived; they are not counted.
 */
export async function photoBytes(
  db: Db,
  userId: string,
  options: { readyOnly?: boolean; exceptId?: string } = {},
): Promise<number> {
  const conditions = [eq(photos.userId, userId)];
  if (options.readyOnly) conditions.push(eq(photos.status, 'ready'));
  if (options.exceptId) conditions.push(ne(photos.id, options.exceptId));
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(${photos.size}), 0)` })
    .from(photos)
    .where(and(...conditions));
  return Number(row?.bytes ?? 0);
}
