/**
 * Beaver Habits' JSON export (github.com/daya0576/beaverhabits, Settings → Export, file
 * `beaverhabits_YYYY_MM_DD.json`; read from views.py export_user_habit_list, storage/dict.py,
 * storage/storage.py HabitFrequency, core/completions.py, frontend/components.py, v0.1.4–v0.9.0):
 *
 *   { "user_email", "exported_at", "habits": [ { "id", "name", "records": [ { "day":
 *     "YYYY-MM-DD", "done": true|false, "text"?: note } ], "status"?: "active"|"archive"|
 *     "soft_delete", "period"?: { "period_type": "D"|"W"|"M"|"Y", "period_count", "target_count" },
 *     "star"?, "tags"?, "chips"? } ] }
 *
 * Beaver tracks yes/no habits only. A skip is a `#skip` tag in the day's note (the tick dialog's
 * chips write it, Beaver shows it struck through and counts the day as done): it becomes a
 * skipped day here. A record with a note but not done keeps its note on a note-only day. Before
 * v0.5.0 the export held every habit, deleted ones too ("soft_delete": left out here), and an
 * `order` list of ids, which sets the order. Colours, stars, tags and chips are not Beaver's
 * habits' data here; the user email is never read.
 */
import { isValidLocalDate, type LocalDate, type Schedule } from '@habit-tracker/core';
import { z } from 'zod';
import type { Where } from '../finish-import';
import type { ImportDocument } from '../import-document';
import { excerpt, ProblemList } from '../import-error';
import type { ResolvedOptions } from '../options';
import { type ImportWarning, warning } from '../warnings';
import {
  acceptedItems,
  checkHabitsAndRecords,
  type DayEntry,
  draftOf,
  finishInOrder,
  isObject,
  noteOf,
  rotatingColor,
} from './common';

/** A JSON object with a `habits` array whose records have `day` and `done`. */
export function isBeaverExport(json: unknown): boolean {
  if (!isObject(json) || !Array.isArray(json.habits)) return false;
  if ('user_email' in json || 'exported_at' in json) return true;
  return json.habits.some(
    (h) =>
      isObject(h) &&
      Array.isArray(h.records) &&
      h.records.some((r) => isObject(r) && 'day' in r && 'done' in r),
  );
}

const RecordSchema = z.object({
  day: z.string().refine(isValidLocalDate, 'day is not a date YYYY-MM-DD (1900–2999)'),
  // The setter is typed bool, but hand-made files write 0/1.
  done: z.union([z.boolean(), z.literal(0), z.literal(1)]).optional(),
  text: z.string().nullable().optional(),
});

const PeriodSchema = z.object({
  period_type: z.enum(['D', 'W', 'M', 'Y']),
  period_count: z.number().int().min(1),
  target_count: z.number().int().min(1),
});

const HabitSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  name: z.string(),
  records: z.array(z.unknown()).default([]),
  status: z.enum(['active', 'archive', 'soft_delete']).nullable().optional(),
  period: PeriodSchema.nullable().optional(),
});

/** `#skip` as a tag: a word of its own, as Beaver's note parser splits tags. */
const SKIP_TAG = /(^|\s)#skip(?=\s|$)/i;

const DAYS_OF = { D: 1, W: 7, M: 30, Y: 365 } as const;

/**
 * Beaver's period: `target_count` ticks in `period_count` days, weeks, months or years. Day
 * periods are windows that open on each ticked day — our rolling window, exactly; one week or
 * one month are calendar periods, like ours (weeks from the user's week start here, Monday in
 * Beaver). Longer ones have no equivalent: the same number in a rolling window of that length.
 */
function scheduleOf(
  period: z.infer<typeof PeriodSchema> | null | undefined,
  name: string,
  warnings: ImportWarning[],
): Schedule {
  if (!period) return { kind: 'daily' };
  const { period_type: type, period_count: count, target_count: target } = period;
  const days = DAYS_OF[type] * count;
  if (target >= days) return { kind: 'daily' };
  if (type === 'D') return { kind: 'times_in_days', times: target, days };
  if (type === 'W' && count === 1) return { kind: 'times_per_week', times: target };
  if (type === 'M' && count === 1) return { kind: 'times_per_month', times: Math.min(target, 31) };
  const window = Math.min(days, 365);
  const times = Math.max(1, Math.min(window - 1, Math.round((target * window) / days)));
  const unit = { W: 'week', M: 'month', Y: 'year' }[type];
  warnings.push(
    warning(
      'schedule_approximated',
      { habit: excerpt(name), app: 'Beaver Habits' },
      `"${excerpt(name)}": Beaver's ${target} time${target === 1 ? '' : 's'} every ${count} ${unit}${count === 1 ? '' : 's'} has no exact equivalent; imported as ${times} times in any ${window} days.`,
    ),
  );
  return { kind: 'times_in_days', times, days: window };
}

export function readBeaverExport(
  file: string,
  json: unknown,
  options: ResolvedOptions,
): ImportDocument {
  const root = json as { habits: unknown[]; order?: unknown };
  checkHabitsAndRecords(file, root.habits, options);
  const problems = new ProblemList();
  const warnings: ImportWarning[] = [];
  // v0.3–0.4 exports keep the user's order as a list of ids.
  const order = Array.isArray(root.order) ? root.order.map(String) : [];
  const rank = (id: string | undefined, i: number) => {
    const at = id === undefined ? -1 : order.indexOf(id);
    return at >= 0 ? at : order.length + i;
  };

  const drafts = [];
  let deleted = 0;
  let skips = 0;
  const habitAt = (i: number): Where => ({ file, what: `Habit ${i + 1}`, path: 'habits', row: i });
  for (const { value: habit, i } of acceptedItems(root.habits, HabitSchema, problems, habitAt)) {
    if (habit.status === 'soft_delete') {
      deleted++;
      continue;
    }
    const label = `Day of "${excerpt(habit.name.trim())}"`;
    const path = `habits[${i}].records`;
    const entries: DayEntry[] = [];
    const recordAt = (row: number): Where => ({ file, what: label, path, row });
    for (const { value, at } of acceptedItems(habit.records, RecordSchema, problems, recordAt)) {
      const { day, done, text } = value;
      const note = noteOf(text);
      if (note !== null && SKIP_TAG.test(note)) {
        skips++;
        entries.push({ date: day, state: 'skipped', value: null, note, at });
      } else if (done === true || done === 1) {
        entries.push({ date: day, state: 'done', value: null, note, at });
      } else if (note !== null) {
        entries.push({ date: day, state: 'note', value: null, note, at });
      }
    }
    const id = habit.id === undefined ? undefined : String(habit.id);
    drafts.push({
      rank: rank(id, i),
      draft: draftOf(
        {
          sourceId: id ?? String(i + 1),
          name: habit.name.trim(),
          description: '',
          color: rotatingColor(drafts.length),
          measure: { kind: 'boolean' },
          schedule: scheduleOf(habit.period, habit.name.trim(), warnings),
          archived: habit.status === 'archive',
          position: 0,
        },
        entries,
        { file, what: `Habit "${excerpt(habit.name.trim())}"`, path: 'habits', row: i },
        options.today,
      ),
    });
  }
  if (deleted > 0) {
    warnings.push(
      warning(
        'deleted_habits_left_out',
        { count: deleted, app: 'Beaver Habits' },
        `${deleted} deleted habit${deleted === 1 ? ' was' : 's were'} left out (Beaver keeps them in its recycle bin).`,
      ),
    );
  }
  if (skips > 0) {
    warnings.push(
      warning(
        'skip_tag_as_skipped',
        { count: skips },
        `${skips} day${skips === 1 ? '' : 's'} tagged #skip ${skips === 1 ? 'is' : 'are'} imported as skipped (Beaver counts them as done).`,
      ),
    );
  }
  drafts.sort((a, b) => a.rank - b.rank);
  const sorted = drafts.map(({ draft }) => draft);
  return finishInOrder('beaver-habits', file, sorted, warnings, problems);
}

export type { LocalDate };
