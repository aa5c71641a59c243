/** One Loop habit and its entries → an ImportedHabit draft (shared by the CSV and DB readers). */
import { describeSchedule, type LocalDate, type Measure, type Schedule } from '@habit-tracker/core';
import type { HabitDraft, Where } from '../finish-import';
import { report } from '../finish-import';
import type { ImportedCheckin } from '../import-document';
import type { ProblemList } from '../import-error';
import { excerpt } from '../import-error';
import { type ImportWarning, warning } from '../warnings';
import { scheduleFromLoopFrequency } from './frequency';
import type { LoopEntry, LoopHabit } from './loop-habit';
import { interpretLoopValue, isExplicitEntry, looksMeasurable } from './values';

/**
 * Loop allows a measurable habit without a unit; the API does not (a unit is what the amount is
 * counted in), so such habits get this one, with a warning.
 */
export const FALLBACK_UNIT = 'times';

export interface BuildContext {
  today: LocalDate;
  problems: ProblemList;
  warnings: ImportWarning[];
}

const quoted = (habit: LoopHabit) => `"${excerpt(habit.name.trim())}"`;

/** Loop's own type, or — when the file does not say — the one its values show. */
function typeOf(habit: LoopHabit, entries: readonly LoopEntry[], warnings: ImportWarning[]) {
  if (habit.typeKnown) return habit.type;
  const example = entries.find((e) => looksMeasurable(e.value));
  if (!example) return 'yes_no';
  const shown = 'code' in example.value ? example.value.code / 1000 : example.value.amount;
  warnings.push(
    warning(
      'measurable_without_unit',
      { habit: excerpt(habit.name.trim()), example: shown, unit: FALLBACK_UNIT },
      `${quoted(habit)} is measurable (it holds amounts such as ${shown}), but Loop's CSV export before 2.3.1 has no unit or target: it is imported as "at least 1 ${FALLBACK_UNIT}" — set its unit and target after importing.`,
    ),
  );
  return 'numerical';
}

function measureOf(habit: LoopHabit, type: LoopHabit['type'], warnings: ImportWarning[]): Measure {
  if (type === 'yes_no') return { kind: 'boolean' };
  if (!habit.typeKnown) {
    return { kind: 'numeric', unit: FALLBACK_UNIT, target: 1, direction: 'at_least' };
  }
  let unit = habit.unit.trim();
  if (unit === '') {
    unit = FALLBACK_UNIT;
    warnings.push(
      warning(
        'no_unit',
        { habit: excerpt(habit.name.trim()), app: 'Loop', unit },
        `${quoted(habit)} has no unit in Loop; it is imported counting "${unit}".`,
      ),
    );
  }
  return { kind: 'numeric', unit, target: habit.targetValue, direction: habit.targetType };
}

/** Rounded for display: 50 km a week is 7.14 km a day. Never 0, which no target may be. */
const perDay = (target: number, days: number) =>
  Math.max(0.01, Math.round((target / days) * 100) / 100);

/**
 * A measurable habit's 1/7 or 1/30 in Loop is not a schedule but the span of its target: "50 km
 * a week" is a rolling weekly total. Targets here are per day, so the target is spread over the
 * days and the habit asks daily — and the preview says so.
 */
function weeklyOrMonthlyTotal(
  habit: LoopHabit,
  measure: Measure,
  warnings: ImportWarning[],
): { measure: Measure; schedule: Schedule } | null {
  if (measure.kind !== 'numeric' || habit.numerator !== 1) return null;
  const span =
    habit.denominator === 7 ? 'week' : [30, 31].includes(habit.denominator) ? 'month' : null;
  if (!span) return null;
  const days = span === 'week' ? 7 : 30;
  const target = perDay(measure.target, days);
  const words = measure.direction === 'at_least' ? 'at least' : 'at most';
  warnings.push(
    warning(
      'period_target_spread',
      {
        habit: excerpt(habit.name.trim()),
        direction: measure.direction,
        total: measure.target,
        unit: measure.unit,
        span,
        target,
        days,
      },
      `${quoted(habit)}: Loop's target of ${words} ${measure.target} ${measure.unit} a ${span} is a total over the ${span}, which this app does not have; it is imported as ${words} ${target} ${measure.unit} every day (${measure.target} ÷ ${days}).`,
    ),
  );
  return { measure: { ...measure, target }, schedule: { kind: 'daily' } };
}

function scheduleOf(habit: LoopHabit, startDate: LocalDate, warnings: ImportWarning[]): Schedule {
  const { schedule, approximation } = scheduleFromLoopFrequency(habit.numerator, habit.denominator);
  const full: Schedule = schedule.kind === 'every_n_days' ? { ...schedule, startDate } : schedule;
  if (approximation) {
    const imported = describeSchedule(full).toLowerCase();
    warnings.push(
      warning(
        'schedule_approximated',
        { habit: excerpt(habit.name.trim()), app: 'Loop' },
        `${quoted(habit)}: ${approximation}; imported as "${imported}".`,
      ),
    );
  }
  return full;
}

/** Loop has a question ("Did you meditate?") and a description; we have one description. */
function descriptionOf(habit: LoopHabit): string {
  return [habit.question.trim(), habit.description.trim()].filter((s) => s !== '').join('\n\n');
}

export function buildLoopHabit(
  habit: LoopHabit,
  entries: readonly LoopEntry[],
  ctx: BuildContext,
): HabitDraft {
  const type = typeOf(habit, entries, ctx.warnings);
  let measure = measureOf(habit, type, ctx.warnings);
  const checkins: ImportedCheckin[] = [];
  const checkinsAt: Where[] = [];
  let startDate: LocalDate | undefined;

  for (const entry of entries) {
    const meaning = interpretLoopValue(measure, entry.value);
    if ('invalid' in meaning) {
      report(ctx.problems, entry.at, meaning.invalid);
      continue;
    }
    const note = entry.note.trim() === '' ? null : entry.note;
    if (isExplicitEntry(entry.value) || note !== null) {
      if (startDate === undefined || entry.date < startDate) startDate = entry.date;
    }
    if (meaning.state === 'none') {
      // Loop's "no" (or unknown, or automatic) day with a note: the note is the user's, kept.
      if (note === null) continue;
      checkins.push({ date: entry.date, state: 'note', value: null, note });
    } else {
      checkins.push({
        date: entry.date,
        state: meaning.state,
        value: meaning.state === 'done' ? meaning.value : null,
        note,
      });
    }
    checkinsAt.push(entry.at);
  }
  const start = startDate ?? ctx.today;
  const total = weeklyOrMonthlyTotal(habit, measure, ctx.warnings);
  if (total) measure = total.measure;
  return {
    habit: {
      sourceId: habit.sourceId,
      name: habit.name.trim(),
      description: descriptionOf(habit),
      color: habit.color.toLowerCase(),
      icon: '',
      measure,
      schedule: total?.schedule ?? scheduleOf(habit, start, ctx.warnings),
      startDate: start,
      archived: habit.archived,
      position: 0,
      checkins,
      ...(habit.group ? { group: habit.group } : {}),
    },
    at: habit.at,
    checkinsAt,
  };
}

/** Loop's order → positions 0, 1, 2… (Loop's positions may have gaps or start at 1). */
export function numberPositions(drafts: HabitDraft[], orders: readonly number[]): HabitDraft[] {
  const indexed = drafts.map((draft, i) => ({ draft, order: orders[i] ?? i, i }));
  indexed.sort((a, b) => a.order - b.order || a.i - b.i);
  return indexed.map(({ draft }, position) => ({ ...draft, habit: { ...draft.habit, position } }));
}
