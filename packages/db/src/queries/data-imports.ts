import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { dataImports } from '../schema';
import { ownedRow } from './owned';

/* Every query here filters by user_id, except the sweeper's. */

export interface ImportRow {
  id: string;
  userId: string;
  fileName: string;
  size: number;
  status: 'uploading' | 'reading' | 'previewed' | 'done' | 'failed';
  preview: unknown;
  result: unknown;
  /** Why reading failed (`failed` only): the answer every later preview gives again. */
  error: unknown;
  readingSince: Date | null;
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
    .where(ownedRow(dataImports, userId, id));
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
    .where(ownedRow(dataImports, userId, id))
    .for('update');
  return (row as ImportRow | undefined) ?? null;
}

/**
 * Claims an uploaded file for reading: `uploading` → `reading`, for one preview only. Null when
 * the import is not (or no longer) waiting to be read: another preview has it, or it was read.
 */
export async function claimImportForReading(
  db: Db,
  userId: string,
  id: string,
  now: Date,
): Promise<ImportRow | null> {
  const [row] = await db
    .update(dataImports)
    .set({ status: 'reading', readingSince: now })
    .where(
      and(
        eq(dataImports.userId, userId),
        eq(dataImports.id, id),
        eq(dataImports.status, 'uploading'),
      ),
    )
    .returning();
  return (row as ImportRow | undefined) ?? null;
}

/**
 * Stores the outcome of reading: `previewed` with the preview, or `failed` with why. Only the
 * claim holder's row changes (status still `reading`).
 */
export async function finishImportReading(
  db: Db,
  userId: string,
  id: string,
  outcome: { preview: unknown } | { error: unknown },
): Promise<ImportRow | null> {
  const [row] = await db
    .update(dataImports)
    .set(
      'preview' in outcome
        ? { status: 'previewed', preview: outcome.preview, readingSince: null }
        : { status: 'failed', error: outcome.error, readingSince: null },
    )
    .where(
      and(
        eq(dataImports.userId, userId),
        eq(dataImports.id, id),
        eq(dataImports.status, 'reading'),
      ),
    )
    .returning();
  return (row as ImportRow | undefined) ?? null;
}

/** Gives a claim back unjudged (the server was too busy to read the file): `uploading` again. */
export async function releaseImportClaim(db: Db, userId: string, id: string): Promise<void> {
  await db
    .update(dataImports)
    .set({ status: 'uploading', readingSince: null })
    .where(
      and(
        eq(dataImports.userId, userId),
        eq(dataImports.id, id),
        eq(dataImports.status, 'reading'),
      ),
    );
}

/**
 * Bytes of import files the user has stored, for the storage quota: every import but failed ones,
 * whose file is deleted once the failure is stored (it is never read again).
 */
export async function importBytes(db: Db, userId: string, exceptId?: string): Promise<number> {
  const conditions = [eq(dataImports.userId, userId), ne(dataImports.status, 'failed')];
  if (exceptId) conditions.push(ne(dataImports.id, exceptId));
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(${dataImports.size}), 0)` })
    .from(dataImports)
    .where(and(...conditions));
  return Number(row?.bytes ?? 0);
}

export async function updateImport(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Pick<ImportRow, 'status' | 'preview' | 'result' | 'error'>>,
): Promise<ImportRow | null> {
  const [row] = await db
    .update(dataImports)
    .set(patch)
    .where(ownedRow(dataImports, userId, id))
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
