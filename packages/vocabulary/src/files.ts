/** Photos on check-ins, and files to import: what is accepted, and how much of it. */

/** The image types a photo may be (checked by their bytes, see signatures.ts). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** How many photos one check-in holds. */
export const PHOTOS_PER_CHECKIN = 10;

/** The largest photo by default (the server's PHOTO_MAX_BYTES may say otherwise). */
export const DEFAULT_PHOTO_MAX_BYTES = 10 * 1024 * 1024;

/** The largest import file by default (the server's IMPORT_MAX_BYTES may say otherwise). */
export const DEFAULT_IMPORT_MAX_BYTES = 50 * 1024 * 1024;
