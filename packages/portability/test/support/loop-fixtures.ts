/**
 * Loop Habit Tracker's files, written the way Loop writes them (uhabits-core HabitList.writeCSV,
 * HabitsCSVExporter, Entry.formattedValue, migrations 9–25), so the importer is tested against
 * the format rather than against itself. Values are Loop's raw integers: 2 YES_MANUAL, 1 YES_AUTO,
 * 0 NO, -1 UNKNOWN, 3 SKIP, and amount × 1000 for measurable habits.
 *
 * Versions (from Loop's git history): Habits.csv has 12 columns, and per-habit files a header,
 * labels and notes, only from 2.3.1; 2.0.0–2.3.0 write `Position,Name,Question,Description,
 * NumRepetitions,Interval,Color` and integers; 1.5.4–1.8.12 the same without Question; 1.4.0–
 * 1.5.3 also without Position.
 */
import { addDays, daysBetween } from '@habit-tracker/core';
import { zipSync } from 'fflate';

export interface LoopFixtureEntry {
  date: string;
  value: number;
  notes?: string;
}

export interface LoopFixtureHabit {
  name: string;
  type?: 'YES_NO' | 'NUMERICAL';
  question?: string;
  description?: string;
  num?: number;
  den?: number;
  /** '#RRGGBB' in CSV; the palette index (or ARGB) in the database. */
  color?: string;
  colorIndex?: number;
  unit?: string;
  targetType?: 'AT_LEAST' | 'AT_MOST';
  targetValue?: number;
  archived?: boolean;
  reminderHour?: number | null;
  uuid?: string;
  entries: LoopFixtureEntry[];
}

const LABELS: Record<number, string> = {
  2: 'YES_MANUAL',
  1: 'YES_AUTO',
  0: 'NO',
  3: 'SKIP',
  [-1]: 'UNKNOWN',
};

/** Entry.formattedValue: labels for the five codes, the integer otherwise (even × 1000 amounts). */
export const formatted = (value: number) => LABELS[value] ?? String(value);

/** opencsv's CSVWriter with applyQuotesToAll = false: quote only when needed, "" inside. */
function opencsvLine(cells: string[]): string {
  return `${cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\n`;
}

/** Java's Double.toString for the targets we use: 5 → "5.0", 2.5 → "2.5". */
const javaDouble = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

export type HabitsCsvVersion = '2.3.1' | '2.0' | '1.x' | '1.4';

export function habitsCsv(habits: LoopFixtureHabit[], variant: HabitsCsvVersion = '2.3.1'): string {
  if (variant !== '2.3.1') {
    const columns = [
      ...(variant === '1.4' ? [] : ['Position']),
      'Name',
      ...(variant === '2.0' ? ['Question'] : []),
      'Description',
      'NumRepetitions',
      'Interval',
      'Color',
    ];
    let text = opencsvLine(columns);
    habits.forEach((h, i) => {
      text += opencsvLine([
        ...(variant === '1.4' ? [] : [String(i + 1).padStart(3, '0')]),
        h.name,
        ...(variant === '2.0' ? [h.question ?? ''] : []),
        h.description ?? '',
        String(h.num ?? 1),
        String(h.den ?? 1),
        h.color ?? '#00897B',
      ]);
    });
    return text;
  }
  let text = opencsvLine([
    'Position',
    'Name',
    'Type',
    'Question',
    'Description',
    'FrequencyNumerator',
    'FrequencyDenominator',
    'Color',
    'Unit',
    'Target Type',
    'Target Value',
    'Archived?',
  ]);
  habits.forEach((h, i) => {
    const numerical = h.type === 'NUMERICAL';
    text += opencsvLine([
      String(i + 1).padStart(3, '0'),
      h.name,
      h.type ?? 'YES_NO',
      h.question ?? '',
      h.description ?? '',
      String(h.num ?? 1),
      String(h.den ?? 1),
      h.color ?? '#00897B',
      numerical ? (h.unit ?? '') : '',
      numerical ? (h.targetType ?? 'AT_LEAST') : '',
      numerical ? javaDouble(h.targetValue ?? 1) : '',
      String(h.archived ?? false),
    ]);
  });
  return text;
}

const newestFirst = (entries: LoopFixtureEntry[]) =>
  [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

/** A habit folder's Checkmarks.csv: 2.3.1+ ("Date,Value,Notes", labels) or older (no header). */
export function habitCheckmarksCsv(habit: LoopFixtureHabit, variant: 'labels' | 'ints'): string {
  if (variant === 'ints') {
    return newestFirst(habit.entries)
      .map((e) => `${e.date},${e.value}\n`)
      .join('');
  }
  return (
    opencsvLine(['Date', 'Value', 'Notes']) +
    newestFirst(habit.entries)
      .map((e) => opencsvLine([e.date, formatted(e.value), e.notes ?? '']))
      .join('')
  );
}

/**
 * The root Checkmarks.csv: written by hand in Loop (names unquoted, a comma after every cell),
 * one row per day from `today` back to the oldest entry, UNKNOWN (-1) or, in 1.x, 0 where a
 * habit has no entry.
 */
export function rootCheckmarksCsv(
  habits: LoopFixtureHabit[],
  options: { labels: boolean; today: string },
): string {
  const dates = habits.flatMap((h) => h.entries.map((e) => e.date)).sort();
  const oldest = dates[0] ?? options.today;
  const byDate = habits.map((h) => new Map(h.entries.map((e) => [e.date, e.value])));
  let text = `Date,${habits.map((h) => `${h.name},`).join('')}\n`;
  for (let i = 0; i <= daysBetween(oldest, options.today); i++) {
    const date = addDays(options.today, -i);
    text += `${date},`;
    for (const values of byDate) {
      const value = values.get(date) ?? (options.labels ? -1 : 0);
      text += `${options.labels ? formatted(value) : value},`;
    }
    text += '\n';
  }
  return text;
}

/** HabitsCSVExporter.sanitizeFilename: drops anything outside [ a-zA-Z0-9._-]. */
export function loopFolderName(index: number, name: string): string {
  const sane = name.replace(/[^ a-zA-Z0-9._-]+/g, '').slice(0, 100);
  return `${String(index + 1).padStart(3, '0')} ${sane}`.trim();
}

export type LoopZipVariant =
  /** 2.3.1+: labels, notes, per-habit folders and the root file. */
  | 'labels'
  /** 2.0.0–2.3.0: Question but no Type/Unit/Target columns; integers; no notes. */
  | '2.0'
  /** 1.x: old Habits.csv header, integers, per-habit files without a header. */
  | 'legacy'
  /** Only Habits.csv and the root Checkmarks.csv (as when the two are uploaded as a pair). */
  | 'root-only';

const encode = (s: string) => new TextEncoder().encode(s);

/** `Loop Habits CSV <date>.zip`. `folder` re-zips it inside a folder, as some users do. */
export function loopCsvZip(
  habits: LoopFixtureHabit[],
  options: { variant?: LoopZipVariant; today?: string; folder?: string } = {},
): Uint8Array {
  const variant = options.variant ?? 'labels';
  const today = options.today ?? '2024-06-30';
  const prefix = options.folder ? `${options.folder}/` : '';
  const files: Record<string, Uint8Array> = {};
  const ints = variant === 'legacy' || variant === '2.0';
  files[`${prefix}Habits.csv`] = encode(
    habitsCsv(habits, variant === 'legacy' ? '1.x' : variant === '2.0' ? '2.0' : '2.3.1'),
  );
  if (variant !== 'root-only') {
    habits.forEach((h, i) => {
      const folder = `${prefix}${loopFolderName(i, h.name)}`;
      files[`${folder}/Checkmarks.csv`] = encode(habitCheckmarksCsv(h, ints ? 'ints' : 'labels'));
      files[`${folder}/Scores.csv`] = encode('Date,Score\n');
    });
  }
  files[`${prefix}Checkmarks.csv`] = encode(
    rootCheckmarksCsv(habits, { labels: variant === 'labels', today }),
  );
  files[`${prefix}Scores.csv`] = encode('Date,\n');
  return zipSync(files);
}

/** Every day from `from` for `days` days. */
export function everyDay(
  from: string,
  days: number,
  value: (i: number) => number,
): LoopFixtureEntry[] {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(from, i), value: value(i) }));
}
