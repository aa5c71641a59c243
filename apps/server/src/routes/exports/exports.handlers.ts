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

export const createExport: RouteHandler<typeof routes.createExport, AuthedEnv> = async (c) => {
  const { database, env, storage, logger, clock } = c.var.deps;
  const { read, write } = c.var.db;
  const { user } = c.var;
  const running = await db.findRunningExport(read, user.id);
  if (running) return c.json(toExport(running, clock()), 200);
  // The zip holds the photos as they are, and about 200 bytes per check-in of JSON and CSV.
  const [photos, checkins] = await Promise.all([
    db.photoBytes(read, user.id, { readyOnly: true }),
    db.countUserCheckins(read, user.id),
  ]);
  await assertRoomForExport({ db: c.var.db, env }, user.id, photos + checkins * 200);
  const created = await db.createExport(write, user.id);
  // In the background: the response does not wait for the zip. runExport records its own failure.
  // Loaded on first use (zip writer and all), like the import: cold starts stay lean. The job
  // outlives the request, so it gets the primary's handles rather than the request's.
  const jobDeps = { db: database.primary, storage, logger, clock };
  void import('../../jobs/export-job').then(({ runExport }) =>
    runExport(jobDeps, user, created.id),
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
  // As portability's exportFileName (not imported: it would load the zip code at start).
  const downloadName = `habit-tracker-export-${row.createdAt.toISOString().slice(0, 10)}.zip`;
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
  c.header('Content-Type', 'application/zip');
  c.header('Content-Length', String(object.size));
  c.header('Content-Disposition', `attachment; filename="${downloadName}"`);
  c.header('Cache-Control', 'private, no-store');
  return c.body(Readable.toWeb(object.body) as ReadableStream, 200);
};
