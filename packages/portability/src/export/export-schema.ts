/**
 * The export document, version 1: `habit-tracker-export.json` in the export zip, and the only
 * file a re-import reads (the CSVs are for spreadsheets). Field names and limits are the API's
 * (packages/contract): a document that passes here imports without a single API-side refusal.
 *
 * Compatibility: readers accept `version` ≤ the one they know; a change that old readers would
 * misread gets a new version number, never a silent change of meaning.
 */
import {
  LocalDateSchema,
  MeasureSchema,
  ScheduleSchema,
  SettingsSchema,
} from '@habit-tracker/contract';
import { checkinValueProblems } from '@habit-tracker/core';
import { LIMITS } from '@habit-tracker/vocabulary';
import { z } from 'zod';
import { excerpt } from '../import-error';
import { PHOTO_EXTENSIONS, type PhotoContentType, photoPath } from './paths';

export const EXPORT_FORMAT = 'habit-tracker-export';
export const EXPORT_VERSION = 1;

const Timestamp = z.iso.datetime({ offset: true });
/** Ids name photo files in the zip, so they are restricted to file-name-safe characters. */
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Expected an id of letters, digits, - or _');

export const ExportCheckinSchema = z
  .object({
    date: LocalDateSchema,
    /** 'note' (a day with only a note) since issue 18; older readers refuse it by name. */
    state: z.enum(['done', 'skipped', 'note']),
    value: z.number().finite().min(0).max(LIMITS.numberMax).nullable(),
    note: z.string().max(LIMITS.noteMax).nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .strict();

export const ExportHabitSchema = z
  .object({
    id: Id,
    name: z
      .string()
      .max(LIMITS.nameMax)
      .refine((s) => s.trim() !== '', 'Name must not be empty'),
    description: z.string().max(LIMITS.descriptionMax),
    color: z.string().regex(/^#[0-9a-f]{6}$/, 'Expected a lower-case colour like #3b82f6'),
    icon: z.string().max(LIMITS.iconMax),
    measure: MeasureSchema,
    schedule: ScheduleSchema,
    position: z.number().int(),
    startDate: LocalDateSchema,
    archivedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    checkins: z.array(ExportCheckinSchema),
  })
  .strict()
  .superRefine((habit, ctx) => {
    const dates = new Set<string>();
    habit.checkins.forEach((checkin, i) => {
      const issue = (message: string) =>
        ctx.addIssue({ code: 'custom', path: ['checkins', i], message });
      if (dates.has(checkin.date)) issue(`${checkin.date} appears twice`);
      dates.add(checkin.date);
      // The value rules of the check-in API.
      for (const message of checkinValueProblems(habit.measure, checkin)) issue(message);
    });
  });

const PhotoContentTypeSchema = z.enum(
  Object.keys(PHOTO_EXTENSIONS) as [PhotoContentType, ...PhotoContentType[]],
);

export const ExportPhotoSchema = z
  .object({
    id: Id,
    habitId: Id,
    date: LocalDateSchema,
    path: z.string(),
    contentType: PhotoContentTypeSchema,
    size: z.number().int().min(0),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lower-case hex SHA-256'),
  })
  .strict()
  .refine((photo) => photo.path === photoPath(photo.id, photo.contentType), {
    message: 'path must be photos/<id>.<extension of its type>',
    path: ['path'],
  });

export const ExportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: Timestamp,
    account: z.object({ email: z.string().max(LIMITS.emailMax) }).strict(),
    // The calendar only: the language belongs to the account, not to the habits it carries.
    settings: SettingsSchema.omit({ locale: true }),
    habits: z.array(ExportHabitSchema),
    photos: z.array(ExportPhotoSchema),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const habits = new Map(doc.habits.map((h) => [h.id, h]));
    if (habits.size !== doc.habits.length) {
      ctx.addIssue({ code: 'custom', path: ['habits'], message: 'Habit ids must be unique' });
    }
    const checkinKeys = new Set(
      doc.habits.flatMap((h) => h.checkins.map((c) => `${h.id} ${c.date}`)),
    );
    const photoIds = new Set<string>();
    doc.photos.forEach((photo, i) => {
      const issue = (message: string) =>
        ctx.addIssue({ code: 'custom', path: ['photos', i], message });
      if (photoIds.has(photo.id)) issue(`Photo id ${photo.id} appears twice`);
      photoIds.add(photo.id);
      const habit = habits.get(photo.habitId);
      if (!habit) issue(`No habit has id ${photo.habitId}`);
      else if (!checkinKeys.has(`${photo.habitId} ${photo.date}`)) {
        issue(`"${excerpt(habit.name)}" has no check-in on ${photo.date} to attach the photo to`);
      }
    });
  });

export type ExportDocument = z.infer<typeof ExportDocumentSchema>;
export type ExportHabit = z.infer<typeof ExportHabitSchema>;
export type ExportCheckin = z.infer<typeof ExportCheckinSchema>;
export type ExportPhoto = z.infer<typeof ExportPhotoSchema>;
