/**
 * What a check-in's value must be, given its habit's measure: the rules the check-in API applies
 * and every import is checked against. The body schema alone cannot know them (it does not see
 * the habit).
 */
import type { CheckinState, Measure } from './types';

/**
 * Which rule a check-in breaks, as a code (the `code` of the API's `validation_failed` issue,
 * @habit-tracker/vocabulary's CHECK_ISSUE_CODES) with its English words.
 */
export type CheckinProblemCode = 'value_not_allowed' | 'value_required' | 'note_only';

export interface CheckinProblem {
  code: CheckinProblemCode;
  message: string;
}

type CheckinInput = { state: CheckinState; value?: number | null; note?: string | null };

/** Each rule the check-in breaks, in words for the person who sent it; empty when it fits. */
export function checkinValueProblems(measure: Measure, checkin: CheckinInput): string[] {
  return checkinValueIssues(measure, checkin).map((p) => p.message);
}

/** Each rule the check-in breaks, with its code; empty when it fits. */
export function checkinValueIssues(measure: Measure, checkin: CheckinInput): CheckinProblem[] {
  const value = checkin.value ?? null;
  const problems: CheckinProblem[] = [];
  if (measure.kind === 'boolean' && value !== null) {
    problems.push({ code: 'value_not_allowed', message: 'A yes/no habit takes no value' });
  }
  if (measure.kind === 'numeric' && checkin.state === 'done' && value === null) {
    problems.push({
      code: 'value_required',
      message: `A numeric check-in needs an amount (${measure.unit})`,
    });
  }
  problems.push(...checkinShapeIssues(checkin));
  return problems;
}

/**
 * The rules of `checkinValueProblems` that hold whatever the habit's measure: a check-in without
 * any of these may be written before its habit is read (and rolled back if its measure refuses
 * it), since the database's own checks cannot then refuse it.
 */
export function checkinShapeProblems(checkin: CheckinInput): string[] {
  return checkinShapeIssues(checkin).map((p) => p.message);
}

function checkinShapeIssues(checkin: CheckinInput): CheckinProblem[] {
  const value = checkin.value ?? null;
  const problems: CheckinProblem[] = [];
  if (checkin.state === 'skipped' && value !== null) {
    problems.push({ code: 'value_not_allowed', message: 'A skipped day has no value' });
  }
  // A note-only day exists for its words alone: nothing any streak, score or total could read.
  if (checkin.state === 'note' && (value !== null || (checkin.note ?? '').trim() === '')) {
    problems.push({
      code: 'note_only',
      message: 'A day with only a note has its note and no value',
    });
  }
  return problems;
}
