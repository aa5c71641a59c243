/**
 * A check-in write in one statement (docs/decisions/0010-performance.md): the habit locked, the
 * Idempotency-Key's record looked up, and the check-in written (or deleted) together — so a
 * write whose summary needs no rebuild is BEGIN, this statement, (for a PUT with a key, the
 * record), COMMIT.
 *
 * The statement locks the habit first (the write reads its rows from the locked habit), so
 * writes to one habit still take turns; it writes nothing when the key already has a record,
 * and it still answers with the record when the habit is gone (a resend after a delete replays).
 * Every row it reads or writes is filtered by the user.
 */
import { type Column, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { checkins, habits, idempotencyKeys, photos } from '../schema';
import type { CheckinInput } from './checkins';
import type { IdempotencyRecord } from './idempotency';
import {
  type CheckinRow,
  type HabitRow,
  type StoredSummary,
  summaryFromColumns,
  toHabitRow,
} from './rows';

/** The habit as getHabitForUpdate returns it: locked until the transaction ends. */
export interface LockedHabit {
  habit: HabitRow;
  summary: StoredSummary | null;
}

export interface CheckinPut {
  /** Null when the habit is not the user's (nothing was written). */
  found: LockedHabit | null;
  /** The key's stored record, when it has one: then nothing was written. */
  record: IdempotencyRecord | null;
  /** The check-in as written; null when nothing was (no habit, a record, or no `checkin`). */
  row: CheckinRow | null;
}

/**
 * Locks the habit, looks up `key`'s record and — unless the key has one — records `checkin` for
 * `date` as upsertCheckin does. Without `checkin` it only locks and looks up (for a request that
 * will be refused). The caller validates against the habit's measure afterwards and rolls back to
 * refuse: give `checkin` only when nothing but its measure can refuse it (core's
 * checkinShapeProblems is empty), so the table's checks never fail.
 */
export async function lockHabitAndPutCheckin(
  tx: Db,
  put: { userId: string; habitId: string; date: string; key?: string; checkin?: CheckinInput },
): Promise<CheckinPut> {
  const { userId, habitId, date, key, checkin } = put;
  const ctes = [lockedHabit(userId, habitId), ...recordLookup(userId, key)];
  const selects = [columnsOf(HABIT, 'h', 'habit'), ...recordColumns(key)];
  if (checkin) {
    ctes.push(sql`up as (
      insert into ${checkins} (habit_id, user_id, date, state, value, note, created_at, updated_at)
      select h.id, h.user_id, ${date}::date, ${checkin.state}, ${checkin.value}::double precision,
        ${checkin.note ?? null}::text, now(), now()
      from h ${key === undefined ? sql`` : sql`where not exists (select from rec)`}
      on conflict (habit_id, date) do update set
        state = excluded.state,
        value = excluded.value,
        note = ${checkin.note === undefined ? sql`${checkins}.note` : sql`excluded.note`},
        updated_at = now()
      returning *)`);
    selects.push(columnsOf(CHECKIN, 'up', 'row'));
  }
  const row = await one(tx, ctes, selects, ['h', ...joinedRec(key), ...(checkin ? ['up'] : [])]);
  return {
    found: habitOf(row),
    record: recordOf(row, key),
    row: checkin && row['row.habitId'] != null ? mapped<CheckinRow>(CHECKIN, row, 'row') : null,
  };
}

export interface CheckinDelete {
  /** Null when the habit is not the user's (nothing was deleted or stored). */
  found: LockedHabit | null;
  /** The key's stored record, when it has one: then nothing was deleted or stored. */
  record: IdempotencyRecord | null;
  /** Whether there was a check-in to delete (with `keepNotes`: one that was deleted). */
  deleted: boolean;
  /** With `keepNotes`: whether a check-in became a note-only day (its note and photos kept). */
  kept: boolean;
  /**
   * With `save`: whether its record was stored; false when a concurrent request stored one for
   * the key after this statement began (roll back and answer from theirs). Undefined without.
   */
  saved: boolean | undefined;
}

/**
 * Locks the habit, looks up the key's record and — unless it has one — deletes the check-in of
 * `date` and stores `save` as the key's record (a delete's response does not depend on what it
 * deleted, so it is known before).
 *
 * With `keepNotes`, a day the user wrote on (a non-empty note, or photos) is not deleted but
 * becomes a note-only day: the mark goes, the note and photos stay (photos would go with the row,
 * ON DELETE CASCADE). Decided here, in the statement, because the client does not know past
 * days' notes.
 */
export async function lockHabitAndDeleteCheckin(
  tx: Db,
  del: {
    userId: string;
    habitId: string;
    date: string;
    save?: IdempotencyRecord & { key: string };
    keepNotes?: boolean;
  },
): Promise<CheckinDelete> {
  const { userId, habitId, date, save, keepNotes = false } = del;
  const key = save?.key;
  const unlessRecorded = key === undefined ? sql`` : sql`and not exists (select from rec)`;
  const theDay = sql`c.user_id = ${userId} and c.habit_id = h.id and c.date = ${date}::date`;
  // Never null (coalesce, exists), so `not` of it is true exactly when it is false.
  const written = sql`(coalesce(c.note, '') <> '' or exists (
    select from ${photos} p
    where p.user_id = ${userId} and p.habit_id = c.habit_id and p.date = c.date))`;
  const ctes = [
    lockedHabit(userId, habitId),
    ...recordLookup(userId, key),
    sql`del as (
      delete from ${checkins} c using h
      where ${theDay} ${unlessRecorded} ${keepNotes ? sql`and not ${written}` : sql``}
      returning c.date)`,
  ];
  const selects = [
    columnsOf(HABIT, 'h', 'habit'),
    ...recordColumns(key),
    sql`exists (select from del) as deleted`,
  ];
  if (keepNotes) {
    // A note-only day needs a note (checkins_note_only_check): '' for a day with only photos.
    // One already note-only is left as it is (nothing changed: no summary to refresh).
    ctes.push(sql`kept as (
      update ${checkins} c set state = 'note', value = null, note = coalesce(c.note, ''),
        updated_at = now()
      from h
      where ${theDay} ${unlessRecorded} and c.state <> 'note' and ${written}
      returning c.date)`);
    selects.push(sql`exists (select from kept) as kept`);
  }
  if (save) {
    ctes.push(sql`saved as (
      insert into ${idempotencyKeys} (user_id, key, request_hash, status_code, response_body)
      select h.user_id, ${save.key}, ${save.requestHash}, ${save.statusCode},
        ${save.responseBody === null ? null : JSON.stringify(save.responseBody)}::jsonb
      from h where not exists (select from rec)
      on conflict (user_id, key) do nothing
      returning key)`);
    selects.push(sql`exists (select from saved) as saved`);
  }
  const row = await one(tx, ctes, selects, ['h', ...joinedRec(key)]);
  return {
    found: habitOf(row),
    record: recordOf(row, key),
    deleted: row.deleted === true,
    kept: row.kept === true,
    saved: save ? row.saved === true : undefined,
  };
}

type RawRow = Record<string, unknown>;

const HABIT = getTableColumns(habits) as Record<string, Column>;
const CHECKIN = getTableColumns(checkins) as Record<string, Column>;

function lockedHabit(userId: string, habitId: string): SQL {
  return sql`h as (
    select * from ${habits} where user_id = ${userId} and id = ${habitId} for update)`;
}

function recordLookup(userId: string, key: string | undefined): SQL[] {
  if (key === undefined) return [];
  return [
    sql`rec as (
      select request_hash, status_code, response_body from ${idempotencyKeys}
      where user_id = ${userId} and key = ${key})`,
  ];
}

function joinedRec(key: string | undefined): string[] {
  return key === undefined ? [] : ['rec'];
}

function recordColumns(key: string | undefined): SQL[] {
  if (key === undefined) return [];
  return [
    sql`rec.request_hash as "rec.requestHash", rec.status_code as "rec.statusCode",
      rec.response_body as "rec.responseBody"`,
  ];
}

/** `alias.column as "prefix.key"` for each column, to map back with `mapped`. */
function columnsOf(columns: Record<string, Column>, alias: string, prefix: string): SQL {
  return sql.join(
    Object.entries(columns).map(
      ([key, column]) =>
        sql`${sql.identifier(alias)}.${sql.identifier(column.name)} as ${sql.identifier(`${prefix}.${key}`)}`,
    ),
    sql`, `,
  );
}

/** One row whatever matched: the habit, the record and the write each joined on when present. */
async function one(tx: Db, ctes: SQL[], selects: SQL[], joined: string[]): Promise<RawRow> {
  const joins = joined.map((alias) => sql`left join ${sql.identifier(alias)} on true`);
  const result = (await tx.execute(sql`
    with ${sql.join(ctes, sql`, `)}
    select ${sql.join(selects, sql`, `)}
    from (values (1)) as one (x) ${sql.join(joins, sql` `)}`)) as unknown as { rows: RawRow[] };
  return result.rows[0]!;
}

function habitOf(row: RawRow): LockedHabit | null {
  if (row['habit.id'] == null) return null;
  const record = mapped<typeof habits.$inferSelect>(HABIT, row, 'habit');
  return { habit: toHabitRow(record), summary: summaryFromColumns(record) };
}

function recordOf(row: RawRow, key: string | undefined): IdempotencyRecord | null {
  if (key === undefined || row['rec.requestHash'] == null) return null;
  const body = row['rec.responseBody'];
  return {
    requestHash: row['rec.requestHash'] as string,
    statusCode: Number(row['rec.statusCode']),
    responseBody: body == null ? null : idempotencyKeys.responseBody.mapFromDriverValue(body),
  };
}

/** The columns under `prefix.` as drizzle maps them (dates, timestamps, json). */
function mapped<T>(columns: Record<string, Column>, row: RawRow, prefix: string): T {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = row[`${prefix}.${key}`];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T;
}
