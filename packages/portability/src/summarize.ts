/** The preview of an import: what will be created, in words the user recognises. */

import { describeSchedule, type Measure, type Schedule, type Weekday } from '@habit-tracker/core';
import type { ImportDocument, ImportSource } from './import-document';
import type { ImportWarning } from './warnings';

export interface HabitSummary {
  sourceId: string;
  name: string;
  kind: Measure['kind'];
  /** "Yes/no", "At least 5 km", "At most 2 cups". */
  measure: string;
  /** core's describeSchedule: "Every day", "3 times a week"… */
  schedule: string;
  /** The schedule itself, for a preview in the reader's language. */
  scheduleRule: Schedule;
  archived: boolean;
  checkins: number;
  done: number;
  skipped: number;
  notes: number;
  photos: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface ImportSummary {
  source: ImportSource;
  habits: HabitSummary[];
  totals: {
    habits: number;
    archived: number;
    checkins: number;
    photos: number;
    firstDate: string | null;
    lastDate: string | null;
  };
  warnings: ImportWarning[];
}

export function describeMeasure(measure: Measure): string {
  if (measure.kind === 'boolean') return 'Yes/no';
  return `${measure.direction === 'at_least' ? 'At least' : 'At most'} ${measure.target} ${measure.unit}`;
}

const earlier = (a: string | null, b: string | null) =>
  a === null || (b !== null && b < a) ? b : a;
const later = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);

/** Weekdays in schedules are listed from `weekStart` (the document's own settings by default). */
export function summarize(doc: ImportDocument, weekStart?: Weekday): ImportSummary {
  const start = weekStart ?? doc.settings?.weekStart ?? 1;
  const habits = doc.habits.map((habit): HabitSummary => {
    const { checkins } = habit;
    return {
      sourceId: habit.sourceId,
      name: habit.name,
      kind: habit.measure.kind,
      measure: describeMeasure(habit.measure),
      schedule: describeSchedule(habit.schedule, start),
      scheduleRule: habit.schedule,
      archived: habit.archived,
      checkins: checkins.length,
      done: checkins.filter((c) => c.state === 'done').length,
      skipped: checkins.filter((c) => c.state === 'skipped').length,
      notes: checkins.filter((c) => c.note !== null).length,
      photos: checkins.reduce((n, c) => n + (c.photos?.length ?? 0), 0),
      // Check-ins are sorted by date (finishImport).
      firstDate: checkins[0]?.date ?? null,
      lastDate: checkins.at(-1)?.date ?? null,
    };
  });
  return {
    source: doc.source,
    habits,
    totals: {
      habits: habits.length,
      archived: habits.filter((h) => h.archived).length,
      checkins: habits.reduce((n, h) => n + h.checkins, 0),
      photos: habits.reduce((n, h) => n + h.photos, 0),
      firstDate: habits.reduce<string | null>((d, h) => earlier(d, h.firstDate), null),
      lastDate: habits.reduce<string | null>((d, h) => later(d, h.lastDate), null),
    },
    warnings: doc.warnings,
  };
}
