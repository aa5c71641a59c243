import { Readable } from 'node:stream';
import * as db from '@habit-tracker/db';
import { objectKeys } from '@habit-tracker/storage';
import { PHOTOS_PER_CHECKIN, type PhotoType, sniffImageType } from '@habit-tracker/vocabulary';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthedEnv } from '../../context';
import { toPhoto } from '../../dto/files';
import { AppError, checkFailed, notFound } from '../../errors';
import { inspectPhoto } from '../../files/images';
import { assertRoomFor, assertWithinQuota } from '../../files/storage-quota';
import {
  assertStoredSize,
  DOWNLOAD_URL_SECONDS,
  requestBody,
  uploadInstruction,
} from '../../files/uploads';
import type * as routes from './photos.routes';

const photoNotFound = () => notFound('Photo not found');

export const createPhoto: RouteHandler<typeof routes.createPhoto, AuthedEnv> = async (c) => {
  const { id, date } = c.req.valid('param');
  const input = c.req.valid('json');
  const { env, storage } = c.var.deps;
  const userId = c.var.user.id;
  if (input.size > env.PHOTO_MAX_BYTES) {
    throw new AppError(
      'payload_too_large',
      `Photos can be at most ${Math.floor(env.PHOTO_MAX_BYTES / (1024 * 1024))} MB`,
    );
  }
  await assertRoomFor({ db: c.var.db, env }, userId, input.size, 'This photo');
  const created = await c.var.db.transaction((tx) =>
    db.createPendingPhoto(tx, userId, { habitId: id, date, ...input }, PHOTOS_PER_CHECKIN),
  );
  if (created === null) throw notFound('No check-in on that day: check in first');
  if (created === 'full') {
    const message = `A check-in holds at most ${PHOTOS_PER_CHECKIN} photos`;
    throw checkFailed('photos', 'limit_reached', message, { maximum: PHOTOS_PER_CHECKIN }, message);
  }
  const upload = await uploadInstruction(
    storage,
    objectKeys.photo(userId, created.id),
    input,
    `/api/v1/photos/${created.id}/upload`,
  );
  return c.json({ photo: toPhoto(created), upload }, 201);
};

export const uploadPhoto: RouteHandler<typeof routes.uploadPhoto, AuthedEnv> = async (c) => {
  const { photoId } = c.req.valid('param');
  const { storage } = c.var.deps;
  const userId = c.var.user.id;
  const photo = await db.getPhoto(c.var.db.read, userId, photoId);
  // With S3 the bytes go to the bucket; a ready photo is never rewritten.
  if (photo?.status !== 'pending' || storage.presignedUploads) throw photoNotFound();
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== photo.contentType) {
    throw new AppError('unsupported_media_type', `Send the photo as ${photo.contentType}`);
  }
  const body = c.req.raw.body;
  if (!body) throw new AppError('upload_invalid', 'The upload has no body');
  const key = objectKeys.photo(userId, photoId);
  await storage.put(key, requestBody(body), { contentType: photo.contentType });
  await assertStoredSize(storage, key, photo.size);
  return c.body(null, 204);
};

export const completePhoto: RouteHandler<typeof routes.completePhoto, AuthedEnv> = async (c) => {
  const { photoId } = c.req.valid('param');
  const { env, storage, objectCleanup } = c.var.deps;
  const { read, write } = c.var.db;
  const userId = c.var.user.id;
  const photo = await db.getPhoto(read, userId, photoId);
  if (!photo) throw photoNotFound();
  if (photo.status === 'ready') return c.json(toPhoto(photo), 200); // a resend
  const key = objectKeys.photo(userId, photoId);

  const reject = async (message: string): Promise<never> => {
    // The row goes, and with it (trigger, then the drain) whatever was uploaded.
    await db.deletePhoto(write, userId, photoId);
    objectCleanup.drainSoon();
    throw new AppError('upload_invalid', message);
  };
  const stored = await storage.head(key);
  if (!stored) return reject('The photo was not uploaded; attach it again');
  if (stored.size !== photo.size) {
    return reject(`The upload is ${stored.size} bytes, not the ${photo.size} announced`);
  }
  try {
    await assertWithinQuota({ db: c.var.db, env }, userId, { photoId, bytes: photo.size });
  } catch (error) {
    await db.deletePhoto(write, userId, photoId);
    objectCleanup.drainSoon();
    throw error;
  }
  const object = await storage.get(key);
  if (!object) return reject('The photo was not uploaded; attach it again');
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(chunk as Buffer);
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const type = photo.contentType as PhotoType;
  if (sniffImageType(bytes) !== type)
    return reject(`The file is not a ${type.slice('image/'.length).toUpperCase()} image`);
  let inspected: Awaited<ReturnType<typeof inspectPhoto>>;
  try {
    inspected = await inspectPhoto(bytes, type);
  } catch (error) {
    // libvips' own words stay in the log: they name internals and help no one choose a photo.
    c.var.deps.logger.info({ err: error, photoId }, 'an uploaded photo could not be decoded');
    return reject(
      `The ${type.slice('image/'.length).toUpperCase()} image cannot be read: it is damaged, or too large to open`,
    );
  }
  await storage.put(objectKeys.thumbnail(userId, photoId), inspected.thumbnail, {
    contentType: 'image/webp',
  });
  const ready = await db.markPhotoReady(write, userId, photoId, {
    width: inspected.width,
    height: inspected.height,
  });
  if (!ready) throw photoNotFound(); // deleted meanwhile (with its check-in)
  return c.json(toPhoto(ready), 200);
};

export const listPhotos: RouteHandler<typeof routes.listPhotos, AuthedEnv> = async (c) => {
  const { id, date } = c.req.valid('param');
  const { read } = c.var.db;
  // Another user's habit is a 404, as everywhere; an own day without photos an empty list.
  if (!(await db.getHabit(read, c.var.user.id, id))) throw notFound('Habit not found');
  const rows = await db.listCheckinPhotos(read, c.var.user.id, id, date);
  return c.json({ photos: rows.map(toPhoto) }, 200);
};

export const getPhotoImage: RouteHandler<typeof routes.getPhotoImage, AuthedEnv> = (c) =>
  sendPhoto(c, 'image');

export const getPhotoThumbnail: RouteHandler<typeof routes.getPhotoThumbnail, AuthedEnv> = (c) =>
  sendPhoto(c, 'thumbnail');

/**
 * The bytes of a ready photo, to its owner only: streamed from the local folder, or a redirect
 * to a short-lived presigned URL (the browser then fetches from the bucket directly).
 */
async function sendPhoto(c: Context<AuthedEnv>, which: 'image' | 'thumbnail') {
  const photoId = c.req.param('photoId') ?? '';
  const { storage } = c.var.deps;
  const userId = c.var.user.id;
  const photo = await db.getPhoto(c.var.db.read, userId, photoId);
  if (photo?.status !== 'ready') throw photoNotFound();
  const key =
    which === 'image' ? objectKeys.photo(userId, photoId) : objectKeys.thumbnail(userId, photoId);
  if (storage.presignedUploads) {
    const url = await storage.presignGet(key, { expiresInSeconds: DOWNLOAD_URL_SECONDS });
    c.header('Cache-Control', `private, max-age=${DOWNLOAD_URL_SECONDS - 60}`);
    return c.redirect(url, 302);
  }
  const object = await storage.get(key);
  if (!object) throw photoNotFound();
  // A photo's bytes never change under its id: the browser may keep them.
  c.header('Cache-Control', 'private, max-age=86400, immutable');
  c.header('Content-Type', object.contentType);
  c.header('Content-Length', String(object.size));
  return c.body(Readable.toWeb(object.body) as ReadableStream, 200);
}

export const deletePhoto: RouteHandler<typeof routes.deletePhoto, AuthedEnv> = async (c) => {
  const { photoId } = c.req.valid('param');
  const { objectCleanup } = c.var.deps;
  if (!(await db.deletePhoto(c.var.db.write, c.var.user.id, photoId))) throw photoNotFound();
  objectCleanup.drainSoon();
  return c.body(null, 204);
};
