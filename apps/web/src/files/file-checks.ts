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
import { t } from '../i18n/i18n';

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

/** A file size in the active language: "512 bytes", "1.5 MB", "1,5 Mo". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('files.size.bytes', { n: bytes });
  if (bytes < 1024 * 1024) {
    return t('files.size.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
  }
  if (bytes < 1024 ** 3) {
    return t('files.size.mb', { n: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
  }
  return t('files.size.gb', { n: Math.round((bytes / 1024 ** 3) * 10) / 10 });
}

/** "2 habits and 13 check-ins", "1 habit, 3 check-ins and 2 photos" (photos only when any). */
export function countSummary(counts: { habits: number; checkins: number; photos: number }): string {
  const habits = t('import.count.habits', { n: counts.habits });
  const checkins = t('import.count.checkins', { n: counts.checkins });
  return counts.photos > 0
    ? t('import.count.three', {
        a: habits,
        b: checkins,
        c: t('import.count.photos', { n: counts.photos }),
      })
    : t('import.count.two', { a: habits, b: checkins });
}
