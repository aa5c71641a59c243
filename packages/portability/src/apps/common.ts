/**
 * What the importers of other habit apps (Beaver Habits, Table Habit, Habitica, HabitBull) share:
 * colours for habits that have none, and turning a habit and its days into a draft that
 * finishImport checks like every other.
 */

import type { CheckinState, LocalDate, Measure, Schedule } from '@habit-tracker/core';
import type { z } from 'zod';
import { finishImport, type HabitDraft, report, reportZod, type Where } from '../finish-import';
import type { ImportDocument, ImportedCheckin, ImportSource } from '../import-document';
import type { ProblemList } from '../import-error';
import { checkEntries, checkHabits, type ResolvedOptions } from '../options';
import type { ImportWarning } from '../warnings';

/** A JSON object (not null, not an array): the shape every app's export is sniffed by. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Refuses an export of habits that each carry a `records` array before any is parsed: more
 * habits, or more records in all, than an import accepts (Beaver Habits, Table Habit).
 */
export function checkHabitsAndRecords(
  file: string,
  habits: unknown[],
  options: ResolvedOptions,
): void {
  checkHabits(file, habits.length, options.maxHabits);
  checkEntries(
    file,
    habits.reduce<number>(
      (n, h) => n + (isObject(h) && Array.isArray(h.records) ? h.records.length : 0),
      0,
    ),
    options.maxEntries,
    'records',
  );
}

/**
 * The colours a habit created without one gets, in turn (the API's own rotation, so imported
 * habits side by side differ in hue).
 */
const ROTATION = [
  '#3b82f6',
  '#22c55e',
  '#eab308',
  '#ef4444',
  '#a855f7',
  '#ec4899',
  '#14b8a6',
  '#f97316',
  '#6366f1',
  '#0ea5e9',
  '#64748b',
] as const;

export function rotatingColor(index: number): string {
  return ROTATION[index % ROTATION.length]!;
}

export interface DayEntry {
  date: LocalDate;
  state: CheckinState;
  value: number | null;
  note: string | null;
  at: Where;
}

export interface HabitFacts {
  sourceId: string;
  name: string;
  description: string;
  color: string;
  measure: Measure;
  schedule: Schedule;
  archived: boolean;
  position: number;
  /** The habit's own start; otherwise its first day with anything on it, else today. */
  startDate?: LocalDate;
}

/** A note that says something, or null: an empty or blank note is no note. */
export function noteOf(text: unknown): string | null {
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}

export function draftOf(
  facts: HabitFacts,
  entries: readonly DayEntry[],
  at: Where,
  today: LocalDate,
): HabitDraft {
  let first: LocalDate | undefined;
  for (const e of entries) if (first === undefined || e.date < first) first = e.date;
  const checkins: ImportedCheckin[] = entries.map((e) => ({
    date: e.date,
    state: e.state,
    value: e.value,
    note: e.note,
  }));
  const { startDate, ...habit } = facts;
  return {
    habit: {
      ...habit,
      icon: '',
      startDate: startDate ?? first ?? today,
      checkins,
    },
    at,
    checkinsAt: entries.map((e) => e.at),
  };
}

/**
 * The drafts, already in the app's own order, numbered 0, 1, 2… and finished. A file that gives
 * no habit and no problem is refused with `empty` rather than imported as nothing.
 */
export function finishInOrder(
  source: ImportSource,
  file: string,
  drafts: readonly HabitDraft[],
  warnings: ImportWarning[],
  problems: ProblemList,
  empty = 'The export holds no habits',
): ImportDocument {
  const numbered = drafts.map((draft, position) => ({
    ...draft,
    habit: { ...draft.habit, position },
  }));
  if (numbered.length === 0 && problems.isEmpty) report(problems, { file }, empty);
  return finishImport(source, numbered, warnings, problems);
}

/**
 * The items of a list in an app's export that `schema` accepts, each with its index and place.
 * Every other item is reported and passed over, so one bad item does not hide the problems of
 * the rest (the import still fails, listing them all).
 */
export function* acceptedItems<T>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  problems: ProblemList,
  where: (i: number) => Where,
): Generator<{ value: T; i: number; at: Where }> {
  for (const [i, raw] of items.entries()) {
    const at = where(i);
    const parsed = schema.safeParse(raw);
    if (parsed.success) yield { value: parsed.data, i, at };
    else reportZod(problems, at, parsed.error);
  }
}
