/**
 * What a check-in's value must be, given its habit's measure: the rules the check-in API applies
 * and every import is checked against. The body schema alone cannot know them (it does not see
 * the habit).
 */
import type { CheckinState, Measure } from './types';

/** Each rule the check-in breaks, in words for the person who sent it; empty when it fits. */
export function checkinValueProblems(
  measure: Measure,
  checkin: { state: CheckinState; value?: number | null; note?: string | null },
): string[] {
  const value = checkin.value ?? null;
  const problems: string[] = [];
  if (measure.kind === 'boolean' && value !== null) problems.push('A yes/no habit takes no value');
  if (measure.kind === 'numeric' && checkin.state === 'done' && value === null) {
    problems.push(`A numeric check-in needs an amount (${measure.unit})`);
  }
  problems.push(...checkinShapeProblems(checkin));
  return problems;
}

/**
 * The rules of `checkinValueProblems` that hold whatever the habit's measure: a check-in without
 * any of these may be written before its habit is read (and rolled back if its measure refuses
 * it), since the database's own checks cannot then refuse it.
 */
export function checkinShapeProblems(checkin: {
  state: CheckinState;
  value?: number | null;
  note?: string | null;
}): string[] {
  const value = checkin.value ?? null;
  const problems: string[] = [];
  if (checkin.state === 'skipped' && value !== null) problems.push('A skipped day has no value');
  // A note-only day exists for its words alone: nothing any streak, score or total could read.
  if (checkin.state === 'note' && (value !== null || (checkin.note ?? '').trim() === '')) {
    problems.push('A day with only a note has its note and no value');
  }
  return problems;
}
