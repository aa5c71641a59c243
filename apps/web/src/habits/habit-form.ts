/**
 * The habit form as pure functions: the form's fields, a form from a habit, the request body (or
 * a message per field), the schedule's summary and the colour a new habit gets. The editor
 * screen renders it; the web unit tests check it without a browser.
 */
import type { Weekday } from '@habit-tracker/core';
import { HABIT_COLORS, LIMITS, SCHEDULE_LIMITS } from '@habit-tracker/vocabulary';
import type { Habit, HabitCreate } from '../api/client';
import { type MessageId, t } from '../i18n/i18n';
import { describeScheduleText, targetText } from '../shared/lib/format';

export type ScheduleKind = HabitCreate['schedule']['kind'];

export interface Form {
  name: string;
  description: string;
  icon: string;
  color: string;
  measureKind: 'boolean' | 'numeric';
  unit: string;
  target: string;
  direction: 'at_least' | 'at_most';
  scheduleKind: ScheduleKind;
  days: Weekday[];
  timesPerWeek: string;
  timesPerMonth: string;
  interval: string;
  startDate: string;
  windowTimes: string;
  windowDays: string;
  /** Its group on Today ('' for none). */
  groupId: string;
}

export const SCHEDULE_KINDS: { kind: ScheduleKind; label: MessageId; hint: MessageId }[] = [
  { kind: 'daily', label: 'editor.schedule.daily', hint: 'editor.schedule.dailyHint' },
  { kind: 'weekdays', label: 'editor.schedule.weekdays', hint: 'editor.schedule.weekdaysHint' },
  { kind: 'times_per_week', label: 'editor.schedule.perWeek', hint: 'editor.schedule.anyDays' },
  { kind: 'times_per_month', label: 'editor.schedule.perMonth', hint: 'editor.schedule.anyDays' },
  { kind: 'every_n_days', label: 'editor.schedule.everyN', hint: 'editor.schedule.everyNHint' },
  { kind: 'times_in_days', label: 'editor.schedule.inDays', hint: 'editor.schedule.inDaysHint' },
];

export function emptyForm(today: string, color: string = HABIT_COLORS[0].value): Form {
  return {
    name: '',
    description: '',
    icon: '',
    color,
    measureKind: 'boolean',
    unit: '',
    target: '',
    direction: 'at_least',
    scheduleKind: 'daily',
    days: [1, 3, 5],
    timesPerWeek: '3',
    timesPerMonth: '10',
    interval: '2',
    startDate: today,
    windowTimes: '3',
    windowDays: '10',
    groupId: '',
  };
}

export function formFromHabit(h: Habit, today: string): Form {
  const f = emptyForm(today);
  f.name = h.name;
  f.description = h.description;
  f.icon = h.icon;
  f.color = h.color;
  f.groupId = h.groupId ?? '';
  if (h.measure.kind === 'numeric') {
    f.measureKind = 'numeric';
    f.unit = h.measure.unit;
    f.target = String(h.measure.target);
    f.direction = h.measure.direction;
  }
  const s = h.schedule;
  f.scheduleKind = s.kind;
  if (s.kind === 'weekdays') f.days = [...s.days];
  if (s.kind === 'times_per_week') f.timesPerWeek = String(s.times);
  if (s.kind === 'times_per_month') f.timesPerMonth = String(s.times);
  if (s.kind === 'every_n_days') {
    f.interval = String(s.interval);
    f.startDate = s.startDate;
  }
  if (s.kind === 'times_in_days') {
    f.windowTimes = String(s.times);
    f.windowDays = String(s.days);
  }
  return f;
}

/** The request body, or field messages for what is not valid yet. */
export function toBody(f: Form): { body: HabitCreate } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s) : Number.NaN);
  if (!f.name.trim()) errors.name = t('editor.error.name');
  let measure: HabitCreate['measure'] = { kind: 'boolean' };
  if (f.measureKind === 'numeric') {
    const target = Number(f.target.replace(',', '.'));
    if (!f.unit.trim()) errors['measure.unit'] = t('editor.error.unit');
    if (!(target > 0 && target <= LIMITS.numberMax))
      errors['measure.target'] = t('editor.error.target');
    measure = { kind: 'numeric', unit: f.unit.trim(), target, direction: f.direction };
  }
  let schedule: HabitCreate['schedule'];
  switch (f.scheduleKind) {
    case 'daily':
      schedule = { kind: 'daily' };
      break;
    case 'weekdays':
      if (f.days.length === 0) errors['schedule.days'] = t('editor.error.days');
      schedule = { kind: 'weekdays', days: [...f.days].sort() };
      break;
    case 'times_per_week': {
      const times = int(f.timesPerWeek);
      const { min, max } = SCHEDULE_LIMITS.timesPerWeek;
      if (!(times >= min && times <= max))
        errors['schedule.times'] = t('editor.error.timesPerWeek', { min, max });
      schedule = { kind: 'times_per_week', times };
      break;
    }
    case 'times_per_month': {
      const times = int(f.timesPerMonth);
      const { min, max } = SCHEDULE_LIMITS.timesPerMonth;
      if (!(times >= min && times <= max))
        errors['schedule.times'] = t('editor.error.timesPerMonth', { min, max });
      schedule = { kind: 'times_per_month', times };
      break;
    }
    case 'every_n_days': {
      const interval = int(f.interval);
      const { min, max } = SCHEDULE_LIMITS.everyNDays;
      if (!(interval >= min && interval <= max))
        errors['schedule.interval'] = t('editor.error.days.between', { min, max });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(f.startDate))
        errors['schedule.startDate'] = t('editor.error.startDate');
      schedule = { kind: 'every_n_days', interval, startDate: f.startDate };
      break;
    }
    case 'times_in_days': {
      // The contract's SCHEDULE_LIMITS.timesInDays, repeated: the value would bring zod along.
      const times = int(f.windowTimes);
      const days = int(f.windowDays);
      if (!(days >= 2 && days <= 365))
        errors['schedule.days'] = t('editor.error.days.between', { min: 2, max: 365 });
      else if (!(times >= 1 && times < days)) {
        errors['schedule.times'] = t('editor.error.windowTimes', { days });
      }
      schedule = { kind: 'times_in_days', times, days };
      break;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      name: f.name.trim(),
      description: f.description.trim(),
      icon: f.icon.trim(),
      color: f.color,
      measure,
      schedule,
      groupId: f.groupId || null,
    },
  };
}

export function scheduleSummary(f: Form, weekStart: Weekday): string {
  const result = toBody({
    ...f,
    name: f.name || 'x',
    unit: f.unit || 'units',
    target: f.target || '1',
  });
  if (!('body' in result)) return t('editor.summaryIncomplete');
  const { schedule, measure } = result.body;
  const when = describeScheduleText(schedule, weekStart);
  return measure.kind === 'numeric' && f.unit && f.target
    ? `${when} · ${targetText({ measure })}`
    : when;
}

/**
 * The first palette colour no habit uses yet (then the least used), so new habits are told apart
 * at a glance instead of all starting indigo.
 */
export function firstFreeColor(used: readonly string[]): string {
  const counts = new Map<string, number>(HABIT_COLORS.map((c) => [c.value, 0]));
  for (const color of used) {
    const key = color.toLowerCase();
    if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
  }
  let best: string = HABIT_COLORS[0].value;
  for (const [color, count] of counts) if (count < counts.get(best)!) best = color;
  return best;
}
