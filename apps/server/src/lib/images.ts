/**
 * What an uploaded photo really is. The declared content type is the client's word; the bytes
 * decide: their signature must match it, and sharp (libvips) must be able to decode them as that
 * format. Then a small WebP thumbnail for lists and calendars.
 */
import type { PHOTO_TYPES } from '@habit-tracker/contract';

export type PhotoType = (typeof PHOTO_TYPES)[number];

/** Enough of the file to tell the three formats apart. */
export const SIGNATURE_BYTES = 12;

/** The format the first bytes announce, or null. */
export function sniffImageType(bytes: Uint8Array): PhotoType | null {
  const at = (i: number, ...values: number[]) => values.every((v, j) => bytes[i + j] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // RIFF....WEBP
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

const SHARP_FORMATS: Record<PhotoType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export const THUMBNAIL_SIZE = 320;

/**
 * Decodes the image (throws when it is not a valid image of `type`), and returns its size and a
 * thumbnail: at most 320 px on each side, EXIF orientation applied, WebP.
 */
export async function inspectPhoto(
  bytes: Uint8Array,
  type: PhotoType,
): Promise<{ width: number; height: number; thumbnail: Uint8Array }> {
  // Loaded on first use: libvips costs start-up time and memory a server may never need.
  const { default: sharp } = await import('sharp');
  // Refuses images whose pixel count would take gigabytes to decode (a "decompression bomb").
  const image = sharp(bytes, { limitInputPixels: 100_000_000, failOn: 'error' });
  const metadata = await image.metadata();
  if (metadata.format !== SHARP_FORMATS[type]) {
    throw new Error(`the file is ${metadata.format ?? 'not an image'}, not ${type}`);
  }
  const thumbnail = await image
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  // Orientations 5–8 swap the sides.
  const swapped = (metadata.orientation ?? 1) >= 5;
  return {
    width: (swapped ? metadata.height : metadata.width) ?? 0,
    height: (swapped ? metadata.width : metadata.height) ?? 0,
    thumbnail: new Uint8Array(thumbnail),
  };
}
