/**
 * What the browser can tell about a chosen file before uploading it: its real type from its
 * first bytes, and whether it fits the server's limits. Saves a slow upload that the server
 * would refuse anyway, and gives a message that names the file.
 */
import type { Photo } from '@habit-tracker/contract';
import { formatNumber } from '../shared/lib/format';

/** The contract's PHOTO_TYPES, repeated: importing the value would bring zod into the bundle. */
export const PHOTO_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
] as const satisfies readonly Photo['contentType'][];
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** The server's defaults (docs/api.md); it still has the last word (413 above its setting). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTOS_PER_CHECKIN = 10;
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

async function firstBytes(file: Blob, count: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, count).arrayBuffer());
}

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);

/**
 * The image type from its magic bytes, or null. Not `file.type`: some pickers leave it empty,
 * and the server checks the bytes too, so this is the check that predicts its answer.
 */
export async function sniffPhotoType(file: Blob): Promise<PhotoType | null> {
  const bytes = await firstBytes(file, 12);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  ) {
    return 'image/webp';
  }
  return null;
}

/**
 * A zip (Loop's CSV export, our export), an SQLite database (Loop's backup), a JSON document
 * (Beaver Habits, Table Habit, Habitica) or a CSV file (HabitBull): the server tells which app
 * made it; this only spares an upload of something that is none of these (a photo, a PDF).
 */
export async function looksImportable(file: Blob): Promise<boolean> {
  const bytes = await firstBytes(file, 512);
  const sqlite = [...'SQLite format 3'].map((c) => c.charCodeAt(0));
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, sqlite)) return true;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // A multi-byte character cut at byte 512 is not a reason to refuse: decode what is whole.
    text = new TextDecoder('utf-8').decode(bytes);
    if (text.slice(0, -1).includes('\uFFFD')) return false;
  }
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return true;
  // A CSV header: printable text with a comma before the first line break.
  const firstLine = start.split(/\r|\n/, 1)[0] ?? '';
  const binary = [...firstLine].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x20 && ch !== '\t';
  });
  return firstLine.includes(',') && !binary;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
  if (bytes < 1024 ** 3) return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  return `${formatNumber(Math.round((bytes / 1024 ** 3) * 10) / 10)} GB`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An instant (ISO string) in this device's zone, e.g. "4 Jun 2025, 14:32". */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** "1 photo", "2 photos"; the count formatted ("36,500 check-ins"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
