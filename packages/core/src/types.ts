/**
 * The domain's vocabulary. Everything here is plain data (JSON-safe), shared by the
 * server, the database layer and the web app.
 */

/** A calendar date, `YYYY-MM-DD`, in the user's own calendar (never a UTC instant). */
export type LocalDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Schedule =
  | { kind: 'daily' }
  /** Due on the chosen weekdays only (non-empty, unique). */
  | { kind: 'weekdays'; days: Weekday[] }
  /** `times` completions in each week (weeks begin on the user's week start). 1–7. */
  | { kind: 'times_per_week'; times: number }
  /** `times` completions in each calendar month. 1–31. */
  | { kind: 'times_per_month'; times: number }
  /** Due every `interval` days counted from `startDate` (interval 1–365). */
  | { kind: 'every_n_days'; interval: number; startDate: LocalDate }
  /**
   * `times` completions in any `days` consecutive days, a rolling window (Loop Habit Tracker's
   * "X times in Y days"): 1 ≤ times < days ≤ 365. See rolling-window.ts.
   */
  | { kind: 'times_in_days'; times: number; days: number };

export type ScheduleKind = Schedule['kind'];

/** How a habit is measured. */
export type Measure =
  | { kind: 'boolean' }
  | { kind: 'numeric'; unit: string; target: number; direction: 'at_least' | 'at_most' };

/**
 * 'note' is a day with only a note: the user wrote something but did not check in (Loop's notes
 * on "no" days). Streaks, scores, due days and progress treat it exactly like no check-in.
 */
export type CheckinState = 'done' | 'skipped' | 'note';

/** What the user recorded for one habit on one local date. No check-in means "none". */
export interface Checkin {
  date: LocalDate;
  state: CheckinState;
  /** The measured amount for numeric habits (state 'done'); null for yes/no habits, skips, notes. */
  value: number | null;
}

/** The user's calendar: where their days begin and end. */
export interface CalendarSettings {
  /** IANA time zone, e.g. "Asia/Singapore". */
  timeZone: string;
  /** 0–23: the local hour at which a new day begins ("my day starts at 3 am" → 3). */
  dayStartHour: number;
  /** First day of the week for weekly targets and calendars. */
  weekStart: Weekday;
}

export type StreakUnit = 'days' | 'weeks' | 'months';

export interface Streaks {
  current: number;
  best: number;
  /** 'days' counts due days met; 'weeks'/'months' count periods whose target was met. */
  unit: StreakUnit;
}

/**
 * Progress within the period that contains a date (a day for day-based schedules; for a rolling
 * window, the `days` days ending on the date).
 */
export interface PeriodProgress {
  kind: PeriodKind;
  start: LocalDate;
  end: LocalDate;
  /** Completions (met check-ins) in the period so far. */
  done: number;
  /** Completions the period asks for. */
  target: number;
  met: boolean;
}

export interface ScorePoint {
  date: LocalDate;
  /** 0–1 habit strength. */
  score: number;
}

export type PeriodKind = 'day' | 'week' | 'month' | 'window';

/** The stretch of days a schedule's target applies to; both ends inclusive. */
export interface Period {
  kind: PeriodKind;
  start: LocalDate;
  end: LocalDate;
}

/** How often a schedule asks for a check-in: numerator times every denominator days. */
export interface Frequency {
  numerator: number;
  denominator: number;
}
