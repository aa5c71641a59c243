/**
 * What the browser can tell about a chosen file before uploading it: its real type from its
 * first bytes, by the same signatures the server checks (@habit-tracker/vocabulary). Saves a
 * slow upload that the server would refuse anyway, and gives a message that names the file.
 */
import {
  looksImportable as bytesLookImportable,
  type PhotoType,
  SIGNATURE_BYTES,
  sniffImageType,
} from '@habit-tracker/vocabulary';
import { formatNumber } from '../shared/lib/format';

async function firstBytes(file: Blob, count = SIGNATURE_BYTES): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, count).arrayBuffer());
}

/**
 * The image type from its magic bytes, or null. Not `file.type`: some pickers leave it empty,
 * and the server checks the bytes too, so this is the check that predicts its answer.
 */
export async function sniffPhotoType(file: Blob): Promise<PhotoType | null> {
  return sniffImageType(await firstBytes(file));
}

/**
 * A zip (Loop's CSV export, our export), an SQLite database (Loop's backup), a JSON document
 * (Beaver Habits, Table Habit, Habitica) or a CSV file (HabitBull): the server tells which app
 * made it; this only spares an upload of something that is none of these (a photo, a PDF).
 */
export async function looksImportable(file: Blob): Promise<boolean> {
  const bytes = await firstBytes(file, 512);
  if (bytesLookImportable(bytes)) return true;
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
