/**
 * Imports: read the uploaded file (Loop Habit Tracker's CSV zip or backup, or this app's own
 * export — packages/portability does the reading and validates everything), preview it, and
 * on confirmation write it all in ONE transaction: a bad file or a failure halfway leaves nothing.
 *
 * Photos of our own export are written to storage before the transaction commits; if it then
 * rolls back, they are queued for deletion, so nothing stays behind either way.
 */
import { randomUUID } from 'node:crypto';
import type { LocalDate } from '@habit-tracker/core';
import * as db from '@habit-tracker/db';
import type { ParsedImport } from '@habit-tracker/portability';
import { type ObjectStore, objectKeys } from '@habit-tracker/storage';
import type { PhotoType } from '@habit-tracker/vocabulary';
import type { ImportCounts } from '../dto/files';
import type { Env } from '../env';
import { AppError } from '../errors';
import { inspectPhoto } from '../files/images';
import { assertRoomFor, type QuotaDeps } from '../files/storage-quota';
import type { ImportReader } from './import-reader';
import type { ObjectCleanup } from './object-cleanup';

/** What reading an upload needs (a request's app dependencies have all of it). */
export interface ImportJobDeps {
  /** Where the upload is, and where imported photos go. */
  storage: ObjectStore;
  env: Pick<Env, 'IMPORT_MAX_BYTES'>;
  clock: () => Date;
  /** Deletes the photos of a write that rolled back. */
  objectCleanup: Pick<ObjectCleanup, 'drainSoon'>;
  /** Reads the file in a worker thread, within memory and time limits. */
  importReader: Pick<ImportReader, 'document'>;
}

/**
 * Writing needs the request's handles too (one transaction on the primary) and the storage quota
 * (the photos of an own export count against it).
 */
export type ImportWriteDeps = ImportJobDeps & QuotaDeps & { db: db.DbHandles };

/**
 * The stored upload's bytes, checked against the size it was declared with. Held outside the JS
 * heap and handed (transferred, not copied) to the reading worker.
 */
export async function readUploadBytes(
  deps: Pick<ImportJobDeps, 'storage'>,
  user: { id: string },
  row: db.ImportRow,
): Promise<ArrayBuffer> {
  const object = await deps.storage.get(objectKeys.importUpload(user.id, row.id));
  if (!object) throw new AppError('upload_invalid', 'The file was not uploaded; choose it again');
  if (object.size !== row.size) {
    object.body.destroy();
    throw new AppError('upload_invalid', `The upload is ${object.size} bytes, not ${row.size}`);
  }
  const bytes = new Uint8Array(row.size);
  let at = 0;
  for await (const chunk of object.body) {
    const part = chunk as Buffer;
    // A store that sends more than it said: refuse rather than grow.
    if (at + part.length > bytes.length) {
      object.body.destroy();
      throw new AppError('upload_invalid', `The upload is larger than ${row.size} bytes`);
    }
    bytes.set(part, at);
    at += part.length;
  }
  return bytes.buffer;
}

/** Whose upload it is, with the calendar it is read in (the user's today and week start). */
export interface ImportUser {
  id: string;
  settings: db.SettingsRow;
  /** The start date of a habit with no history. */
  today: LocalDate;
}

/** What every read of an upload is told: the limits and the user's calendar. */
export function readJob(
  deps: Pick<ImportJobDeps, 'env'>,
  user: Pick<ImportUser, 'settings' | 'today'>,
  row: db.ImportRow,
  bytes: ArrayBuffer,
) {
  return {
    name: row.fileName,
    bytes,
    options: { maxBytes: deps.env.IMPORT_MAX_BYTES, today: user.today },
    weekStart: user.settings.weekStart,
  };
}

/** The confirmed file, read again (in a worker, like the preview) for its whole document. */
export async function parseUpload(
  deps: ImportJobDeps,
  user: ImportUser,
  row: db.ImportRow,
): Promise<ParsedImport> {
  const bytes = await readUploadBytes(deps, user, row);
  return deps.importReader.document(user.id, readJob(deps, user, row, bytes));
}

/**
 * Writes the parsed document for the user in one transaction; returns what was created. Own
 * exports bring their settings along when the account has no habits yet (a fresh account that
 * is being moved in), never over an account's existing calendar.
 */
export async function writeImport(
  deps: ImportWriteDeps,
  user: ImportUser,
  importId: string,
  parsed: ParsedImport,
): Promise<ImportCounts> {
  const { storage } = deps;
  const { document } = parsed;
  const { settings, today } = user;
  const photoTotal = document.habits.reduce(
    (sum, h) =>
      sum +
      h.checkins.reduce(
        (n, c) => n + (c.photos ?? []).reduce((m, p) => m + parsed.photo(p.path).length, 0),
        0,
      ),
    0,
  );
  if (photoTotal > 0) await assertRoomFor(deps, user.id, photoTotal, 'The photos of this import');

  // Photos first, outside the transaction: new ids, checked like any upload, thumbnails made.
  const photoRows: db.ImportedPhotoRow[] = [];
  const pendingPhotos: {
    habitIndex: number;
    date: string;
    id: string;
    type: PhotoType;
    size: number;
    width: number;
    height: number;
  }[] = [];
  try {
    for (const [habitIndex, habit] of document.habits.entries()) {
      for (const checkin of habit.checkins) {
        for (const photo of checkin.photos ?? []) {
          const bytes = parsed.photo(photo.path);
          const type = photo.contentType as PhotoType;
          const inspected = await inspectPhoto(bytes, type);
          const id = randomUUID();
          await storage.put(objectKeys.photo(user.id, id), bytes, { contentType: type });
          await storage.put(objectKeys.thumbnail(user.id, id), inspected.thumbnail, {
            contentType: 'image/webp',
          });
          pendingPhotos.push({
            habitIndex,
            date: checkin.date,
            id,
            type,
            size: bytes.length,
            width: inspected.width,
            height: inspected.height,
          });
        }
      }
    }
    return await deps.db.transaction(async (tx) => {
      const row = await db.getImportForUpdate(tx, user.id, importId);
      if (row?.status !== 'previewed') throw new AppError('not_found', 'Import not found');
      const start = await db.nextHabitPosition(tx, user.id);
      const freshAccount = start === 0;
      // Loop's groups become the user's groups (one per name, added after any of theirs).
      const groupIds = new Map<string, string>();
      for (const name of document.habits.flatMap((h) => (h.group ? [h.group] : []))) {
        if (!groupIds.has(name)) groupIds.set(name, (await db.createGroup(tx, user.id, name)).id);
      }
      const ids = await db.insertImportedHabits(
        tx,
        user.id,
        document.habits.map((h, index) => ({
          ...h, // name, description, colour, icon, measure, schedule, start date
          // Keep the file's order, after the user's own habits.
          position: start + index,
          groupId: h.group ? (groupIds.get(h.group) ?? null) : null,
          archivedAt: h.archived ? new Date(h.archivedAt ?? deps.clock()) : null,
          createdAt: h.createdAt ? new Date(h.createdAt) : undefined,
          updatedAt: h.updatedAt ? new Date(h.updatedAt) : undefined,
        })),
      );
      const checkins = document.habits.flatMap((h, index) =>
        h.checkins.map((c) => ({
          habitId: ids[index]!,
          date: c.date,
          state: c.state,
          value: c.value,
          note: c.note,
          ...(c.createdAt && { createdAt: new Date(c.createdAt) }),
          ...(c.updatedAt && { updatedAt: new Date(c.updatedAt) }),
        })),
      );
      await db.insertImportedCheckins(tx, user.id, checkins);
      for (const p of pendingPhotos) {
        photoRows.push({
          id: p.id,
          habitId: ids[p.habitIndex]!,
          date: p.date,
          contentType: p.type,
          size: p.size,
          width: p.width,
          height: p.height,
        });
      }
      await db.insertImportedPhotos(tx, user.id, photoRows);
      if (freshAccount && document.settings) {
        await db.updateSettings(tx, user.id, document.settings);
      }
      const weekStart =
        freshAccount && document.settings ? document.settings.weekStart : settings.weekStart;
      // Stored summaries, so the Today view does not walk the imported years on every read.
      for (const id of ids) {
        const found = await db.getHabitForUpdate(tx, user.id, id);
        if (!found) continue;
        await db.refreshHabitSummary(tx, {
          userId: user.id,
          habit: found.habit,
          stored: null,
          written: today,
          today,
          weekStart,
        });
      }
      const result = { habits: ids.length, checkins: checkins.length, photos: photoRows.length };
      await db.updateImport(tx, user.id, importId, { status: 'done', result });
      return result;
    });
  } catch (error) {
    // The transaction rolled back (or never started): the photos written for it must go.
    for (const p of pendingPhotos) {
      await db
        .queueObjectDeletion(deps.db.write, { kind: 'photo', userId: user.id, objectId: p.id })
        .catch(() => {});
    }
    if (pendingPhotos.length > 0) deps.objectCleanup.drainSoon();
    throw error;
  }
}
