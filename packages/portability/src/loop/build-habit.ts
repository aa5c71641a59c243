/** One Loop habit and its entries → an ImportedHabit draft (shared by the CSV and DB readers). */
import { describeSchedule, type LocalDate, type Measure, type Schedule } from '@habit-tracker/core';
import type { HabitDraft, Where } from '../finish-import';
import { report } from '../finish-import';
import type { ImportedCheckin } from '../import-document';
import type { ProblemList } from '../import-error';
import { excerpt } from '../import-error';
import { scheduleFromLoopFrequency } from './frequency';
import type { LoopEntry, LoopHabit } from './loop-habit';
import { interpretLoopValue, isExplicitEntry } from './values';

/**
 * Loop allows a measurable habit without a unit; the API does not (a unit is what the amount is
 * counted in), so such habits get this one, with a warning.
 */
export const FALLBACK_UNIT = 'times';

export interface BuildContext {
  today: LocalDate;
  problems: ProblemList;
  warnings: string[];
}

function measureOf(habit: LoopHabit, warnings: string[]): Measure {
  if (habit.type === 'yes_no') return { kind: 'boolean' };
  let unit = habit.unit.trim();
  if (unit === '') {
    unit = FALLBACK_UNIT;
    warnings.push(
      `"${excerpt(habit.name.trim())}" has no unit in Loop; it is imported counting "${unit}".`,
    );
  }
  return {
    kind: 'numeric',
    unit,
    target: habit.targetValue,
    direction: habit.targetType,
  };
}

function scheduleOf(habit: LoopHabit, startDate: LocalDate, warnings: string[]): Schedule {
  const { schedule, approximation } = scheduleFromLoopFrequency(habit.numerator, habit.denominator);
  const full: Schedule = schedule.kind === 'every_n_days' ? { ...schedule, startDate } : schedule;
  if (approximation) {
    const imported = describeSchedule(full).toLowerCase();
    warnings.push(`"${excerpt(habit.name.trim())}": ${approximation}; imported as "${imported}".`);
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
  const measure = measureOf(habit, ctx.warnings);
  const checkins: ImportedCheckin[] = [];
  const checkinsAt: Where[] = [];
  let startDate: LocalDate | undefined;
  let droppedNotes = 0;

  for (const entry of entries) {
    const meaning = interpretLoopValue(measure, entry.value);
    if ('invalid' in meaning) {
      report(ctx.problems, entry.at, meaning.invalid);
      continue;
    }
    if (isExplicitEntry(entry.value) && (startDate === undefined || entry.date < startDate)) {
      startDate = entry.date;
    }
    const note = entry.note.trim() === '' ? null : entry.note;
    if (meaning.state === 'none') {
      if (note !== null) droppedNotes++;
      continue;
    }
    checkins.push({
      date: entry.date,
      state: meaning.state,
      value: meaning.state === 'done' ? meaning.value : null,
      note,
    });
    checkinsAt.push(entry.at);
  }
  if (droppedNotes > 0) {
    ctx.warnings.push(
      `"${excerpt(habit.name.trim())}": ${droppedNotes} note${droppedNotes === 1 ? '' : 's'} on days without a check-in (Loop's "no" or automatic marks) ${droppedNotes === 1 ? 'is' : 'are'} not imported.`,
    );
  }
  const start = startDate ?? ctx.today;
  return {
    habit: {
      sourceId: habit.sourceId,
      name: habit.name.trim(),
      description: descriptionOf(habit),
      color: habit.color.toLowerCase(),
      icon: '',
      measure,
      schedule: scheduleOf(habit, start, ctx.warnings),
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
