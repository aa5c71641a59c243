/**
 * HabitBull's CSV export (Android/iOS, closed source). What is known of it comes from files
 * users shared: Loop Habit Tracker's HabitBullCSVImporter.kt and its four fixtures made from real
 * exports (uhabits issues #44, #762 with HabitBull 1.5.15, #1265, #1576). Confidence is medium:
 * the layout and the date and "no value" quirks are from real files; what a number habit writes
 * for 0 and 1, and dates on non-US phones, are not documented anywhere.
 *
 *   HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText
 *   Read,,Learning,2022-11-21,1,
 *   Pushups,"reps, not sets",Fitness,11/5/2020,30,felt strong
 *
 * One row per habit and day, quoted when a cell has a comma. Dates are `yyyy-MM-dd` or, since
 * 1.5.x, `M/d/yyyy` (US order, no zero padding). Value 1 is done, 0 a "not done" mark; any other
 * number makes the habit a number habit; about −2³¹ (−2150000000) marks a day without a value.
 * CommentText is the day's note (kept on a note-only day when nothing was done). There are no
 * ids, colours, schedules, units or goals: habits are daily, number habits "at least 1 times",
 * and the preview says so.
 */
import { isValidLocalDate, type LocalDate } from '@habit-tracker/core';
import { type CsvRow, csvRecords } from '../csv/parse-csv';
import { finishImport, report, type Where } from '../finish-import';
import type { ImportDocument } from '../import-document';
import { excerpt, importFailure, ProblemList } from '../import-error';
import { checkEntries, checkHabits, type ResolvedOptions } from '../options';
import { type ImportWarning, warning } from '../warnings';
import { type DayEntry, draftOf, noteOf, rotatingColor } from './common';

export const HABITBULL_HEADER = [
  'HabitName',
  'HabitDescription',
  'HabitCategory',
  'CalendarDate',
  'Value',
  'CommentText',
] as const;

/** Loop's test of the first line, which every known export passes. */
export function looksLikeHabitBull(firstLine: string): boolean {
  return firstLine.startsWith('HabitName,HabitDescription,HabitCategory');
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** About −2³¹: what HabitBull writes for a day without a value. */
const NO_VALUE_BELOW = -1_000_000_000;

const pad = (n: string) => n.padStart(2, '0');

/** Which slashed order the whole file uses: US month-first unless a day shows it cannot be. */
function slashedOrder(rows: CsvRow[], file: string): 'month-first' | 'day-first' {
  let monthFirstImpossible: CsvRow | undefined;
  let dayFirstImpossible: CsvRow | undefined;
  for (const row of rows) {
    const match = SLASHED.exec((row.cells[3] ?? '').trim());
    if (!match) continue;
    if (Number(match[1]) > 12) monthFirstImpossible ??= row;
    if (Number(match[2]) > 12) dayFirstImpossible ??= row;
  }
  if (monthFirstImpossible && dayFirstImpossible) {
    throw importFailure(
      file,
      `Its dates mix day/month (line ${monthFirstImpossible.line}) and month/day (line ${dayFirstImpossible.line}) order, so none of them can be trusted`,
    );
  }
  return monthFirstImpossible ? 'day-first' : 'month-first';
}

function dateOf(text: string, order: 'month-first' | 'day-first'): LocalDate | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  let date: string | null = null;
  if (iso) date = `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`;
  const slashed = SLASHED.exec(t);
  if (slashed) {
    const [month, day] =
      order === 'month-first' ? [slashed[1]!, slashed[2]!] : [slashed[2]!, slashed[1]!];
    date = `${slashed[3]}-${pad(month)}-${pad(day)}`;
  }
  return date !== null && isValidLocalDate(date) ? date : null;
}

interface Row {
  date: LocalDate;
  /** Null: no value (empty, or HabitBull's "no value" mark). */
  value: number | null;
  note: string | null;
  at: Where;
}

export function readHabitBullCsv(
  file: string,
  text: string,
  options: ResolvedOptions,
): ImportDocument {
  // Rows are few cells each: counted (one per line, an upper bound) before any is parsed.
  checkEntries(file, (text.match(/\n/g)?.length ?? 0) + 1, options.maxEntries, 'rows');
  const rows = [...csvRecords(text, file, options)];
  const header = rows.shift();
  if (!header || HABITBULL_HEADER.some((name, i) => header.cells[i]?.trim() !== name)) {
    throw importFailure(
      file,
      `Expected HabitBull's CSV, whose header is "${HABITBULL_HEADER.join(',')}"`,
      1,
    );
  }
  const problems = new ProblemList();
  const warnings: ImportWarning[] = [];
  const order = slashedOrder(rows, file);
  const habits = new Map<string, { description: string; rows: Row[]; line: number }>();
  let slashed = false;
  for (const row of rows) {
    const at: Where = { file, line: row.line };
    const cell = (i: number) => row.cells[i] ?? '';
    if (row.cells.length < 5) {
      report(
        problems,
        at,
        `Expected ${HABITBULL_HEADER.length} columns, found ${row.cells.length}`,
      );
      continue;
    }
    const name = cell(0).trim();
    if (name === '') {
      report(problems, at, 'HabitName is empty');
      continue;
    }
    const date = dateOf(cell(3), order);
    if (date === null) {
      report(
        problems,
        at,
        `CalendarDate "${excerpt(cell(3))}" is not a date (yyyy-MM-dd or M/d/yyyy)`,
      );
      continue;
    }
    if (SLASHED.test(cell(3).trim())) slashed = true;
    const valueText = cell(4).trim();
    const number = valueText === '' ? null : Number(valueText);
    if (number !== null && !Number.isFinite(number)) {
      report(problems, at, `Value "${excerpt(valueText)}" is not a number`);
      continue;
    }
    const value = number === null || number <= NO_VALUE_BELOW || number < 0 ? null : number;
    let habit = habits.get(name);
    if (!habit) {
      habit = { description: '', rows: [], line: row.line };
      habits.set(name, habit);
    }
    if (habit.description === '') habit.description = cell(1).trim();
    habit.rows.push({ date, value, note: noteOf(cell(5)), at });
  }
  checkHabits(file, habits.size, options.maxHabits);

  const drafts = [];
  const numberHabits: string[] = [];
  for (const [name, habit] of habits) {
    const numeric = habit.rows.some((r) => r.value !== null && r.value !== 0 && r.value !== 1);
    if (numeric) numberHabits.push(`"${excerpt(name)}"`);
    const entries: DayEntry[] = habit.rows.flatMap(({ date, value, note, at }): DayEntry[] => {
      if (value !== null && value > 0) {
        return [{ date, state: 'done', value: numeric ? value : null, note, at }];
      }
      return note === null ? [] : [{ date, state: 'note', value: null, note, at }];
    });
    drafts.push(
      draftOf(
        {
          sourceId: name,
          name,
          description: habit.description,
          color: rotatingColor(drafts.length),
          measure: numeric
            ? { kind: 'numeric', unit: 'times', target: 1, direction: 'at_least' }
            : { kind: 'boolean' },
          schedule: { kind: 'daily' },
          archived: false,
          position: drafts.length,
        },
        entries,
        { file, line: habit.line, what: `Habit "${excerpt(name)}"` },
        options.today,
      ),
    );
  }
  if (drafts.length > 0) {
    warnings.push(
      warning(
        'no_schedules',
        { app: 'HabitBull' },
        "HabitBull's export has no schedules, colours or goals: every habit is imported as daily — change any that are not.",
      ),
    );
  }
  if (numberHabits.length > 0) {
    warnings.push(
      warning(
        'numbers_as_times',
        { habits: numberHabits.join(', '), count: numberHabits.length, unit: 'times' },
        `${numberHabits.join(', ')} ${numberHabits.length === 1 ? 'has' : 'have'} numbers, so ${numberHabits.length === 1 ? 'it is' : 'they are'} imported counting "times" with a goal of at least 1: set the unit and goal after importing.`,
      ),
    );
  }
  if (slashed && order === 'month-first') {
    warnings.push(
      warning(
        'dates_month_first',
        { example: '4/11/2019' },
        'Dates like 4/11/2019 were read month first (April 11), as HabitBull writes them in the US.',
      ),
    );
  }
  if (drafts.length === 0 && problems.isEmpty)
    report(problems, { file }, 'The file holds no habits');
  return finishImport('habitbull', drafts, warnings, problems);
}
