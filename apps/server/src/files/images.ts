/**
 * What an uploaded photo really is. The declared content type is the client's word; the bytes
 * decide: their signature must match it (vocabulary's sniffImageType, the browser's check too),
 * and sharp (libvips) must be able to decode them as that format. Then a small WebP thumbnail
 * for lists and calendars.
 */
import type { PhotoType } from '@habit-tracker/vocabulary';

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
