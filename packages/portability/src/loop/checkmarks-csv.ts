/**
 * Loop's check mark files. Two kinds:
 * - per habit, `NNN <name>/Checkmarks.csv`: "Date,Value,Notes" with labels (2.3.1+), or no
 *   header and integers (1.4–2.3.0, no notes), one row per known day, newest first. Properly
 *   quoted (opencsv).
 * - at the root, `Checkmarks.csv`: "Date,<name 1>,<name 2>,…," and one row per day, every value
 *   for every exported habit. Loop writes it by hand: nothing is quoted and every line ends in a
 *   comma, so a habit name containing a comma spans several header cells.
 */
import { isValidLocalDate } from '@habit-tracker/core';
import { type CsvLimits, type CsvRow, csvRecords } from '../csv/parse-csv';
import { report, type Where } from '../finish-import';
import { excerpt, importFailure, type ProblemList } from '../import-error';
import type { LoopEntry, LoopHabit } from './loop-habit';
import { type LoopValue, parseLoopValue } from './values';

const VALUE_HINT = 'expected YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN or a number';

function readDate(text: string, at: Where, problems: ProblemList): string | null {
  const date = text.trim();
  if (isValidLocalDate(date)) return date;
  report(problems, at, `Date "${excerpt(text)}" is not a date YYYY-MM-DD (1900–2999)`);
  return null;
}

function readValue(text: string, at: Where, problems: ProblemList): LoopValue | null {
  const value = parseLoopValue(text);
  if (value === null)
    report(problems, at, `Value "${excerpt(text)}" is not a check mark (${VALUE_HINT})`);
  return value;
}

/** One habit's `Checkmarks.csv`, with or without its header. */
export function parseHabitCheckmarks(
  text: string,
  file: string,
  problems: ProblemList,
  limits: CsvLimits = {},
): LoopEntry[] {
  const rows = csvRecords(text, file, limits);
  const first = rows.next();
  if (first.done) return [];
  const hasHeader = first.value.cells[0]?.trim().toLowerCase() === 'date';
  const header = hasHeader ? first.value.cells.map((c) => c.trim().toLowerCase()) : [];
  const valueColumn = hasHeader ? Math.max(header.indexOf('value'), 1) : 1;
  const notesColumn = header.indexOf('notes');

  const entries: LoopEntry[] = [];
  const body = function* (): Generator<CsvRow> {
    if (!hasHeader) yield first.value;
    yield* rows;
  };
  for (const row of body()) {
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

/** A trie over header cells: a habit name "a,b" is the path a → b. */
interface NameNode {
  next: Map<string, NameNode>;
  /** Habits with exactly this name, in Habits.csv order, not yet given a column. */
  habits: LoopHabit[];
}

function nameTrie(habits: readonly LoopHabit[]): NameNode {
  const root: NameNode = { next: new Map(), habits: [] };
  for (const habit of habits) {
    let node = root;
    for (const cell of habit.name.split(',')) {
      let child = node.next.get(cell);
      if (!child) {
        child = { next: new Map(), habits: [] };
        node.next.set(cell, child);
      }
      node = child;
    }
    node.habits.push(habit);
  }
  return root;
}

/**
 * Which habit each header column is. Loop keys the columns by name, so: take the longest run of
 * cells that, joined with commas, is the name of a habit not yet matched (names with commas),
 * and among equal names take them in Habits.csv order (same-name habits: the first column named
 * "Run" is the first habit named "Run", which is also Loop's export order).
 *
 * Linear: the runs are walked in a trie of the names, so from each column at most as many cells
 * are looked at as the longest name has commas, plus one — never re-joined into strings.
 */
function matchColumns(
  names: string[],
  habits: readonly LoopHabit[],
  at: Where,
  problems: ProblemList,
): (LoopHabit | null)[] {
  const trie = nameTrie(habits);
  const columns: (LoopHabit | null)[] = [];
  let k = 0;
  while (k < names.length) {
    let best: { node: NameNode; length: number } | null = null;
    let node: NameNode | undefined = trie;
    for (let length = 1; k + length <= names.length; length++) {
      node = node.next.get(names[k + length - 1]!);
      if (!node) break;
      if (node.habits.length > 0) best = { node, length };
    }
    if (best) {
      columns.push(best.node.habits.shift()!);
      for (let i = 1; i < best.length; i++) columns.push(SPANNED);
      k += best.length;
    } else {
      report(
        problems,
        at,
        `Column "${excerpt(names[k]!)}" is not the name of a habit in Habits.csv`,
      );
      columns.push(null);
      k++;
    }
  }
  return columns.filter((c) => c !== SPANNED);
}

/** Marks the extra header cells of a name with commas (dropped before returning). */
const SPANNED = Symbol('spanned') as unknown as LoopHabit;

/** The root `Checkmarks.csv`: entries per habit, for the habits it has a column for. */
export function parseRootCheckmarks(
  text: string,
  file: string,
  habits: readonly LoopHabit[],
  problems: ProblemList,
  limits: CsvLimits = {},
): Map<LoopHabit, LoopEntry[]> {
  const rows = csvRecords(text, file, limits);
  const first = rows.next();
  const header = first.done ? undefined : first.value;
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
  for (const row of rows) {
    const at: Where = { file, line: row.line };
    if (row.cells[1]?.startsWith('Entry(')) {
      // Loop 2.0.x wrote Entry.toString() here, commas and all: no reader can split it.
      throw importFailure(
        file,
        'This Checkmarks.csv comes from Loop 2.0, which wrote it in a form no program can read back. Upload the whole "Loop Habits CSV" zip: its per-habit folders are readable.',
        row.line,
      );
    }
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
