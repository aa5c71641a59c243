/**
 * Loop's entry values (uhabits-core Entry.kt) and what each becomes here.
 *
 * Loop stores one integer per habit and day: 2 YES_MANUAL (the user checked it), 1 YES_AUTO
 * (Loop's own inference that a non-daily habit's target was already met — not something the user
 * did, and recomputed by our schedules anyway), 0 NO, -1 UNKNOWN, 3 SKIP (2.x; -3 in some 2.0
 * development builds). Measurable habits store the amount × 1000 in the same integer (and SKIP 3
 * since 2.1.0). CSV exports write that integer, or since 2.3.1 the labels above
 * (`Entry.formattedValue`, which labels the integers 0–3 and -1 even for measurable habits).
 */
import type { Measure } from '@habit-tracker/core';

export const LOOP_YES_MANUAL = 2;
export const LOOP_YES_AUTO = 1;
export const LOOP_NO = 0;
export const LOOP_UNKNOWN = -1;
export const LOOP_SKIP = 3;
const LOOP_LEGACY_SKIP = -3;

const LABELS: Readonly<Record<string, number>> = {
  YES_MANUAL: LOOP_YES_MANUAL,
  YES_AUTO: LOOP_YES_AUTO,
  NO: LOOP_NO,
  UNKNOWN: LOOP_UNKNOWN,
  SKIP: LOOP_SKIP,
};

/**
 * A value as written: Loop's integer `code` (from an integer or a label), or an `amount` when
 * the text has a decimal point — Loop never writes one for entries, but a hand-edited sheet or
 * another tool writing Loop's layout does ("2.5" km), and an integer there would be ambiguous.
 */
export type LoopValue = { code: number } | { amount: number };

/** Null when the text is neither a label nor a number. An empty cell is UNKNOWN. */
export function parseLoopValue(text: string): LoopValue | null {
  const t = text.trim();
  if (t === '') return { code: LOOP_UNKNOWN };
  const label = LABELS[t.toUpperCase()];
  if (label !== undefined) return { code: label };
  if (/^-?\d+$/.test(t)) return { code: Number(t) };
  if (/^-?(\d+\.\d*|\.\d+)$/.test(t)) return { amount: Number(t) };
  return null;
}

export type EntryMeaning =
  | { state: 'done'; value: number | null }
  | { state: 'skipped' }
  | { state: 'none' }
  | { invalid: string };

/**
 * What one Loop value means for a habit measured like `measure`:
 * - yes/no: only YES_MANUAL is a check-in ('done'); SKIP is 'skipped'; NO, UNKNOWN and YES_AUTO
 *   are nothing (a note on such a day is kept on its own, see build-habit.ts).
 * - measurable: an amount > 0 is 'done' with it. 0 is nothing for an at-least habit, but 'done'
 *   with 0 for an at-most habit: "0 cigarettes" is the success the habit exists for. SKIP (3) is
 *   'skipped' — an amount of 0.003 is not worth the ambiguity. UNKNOWN is nothing.
 */
export function interpretLoopValue(measure: Measure, value: LoopValue): EntryMeaning {
  if (measure.kind === 'boolean') {
    if (!('code' in value))
      return { invalid: `${value.amount} is an amount, but this is a yes/no habit` };
    switch (value.code) {
      case LOOP_YES_MANUAL:
        return { state: 'done', value: null };
      case LOOP_SKIP:
      case LOOP_LEGACY_SKIP:
        return { state: 'skipped' };
      case LOOP_YES_AUTO:
      case LOOP_NO:
      case LOOP_UNKNOWN:
        return { state: 'none' };
      default:
        return { invalid: `${value.code} is not a Loop check mark (expected 0, 1, 2, 3 or -1)` };
    }
  }
  let amount: number;
  if ('code' in value) {
    if (value.code === LOOP_SKIP) return { state: 'skipped' };
    if (value.code === LOOP_UNKNOWN) return { state: 'none' };
    amount = value.code / 1000;
  } else {
    amount = value.amount;
  }
  if (!Number.isFinite(amount) || amount < 0) return { invalid: `${amount} is not an amount ≥ 0` };
  if (amount === 0)
    return measure.direction === 'at_most' ? { state: 'done', value: 0 } : { state: 'none' };
  return { state: 'done', value: amount };
}

/**
 * Whether a value can only be a measurable habit's amount: anything but Loop's five codes (and
 * the −3 of some 2.0 builds). Measurable habits whose every amount is 0–0.003 cannot be told
 * from yes/no ones this way; they are read as yes/no.
 */
export function looksMeasurable(value: LoopValue): boolean {
  if (!('code' in value)) return true;
  return ![
    LOOP_YES_MANUAL,
    LOOP_YES_AUTO,
    LOOP_NO,
    LOOP_UNKNOWN,
    LOOP_SKIP,
    LOOP_LEGACY_SKIP,
  ].includes(value.code);
}

/**
 * Whether the user recorded something on that day (yes, no or skip) — what dates a habit's start.
 * YES_AUTO and UNKNOWN are Loop's fill-ins, not the user's.
 */
export function isExplicitEntry(value: LoopValue): boolean {
  return !('code' in value) || (value.code !== LOOP_UNKNOWN && value.code !== LOOP_YES_AUTO);
}
