import type { ImportDto, ImportPreview } from '@habit-tracker/contract';
import * as db from '@habit-tracker/db';
import { objectKeys } from '@habit-tracker/storage';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { AppError, notFound, validationFailed } from '../../errors';
import type { ImportCounts } from '../../lib/import-job';
import { assertStoredSize, requestBody, uploadInstruction } from '../../lib/uploads';
import type * as routes from './imports.routes';

const importNotFound = () => notFound('Import not found');
/** The readers (zip, CSV, SQLite in wasm) load on the first import, not at every start. */
const loadImportJob = () => import('../../lib/import-job');
/** Every import file is stored as bytes; its name says what it is. */
const IMPORT_CONTENT_TYPE = 'application/octet-stream';

function toImport(row: db.ImportRow): ImportDto {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    preview: (row.preview as ImportPreview | null) ?? null,
    result: (row.result as ImportCounts | null) ?? null,
  };
}

export const createImport: RouteHandler<typeof routes.createImport, AuthedEnv> = async (c) => {
  const input = c.req.valid('json');
  const { env, database, storage } = c.var.deps;
  const userId = c.var.user.id;
  if (input.size > env.IMPORT_MAX_BYTES) {
    throw new AppError(
      'payload_too_large',
      `Import files can be at most ${Math.floor(env.IMPORT_MAX_BYTES / (1024 * 1024))} MB`,
    );
  }
  const row = await db.createImport(database.primary, userId, input);
  const upload = await uploadInstruction(
    storage,
    objectKeys.importUpload(userId, row.id),
    { contentType: IMPORT_CONTENT_TYPE, size: input.size },
    `/api/v1/imports/${row.id}/upload`,
  );
  return c.json({ import: toImport(row), upload }, 201);
};

export const uploadImport: RouteHandler<typeof routes.uploadImport, AuthedEnv> = async (c) => {
  const { importId } = c.req.valid('param');
  const { database, storage } = c.var.deps;
  const userId = c.var.user.id;
  const row = await db.getImport(database.db, userId, importId);
  if (row?.status !== 'uploading' || storage.presignedUploads) throw importNotFound();
  const body = c.req.raw.body;
  if (!body) throw new AppError('upload_invalid', 'The upload has no body');
  const key = objectKeys.importUpload(userId, importId);
  await storage.put(key, requestBody(body), { contentType: IMPORT_CONTENT_TYPE });
  await assertStoredSize(storage, key, row.size);
  return c.body(null, 204);
};

export const previewImport: RouteHandler<typeof routes.previewImport, AuthedEnv> = async (c) => {
  const { importId } = c.req.valid('param');
  const deps = c.var.deps;
  const { user, settings } = c.var;
  const row = await db.getImport(deps.database.primary, user.id, importId);
  if (!row) throw importNotFound();
  if (row.status === 'done') return c.json(toImport(row), 200);
  const { parseUpload, previewOf } = await loadImportJob();
  let parsed: Awaited<ReturnType<typeof parseUpload>>;
  try {
    parsed = await parseUpload(deps, user, settings, row);
  } catch (error) {
    // A file that cannot be imported stays so: the user starts again with another file.
    if (error instanceof AppError && error.code === 'import_invalid') {
      await db.updateImport(deps.database.primary, user.id, importId, { status: 'failed' });
    }
    throw error;
  }
  const updated = await db.updateImport(deps.database.primary, user.id, importId, {
    status: 'previewed',
    preview: previewOf(parsed, settings.weekStart),
  });
  if (!updated) throw importNotFound();
  return c.json(toImport(updated), 200);
};

export const confirmImport: RouteHandler<typeof routes.confirmImport, AuthedEnv> = async (c) => {
  const { importId } = c.req.valid('param');
  const deps = c.var.deps;
  const { user, settings } = c.var;
  const row = await db.getImport(deps.database.primary, user.id, importId);
  if (!row) throw importNotFound();
  // A resend after success: the same answer, nothing imported twice.
  if (row.status === 'done') return c.json(toImport(row), 200);
  if (row.status !== 'previewed') {
    throw validationFailed(
      [{ path: 'status', message: 'Preview the import first' }],
      'Preview the import first',
    );
  }
  const { parseUpload, writeImport } = await loadImportJob();
  const parsed = await parseUpload(deps, user, settings, row);
  try {
    await writeImport(deps, user, settings, importId, parsed);
  } catch (error) {
    // Two confirms at once: the second waited for the first's lock and found it done.
    const now = await db.getImport(deps.database.primary, user.id, importId);
    if (now?.status === 'done') return c.json(toImport(now), 200);
    throw error;
  }
  const done = await db.getImport(deps.database.primary, user.id, importId);
  if (!done) throw importNotFound();
  return c.json(toImport(done), 200);
};

export const getImport: RouteHandler<typeof routes.getImport, AuthedEnv> = async (c) => {
  const { importId } = c.req.valid('param');
  const row = await db.getImport(c.var.deps.database.db, c.var.user.id, importId);
  if (!row) throw importNotFound();
  return c.json(toImport(row), 200);
};
