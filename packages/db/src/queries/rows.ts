/** Row shapes returned by the queries (camelCase, dates as `YYYY-MM-DD` strings). */
import type { CheckinState, HabitSummary, Measure, Schedule, Weekday } from '@habit-tracker/core';
import { type SQL, sql } from 'drizzle-orm';
import type { habits } from '../schema';

export interface UserRow {
  id: string;
  email: string;
  passwordHash: string | null;
  createdAt: Date;
}

export interface SettingsRow {
  timeZone: string;
  dayStartHour: number;
  weekStart: Weekday;
  /** The account's language (a catalog tag); null = follow the browser. */
  locale: string | null;
}

export interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface HabitRow {
  id: string;
  userId: string;
  name: string;
  description: string;
  color: string;
  icon: string;
  measure: Measure;
  schedule: Schedule;
  position: number;
  /** Its group on Today, or null. */
  groupId: string | null;
  startDate: string;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface HabitGroupRow {
  id: string;
  name: string;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CheckinRow {
  habitId: string;
  date: string;
  state: CheckinState;
  value: number | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

type HabitRecord = typeof habits.$inferSelect;
type MeasureColumns = Pick<HabitRecord, 'kind' | 'unit' | 'target' | 'targetDirection'>;

export function measureFromColumns(row: MeasureColumns): Measure {
  if (row.kind === 'boolean') return { kind: 'boolean' };
  // The habits_measure_check constraint guarantees all three for a numeric habit.
  return { kind: 'numeric', unit: row.unit!, target: row.target!, direction: row.targetDirection! };
}

export function measureToColumns(measure: Measure): MeasureColumns {
  return measure.kind === 'numeric'
    ? {
        kind: 'numeric',
        unit: measure.unit,
        target: measure.target,
        targetDirection: measure.direction,
      }
    : { kind: 'boolean', unit: null, target: null, targetDirection: null };
}

export function toHabitRow(record: HabitRecord): HabitRow {
  const {
    kind,
    unit,
    target,
    targetDirection,
    summaryThrough,
    summaryWeekStart,
    summaryScore,
    summaryRun,
    summaryBest,
    summaryReadsFrom,
    ...rest
  } = record;
  return { ...rest, measure: measureFromColumns({ kind, unit, target, targetDirection }) };
}

/** A habit's stored summary and the first date a read resuming from it needs. */
export interface StoredSummary {
  summary: HabitSummary;
  readsFrom: string;
}

type SummaryColumns = Pick<
  HabitRecord,
  | 'summaryThrough'
  | 'summaryWeekStart'
  | 'summaryScore'
  | 'summaryRun'
  | 'summaryBest'
  | 'summaryReadsFrom'
>;

/** habits_summary_check makes the columns all null or all set. */
export function summaryFromColumns(row: SummaryColumns): StoredSummary | null {
  if (row.summaryThrough === null) return null;
  return {
    summary: {
      through: row.summaryThrough,
      weekStart: row.summaryWeekStart as Weekday,
      score: row.summaryScore!,
      run: row.summaryRun!,
      best: row.summaryBest!,
    },
    readsFrom: row.summaryReadsFrom!,
  };
}

export function summaryToColumns(stored: StoredSummary | null): SummaryColumns {
  const s = stored?.summary;
  return {
    summaryThrough: s?.through ?? null,
    summaryWeekStart: s?.weekStart ?? null,
    summaryScore: s?.score ?? null,
    summaryRun: s?.run ?? null,
    summaryBest: s?.best ?? null,
    summaryReadsFrom: stored?.readsFrom ?? null,
  };
}

/** Rows affected by an INSERT/UPDATE/DELETE without RETURNING (node-postgres and PGlite differ). */
export function affectedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

// user_settings_week_start_check keeps week_start within 1..7.
export function toSettingsRow(row: {
  timeZone: string;
  dayStartHour: number;
  weekStart: number;
  locale: string | null;
}): SettingsRow {
  return {
    timeZone: row.timeZone,
    dayStartHour: row.dayStartHour,
    weekStart: row.weekStart as Weekday,
    locale: row.locale,
  };
}

/** The settings fields present in `patch`, so that absent ones keep their current or default value. */
export function settingsValues(patch: Partial<SettingsRow> | undefined): Partial<SettingsRow> {
  const values: Partial<SettingsRow> = {};
  if (patch?.timeZone !== undefined) values.timeZone = patch.timeZone;
  if (patch?.dayStartHour !== undefined) values.dayStartHour = patch.dayStartHour;
  if (patch?.weekStart !== undefined) values.weekStart = patch.weekStart;
  if (patch?.locale !== undefined) values.locale = patch.locale;
  return values;
}

/** `ids` as one uuid[] parameter (`= any(...)`, `unnest(...)`), however many there are. */
export function uuidArray(ids: string[]): SQL {
  return sql`${sql.param(ids)}::uuid[]`;
}
