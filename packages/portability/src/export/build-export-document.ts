/** The export document from the account's rows, validated before a single byte is written. */
import type { CalendarSettings } from '@habit-tracker/core';
import { z } from 'zod';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportCheckin,
  type ExportDocument,
  ExportDocumentSchema,
  type ExportHabit,
  type ExportPhoto,
} from './export-schema';
import { photoPath } from './paths';

/** Timestamps as the database driver gives them (Date) or as strings. */
type Instant = Date | string;

export interface ExportCheckinInput extends Omit<ExportCheckin, 'createdAt' | 'updatedAt'> {
  createdAt: Instant;
  updatedAt: Instant;
}

export interface ExportHabitInput
  extends Omit<ExportHabit, 'archivedAt' | 'createdAt' | 'updatedAt' | 'checkins'> {
  archivedAt: Instant | null;
  createdAt: Instant;
  updatedAt: Instant;
  checkins: ExportCheckinInput[];
}

/** A stored photo's metadata; its path in the zip is derived from id and type. */
export type ExportPhotoInput = Omit<ExportPhoto, 'path'>;

export interface ExportInput {
  exportedAt: Instant;
  account: { email: string };
  settings: CalendarSettings;
  habits: ExportHabitInput[];
  photos: ExportPhotoInput[];
}

/** The input broke the export format: a bug in the caller, not something a user can fix. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

type HabitDefinition = Pick<
  ExportHabit,
  'name' | 'description' | 'color' | 'icon' | 'measure' | 'schedule'
>;

/**
 * What the user set on a habit, picked (not spread: rows straight from the database carry more,
 * such as user ids), in the export's field order; the export and its re-import both copy it.
 */
export function habitDefinition(h: HabitDefinition): HabitDefinition {
  return {
    name: h.name,
    description: h.description,
    color: h.color,
    icon: h.icon,
    measure: h.measure,
    schedule: h.schedule,
  };
}

const iso = (t: Instant): string => (typeof t === 'string' ? t : t.toISOString());
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Habits in the app's order (position, then creation, then id, as the habit list sorts them),
 * check-ins by date, photos by habit, date and id: the same account always gives the same bytes.
 */
export function buildExportDocument(input: ExportInput): ExportDocument {
  // Fields are picked, not spread: rows straight from the database carry more (user ids).
  const habits: ExportHabit[] = input.habits
    .map((h) => ({
      id: h.id,
      ...habitDefinition(h),
      position: h.position,
      startDate: h.startDate,
      archivedAt: h.archivedAt === null ? null : iso(h.archivedAt),
      createdAt: iso(h.createdAt),
      updatedAt: iso(h.updatedAt),
      checkins: h.checkins
        .map((c) => ({
          date: c.date,
          state: c.state,
          value: c.value,
          note: c.note,
          createdAt: iso(c.createdAt),
          updatedAt: iso(c.updatedAt),
        }))
        .sort((a, b) => byKey(a.date, b.date)),
    }))
    .sort(
      (a, b) => a.position - b.position || byKey(a.createdAt, b.createdAt) || byKey(a.id, b.id),
    );
  const habitOrder = new Map(habits.map((h, i) => [h.id, i]));
  const photos: ExportPhoto[] = input.photos
    .map((p) => ({
      id: p.id,
      habitId: p.habitId,
      date: p.date,
      path: photoPath(p.id, p.contentType),
      contentType: p.contentType,
      size: p.size,
      sha256: p.sha256,
    }))
    .sort(
      (a, b) =>
        (habitOrder.get(a.habitId) ?? -1) - (habitOrder.get(b.habitId) ?? -1) ||
        byKey(a.date, b.date) ||
        byKey(a.id, b.id),
    );
  const parsed = ExportDocumentSchema.safeParse({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(input.exportedAt),
    account: { email: input.account.email },
    settings: input.settings,
    habits,
    photos,
  });
  if (!parsed.success) {
    throw new ExportError(`The export document is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
