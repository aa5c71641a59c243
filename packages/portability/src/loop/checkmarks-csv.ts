/**
 * Loop's check mark files. Two kinds:
 * - per habit, `NNN <name>/Checkmarks.csv`: "Date,Value,Notes" with labels (2.1+), or no header
 *   and integers (1.x, 2.0), one row per known day, newest first. Properly quoted (opencsv).
 * - at the root, `Checkmarks.csv`: "Date,<name 1>,<name 2>,…," and one row per day, every value
 *   for every exported habit. Loop writes it by hand: nothing is quoted and every line ends in a
 *   comma, so a habit name containing a comma spans several header cells.
 */
import { isValidLocalDate } from '@habit-tracker/core';
import { parseCsv } from '../csv/parse-csv';
import { report, type Where } from '../finish-import';
import { importFailure, type ProblemList } from '../import-error';
import type { LoopEntry, LoopHabit } from './loop-habit';
import { type LoopValue, parseLoopValue } from './values';

const VALUE_HINT = 'expected YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN or a number';

function readDate(text: string, at: Where, problems: ProblemList): string | null {
  const date = text.trim();
  if (isValidLocalDate(date)) return date;
  report(problems, at, `Date "${text}" is not a date YYYY-MM-DD (1900–2999)`);
  return null;
}

function readValue(text: string, at: Where, problems: ProblemList): LoopValue | null {
  const value = parseLoopValue(text);
  if (value === null) report(problems, at, `Value "${text}" is not a check mark (${VALUE_HINT})`);
  return value;
}

/** One habit's `Checkmarks.csv`, with or without its header. */
export function parseHabitCheckmarks(
  text: string,
  file: string,
  problems: ProblemList,
): LoopEntry[] {
  const rows = parseCsv(text, file);
  const hasHeader = rows[0]?.cells[0]?.trim().toLowerCase() === 'date';
  const header = hasHeader ? rows[0]!.cells.map((c) => c.trim().toLowerCase()) : [];
  const valueColumn = hasHeader ? Math.max(header.indexOf('value'), 1) : 1;
  const notesColumn = header.indexOf('notes');

  const entries: LoopEntry[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const at: Where = { file, line: row.line };
    if (row.cells.length <= valueColumn) {
      report(problems, at, 'Expected a date and a value');
      continue;
    }
    const date = readDate(row.cells[0]!, at, problems);
    const value = readValue(row.cells[valueColumn]!, at, problems);
    if (date === null || value === null) continue;
    const note = notesColumn >= 0 ? (row.cells[notesColumn] ?? '') : '';
    entries.push({ date, value, note, at });
  }
  return entries;
}

/**
 * Which habit each header column is. Loop keys the columns by name, so: try the longest run of
 * cells that, joined with commas, is the name of a habit not yet matched (names with commas),
 * and among equal names take them in Habits.csv order (same-name habits: the first column named
 * "Run" is the first habit named "Run", which is also Loop's export order).
 */
function matchColumns(
  names: string[],
  habits: readonly LoopHabit[],
  at: Where,
  problems: ProblemList,
): (LoopHabit | null)[] {
  const unmatched = [...habits];
  const columns: (LoopHabit | null)[] = [];
  let k = 0;
  while (k < names.length) {
    let found = false;
    for (let length = names.length - k; length >= 1 && !found; length--) {
      const name = names.slice(k, k + length).join(',');
      const index = unmatched.findIndex((h) => h.name === name);
      if (index >= 0) {
        columns.push(unmatched.splice(index, 1)[0]!);
        k += length;
        found = true;
      }
    }
    if (!found) {
      report(problems, at, `Column "${names[k]}" is not the name of a habit in Habits.csv`);
      columns.push(null);
      k++;
    }
  }
  return columns;
}

/** The root `Checkmarks.csv`: entries per habit, for the habits it has a column for. */
export function parseRootCheckmarks(
  text: string,
  file: string,
  habits: readonly LoopHabit[],
  problems: ProblemList,
): Map<LoopHabit, LoopEntry[]> {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (header?.cells[0]?.trim().toLowerCase() !== 'date') {
    throw importFailure(
      file,
      'Expected Loop Habit Tracker\'s Checkmarks.csv, whose header is "Date," and the habit names',
      1,
    );
  }
  const names = header.cells.slice(1);
  if (names.at(-1) === '') names.pop();
  const columns = matchColumns(names, habits, { file, line: header.line }, problems);

  const entries = new Map<LoopHabit, LoopEntry[]>();
  for (const habit of columns) if (habit) entries.set(habit, []);
  for (const row of rows.slice(1)) {
    const at: Where = { file, line: row.line };
    const values = row.cells.slice(1);
    if (values.length === columns.length + 1 && values.at(-1) === '') values.pop();
    if (values.length !== columns.length) {
      report(
        problems,
        at,
        `Expected ${columns.length} values after the date, found ${values.length}`,
      );
      continue;
    }
    const date = readDate(row.cells[0]!, at, problems);
    values.forEach((text, i) => {
      const value = readValue(text, at, problems);
      const habit = columns[i];
      if (date !== null && value !== null && habit) {
        entries.get(habit)!.push({ date, value, note: '', at });
      }
    });
  }
  return entries;
}
