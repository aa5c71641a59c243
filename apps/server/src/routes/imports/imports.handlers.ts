import type { ImportPreview } from '@habit-tracker/contract';
import * as db from '@habit-tracker/db';
import { objectKeys } from '@habit-tracker/storage';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv, Deps } from '../../context';
import { toImport } from '../../dto/files';
import { AppError, checkFailed, notFound } from '../../errors';
import { assertRoomFor, assertWithinQuota } from '../../files/storage-quota';
import { assertStoredSize, requestBody, uploadInstruction } from '../../files/uploads';
import type * as routes from './imports.routes';

const importNotFound = () => notFound('Import not found');
/** The readers (zip, CSV, SQLite in wasm) load on the first import, not at every start. */
const loadImportJob = () => import('../../jobs/import-job');
/** Every import file is stored as bytes; its name says what it is. */
const IMPORT_CONTENT_TYPE = 'application/octet-stream';

export const createImport: RouteHandler<typeof routes.createImport, AuthedEnv> = async (c) => {
  const input = c.req.valid('json');
  const { env, storage } = c.var.deps;
  const userId = c.var.user.id;
  if (input.size > env.IMPORT_MAX_BYTES) {
    throw new AppError(
      'payload_too_large',
      `Import files can be at most ${Math.floor(env.IMPORT_MAX_BYTES / (1024 * 1024))} MB`,
    );
  }
  await assertRoomFor({ db: c.var.db, env }, userId, input.size, 'This file');
  const row = await db.createImport(c.var.db.write, userId, input);
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
  const deps = c.var.deps;
  const { storage } = deps;
  const userId = c.var.user.id;
  const row = await db.getImport(c.var.db.read, userId, importId);
  if (row?.status !== 'uploading' || storage.presignedUploads) throw importNotFound();
  const body = c.req.raw.body;
  if (!body) throw new AppError('upload_invalid', 'The upload has no body');
  const key = objectKeys.importUpload(userId, importId);
  await storage.put(key, requestBody(body), { contentType: IMPORT_CONTENT_TYPE });
  await assertStoredSize(storage, key, row.size);
  const jobDeps = { ...deps, db: c.var.db };
  try {
    await assertWithinQuota(jobDeps, userId, { importId, bytes: row.size });
  } catch (error) {
    await refuseFile(jobDeps, userId, importId, error as AppError);
    throw error;
  }
  return c.body(null, 204);
};

/** A claim older than this was interrupted (its server stopped): no read takes this long. */
const STALE_READING_MS = 10 * 60 * 1000;

interface StoredFailure {
  message: string;
  problems: unknown;
}

/** The refusal stored when the file was read: every later preview answers it again. */
function storedFailure(row: db.ImportRow): AppError {
  const failure = row.error as StoredFailure | null;
  return new AppError(
    'import_invalid',
    failure?.message ?? 'This file cannot be imported; start again with another file',
    failure?.problems ?? undefined,
  );
}

/**
 * Reads the uploaded file once, in a worker, and stores the outcome — the preview, or why it
 * cannot be imported — so no later preview reads it again (a hostile file cannot be replayed;
 * a good one is not paid for twice). One preview at a time holds the file ('reading').
 */
export const previewImport: RouteHandler<typeof routes.previewImport, AuthedEnv> = async (c) => {
  const { importId } = c.req.valid('param');
  const deps = c.var.deps;
  const { read, write } = c.var.db;
  const jobDeps = { ...deps, db: c.var.db };
  const { user, settings, today } = c.var;
  const row = await db.getImport(read, user.id, importId);
  if (!row) throw importNotFound();
  if (row.status === 'done' || row.status === 'previewed') return c.json(toImport(row), 200);
  if (row.status === 'failed') throw storedFailure(row);
  if (row.status === 'reading') {
    const since = row.readingSince?.getTime() ?? 0;
    if (deps.clock().getTime() - since < STALE_READING_MS) throw importBeingRead();
    // Its server stopped mid-read. Not read again: the file may be why it stopped.
    const failed = await db.finishImportReading(write, user.id, importId, {
      error: {
        message: `${row.fileName}: reading the file was interrupted; start again with the file`,
        problems: [{ file: row.fileName, message: 'Reading the file was interrupted' }],
      },
    });
    throw failed ? storedFailure(failed) : importBeingRead();
  }

  const claimed = await db.claimImportForReading(write, user.id, importId, deps.clock());
  if (!claimed) throw importBeingRead(); // another preview took it just now
  const { readJob, readUploadBytes } = await loadImportJob();
  let preview: ImportPreview;
  try {
    // With S3 the upload went straight to the bucket: this is the first the server sees of it.
    await assertWithinQuota(jobDeps, user.id, { importId, bytes: claimed.size });
    const bytes = await readUploadBytes(deps, user, claimed);
    preview = await deps.importReader.preview(
      user.id,
      readJob(deps, { settings, today }, claimed, bytes),
    );
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'import_invalid' || error.code === 'quota_exceeded')
    ) {
      // The file's own fault (including "too much memory" or "too long"): remembered.
      await refuseFile(jobDeps, user.id, importId, error);
      throw error;
    }
    // Not judged (busy, not uploaded yet, over quota, a bug): the file may be read later.
    await db.releaseImportClaim(write, user.id, importId);
    throw error;
  }
  const updated = await db.finishImportReading(write, user.id, importId, { preview });
  if (!updated) throw importNotFound();
  return c.json(toImport(updated), 200);
};

/**
 * A file refused for good: the refusal is stored for later previews to answer, and the file is
 * deleted now, since nothing will read it again (nor count it against the quota).
 */
async function refuseFile(
  deps: Pick<Deps, 'objectCleanup'> & { db: Pick<db.DbHandles, 'write'> },
  userId: string,
  importId: string,
  error: AppError,
): Promise<void> {
  const { write } = deps.db;
  await db.updateImport(write, userId, importId, {
    status: 'failed',
    error: { message: error.message, problems: error.details ?? [] },
  });
  await db.queueObjectDeletion(write, { kind: 'importUpload', userId, objectId: importId });
  deps.objectCleanup.drainSoon();
}

function importBeingRead(): AppError {
  return new AppError(
    'import_in_progress',
    'This file is being read for a preview already; ask again in a moment',
    undefined,
    { 'Retry-After': '5' },
  );
}

export const confirmImport: RouteHandler<typeof routes.confirmImport, AuthedEnv> = async (c) => {
  const { importId } = c.req.valid('param');
  const deps = c.var.deps;
  const { read } = c.var.db;
  const { user, settings, today } = c.var;
  const row = await db.getImport(read, user.id, importId);
  if (!row) throw importNotFound();
  // A resend after success: the same answer, nothing imported twice.
  if (row.status === 'done') return c.json(toImport(row), 200);
  if (row.status !== 'previewed') {
    const message = 'Preview the import first';
    throw checkFailed('status', 'import_not_previewed', message, {}, message);
  }
  const { parseUpload, writeImport } = await loadImportJob();
  const importer = { id: user.id, settings, today };
  const parsed = await parseUpload(deps, importer, row);
  try {
    await writeImport({ ...deps, db: c.var.db }, importer, importId, parsed);
  } catch (error) {
    // Two confirms at once: the second waited for the first's lock and found it done.
    const now = await db.getImport(read, user.id, importId);
    if (now?.status === 'done') return c.json(toImport(now), 200);
    throw error;
  }
  const done = await db.getImport(read, user.id, importId);
  if (!done) throw importNotFound();
  return c.json(toImport(done), 200);
};

export const getImport: RouteHandler<typeof routes.getImport, AuthedEnv> = async (c) => {
  const { importId } = c.req.valid('param');
  const row = await db.getImport(c.var.db.read, c.var.user.id, importId);
  if (!row) throw importNotFound();
  return c.json(toImport(row), 200);
};
