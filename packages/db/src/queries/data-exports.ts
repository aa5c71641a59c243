import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { dataExports } from '../schema';
import { ownedRow } from './owned';

/* Every query here filters by user_id, except the sweeper's. */

export type ExportFormat = 'habit-tracker' | 'loop';

export interface ExportRow {
  id: string;
  userId: string;
  status: 'running' | 'ready' | 'failed';
  format: ExportFormat;
  progress: number;
  size: number | null;
  error: string | null;
  createdAt: Date;
  expiresAt: Date | null;
}

export async function createExport(
  db: Db,
  userId: string,
  format: ExportFormat = 'habit-tracker',
): Promise<ExportRow> {
  const [row] = await db
    .insert(dataExports)
    .values({ userId, status: 'running', format })
    .returning();
  return row as ExportRow;
}

/** The user's export still running, if any (one at a time). */
export async function findRunningExport(db: Db, userId: string): Promise<ExportRow | null> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), eq(dataExports.status, 'running')))
    .orderBy(desc(dataExports.createdAt))
    .limit(1);
  return (row as ExportRow | undefined) ?? null;
}

export async function getExport(db: Db, userId: string, id: string): Promise<ExportRow | null> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(ownedRow(dataExports, userId, id));
  return (row as ExportRow | undefined) ?? null;
}

export async function listExports(db: Db, userId: string, limit: number): Promise<ExportRow[]> {
  const rows = await db
    .select()
    .from(dataExports)
    .where(eq(dataExports.userId, userId))
    .orderBy(desc(dataExports.createdAt), desc(dataExports.id))
    .limit(limit);
  return rows as ExportRow[];
}

export async function setExportProgress(db: Db, id: string, progress: number): Promise<void> {
  await db
    .update(dataExports)
    .set({ progress })
    .where(and(eq(dataExports.id, id), eq(dataExports.status, 'running')));
}

export async function finishExport(
  db: Db,
  id: string,
  outcome: { size: number; expiresAt: Date } | { error: string },
): Promise<void> {
  await db
    .update(dataExports)
    .set(
      'error' in outcome
        ? { status: 'failed', error: outcome.error }
        : { status: 'ready', progress: 1, size: outcome.size, expiresAt: outcome.expiresAt },
    )
    .where(eq(dataExports.id, id));
}

/**
 * The sweeper: expired exports go (their zips are queued for deletion by a trigger), and exports
 * left running by a machine that stopped are marked failed. Any user's.
 */
export async function sweepExports(
  db: Db,
  now: Date,
  staleRunningBefore: Date,
): Promise<{ expired: number; abandoned: number }> {
  const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const expired = await db
    .delete(dataExports)
    .where(lt(dataExports.expiresAt, at(now)))
    .returning({ id: dataExports.id });
  const abandoned = await db
    .update(dataExports)
    .set({ status: 'failed', error: 'The export was interrupted; please start it again' })
    .where(
      and(eq(dataExports.status, 'running'), lt(dataExports.createdAt, at(staleRunningBefore))),
    )
    .returning({ id: dataExports.id });
  return { expired: expired.length, abandoned: abandoned.length };
}

/** Bytes of the user's finished exports still kept (for the storage quota). */
export async function exportBytes(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(${dataExports.size}), 0)` })
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), eq(dataExports.status, 'ready')));
  return Number(row?.bytes ?? 0);
}
