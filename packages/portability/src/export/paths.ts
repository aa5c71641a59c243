/** Names inside the export zip, in one place so the writer and the reader agree. */

export const EXPORT_JSON_PATH = 'habit-tracker-export.json';
export const README_PATH = 'README.txt';

/** The photo types the app stores, and the file extension each gets in the zip. */
export const PHOTO_EXTENSIONS = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/gif': 'gif',
} as const;

export type PhotoContentType = keyof typeof PHOTO_EXTENSIONS;

export function photoPath(photoId: string, contentType: PhotoContentType): string {
  return `photos/${photoId}.${PHOTO_EXTENSIONS[contentType]}`;
}

const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|\p{Cc}]+/gu;

/**
 * `habits/<nn> <name>.csv`: numbered so names never collide (same-name habits) and the folder
 * lists in the app's order; unicode kept (zip names are UTF-8), only characters that Windows,
 * macOS or Linux refuse in a file name are replaced.
 */
export function habitCsvPath(index: number, count: number, name: string): string {
  const number = String(index + 1).padStart(Math.max(2, String(count).length), '0');
  const safe = [...name.replace(UNSAFE_IN_FILE_NAMES, '_').trim()].slice(0, 60).join('').trim();
  return `habits/${number} ${safe.replace(/\.+$/, '') || 'habit'}.csv`;
}

/** `habit-tracker-export-2026-11-22.zip` for a download or object key. */
export function exportFileName(exportedAt: string): string {
  return `habit-tracker-export-${exportedAt.slice(0, 10)}.zip`;
}
