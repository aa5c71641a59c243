/**
 * Loop Habit Tracker's CSV export: `Loop Habits CSV <date>.zip`, or Habits.csv and the root
 * Checkmarks.csv given as a pair. Scores.csv files are ignored: scores are recomputed here.
 *
 * Which check marks are read: the per-habit `NNN <name>/Checkmarks.csv` files when the zip has
 * them (they carry notes, are properly quoted and are keyed by position, not by name); else the
 * root Checkmarks.csv, matched to Habits.csv by name. Habits.csv lists every habit, but Loop
 * writes check marks only for the habits selected for export; the others are left out, with a
 * warning, since the user chose not to export them.
 */

import { finishImport } from '../finish-import';
import type { ImportDocument } from '../import-document';
import { excerpt, importFailure, ProblemList } from '../import-error';
import {
  checkEntries,
  checkHabits,
  checkSize,
  checkTextSize,
  type ParseOptions,
  type ResolvedOptions,
  resolveOptions,
} from '../options';
import { decodeText } from '../text';
import { type ImportWarning, warning } from '../warnings';
import { type OpenedZip, readZipUpload } from '../zip-read';
import { buildLoopHabit, numberPositions } from './build-habit';
import { parseHabitCheckmarks, parseRootCheckmarks } from './checkmarks-csv';
import { parseHabitsCsv } from './habits-csv';
import type { LoopEntry, LoopHabit } from './loop-habit';

interface TextFile {
  file: string;
  text: string;
}

interface LoopCsvFiles {
  /** The upload, for problems about all of it. */
  upload: string;
  habits: TextFile;
  /** Per-habit Checkmarks.csv files with the position their folder name starts with. */
  perHabit: (TextFile & { position: number })[];
  root?: TextFile;
}

/** Occurrences of `char` in `text` from `start` up to `end`, without building any string. */
function countChar(text: string, char: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = text.indexOf(char, start); i >= 0 && i < end; i = text.indexOf(char, i + 1)) {
    count++;
  }
  return count;
}

/** Lines, counting a CR-only file too (Loop writes LF; spreadsheets may write CR). */
function countLines(text: string): number {
  return 1 + Math.max(countChar(text, '\n'), countChar(text, '\r'));
}

/** Rows × habit columns, counted before anything is parsed (an upper bound). */
function estimateEntries(files: LoopCsvFiles): number {
  if (files.perHabit.length > 0) return files.perHabit.reduce((n, f) => n + countLines(f.text), 0);
  if (!files.root) return 0;
  const text = files.root.text;
  const headerEnd = text.search(/\r|\n|$/);
  // "Date,A,B," has a cell per comma after the date, less Loop's trailing one.
  const trailing = text.charAt(headerEnd - 1) === ',' ? 1 : 0;
  return (countLines(text) - 1) * Math.max(1, countChar(text, ',', 0, headerEnd) - trailing);
}

function parseLoopCsvFiles(files: LoopCsvFiles, options: ResolvedOptions): ImportDocument {
  const problems = new ProblemList();
  const warnings: ImportWarning[] = [];
  // Counted from the text before any of it becomes rows: the header and one line per habit.
  checkHabits(files.habits.file, countLines(files.habits.text.trimEnd()) - 1, options.maxHabits);
  checkHabits(files.upload, files.perHabit.length, options.maxHabits);
  checkEntries(files.upload, estimateEntries(files), options.maxEntries, 'rows of check marks');
  const habits = parseHabitsCsv(files.habits.text, files.habits.file, problems, options);

  let entries: Map<LoopHabit, LoopEntry[]>;
  if (files.perHabit.length > 0) {
    entries = new Map();
    const byPosition = new Map(habits.map((h) => [h.order, h]));
    for (const perHabit of files.perHabit) {
      const habit = byPosition.get(perHabit.position);
      if (!habit) {
        problems.add(perHabit.file, `No habit has position ${perHabit.position} in Habits.csv`);
        continue;
      }
      entries.set(habit, parseHabitCheckmarks(perHabit.text, perHabit.file, problems, options));
    }
  } else if (files.root) {
    entries = parseRootCheckmarks(files.root.text, files.root.file, habits, problems, options);
  } else {
    throw importFailure(files.habits.file, 'There is no Checkmarks.csv next to Habits.csv');
  }

  const left = habits.filter((h) => !entries.has(h)).map((h) => `"${excerpt(h.name.trim())}"`);
  if (left.length > 0) {
    warnings.push(
      warning(
        'habits_without_checkmarks',
        { habits: left.join(', '), count: left.length },
        `Not part of Loop's export (no check marks), so not imported: ${left.join(', ')}.`,
      ),
    );
  }
  const exported = habits.filter((h) => entries.has(h));
  const ctx = { today: options.today, problems, warnings };
  const drafts = exported.map((h) => buildLoopHabit(h, entries.get(h) ?? [], ctx));
  return finishImport(
    'loop-csv',
    numberPositions(
      drafts,
      exported.map((h) => h.order),
    ),
    warnings,
    problems,
  );
}

function asText(file: string, content: string | Uint8Array): string {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  const text = decodeText(content);
  if (text === null)
    throw importFailure(file, 'Expected a CSV text file (UTF-8), but it is binary');
  return text;
}

export interface LoopCsvPair {
  habitsCsv: string | Uint8Array;
  checkmarksCsv: string | Uint8Array;
  /** File names for messages (default Habits.csv and Checkmarks.csv). */
  habitsName?: string;
  checkmarksName?: string;
}

/** Loop's Habits.csv with its root Checkmarks.csv (not a per-habit one). */
export function parseLoopCsv(pair: LoopCsvPair, options?: ParseOptions): ImportDocument {
  const resolved = resolveOptions(options);
  const habitsName = pair.habitsName ?? 'Habits.csv';
  const checkmarksName = pair.checkmarksName ?? 'Checkmarks.csv';
  checkSize(habitsName, pair.habitsCsv.length, resolved.maxBytes);
  checkSize(checkmarksName, pair.checkmarksCsv.length, resolved.maxBytes);
  checkTextSize(
    checkmarksName,
    pair.habitsCsv.length + pair.checkmarksCsv.length,
    resolved.maxTextBytes,
  );
  return parseLoopCsvFiles(
    {
      upload: checkmarksName,
      habits: { file: habitsName, text: asText(habitsName, pair.habitsCsv) },
      perHabit: [],
      root: { file: checkmarksName, text: asText(checkmarksName, pair.checkmarksCsv) },
    },
    resolved,
  );
}

const PER_HABIT = /^(\d+)(?: [^/]*)?\/Checkmarks\.csv$/;

/** Where Habits.csv is in the zip ('' at the root; a folder when the user re-zipped one). */
export function findLoopCsvRoot(paths: readonly string[]): string | null {
  const candidates = paths
    .filter((p) => p === 'Habits.csv' || p.endsWith('/Habits.csv'))
    .sort((a, b) => a.length - b.length);
  const first = candidates[0];
  return first === undefined ? null : first.slice(0, -'Habits.csv'.length);
}

/** A `Loop Habits CSV <date>.zip` (already known to be a zip with a Habits.csv). */
export async function parseLoopCsvZip(
  zipName: string,
  bytes: Uint8Array,
  options?: ParseOptions,
): Promise<ImportDocument> {
  return readZipUpload(zipName, bytes, options, (zip, resolved) =>
    readLoopCsvZip(zipName, zip, resolved),
  );
}

/** The CSV files of an opened Loop zip → the document. */
export async function readLoopCsvZip(
  zipName: string,
  zip: OpenedZip,
  resolved: ResolvedOptions,
): Promise<ImportDocument> {
  const root = findLoopCsvRoot(zip.entries.map((e) => e.path));
  if (root === null) throw importFailure(zipName, 'The zip has no Habits.csv');

  const inRoot = (path: string) => (path.startsWith(root) ? path.slice(root.length) : null);
  const wanted = (path: string) => {
    const relative = inRoot(path);
    return (
      relative === 'Habits.csv' ||
      relative === 'Checkmarks.csv' ||
      (relative !== null && PER_HABIT.test(relative))
    );
  };
  // Text becomes strings and rows on the heap: it has a budget of its own, checked first
  // against the declared sizes and again, as it inflates, against the real ones.
  const declaredText = zip.entries.filter((e) => wanted(e.path)).reduce((n, e) => n + e.size, 0);
  checkTextSize(zipName, declaredText, resolved.maxTextBytes);
  const contents = await zip.read(
    wanted,
    Math.min(resolved.maxTextBytes, resolved.maxUnpackedBytes),
  );
  const label = (path: string) => `${path} (in ${zipName})`;
  const text = (path: string) => asText(label(path), contents.get(path)!);

  const perHabit: LoopCsvFiles['perHabit'] = [];
  let rootCheckmarks: TextFile | undefined;
  for (const path of [...contents.keys()].sort()) {
    const relative = inRoot(path)!;
    const match = PER_HABIT.exec(relative);
    if (match) perHabit.push({ file: label(path), text: text(path), position: Number(match[1]) });
    if (relative === 'Checkmarks.csv') rootCheckmarks = { file: label(path), text: text(path) };
  }
  const habitsPath = `${root}Habits.csv`;
  return parseLoopCsvFiles(
    {
      upload: zipName,
      habits: { file: label(habitsPath), text: text(habitsPath) },
      perHabit,
      ...(rootCheckmarks ? { root: rootCheckmarks } : {}),
    },
    resolved,
  );
}
