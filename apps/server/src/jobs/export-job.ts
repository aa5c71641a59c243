/**
 * Builds a user's export in the background: every habit, check-in, note, setting and photo, as
 * one zip (packages/portability) streamed into object storage, with progress in the exports row
 * for the web app to poll — or, for the 'loop' format, a Loop Habit Tracker backup of the habits
 * and check-ins. Started by POST /exports, in the primary region (it writes).
 *
 * Photos are read twice — once for their SHA-256, which the JSON document lists before any
 * photo, once into the zip — so no photo is ever held in memory longer than it takes to copy it.
 */
import { createHash } from 'node:crypto';
import * as db from '@habit-tracker/db';
import {
  buildExportDocument,
  createExportZip,
  exportCsvFiles,
  type PhotoEntry,
  photoPath,
} from '@habit-tracker/portability';
import { type ObjectStore, objectKeys } from '@habit-tracker/storage';
import type { Logger } from '../logger';
import type { ImportReader } from './import-reader';

/** How long a finished export stays downloadable. */
export const EXPORT_TTL_MS = 24 * 60 * 60 * 1000;
/** Progress is written at most this often (each write is an UPDATE on the primary). */
const PROGRESS_EVERY_MS = 500;

/** SQLite's registered media type (IANA): what a Loop backup is stored and served as. */
export const SQLITE_CONTENT_TYPE = 'application/vnd.sqlite3';

export interface ExportJobDeps {
  /** The primary's handles: the job writes its progress, and reads what was just committed. */
  db: db.DbHandles;
  storage: ObjectStore;
  logger: Logger;
  clock: () => Date;
  /** Builds Loop backups in a worker thread (sql.js stays off the event loop). */
  importReader: Pick<ImportReader, 'loopBackup'>;
}

export async function runExport(
  deps: ExportJobDeps,
  user: db.UserRow,
  exportId: string,
  format: db.ExportFormat = 'habit-tracker',
): Promise<void> {
  const { storage, logger, clock } = deps;
  const { read, write } = deps.db;
  let lastProgressAt = 0;
  const progress = async (fraction: number) => {
    if (Date.now() - lastProgressAt < PROGRESS_EVERY_MS) return;
    lastProgressAt = Date.now();
    await db.setExportProgress(write, exportId, Math.min(0.99, fraction));
  };
  try {
    const settings = await db.getSettings(read, user.id);
    const habits = await db.listHabits(read, user.id, 'all');
    const rows = await db.listCheckins(
      read,
      user.id,
      habits.map((h) => h.id),
    );
    if (format === 'loop') {
      await writeLoopBackup(deps, user, exportId, { settings, habits, rows });
      return;
    }
    const photos = await db.listUserPhotos(read, user.id);

    // Pass 1: the photos' checksums, for the document (the first third of the progress).
    const hashed = [];
    for (const [index, photo] of photos.entries()) {
      hashed.push({
        id: photo.id,
        habitId: photo.habitId,
        date: photo.date,
        contentType: photo.contentType as 'image/jpeg',
        size: photo.size,
        sha256: await sha256Of(storage, objectKeys.photo(user.id, photo.id)),
      });
      await progress(((index + 1) / Math.max(1, photos.length)) * 0.33);
    }
    const document = exportDocumentOf(clock(), user, { settings, habits, rows }, hashed);

    // Pass 2: the zip, streamed into storage.
    let size = 0;
    const zip = createExportZip({
      document,
      csvFiles: exportCsvFiles(document),
      photos: photoEntries(storage, user.id, hashed),
      onProgress: ({ entriesDone, entriesTotal }) => {
        void progress(0.33 + (entriesDone / Math.max(1, entriesTotal)) * 0.66).catch(() => {});
      },
    });
    async function* counted() {
      for await (const chunk of zip) {
        size += chunk.length;
        yield chunk;
      }
    }
    await storage.put(objectKeys.export(user.id, exportId), counted(), {
      contentType: 'application/zip',
    });
    await db.finishExport(write, exportId, {
      size,
      expiresAt: new Date(clock().getTime() + EXPORT_TTL_MS),
    });
    logger.info({ exportId, size, habits: habits.length, photos: photos.length }, 'export ready');
  } catch (err) {
    logger.error({ err, exportId }, 'export failed');
    await db
      .finishExport(write, exportId, { error: 'The export failed; please try again' })
      .catch(() => {});
  }
}

interface AccountData {
  settings: db.SettingsRow | null;
  habits: db.HabitRow[];
  rows: db.CheckinRow[];
}

function exportDocumentOf(
  exportedAt: Date,
  user: db.UserRow,
  { settings, habits, rows }: AccountData,
  photos: Parameters<typeof buildExportDocument>[0]['photos'],
) {
  const byHabit = new Map<string, db.CheckinRow[]>();
  for (const row of rows) {
    const list = byHabit.get(row.habitId);
    if (list) list.push(row);
    else byHabit.set(row.habitId, [row]);
  }
  return buildExportDocument({
    exportedAt,
    account: { email: user.email },
    // The calendar only: the language is the account's, not the habits' (imports leave it alone).
    settings: settings
      ? {
          timeZone: settings.timeZone,
          dayStartHour: settings.dayStartHour,
          weekStart: settings.weekStart,
        }
      : { timeZone: 'UTC', dayStartHour: 0, weekStart: 1 },
    habits: habits.map((habit) => ({
      ...habit,
      checkins: (byHabit.get(habit.id) ?? []).map((c) => ({
        date: c.date,
        state: c.state,
        value: c.value,
        note: c.note,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      })),
    })),
    photos,
  });
}

/**
 * The Loop backup: the same document's habits (checked by the same schema), written into a
 * SQLite file by a worker thread (sql.js stays off the main thread, see import-read-protocol.ts).
 */
async function writeLoopBackup(
  deps: ExportJobDeps,
  user: db.UserRow,
  exportId: string,
  data: AccountData,
): Promise<void> {
  const { storage, logger, clock } = deps;
  const { write } = deps.db;
  await db.setExportProgress(write, exportId, 0.2);
  const document = exportDocumentOf(clock(), user, data, []);
  const bytes = await deps.importReader.loopBackup(user.id, document.habits);
  await db.setExportProgress(write, exportId, 0.9);
  await storage.put(objectKeys.export(user.id, exportId), bytes, {
    contentType: SQLITE_CONTENT_TYPE,
  });
  await db.finishExport(write, exportId, {
    size: bytes.length,
    expiresAt: new Date(clock().getTime() + EXPORT_TTL_MS),
  });
  logger.info({ exportId, size: bytes.length, habits: data.habits.length }, 'Loop backup ready');
}

async function sha256Of(storage: ObjectStore, key: string): Promise<string> {
  const object = await storage.get(key);
  if (!object) throw new Error(`photo object ${key} is missing`);
  const hash = createHash('sha256');
  for await (const chunk of object.body) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function* photoEntries(
  storage: ObjectStore,
  userId: string,
  photos: readonly { id: string; contentType: string }[],
): AsyncGenerator<PhotoEntry> {
  for (const photo of photos) {
    const object = await storage.get(objectKeys.photo(userId, photo.id));
    if (!object) throw new Error(`photo ${photo.id} is missing from storage`);
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(chunk as Buffer);
    yield {
      path: photoPath(photo.id, photo.contentType as 'image/jpeg'),
      bytes: new Uint8Array(Buffer.concat(chunks)),
    };
  }
}
