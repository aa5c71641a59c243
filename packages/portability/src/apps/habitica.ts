/**
 * Habitica's data export `habitica-user-data.json` (Settings → Site Data → User Data → Download
 * as JSON; github.com/HabitRPG/habitica website/server/controllers/top-level/dataexport.js): the
 * user object with `tasks.{habits,dailys,todos,rewards}` and `tasksOrder`. Only what habits need
 * is read — tasks, `preferences.timezoneOffset` and `preferences.dayStart` — never the account,
 * inbox or anything else it holds.
 *
 * Dailies become yes/no habits: a day is done when its history has a `completed: true` entry
 * (scoring a daily up pushes one, unchecking pops it; cron adds `completed: false` entries for
 * missed days, which need nothing here). Habits (the +/− kind) become count habits: since 2018
 * their history has one entry per day with `scoredUp` and `scoredDown`. A habit with only a −
 * button becomes "at most 0" with the days it was clicked; one with both keeps the − clicks in
 * the day's note.
 *
 * Times are instants (ms). A day is the user's calendar day at Habitica's custom day start:
 * shifted by the zone offset Habitica stores (minutes, JavaScript's sign: −120 is UTC+2), and
 * before `dayStart` o'clock it is still the day before. Habitica keeps day-by-day history only
 * for 60 days (365 with a subscription or in a challenge); older entries are averaged per month
 * and year (libs/preening.js) and carry no day: they are counted and left out, and the preview
 * says so. history.csv (the other export) has values but not which days were done: detect.ts
 * refuses it with a pointer to this file.
 */

import { addDays, fromDayNumber, type LocalDate, type Schedule } from '@habit-tracker/core';
import { LIMITS } from '@habit-tracker/vocabulary';
import { z } from 'zod';
import { reportZod, type Where } from '../finish-import';
import type { ImportDocument } from '../import-document';
import { excerpt, ProblemList } from '../import-error';
import { checkEntries, checkHabits, type ResolvedOptions } from '../options';
import { type ImportWarning, warning } from '../warnings';
import {
  type DayEntry,
  draftOf,
  finishInOrder,
  type HabitFacts,
  isObject,
  rotatingColor,
} from './common';

const TASK_LISTS = ['habits', 'dailys', 'todos', 'rewards'];

/** The user object of Habitica's export: `tasks` grouped by type, and its preferences. */
export function isHabiticaExport(json: unknown): boolean {
  if (!isObject(json) || !isObject(json.tasks)) return false;
  const tasks = json.tasks;
  return (
    TASK_LISTS.some((k) => Array.isArray(tasks[k])) &&
    ('preferences' in json || 'auth' in json || 'tasksOrder' in json || '_id' in json)
  );
}

const Instant = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: 'is not a time' });
    return z.NEVER;
  }
  return ms;
});

const HistorySchema = z.object({
  date: Instant,
  completed: z.boolean().optional(),
  scoredUp: z.number().int().min(0).nullable().optional(),
  scoredDown: z.number().int().min(0).nullable().optional(),
});

const TaskSchema = z.object({
  _id: z.string().optional(),
  id: z.string().optional(),
  text: z.string().default(''),
  notes: z.string().nullable().optional(),
  createdAt: Instant.optional(),
  history: z.array(z.unknown()).nullable().optional(),
  // habits
  up: z.boolean().optional(),
  down: z.boolean().optional(),
  // dailies
  frequency: z.string().optional(),
  everyX: z.number().int().min(0).optional(),
  startDate: Instant.nullable().optional(),
  repeat: z.record(z.string(), z.boolean()).optional(),
  daysOfMonth: z.array(z.number().int()).optional(),
  weeksOfMonth: z.array(z.number().int()).optional(),
  checklist: z.array(z.unknown()).optional(),
});
type Task = z.infer<typeof TaskSchema>;

/** Habitica's `repeat` keys, Monday first. */
const REPEAT_DAYS = ['m', 't', 'w', 'th', 'f', 's', 'su'] as const;

interface DayClock {
  /** Minutes to add to UTC for the user's wall clock (the opposite of JavaScript's offset). */
  offsetMinutes: number;
  dayStart: number;
}

/** The user's Habitica day of an instant. */
function dayOf(ms: number, clock: DayClock): LocalDate {
  const wall = ms + clock.offsetMinutes * 60_000;
  const day = Math.floor(wall / 86_400_000);
  const hour = Math.floor((wall - day * 86_400_000) / 3_600_000);
  return fromDayNumber(hour < clock.dayStart ? day - 1 : day);
}

/** Habitica's texts are free markdown, ours are bounded: a long one is cut, with a warning. */
function bounded(text: string, max: number, cut: { count: number }): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  cut.count++;
  return `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

function approximated(warnings: ImportWarning[], name: string, what: string, schedule: Schedule) {
  const words =
    schedule.kind === 'times_in_days'
      ? `${schedule.times} time${schedule.times === 1 ? '' : 's'} in any ${schedule.days} days`
      : schedule.kind === 'times_per_month'
        ? `${schedule.times} time${schedule.times === 1 ? '' : 's'} a month`
        : 'every day';
  warnings.push(
    warning(
      'schedule_approximated',
      { habit: excerpt(name), app: 'Habitica' },
      `"${excerpt(name)}": ${what} has no exact equivalent; imported as ${words}.`,
    ),
  );
  return schedule;
}

/** A daily's repeat rule (common/script/cron.js shouldDo) as the nearest schedule here. */
function dailySchedule(
  task: Task,
  start: LocalDate,
  name: string,
  warnings: ImportWarning[],
): Schedule {
  const every = Math.max(1, task.everyX ?? 1);
  const weekdays = REPEAT_DAYS.flatMap((key, i) =>
    task.repeat?.[key] === false ? [] : [(i + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7],
  );
  switch (task.frequency ?? 'weekly') {
    case 'daily':
      return every === 1
        ? { kind: 'daily' }
        : { kind: 'every_n_days', interval: Math.min(every, 365), startDate: start };
    case 'weekly': {
      if (weekdays.length === 0) {
        return approximated(warnings, name, 'a weekly daily with no days', { kind: 'daily' });
      }
      if (every === 1) {
        return weekdays.length === 7 ? { kind: 'daily' } : { kind: 'weekdays', days: weekdays };
      }
      const days = Math.min(7 * every, 365);
      return approximated(warnings, name, `every ${every} weeks on ${weekdays.length} days`, {
        kind: 'times_in_days',
        times: Math.min(weekdays.length, days - 1),
        days,
      });
    }
    case 'monthly': {
      const times = Math.max(
        1,
        (task.daysOfMonth ?? []).length || (task.weeksOfMonth ?? []).length * weekdays.length,
      );
      if (every === 1) {
        return approximated(warnings, name, 'a monthly daily on set days', {
          kind: 'times_per_month',
          times: Math.min(times, 31),
        });
      }
      const days = Math.min(30 * every, 365);
      return approximated(warnings, name, `every ${every} months`, {
        kind: 'times_in_days',
        times: Math.min(times, days - 1),
        days,
      });
    }
    case 'yearly':
      return approximated(warnings, name, 'a yearly daily', {
        kind: 'times_in_days',
        times: 1,
        days: 365,
      });
    default:
      return approximated(warnings, name, `the frequency "${excerpt(task.frequency ?? '')}"`, {
        kind: 'daily',
      });
  }
}

interface Counts {
  both: number;
  averaged: number;
  movedToYesterday: number;
  noButtons: number;
  cut: { count: number };
}

/** Parsed history entries, or problems; `path` names the task in messages. */
function historyOf(
  task: Task,
  label: string,
  path: string,
  file: string,
  problems: ProblemList,
): { entry: z.infer<typeof HistorySchema>; at: Where }[] {
  const out: { entry: z.infer<typeof HistorySchema>; at: Where }[] = [];
  (task.history ?? []).forEach((raw, k) => {
    const at: Where = { file, what: label, path, row: k };
    const parsed = HistorySchema.safeParse(raw);
    if (parsed.success) out.push({ entry: parsed.data, at });
    else reportZod(problems, at, parsed.error);
  });
  return out;
}

function dailyEntries(
  history: ReturnType<typeof historyOf>,
  clock: DayClock,
  counts: Counts,
): DayEntry[] {
  const byDay = new Map<LocalDate, Where[]>();
  for (const { entry, at } of history) {
    if (entry.completed === undefined) {
      counts.averaged++;
      continue;
    }
    if (!entry.completed) continue;
    const day = dayOf(entry.date, clock);
    byDay.set(day, [...(byDay.get(day) ?? []), at]);
  }
  // Two checks on one day: "Record Yesterday's Activity" stamps yesterday's check with the time
  // it was made, so the earlier one belongs to the day before when that day has none.
  for (const [day, ats] of [...byDay]) {
    const yesterday = addDays(day, -1);
    if (ats.length > 1 && !byDay.has(yesterday)) {
      byDay.set(yesterday, [ats[0]!]);
      byDay.set(day, ats.slice(1));
      counts.movedToYesterday++;
    }
  }
  return [...byDay].map(([date, ats]) => ({
    date,
    state: 'done' as const,
    value: null,
    note: null,
    at: ats[0]!,
  }));
}

function habitEntries(
  history: ReturnType<typeof historyOf>,
  clock: DayClock,
  mode: 'up' | 'down' | 'both',
  counts: Counts,
): DayEntry[] {
  const byDay = new Map<LocalDate, { up: number; down: number; at: Where }>();
  for (const { entry, at } of history) {
    if (entry.scoredUp == null && entry.scoredDown == null) {
      counts.averaged++;
      continue;
    }
    const day = dayOf(entry.date, clock);
    const sum = byDay.get(day) ?? { up: 0, down: 0, at };
    sum.up += entry.scoredUp ?? 0;
    sum.down += entry.scoredDown ?? 0;
    byDay.set(day, sum);
  }
  const entries: DayEntry[] = [];
  for (const [date, { up, down, at }] of byDay) {
    if (mode === 'down') {
      if (down > 0) entries.push({ date, state: 'done', value: down, note: null, at });
      continue;
    }
    const note = mode === 'both' && down > 0 ? `−${down} in Habitica` : null;
    if (up > 0) entries.push({ date, state: 'done', value: up, note, at });
    else if (note !== null) entries.push({ date, state: 'note', value: null, note, at });
  }
  return entries;
}

export function readHabiticaExport(
  file: string,
  json: unknown,
  options: ResolvedOptions,
): ImportDocument {
  const root = json as {
    tasks: Record<string, unknown>;
    tasksOrder?: unknown;
    preferences?: unknown;
  };
  const list = (key: string) =>
    Array.isArray(root.tasks[key]) ? (root.tasks[key] as unknown[]) : [];
  const habits = list('habits');
  const dailies = list('dailys');
  checkHabits(file, habits.length + dailies.length, options.maxHabits);
  checkEntries(
    file,
    [...habits, ...dailies].reduce<number>(
      (n, t) => n + (isObject(t) && Array.isArray(t.history) ? t.history.length : 0),
      0,
    ),
    options.maxEntries,
    'history entries',
  );
  const problems = new ProblemList();
  const warnings: ImportWarning[] = [];

  const preferences = isObject(root.preferences) ? root.preferences : {};
  const offset = preferences.timezoneOffset;
  const dayStart = preferences.dayStart;
  const clock: DayClock = {
    offsetMinutes: typeof offset === 'number' && Math.abs(offset) <= 16 * 60 ? -offset : 0,
    dayStart: typeof dayStart === 'number' && dayStart >= 0 && dayStart <= 23 ? dayStart : 0,
  };
  if (typeof offset !== 'number') {
    warnings.push(
      warning(
        'no_time_zone',
        { app: 'Habitica' },
        "The export has no time zone; Habitica's times are placed on UTC days.",
      ),
    );
  }

  // Habitica's own order: habits, then dailies, each as the user sorted them.
  const order = isObject(root.tasksOrder) ? root.tasksOrder : {};
  const rankIn = (key: string) => {
    const ids = Array.isArray(order[key]) ? (order[key] as unknown[]).map(String) : [];
    return (id: string, i: number) => {
      const at = ids.indexOf(id);
      return at >= 0 ? at : ids.length + i;
    };
  };

  const counts: Counts = {
    both: 0,
    averaged: 0,
    movedToYesterday: 0,
    noButtons: 0,
    cut: { count: 0 },
  };
  const drafts: { group: number; rank: number; draft: ReturnType<typeof draftOf> }[] = [];
  const read = (key: 'habits' | 'dailys', tasks: unknown[]) => {
    const rank = rankIn(key);
    tasks.forEach((raw, i) => {
      const at: Where = { file, what: `Task ${i + 1}`, path: `tasks.${key}`, row: i };
      const parsed = TaskSchema.safeParse(raw);
      if (!parsed.success) {
        reportZod(problems, at, parsed.error);
        return;
      }
      const task = parsed.data;
      const id = task._id ?? task.id ?? `${key}-${i + 1}`;
      const name = bounded(task.text, LIMITS.nameMax, counts.cut) || 'Habitica task';
      const description = bounded(task.notes ?? '', LIMITS.descriptionMax, counts.cut);
      const label = `History of "${excerpt(name)}"`;
      const history = historyOf(task, label, `tasks.${key}[${i}].history`, file, problems);
      const habitAt: Where = {
        file,
        what: `Task "${excerpt(name)}"`,
        path: `tasks.${key}`,
        row: i,
      };
      const created = task.createdAt === undefined ? undefined : dayOf(task.createdAt, clock);
      const color = rotatingColor(drafts.length);
      // A daily and a habit differ only in what they measure, when they are due and their days.
      const add = (
        group: number,
        facts: Pick<HabitFacts, 'measure' | 'schedule' | 'startDate'>,
        entries: readonly DayEntry[],
      ) => {
        drafts.push({
          group,
          rank: rank(id, i),
          draft: draftOf(
            { sourceId: id, name, description, color, ...facts, archived: false, position: 0 },
            entries,
            habitAt,
            options.today,
          ),
        });
      };
      if (key === 'dailys') {
        const start =
          task.startDate == null ? (created ?? options.today) : dayOf(task.startDate, clock);
        add(
          1,
          {
            measure: { kind: 'boolean' },
            schedule: dailySchedule(task, start, name, warnings),
            startDate: start,
          },
          dailyEntries(history, clock, counts),
        );
        return;
      }
      const up = task.up ?? true;
      const down = task.down ?? true;
      if (!up && !down) {
        counts.noButtons++;
        return;
      }
      const mode = up && down ? 'both' : up ? 'up' : 'down';
      if (mode === 'both') counts.both++;
      add(
        0,
        {
          measure:
            mode === 'down'
              ? { kind: 'numeric', unit: 'times', target: 0, direction: 'at_most' }
              : { kind: 'numeric', unit: 'times', target: 1, direction: 'at_least' },
          schedule: { kind: 'daily' },
          ...(created && { startDate: created }),
        },
        habitEntries(history, clock, mode, counts),
      );
      if (mode === 'down') {
        warnings.push(
          warning(
            'minus_only',
            { habit: excerpt(name) },
            `"${excerpt(name)}" has only a − button: it is imported as "at most 0 times", with the days you clicked −. Habitica does not record the days you did not, so those days are empty here.`,
          ),
        );
      }
    });
  };
  read('habits', habits);
  read('dailys', dailies);

  const both = counts.both;
  if (both > 0) {
    warnings.push(
      warning(
        'plus_and_minus',
        { count: both },
        `${both} habit${both === 1 ? ' has' : 's have'} both + and −: the + clicks are the day's count, the − clicks are kept in the day's note.`,
      ),
    );
  }
  warnings.push(
    counts.averaged > 0
      ? warning(
          'history_averages_left_out',
          { count: counts.averaged },
          `Habitica keeps day-by-day history for 60 days (365 with a subscription); older history is kept only as monthly and yearly averages, which cannot be imported day by day: ${counts.averaged} such entr${counts.averaged === 1 ? 'y was' : 'ies were'} left out.`,
        )
      : warning(
          'history_limited',
          {},
          'Habitica keeps day-by-day history for 60 days (365 with a subscription); anything older is not in the export.',
        ),
  );
  if (counts.movedToYesterday > 0) {
    warnings.push(
      warning(
        'record_yesterday_moved',
        { count: counts.movedToYesterday },
        `${counts.movedToYesterday} check${counts.movedToYesterday === 1 ? '' : 's'} made with "Record Yesterday's Activity" ${counts.movedToYesterday === 1 ? 'was' : 'were'} placed on the day before.`,
      ),
    );
  }
  if (counts.noButtons > 0) {
    warnings.push(
      warning(
        'habits_without_buttons_left_out',
        { count: counts.noButtons },
        `${counts.noButtons} habit${counts.noButtons === 1 ? '' : 's'} without + or − (notes or dividers) ${counts.noButtons === 1 ? 'was' : 'were'} left out.`,
      ),
    );
  }
  const others = list('todos').length + list('rewards').length;
  if (others > 0) {
    warnings.push(
      warning(
        'todos_rewards_left_out',
        { count: others },
        `${others} to-do${others === 1 ? '' : 's'} and rewards were left out.`,
      ),
    );
  }
  if (counts.cut.count > 0) {
    warnings.push(
      warning(
        'texts_shortened',
        { count: counts.cut.count },
        `${counts.cut.count} task name${counts.cut.count === 1 ? '' : 's'} or note${counts.cut.count === 1 ? '' : 's'} longer than this app keeps ${counts.cut.count === 1 ? 'was' : 'were'} shortened.`,
      ),
    );
  }

  drafts.sort((a, b) => a.group - b.group || a.rank - b.rank);
  const sorted = drafts.map(({ draft }) => draft);
  const empty = 'The export holds no habits or dailies';
  return finishInOrder('habitica', file, sorted, warnings, problems, empty);
}
