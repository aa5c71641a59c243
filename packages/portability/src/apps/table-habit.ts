/**
 * Table Habit's JSON export (github.com/FriesI23/mhabit, app settings → export; file
 * `export-all-….json` or `export-habits-….json`; read from lib/models/habit_export.dart,
 * habit_form.dart, habit_freq.dart, habit_date.dart, custom_color.g.dart; v1.0.0–v1.26.14):
 *
 *   { "habits": [ { "type": 0|1|2, "status": 0|1|2|3, "name", "desc", "color": 1–10,
 *     "custom_color"?: ARGB, "daily_goal", "daily_goal_unit", "daily_goal_extra"?, "freq_type":
 *     1 weekly|2 monthly|3 custom, "freq_custom": "[n]" | "[n,days]" (a JSON string),
 *     "start_date": epoch day, "reminder"?, "reminder_quest"?, "sort_position"?, "records": [
 *     { "record_date": epoch day, "record_type": 0|1 done|2 skip, "record_value", "reason"? } ]
 *     } ], "groups"?: [...] }
 *
 * Null fields are left out of the file. Every Table Habit habit has a daily goal; one whose goal
 * is 1 without a unit, with no other values, is a yes/no habit here. A negative habit (type 2)
 * is an at-most habit: its limit is daily_goal_extra, or daily_goal. Deleted habits (status 2, in
 * the recycle bin) are left out, archived ones (3) kept archived. Groups, reminders and the
 * habit-forming target (target_days) have no place here.
 */
import { fromDayNumber, type Measure, type Schedule } from '@habit-tracker/core';
import { z } from 'zod';
import type { Where } from '../finish-import';
import type { ImportDocument } from '../import-document';
import { excerpt, ProblemList } from '../import-error';
import type { ResolvedOptions } from '../options';
import { type ImportWarning, warning } from '../warnings';
import {
  acceptedItems,
  checkHabitsAndRecords,
  type DayEntry,
  draftOf,
  finishInOrder,
  isObject,
  noteOf,
  rotatingColor,
} from './common';

const TABLE_HABIT_KEYS = ['freq_type', 'daily_goal', 'start_date', 'freq_custom', 'create_t'];

/** A JSON object with a `habits` array in Table Habit's vocabulary. */
export function isTableHabitExport(json: unknown): boolean {
  if (!isObject(json) || !Array.isArray(json.habits)) return false;
  return json.habits.some(
    (h) =>
      isObject(h) &&
      (TABLE_HABIT_KEYS.some((k) => k in h) ||
        (Array.isArray(h.records) && h.records.some((r) => isObject(r) && 'record_date' in r))),
  );
}

/** Built-in colours 1–10 (lib/theme/_colors/custom_color.g.dart, the seed colours). */
const COLORS = [
  '#6750a4',
  '#f44336',
  '#9c27b0',
  '#3f51b5',
  '#009688',
  '#4caf50',
  '#ffc107',
  '#ff9800',
  '#8bc34a',
  '#673ab7',
];

/** Epoch days of the years the product stores (1900–2999). */
const EpochDay = z.number().int().min(-25_567).max(376_199);

const RecordSchema = z.object({
  record_date: EpochDay,
  record_type: z.number().int().min(0).max(2).optional(),
  record_value: z.number().finite().nullable().optional(),
  reason: z.string().nullable().optional(),
});

const HabitSchema = z.object({
  type: z.number().int().optional(),
  status: z.number().int().optional(),
  name: z.string(),
  desc: z.string().nullable().optional(),
  color: z.number().int().nullable().optional(),
  custom_color: z.number().int().nullable().optional(),
  daily_goal: z.number().finite().min(0).nullable().optional(),
  daily_goal_unit: z.string().nullable().optional(),
  daily_goal_extra: z.number().finite().min(0).nullable().optional(),
  freq_type: z.number().int().nullable().optional(),
  freq_custom: z.string().nullable().optional(),
  start_date: EpochDay.nullable().optional(),
  reminder: z.string().nullable().optional(),
  reminder_quest: z.string().nullable().optional(),
  sort_position: z.number().finite().nullable().optional(),
  records: z.array(z.unknown()).nullable().optional(),
});
type TableHabit = z.infer<typeof HabitSchema>;
type TableRecord = z.infer<typeof RecordSchema>;

const FALLBACK_UNIT = 'times';
const NEGATIVE = 2;
const DONE = 1;
const SKIP = 2;

function colorOf(habit: TableHabit, index: number): string {
  if (typeof habit.custom_color === 'number') {
    return `#${((habit.custom_color >>> 0) & 0xffffff).toString(16).padStart(6, '0')}`;
  }
  const builtIn = habit.color ? COLORS[habit.color - 1] : undefined;
  return builtIn ?? rotatingColor(index);
}

function measureOf(
  habit: TableHabit,
  records: readonly TableRecord[],
  name: string,
  warnings: ImportWarning[],
): Measure {
  const goal = habit.daily_goal ?? (habit.type === NEGATIVE ? 0 : 1);
  const unit = (habit.daily_goal_unit ?? '').trim();
  if (habit.type === NEGATIVE) {
    const limit = habit.daily_goal_extra ?? goal;
    if (goal > 0 && limit > goal) {
      warnings.push(
        warning(
          'ideal_not_kept',
          { habit: excerpt(name), ideal: goal, limit },
          `"${excerpt(name)}": Table Habit's ideal of at least ${goal} is not kept; only the limit of ${limit} is.`,
        ),
      );
    }
    return { kind: 'numeric', unit: unit || FALLBACK_UNIT, target: limit, direction: 'at_most' };
  }
  const yesNo =
    goal === 1 &&
    unit === '' &&
    records.every((r) => r.record_value == null || r.record_value === 0 || r.record_value === 1);
  if (yesNo) return { kind: 'boolean' };
  if (goal <= 0) {
    warnings.push(
      warning(
        'no_daily_goal',
        { habit: excerpt(name), app: 'Table Habit', unit: unit || FALLBACK_UNIT },
        `"${excerpt(name)}" has no daily goal in Table Habit; it is imported as at least 1 ${unit || FALLBACK_UNIT}.`,
      ),
    );
  }
  return {
    kind: 'numeric',
    unit: unit || FALLBACK_UNIT,
    target: goal > 0 ? goal : 1,
    direction: 'at_least',
  };
}

/** freq_custom is a JSON string of whole numbers: "[3]", "[3,10]". */
function frequencyArgs(text: string | null | undefined): number[] {
  if (!text || text.length > 100) return [];
  try {
    const args: unknown = JSON.parse(text);
    return Array.isArray(args) && args.every((a) => Number.isInteger(a) && a >= 1)
      ? (args as number[])
      : [];
  } catch {
    return [];
  }
}

/**
 * Weekly and monthly counts are calendar periods, like ours (Table Habit's week starts on a day
 * its settings choose, which the export does not carry; here, the user's week start). Custom
 * "n times in d days" is a rolling window, close to ours — Table Habit spreads a window's
 * automatic days a little differently around its checks.
 */
function scheduleOf(habit: TableHabit, name: string, warnings: ImportWarning[]): Schedule {
  const [n, days] = frequencyArgs(habit.freq_custom);
  switch (habit.freq_type) {
    case 1:
      if (n === undefined) break;
      return n >= 7 ? { kind: 'daily' } : { kind: 'times_per_week', times: n };
    case 2:
      if (n === undefined) break;
      return n >= 31 ? { kind: 'daily' } : { kind: 'times_per_month', times: n };
    case 3: {
      if (n === undefined || days === undefined) break;
      if (n >= days) return { kind: 'daily' };
      if (days <= 365) return { kind: 'times_in_days', times: n, days };
      const times = Math.max(1, Math.min(364, Math.round((n * 365) / days)));
      warnings.push(
        warning(
          'schedule_approximated',
          { habit: excerpt(name), app: 'Table Habit' },
          `"${excerpt(name)}": ${n} times in ${days} days is longer than a year; imported as ${times} times in any 365 days.`,
        ),
      );
      return { kind: 'times_in_days', times, days: 365 };
    }
    default:
      return { kind: 'daily' };
  }
  warnings.push(
    warning(
      'frequency_unreadable',
      { habit: excerpt(name), frequency: excerpt(habit.freq_custom ?? 'none') },
      `"${excerpt(name)}": its frequency (${excerpt(habit.freq_custom ?? 'none')}) could not be read; imported as every day.`,
    ),
  );
  return { kind: 'daily' };
}

function entryOf(record: TableRecord, measure: Measure, goal: number, at: Where): DayEntry | null {
  const date = fromDayNumber(record.record_date);
  const note = noteOf(record.reason);
  const none = note === null ? null : { date, state: 'note' as const, value: null, note, at };
  if (record.record_type === SKIP) return { date, state: 'skipped', value: null, note, at };
  if (record.record_type !== DONE) return none;
  // A tap records the goal; a second tap records 0, "not done" (a recorded failure).
  const value = record.record_value ?? goal;
  if (measure.kind === 'boolean') {
    return value > 0 ? { date, state: 'done', value: null, note, at } : none;
  }
  if (measure.direction === 'at_least' && value <= 0) return none;
  return { date, state: 'done', value: Math.max(0, value), note, at };
}

export function readTableHabitExport(
  file: string,
  json: unknown,
  options: ResolvedOptions,
): ImportDocument {
  const root = json as { habits: unknown[] };
  checkHabitsAndRecords(file, root.habits, options);
  const problems = new ProblemList();
  const warnings: ImportWarning[] = [];
  const drafts = [];
  let deleted = 0;
  let reminders = 0;
  const habitAt = (i: number): Where => ({ file, what: `Habit ${i + 1}`, path: 'habits', row: i });
  for (const { value: habit, i } of acceptedItems(root.habits, HabitSchema, problems, habitAt)) {
    if (habit.status === 2) {
      deleted++;
      continue;
    }
    if (habit.reminder) reminders++;
    const name = habit.name.trim();
    const label = `Record of "${excerpt(name)}"`;
    const path = `habits[${i}].records`;
    const recordAt = (row: number): Where => ({ file, what: label, path, row });
    const records: { record: TableRecord; at: Where }[] = Array.from(
      acceptedItems(habit.records ?? [], RecordSchema, problems, recordAt),
      ({ value, at }) => ({ record: value, at }),
    );
    const measure = measureOf(
      habit,
      records.filter((r) => r.record.record_type === DONE).map((r) => r.record),
      name,
      warnings,
    );
    const goal =
      habit.type === NEGATIVE
        ? (habit.daily_goal_extra ?? habit.daily_goal ?? 0)
        : (habit.daily_goal ?? 1);
    const entries = records.flatMap(({ record, at: recordAt }) => {
      const entry = entryOf(record, measure, goal, recordAt);
      return entry ? [entry] : [];
    });
    const description = [habit.reminder_quest, habit.desc]
      .map((s) => (s ?? '').trim())
      .filter((s) => s !== '')
      .join('\n\n');
    drafts.push({
      order: habit.sort_position ?? Number.POSITIVE_INFINITY,
      index: i,
      draft: draftOf(
        {
          sourceId: String(i + 1),
          name,
          description,
          color: colorOf(habit, drafts.length),
          measure,
          schedule: scheduleOf(habit, name, warnings),
          archived: habit.status === 3,
          position: 0,
          ...(habit.start_date != null && { startDate: fromDayNumber(habit.start_date) }),
        },
        entries,
        { file, what: `Habit "${excerpt(name)}"`, path: 'habits', row: i },
        options.today,
      ),
    });
  }
  if (deleted > 0) {
    warnings.push(
      warning(
        'deleted_habits_left_out',
        { count: deleted, app: 'Table Habit' },
        `${deleted} habit${deleted === 1 ? '' : 's'} in Table Habit's recycle bin ${deleted === 1 ? 'was' : 'were'} left out.`,
      ),
    );
  }
  if (reminders > 0) {
    warnings.push(
      warning(
        'reminders_not_imported',
        { app: 'Table Habit' },
        'Reminders set in Table Habit are not imported; set them again here.',
      ),
    );
  }
  drafts.sort((a, b) => a.order - b.order || a.index - b.index);
  const sorted = drafts.map(({ draft }) => draft);
  return finishInOrder('table-habit', file, sorted, warnings, problems);
}
