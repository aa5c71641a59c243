import { Readable } from 'node:stream';
import * as db from '@habit-tracker/db';
import { objectKeys } from '@habit-tracker/storage';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { toExport } from '../../dto/files';
import { notFound } from '../../errors';
import { assertRoomForExport } from '../../files/storage-quota';
import { DOWNLOAD_URL_SECONDS } from '../../files/uploads';
import type * as routes from './exports.routes';

const exportNotFound = () => notFound('Export not found');

const DOWNLOADS = {
  'habit-tracker': {
    contentType: 'application/zip',
    name: 'habit-tracker-export',
    extension: 'zip',
  },
  loop: {
    contentType: 'application/vnd.sqlite3',
    name: 'habit-tracker-loop-backup',
    extension: 'db',
  },
} as const;

export const createExport: RouteHandler<typeof routes.createExport, AuthedEnv> = async (c) => {
  const { database, env, storage, logger, clock, importReader } = c.var.deps;
  const { read, write } = c.var.db;
  const { user } = c.var;
  const format = c.req.valid('json').format ?? 'habit-tracker';
  const running = await db.findRunningExport(read, user.id);
  if (running) return c.json(toExport(running, clock()), 200);
  // The zip holds the photos as they are, and about 200 bytes per check-in of JSON and CSV; a
  // Loop backup about 50 bytes per check-in.
  const [photos, checkins] = await Promise.all([
    format === 'loop' ? 0 : db.photoBytes(read, user.id, { readyOnly: true }),
    db.countUserCheckins(read, user.id),
  ]);
  await assertRoomForExport(
    { db: c.var.db, env },
    user.id,
    photos + checkins * (format === 'loop' ? 50 : 200),
  );
  const created = await db.createExport(write, user.id, format);
  // In the background: the response does not wait for the file. runExport records its own
  // failure. Loaded on first use (zip writer and all), like the import: cold starts stay lean.
  // The job outlives the request, so it gets the primary's handles rather than the request's.
  const jobDeps = { db: database.primary, storage, logger, clock, importReader };
  void import('../../jobs/export-job').then(({ runExport }) =>
    runExport(jobDeps, user, created.id, format),
  );
  return c.json(toExport(created, clock()), 202);
};

export const listExports: RouteHandler<typeof routes.listExports, AuthedEnv> = async (c) => {
  const { clock } = c.var.deps;
  const rows = await db.listExports(c.var.db.read, c.var.user.id, 5);
  return c.json({ exports: rows.map((row) => toExport(row, clock())) }, 200);
};

export const getExport: RouteHandler<typeof routes.getExport, AuthedEnv> = async (c) => {
  const { exportId } = c.req.valid('param');
  const { clock } = c.var.deps;
  const row = await db.getExport(c.var.db.read, c.var.user.id, exportId);
  if (!row) throw exportNotFound();
  c.header('Cache-Control', 'no-store');
  return c.json(toExport(row, clock()), 200);
};

export const downloadExport: RouteHandler<typeof routes.downloadExport, AuthedEnv> = async (c) => {
  const { exportId } = c.req.valid('param');
  const { storage, clock } = c.var.deps;
  const userId = c.var.user.id;
  const row = await db.getExport(c.var.db.read, userId, exportId);
  if (!row || !toExport(row, clock()).downloadUrl) throw exportNotFound();
  const key = objectKeys.export(userId, exportId);
  // As portability's exportFileName and export-job's SQLITE_CONTENT_TYPE (not imported: they would
  // load the zip and SQLite code at start).
  const file = DOWNLOADS[row.format];
  const downloadName = `${file.name}-${row.createdAt.toISOString().slice(0, 10)}.${file.extension}`;
  if (storage.presignedUploads) {
    const url = await storage.presignGet(key, {
      expiresInSeconds: DOWNLOAD_URL_SECONDS,
      downloadName,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(url, 302);
  }
  const object = await storage.get(key);
  if (!object) throw exportNotFound();
  c.header('Content-Type', file.contentType);
  c.header('Content-Length', String(object.size));
  c.header('Content-Disposition', `attachment; filename="${downloadName}"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(Readable.toWeb(object.body) as ReadableStream, 200);
};
