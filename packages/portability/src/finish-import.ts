/**
 * The last step of every importer: check each habit and check-in against the same rules the API
 * applies (the contract's zod schemas, plus core's check-in value rules), report every problem
 * with its file and line, and only then hand out the document.
 */

import { CheckinPutSchema, HabitCreateSchema } from '@habit-tracker/contract';
import { checkinValueProblems, isValidLocalDate, type Measure } from '@habit-tracker/core';
import type { ZodError } from 'zod';
import type {
  ImportDocument,
  ImportedCheckin,
  ImportedHabit,
  ImportSource,
} from './import-document';
import type { ProblemList } from './import-error';
import { excerpt } from './import-error';
import type { ImportWarning } from './warnings';

/** Where a value came from, for messages: a file, a line, and what the row is when not a CSV. */
export interface Where {
  file: string;
  line?: number;
  /** What the row holds, e.g. 'Habit "Run"', 'Check mark of "Run"', 'habits.2' (JSON). */
  what?: string;
  /**
   * A database row, appended when reporting: 'Check mark of "Run" (Repetitions row 7)'. Kept
   * apart from `what` so reading 500,000 rows does not build 500,000 strings never shown.
   */
  table?: string;
  row?: number;
  /**
   * A JSON array the row is an item of ('habits[2].records'): reported as
   * 'Record of "Run" (habits[2].records[7])', `row` being the 0-based index.
   */
  path?: string;
}

function describeWhere(at: Where): string | undefined {
  if (at.what === undefined) return undefined;
  if (at.row === undefined) return at.what;
  if (at.path !== undefined) return `${at.what} (${at.path}[${at.row}])`;
  return `${at.what} (${at.table ?? 'row'} row ${at.row})`;
}

/** A habit as an importer built it, with the origin of the habit and of each check-in. */
export interface HabitDraft {
  habit: ImportedHabit;
  at: Where;
  /** Parallel to habit.checkins. */
  checkinsAt: Where[];
}

export function report(problems: ProblemList, at: Where, message: string): void {
  const what = describeWhere(at);
  problems.add(at.file, what ? `${what}: ${message}` : message, at.line);
}

export function reportZod(problems: ProblemList, at: Where, error: ZodError): void {
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    report(problems, at, path ? `${path}: ${issue.message}` : issue.message);
  }
}

function checkHabit(habit: ImportedHabit, at: Where, problems: ProblemList): void {
  const { name, description, color, icon, measure, schedule } = habit;
  const parsed = HabitCreateSchema.safeParse({ name, description, color, icon, measure, schedule });
  if (!parsed.success) reportZod(problems, at, parsed.error);
  if (!isValidLocalDate(habit.startDate)) {
    report(
      problems,
      at,
      `startDate: "${excerpt(habit.startDate)}" is not a date YYYY-MM-DD (1900–2999)`,
    );
  }
  if (!Number.isInteger(habit.position)) report(problems, at, 'position: expected an integer');
}

/** The rules of PUT /habits/:id/checkins/:date, including those that depend on the habit. */
function checkCheckin(
  measure: Measure,
  checkin: ImportedCheckin,
  at: Where,
  problems: ProblemList,
): void {
  if (!isValidLocalDate(checkin.date)) {
    report(problems, at, `"${excerpt(checkin.date)}" is not a date YYYY-MM-DD (1900–2999)`);
  }
  const { state, value, note } = checkin;
  const parsed = CheckinPutSchema.safeParse({ state, value, note });
  if (!parsed.success) reportZod(problems, at, parsed.error);
  for (const message of checkinValueProblems(measure, checkin)) report(problems, at, message);
}

function isSortedByDate(draft: HabitDraft): boolean {
  const checkins = draft.habit.checkins;
  for (let i = 1; i < checkins.length; i++) {
    if (checkins[i - 1]!.date > checkins[i]!.date) return false;
  }
  return true;
}

function sortByDate(draft: HabitDraft): HabitDraft {
  if (isSortedByDate(draft)) return draft;
  const order = draft.habit.checkins.map((_, i) => i);
  order.sort((a, b) => {
    const da = draft.habit.checkins[a]!.date;
    const db = draft.habit.checkins[b]!.date;
    return da < db ? -1 : da > db ? 1 : a - b;
  });
  return {
    habit: { ...draft.habit, checkins: order.map((i) => draft.habit.checkins[i]!) },
    at: draft.at,
    checkinsAt: order.map((i) => draft.checkinsAt[i] ?? draft.at),
  };
}

function lineOf(at: Where): string {
  return at.line === undefined ? (describeWhere(at) ?? at.file) : `line ${at.line}`;
}

/** Validates every draft and throws all problems at once, or returns the document. */
export function finishImport(
  source: ImportSource,
  drafts: HabitDraft[],
  warnings: ImportWarning[],
  problems: ProblemList,
  settings?: ImportDocument['settings'],
): ImportDocument {
  const habits: ImportedHabit[] = [];
  for (const unsorted of drafts) {
    const draft = sortByDate(unsorted);
    checkHabit(draft.habit, draft.at, problems);
    let previous: { date: string; at: Where } | undefined;
    draft.habit.checkins.forEach((checkin, i) => {
      const at = draft.checkinsAt[i] ?? draft.at;
      checkCheckin(draft.habit.measure, checkin, at, problems);
      // Sorted, so a duplicate date sits right after its twin.
      if (previous?.date === checkin.date) {
        report(
          problems,
          at,
          `${checkin.date} appears twice for "${excerpt(draft.habit.name)}" (also at ${lineOf(previous.at)})`,
        );
      }
      previous = { date: checkin.date, at };
    });
    habits.push(draft.habit);
  }
  problems.throwIfAny();
  return settings ? { source, habits, settings, warnings } : { source, habits, warnings };
}
