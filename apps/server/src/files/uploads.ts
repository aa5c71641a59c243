/**
 * Upload instructions: where a client sends a file's bytes. With S3 (presigned uploads), straight
 * to the bucket with a URL whose signature binds the content type and length — the bytes never
 * pass through this server or Fly's replay. With the local folder, to this API's own upload route.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { UploadInstruction } from '@habit-tracker/contract';
import type { ObjectStore } from '@habit-tracker/storage';
import { AppError } from '../errors';

/** How long a presigned upload URL stays valid. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** How long a presigned download URL (image, export) stays valid. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

export async function uploadInstruction(
  storage: ObjectStore,
  key: string,
  file: { contentType: string; size: number },
  localPath: string,
): Promise<UploadInstruction> {
  if (!storage.presignedUploads) {
    return { method: 'PUT', url: localPath, headers: { 'content-type': file.contentType } };
  }
  const presigned = await storage.presignPut(key, {
    contentType: file.contentType,
    contentLength: file.size,
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  // Browsers refuse to set Content-Length themselves and send the body's real length, which the
  // signature then checks: listing it would only make clients try (and warn).
  const headers = Object.fromEntries(
    Object.entries(presigned.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
  );
  return { method: 'PUT', url: presigned.url, headers };
}

/**
 * After an upload through the server: the stored object must be exactly the announced size (the
 * same rule a presigned URL enforces). Otherwise it is deleted and the upload refused.
 */
export async function assertStoredSize(
  storage: ObjectStore,
  key: string,
  announced: number,
): Promise<void> {
  const stored = await storage.head(key);
  if (stored?.size === announced) return;
  await storage.delete(key);
  throw new AppError(
    'upload_invalid',
    `The file was announced as ${announced} bytes but ${stored?.size ?? 0} arrived; send it again`,
  );
}

/**
 * A request body as the object store takes it: a Node stream (an async iterable of bytes), whatever
 * the compiler's idea of the web ReadableStream type (DOM or Node's) is.
 */
export function requestBody(body: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
}
