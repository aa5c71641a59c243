import { and, desc, eq, gt, inArray, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../database';
import { trustedDevices } from '../schema';

/* Every query here filters by user_id. Ids are SHA-256 (hex) of the cookie tokens. */

/** A browser that signed in to the user's account before: remembered until `expiresAt`. */
export async function addTrustedDevice(
  db: Db,
  input: { id: string; userId: string; expiresAt: Date },
  keep: number,
  now: Date,
): Promise<void> {
  await db.insert(trustedDevices).values(input).onConflictDoNothing();
  // The user's newest `keep` devices stay; expired and older ones go.
  const newest = db
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .where(eq(trustedDevices.userId, input.userId))
    .orderBy(desc(trustedDevices.createdAt), desc(trustedDevices.id))
    .limit(keep);
  await db
    .delete(trustedDevices)
    .where(and(eq(trustedDevices.userId, input.userId), notInArray(trustedDevices.id, newest)));
  await db
    .delete(trustedDevices)
    .where(and(eq(trustedDevices.userId, input.userId), lte(trustedDevices.expiresAt, now)));
}

/** The first of `ids` that is a live trusted device of the user, or null. */
export async function findTrustedDevice(
  db: Db,
  userId: string,
  ids: string[],
  now: Date,
): Promise<string | null> {
  if (ids.length === 0) return null;
  const [row] = await db
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.userId, userId),
        inArray(trustedDevices.id, ids),
        gt(trustedDevices.expiresAt, now),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}
