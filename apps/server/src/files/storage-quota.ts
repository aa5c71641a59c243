/**
 * Each user's storage quota (USER_STORAGE_QUOTA_BYTES): photos, import files and exports
 * together. Checked when an upload is declared (its size reserved by its row) and again when it
 * completes (its real bytes, against what is stored for good), so two uploads declared at once
 * cannot both slip under it. Exports are the one exception: a user's data must always be able to
 * leave, so an export is checked against the other exports only (docs/decisions/0013-passwords-and-storage-quota.md).
 */
import * as db from '@habit-tracker/db';
import type { Env } from '../env';
import { AppError } from '../errors';

export interface StorageUsage {
  photos: number;
  imports: number;
  exports: number;
  total: number;
}

/**
 * What a quota check needs: the quota, and the request's handles. Every check runs in a request
 * that writes (it declares or completes an upload), so `read` is the primary and sees the rows
 * other uploads have just reserved.
 */
export interface QuotaDeps {
  db: Pick<db.DbHandles, 'read'>;
  env: Pick<Env, 'USER_STORAGE_QUOTA_BYTES'>;
}

export async function storageUsage(
  read: db.Db,
  userId: string,
  except: { photoId?: string; importId?: string; readyPhotosOnly?: boolean } = {},
): Promise<StorageUsage> {
  const [photos, imports, exports] = await Promise.all([
    db.photoBytes(read, userId, {
      readyOnly: except.readyPhotosOnly ?? false,
      ...(except.photoId ? { exceptId: except.photoId } : {}),
    }),
    db.importBytes(read, userId, except.importId),
    db.exportBytes(read, userId),
  ]);
  return { photos, imports, exports, total: photos + imports + exports };
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${Math.round((mb / 1024) * 10) / 10} GB` : `${Math.round(mb * 10) / 10} MB`;
}

function exceeded(used: number, adding: number, quota: number, what: string): AppError {
  return new AppError(
    'quota_exceeded',
    `${what} (${megabytes(adding)}) would take your stored files to ${megabytes(used + adding)}, over your ${megabytes(quota)}. Delete some photos, or wait for old imports and exports to expire.`,
    { quota, used, requested: adding },
  );
}

/** A new upload of `bytes`: refused with 413 quota_exceeded when it would not fit. */
export async function assertRoomFor(
  deps: QuotaDeps,
  userId: string,
  bytes: number,
  what: string,
): Promise<void> {
  const quota = deps.env.USER_STORAGE_QUOTA_BYTES;
  const usage = await storageUsage(deps.db.read, userId);
  if (usage.total + bytes > quota) throw exceeded(usage.total, bytes, quota, what);
}

/**
 * A completed upload: its bytes on top of what is stored for good (ready photos, import files,
 * exports) — other uploads still pending do not count against it.
 */
export async function assertWithinQuota(
  deps: QuotaDeps,
  userId: string,
  upload: { photoId?: string; importId?: string; bytes: number },
): Promise<void> {
  const quota = deps.env.USER_STORAGE_QUOTA_BYTES;
  const usage = await storageUsage(deps.db.read, userId, {
    readyPhotosOnly: true,
    ...(upload.photoId ? { photoId: upload.photoId } : {}),
    ...(upload.importId ? { importId: upload.importId } : {}),
  });
  if (usage.total + upload.bytes > quota) {
    throw exceeded(usage.total, upload.bytes, quota, upload.photoId ? 'This photo' : 'This file');
  }
}

/**
 * A new export of about `estimate` bytes: only other kept exports count, so a user whose photos
 * fill the quota can still take them out, while repeated exports stay bounded by it.
 */
export async function assertRoomForExport(
  deps: QuotaDeps,
  userId: string,
  estimate: number,
): Promise<void> {
  const quota = deps.env.USER_STORAGE_QUOTA_BYTES;
  const exports = await db.exportBytes(deps.db.read, userId);
  if (exports > 0 && exports + estimate > quota) {
    throw new AppError(
      'quota_exceeded',
      `Your exports kept for download already take ${megabytes(exports)}; another would go over your ${megabytes(quota)}. Download the latest one, or wait for it to expire (24 hours after it was made).`,
      { quota, used: exports, requested: estimate },
    );
  }
}
