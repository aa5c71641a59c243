import type { Checkin, CheckinState, Weekday } from '@habit-tracker/core';
import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { checkins, habits } from '../schema';
import { preparedOn } from './prepared';
import {
  type CheckinRow,
  type HabitRow,
  type StoredSummary,
  summaryFromColumns,
  toHabitRow,
  uuidArray,
} from './rows';

/* Every query here filters by user_id: another user's check-ins are indistinguishable from none. */

/** A check-in's state as one letter in packed marks (parseMarks reads it back). */
const STATE_LETTER = sql.raw(
  `case state when 'done' then 'd' when 'skipped' then 's' else 'n' end`,
);
const STATE_LETTER_C = sql.raw(
  `case c.state when 'done' then 'd' when 'skipped' then 's' else 'n' end`,
);

export interface CheckinInput {
  state: CheckinState;
  value: number | null;
  /** Null clears the note; undefined keeps the one stored (a tap on the grid sends none). */
  note: string | null | undefined;
}

const checkinColumns = {
  habitId: checkins.habitId,
  date: checkins.date,
  state: checkins.state,
  value: checkins.value,
  note: checkins.note,
  createdAt: checkins.createdAt,
  updatedAt: checkins.updatedAt,
};

/**
 * Records the check-in of `date` (`YYYY-MM-DD`), replacing any earlier one for that date but
 * keeping its created_at (and its note, when `input.note` is undefined). Null when the habit is not the user's. One statement: the INSERT takes
 * its row from the user's habit, so nothing is written for someone else's.
 */
export async function upsertCheckin(
  db: Db,
  userId: string,
  habitId: string,
  date: string,
  input: CheckinInput,
): Promise<CheckinRow | null> {
  // INSERT … SELECT needs every column, in table order.
  const ownHabit = db
    .select({
      habitId: habits.id,
      userId: habits.userId,
      date: sql`${date}::date`.as('date'),
      state: sql`${input.state}`.as('state'),
      value: sql`${input.value}::double precision`.as('value'),
      note: sql`${input.note ?? null}::text`.as('note'),
      createdAt: sql`now()`.as('created_at'),
      updatedAt: sql`now()`.as('updated_at'),
    })
    .from(habits)
    .where(and(eq(habits.userId, userId), eq(habits.id, habitId)));
  const [row] = await db
    .insert(checkins)
    .select(ownHabit)
    .onConflictDoUpdate({
      target: [checkins.habitId, checkins.date],
      set: {
        state: sql`excluded.state`,
        value: sql`excluded.value`,
        note: input.note === undefined ? sql`${checkins.note}` : sql`excluded.note`,
        updatedAt: sql`now()`,
      },
    })
    .returning(checkinColumns);
  return row ?? null;
}

/** False when there was no such check-in (or the habit is not the user's). */
export async function deleteCheckin(
  db: Db,
  userId: string,
  habitId: string,
  date: string,
): Promise<boolean> {
  const rows = await db
    .delete(checkins)
    .where(and(eq(checkins.userId, userId), eq(checkins.habitId, habitId), eq(checkins.date, date)))
    .returning({ date: checkins.date });
  return rows.length > 0;
}

/**
 * The user's check-ins of these habits, optionally within `from..to` (inclusive), ordered by habit
 * then date. One query for any number of habits (the Today view passes all active ones).
 */
export async function listCheckins(
  db: Db,
  userId: string,
  habitIds: string[],
  range: { from?: string; to?: string } = {},
): Promise<CheckinRow[]> {
  if (habitIds.length === 0) return [];
  return db
    .select(checkinColumns)
    .from(checkins)
    .where(
      and(
        eq(checkins.userId, userId),
        habitIds.length === 1
          ? eq(checkins.habitId, habitIds[0]!)
          : sql`${checkins.habitId} = any(${uuidArray(habitIds)})`,
        range.from === undefined ? undefined : gte(checkins.date, range.from),
        range.to === undefined ? undefined : lte(checkins.date, range.to),
      ),
    )
    .orderBy(asc(checkins.habitId), asc(checkins.date));
}

/** One habit's history in the lean form the core computes on, and optionally one full row. */
export interface CheckinMarks {
  habitId: string;
  /** Every check-in of the habit (within the range asked for), by date. */
  marks: Checkin[];
  /** The full check-in of `rowFor`, when asked for and there is one. */
  row: CheckinRow | null;
}

/**
 * The user's check-ins of these habits in the lean form streaks, scores and schedules need
 * (date, state, value), optionally within `from..to` (inclusive), plus the full row of one date
 * (`rowFor`, e.g. today) — one query, one result row per habit that has any check-ins.
 *
 * The hot path of the Today view: `listCheckins` maps every row through drizzle and parses two
 * timestamps each (~1,300 rows for a year of five habits); here PostgreSQL packs each habit's
 * history into one string (`YYYY-MM-DD` + `d`|`s` + value, comma-separated) that is split once.
 */
export async function listCheckinMarks(
  db: Db,
  userId: string,
  habitIds: string[],
  range: { from?: string; to?: string; rowFor?: string } = {},
): Promise<CheckinMarks[]> {
  if (habitIds.length === 0) return [];
  const conditions = [
    sql`user_id = ${userId}`,
    habitIds.length === 1
      ? sql`habit_id = ${habitIds[0]!}`
      : sql`habit_id = any(${uuidArray(habitIds)})`,
  ];
  if (range.from !== undefined) conditions.push(sql`date >= ${range.from}::date`);
  if (range.to !== undefined) conditions.push(sql`date <= ${range.to}::date`);
  const rowFor = range.rowFor ?? null;
  // date::text is ISO (YYYY-MM-DD) under the default DateStyle, as drizzle's date columns assume;
  // a double's text form round-trips through Number() (extra_float_digits ≥ 1, the default).
  const result = (await db.execute(sql`
    select habit_id as "habitId",
      string_agg(date::text || ${STATE_LETTER} || coalesce(value::text, ''), ',' order by date)
        as marks,
      bool_or(date = ${rowFor}::date) as "hasRow",
      max(note) filter (where date = ${rowFor}::date) as note,
      max(created_at) filter (where date = ${rowFor}::date) as "createdAt",
      max(updated_at) filter (where date = ${rowFor}::date) as "updatedAt"
    from ${checkins}
    where ${sql.join(conditions, sql` and `)}
    group by habit_id`)) as unknown as { rows: MarksResultRow[] };
  return result.rows.map((r) => {
    const marks = parseMarks(r.marks);
    const row =
      r.hasRow === true && rowFor !== null
        ? fullRowOf(marks, r.habitId, rowFor, {
            note: r.note,
            createdAt: toInstant(r.createdAt),
            updatedAt: toInstant(r.updatedAt),
          })
        : null;
    return { habitId: r.habitId, marks, row };
  });
}

/** A habit with its history in the lean form, and the full check-in of one date. */
export interface HabitWithMarks {
  habit: HabitRow;
  /**
   * The habit's check-ins: from `summary.readsFrom` on when there is a summary to resume from,
   * else its whole history.
   */
  marks: Checkin[];
  row: CheckinRow | null;
  /** The stored summary, when it may be resumed from on `today` (see core's canResume). */
  summary: StoredSummary | null;
}

/**
 * The user's active habits (in `listHabits` order), each with its check-ins as
 * `listCheckinMarks` packs them and its full check-in of `today`: the Today view in one round
 * trip. A habit whose stored summary is usable today (folded before today, same week start)
 * brings only the check-ins its summary does not cover — a month or two — else its whole
 * history. Per habit, PostgreSQL packs them with one index range scan and looks up today's row by
 * primary key.
 */
export async function listActiveHabitsWithMarks(
  db: Db,
  userId: string,
  today: string,
  weekStart: Weekday,
): Promise<HabitWithMarks[]> {
  const rows = await preparedOn(db, 'list_active_habits_with_marks', buildTodayQuery).execute({
    userId,
    today,
    weekStart,
  });
  return rows.map((r) => toHabitWithMarks(r, today));
}

/** A row of the Today columns (todayColumns), as either driver returns it. */
export interface TodayColumnsRow {
  habit: typeof habits.$inferSelect;
  resumable: boolean | null;
  marks: string | null;
  row: RowFields | string | null;
}

export function toHabitWithMarks(r: TodayColumnsRow, today: string): HabitWithMarks {
  const habit = toHabitRow(r.habit);
  const marks = r.marks === null ? [] : parseMarks(r.marks);
  const fields = typeof r.row === 'string' ? (JSON.parse(r.row) as RowFields) : r.row;
  const row = fields
    ? fullRowOf(marks, habit.id, today, {
        note: fields.note,
        createdAt: new Date(fields.createdAt),
        updatedAt: new Date(fields.updatedAt),
      })
    : null;
  const summary = r.resumable === true ? summaryFromColumns(r.habit) : null;
  return { habit, marks, row, summary };
}

/**
 * What the Today view reads per active habit (the query selects the user's habits): the habit,
 * whether its summary may be resumed from, its packed check-ins and today's full row. Placeholders `today` and `weekStart`. Shared by the Today query and the
 * session lookup that carries it (sessions.ts).
 */
export function todayColumns() {
  const today = sql`${sql.placeholder('today')}::date`;
  // Mirrors core's canResume; the summary columns are all set or all null.
  const resumable = sql`(${habits.summaryThrough} < ${today} and ${habits.summaryWeekStart} = ${sql.placeholder('weekStart')}::smallint)`;
  return {
    habit: habits,
    resumable: sql<boolean | null>`${resumable}`,
    marks: sql<string | null>`(
        select string_agg(c.date::text || ${STATE_LETTER_C} || coalesce(c.value::text, ''), ','
          order by c.date)
        from ${checkins} c where c.habit_id = ${habits.id}
          -- One bound per habit, so the primary key (habit_id, date) gives a range scan. No
          -- user_id term: the habit row is the user's, and checkins_habit_owner_fk makes its
          -- check-ins theirs too. With one (the parameter, or the habit's column), the prepared
          -- statements' generic plans scanned the user's whole history by checkins_user_id_idx
          -- for every habit: 21–33 ms for 20 habits × 5 years, instead of 2–3.
          and c.date >= coalesce(case when ${resumable} then ${habits.summaryReadsFrom} end, '-infinity'::date))`,
    row: sql<RowFields | string | null>`(
        select json_build_object('note', c.note, 'createdAt', c.created_at, 'updatedAt', c.updated_at)
        from ${checkins} c
        where c.habit_id = ${habits.id} and c.date = ${today})`,
  };
}

/** The order of Today's habits (and of listHabits). */
export const TODAY_ORDER = [asc(habits.position), asc(habits.createdAt), asc(habits.id)] as const;

/** The Today view's query, prepared once per handle (see prepared.ts). */
function buildTodayQuery(db: Db) {
  const userId = sql.placeholder('userId');
  return db
    .select(todayColumns())
    .from(habits)
    .where(and(eq(habits.userId, userId), isNull(habits.archivedAt)))
    .orderBy(...TODAY_ORDER)
    .prepare('list_active_habits_with_marks');
}

/**
 * The full check-in of `date`: its state and value from the packed marks (searched from the end,
 * where `date` — usually today — sits), the rest from the columns fetched beside them.
 */
function fullRowOf(
  marks: readonly Checkin[],
  habitId: string,
  date: string,
  rest: Pick<CheckinRow, 'note' | 'createdAt' | 'updatedAt'>,
): CheckinRow | null {
  let at = marks.length - 1;
  while (at >= 0 && marks[at]!.date !== date) at--;
  const mark = marks[at];
  return mark ? { habitId, date, state: mark.state, value: mark.value, ...rest } : null;
}

export interface RowFields {
  note: string | null;
  /** ISO 8601 with offset, as json_build_object writes a timestamptz. */
  createdAt: string;
  updatedAt: string;
}

interface MarksResultRow {
  habitId: string;
  marks: string;
  hasRow: boolean | null;
  note: string | null;
  /** Raw timestamptz text (both drivers leave timestamps unparsed for drizzle), or a Date. */
  createdAt: string | Date;
  updatedAt: string | Date;
}

function toInstant(value: string | Date): Date {
  // As drizzle maps a timestamptz column.
  return value instanceof Date ? value : new Date(value);
}

/**
 * `2026-11-20d3.5,2026-11-21s,2026-11-22n` → check-ins (d done, s skipped, n note only). One
 * scan, no intermediate array of pieces.
 */
export function parseMarks(packed: string): Checkin[] {
  const marks: Checkin[] = [];
  const length = packed.length;
  let start = 0;
  while (start < length) {
    let end = packed.indexOf(',', start);
    if (end < 0) end = length;
    const letter = packed.charCodeAt(start + 10);
    marks.push({
      date: packed.slice(start, start + 10),
      state: letter === 100 /* d */ ? 'done' : letter === 115 /* s */ ? 'skipped' : 'note',
      value: end > start + 11 ? Number(packed.slice(start + 11, end)) : null,
    });
    start = end + 1;
  }
  return marks;
}

/** How many check-ins the user has (to estimate an export's size). */
export async function countUserCheckins(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(checkins)
    .where(eq(checkins.userId, userId));
  return Number(row?.n ?? 0);
}
