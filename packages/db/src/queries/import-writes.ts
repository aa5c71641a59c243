/**
 * Bulk inserts for an import: a user's habits, check-ins and photos, many rows per statement.
 * Called inside the import's one transaction (apps/server/src/jobs/import-job.ts), after the
 * whole file was validated: every row here is already known to be valid.
 */
import type { CheckinState } from '@habit-tracker/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { checkins, habits, photos } from '../schema';
import { type HabitRow, measureToColumns } from './rows';

/** A habit as an import writes it: a new row's fields, with its timestamps when it had them. */
export type ImportedHabitRow = Omit<HabitRow, 'id' | 'userId' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<HabitRow, 'createdAt' | 'updatedAt'>>;

export interface ImportedCheckinRow {
  habitId: string;
  date: string;
  state: CheckinState;
  value: number | null;
  note: string | null;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface ImportedPhotoRow {
  id: string;
  habitId: string;
  date: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
const ROWS_PER_STATEMENT = 2_000;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    yield rows.slice(i, i + ROWS_PER_STATEMENT);
  }
}

/** The next free position after the user's habits (imported ones go after them). */
export async function nextHabitPosition(tx: Db, userId: string): Promise<number> {
  const result = (await tx.execute(
    sql`select coalesce(max(position), -1) + 1 as next from ${habits} where user_id = ${userId}`,
  )) as unknown as { rows: { next: number | string }[] };
  return Number(result.rows[0]?.next ?? 0);
}

/** Inserts the habits in order; returns their new ids in the same order. */
export async function insertImportedHabits(
  tx: Db,
  userId: string,
  rows: readonly ImportedHabitRow[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const chunk of chunks(rows)) {
    const inserted = await tx
      .insert(habits)
      .values(
        chunk.map((h) => ({
          userId,
          name: h.name,
          description: h.description,
          color: h.color,
          icon: h.icon,
          ...measureToColumns(h.measure),
          schedule: h.schedule,
          position: h.position,
          groupId: h.groupId ?? null,
          startDate: h.startDate,
          archivedAt: h.archivedAt,
          ...(h.createdAt && { createdAt: h.createdAt }),
          ...(h.updatedAt && { updatedAt: h.updatedAt }),
        })),
      )
      .returning({ id: habits.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function insertImportedCheckins(
  tx: Db,
  userId: string,
  rows: readonly ImportedCheckinRow[],
  onProgress?: (inserted: number) => void,
): Promise<void> {
  let inserted = 0;
  for (const chunk of chunks(rows)) {
    await tx.insert(checkins).values(
      chunk.map((c) => ({
        userId,
        habitId: c.habitId,
        date: c.date,
        state: c.state,
        value: c.value,
        note: c.note,
        ...(c.createdAt && { createdAt: c.createdAt }),
        ...(c.updatedAt && { updatedAt: c.updatedAt }),
      })),
    );
    inserted += chunk.length;
    onProgress?.(inserted);
  }
}

export async function insertImportedPhotos(
  tx: Db,
  userId: string,
  rows: readonly ImportedPhotoRow[],
): Promise<void> {
  for (const chunk of chunks(rows)) {
    await tx.insert(photos).values(chunk.map((p) => ({ ...p, userId, status: 'ready' as const })));
  }
}
