/**
 * A user's own rows. Every query on a user's row filters by its owner too, so another user's row
 * is indistinguishable from none; these say so once instead of in each query file.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../database';
import { uuidArray } from './rows';

type OwnedTable = PgTable & { id: PgColumn; userId: PgColumn };

/** The row `id`, if it is `userId`'s. */
export function ownedRow(table: OwnedTable, userId: string, id: string): SQL {
  return and(eq(table.userId, userId), eq(table.id, id))!;
}

/** Deletes the row `id` if it is `userId`'s; false when there was none. */
export async function deleteOwnedRow(
  db: Db,
  table: OwnedTable,
  userId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(table)
    .where(ownedRow(table, userId, id))
    .returning({ id: table.id });
  return rows.length > 0;
}

/** The position after the last of the user's rows in an ordered list (0 for the first). */
export function nextPosition(table: OwnedTable & { position: PgColumn }, userId: string) {
  return sql<number>`(select coalesce(max(${table.position}), -1) + 1 from ${table} where ${table.userId} = ${userId})`;
}

/** Whether `rows` (the user's locked rows) are exactly the ids listed, each once. */
export function sameIds(rows: { id: string }[], ids: string[]): boolean {
  const wanted = new Set(ids);
  return rows.length === ids.length && rows.every((r) => wanted.has(r.id));
}

/**
 * Sets the user's rows at positions 0..n-1 in the order of `ids`, in one statement however many
 * there are; rows already in place are left untouched. The ids are checked by the caller.
 */
export async function setPositions(
  tx: Db,
  table: OwnedTable & { position: PgColumn },
  userId: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    update ${table} set position = o.ord - 1, updated_at = now()
    from unnest(${uuidArray(ids)}) with ordinality as o(id, ord)
    where ${table.id} = o.id and ${table.userId} = ${userId} and ${table.position} <> o.ord - 1`);
}
