import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dataImports } from '../schema';

/* Every query here filters by user_id, except the sweeper's. */

export interface ImportRow {
  id: string;
  userId: string;
  fileName: string;
  size: number;
  status: 'uploading' | 'previewed' | 'done' | 'failed';
  preview: unknown;
  result: unknown;
  createdAt: Date;
}

export async function createImport(
  db: Db,
  userId: string,
  input: { fileName: string; size: number },
): Promise<ImportRow> {
  const [row] = await db
    .insert(dataImports)
    .values({ userId, ...input, status: 'uploading' })
    .returning();
  return row as ImportRow;
}

export async function getImport(db: Db, userId: string, id: string): Promise<ImportRow | null> {
  const [row] = await db
    .select()
    .from(dataImports)
    .where(and(eq(dataImports.userId, userId), eq(dataImports.id, id)));
  return (row as ImportRow | undefined) ?? null;
}

/** Locks the import row for the rest of the transaction (one confirm at a time). */
export async function getImportForUpdate(
  tx: Db,
  userId: string,
  id: string,
): Promise<ImportRow | null> {
  const [row] = await tx
    .select()
    .from(dataImports)
    .where(and(eq(dataImports.userId, userId), eq(dataImports.id, id)))
    .for('update');
  return (row as ImportRow | undefined) ?? null;
}

export async function updateImport(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Pick<ImportRow, 'status' | 'preview' | 'result'>>,
): Promise<ImportRow | null> {
  const [row] = await db
    .update(dataImports)
    .set(patch)
    .where(and(eq(dataImports.userId, userId), eq(dataImports.id, id)))
    .returning();
  return (row as ImportRow | undefined) ?? null;
}

/** Imports older than `before` go, with their uploaded files (queued by a trigger). Any user's. */
export async function deleteOldImports(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(dataImports)
    .where(lt(dataImports.createdAt, sql`${before.toISOString()}::timestamptz`))
    .returning({ id: dataImports.id });
  return rows.length;
}
