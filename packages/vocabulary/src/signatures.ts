/**
 * What a file is, by its first bytes ("magic numbers") rather than its name or declared type:
 * users rename files, and pickers leave types empty. The browser checks a file before uploading
 * it with the same signatures the server checks after.
 */
import type { PhotoType } from './files';

/** Bytes a file must hold at an offset. */
export interface BytePattern {
  at: number;
  bytes: readonly number[];
}

/** A format's signature: every pattern must match. */
export type Signature = readonly BytePattern[];

export function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** Whether `file` starts like `signature` says. */
export function hasSignature(file: Uint8Array, signature: Signature): boolean {
  return signature.every(({ at, bytes }) => bytes.every((b, i) => file[at + i] === b));
}

export const IMAGE_SIGNATURES: Record<PhotoType, Signature> = {
  'image/jpeg': [{ at: 0, bytes: [0xff, 0xd8, 0xff] }],
  'image/png': [{ at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }],
  'image/webp': [
    { at: 0, bytes: ascii('RIFF') },
    { at: 8, bytes: ascii('WEBP') },
  ],
};

/** A zip with an entry (a local file header), or an empty zip (the end record first). */
export const ZIP_SIGNATURES: readonly Signature[] = [
  [{ at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] }],
  [{ at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] }],
];

export const SQLITE_SIGNATURE: Signature = [{ at: 0, bytes: [...ascii('SQLite format 3'), 0] }];

/** Enough of a file's start to tell every format here apart. */
export const SIGNATURE_BYTES = 16;

/** The photo type the first bytes announce, or null. */
export function sniffImageType(file: Uint8Array): PhotoType | null {
  for (const [type, signature] of Object.entries(IMAGE_SIGNATURES)) {
    if (hasSignature(file, signature)) return type as PhotoType;
  }
  return null;
}

export function isZip(file: Uint8Array): boolean {
  return ZIP_SIGNATURES.some((signature) => hasSignature(file, signature));
}

export function isSqlite(file: Uint8Array): boolean {
  return hasSignature(file, SQLITE_SIGNATURE);
}

/** What an import may be: a zip (Loop's CSV export, this app's export) or Loop's SQLite backup. */
export function looksImportable(file: Uint8Array): boolean {
  return isZip(file) || isSqlite(file);
}
