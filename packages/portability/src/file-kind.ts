/**
 * What a file is, by its first bytes rather than its name: users rename files, and a PNG called
 * "Habits.csv" must be refused as a PNG, not reported as 36,000 malformed rows.
 */
import {
  ascii,
  hasSignature,
  isSqlite,
  isZip,
  type PhotoType,
  type Signature,
  sniffImageType,
} from '@habit-tracker/vocabulary';
import { decodeText } from './text';

export type FileKind =
  | { kind: 'zip' }
  | { kind: 'sqlite' }
  | { kind: 'text'; text: string }
  /** `looksLike` names a recognised non-import format ("a PNG image"), when we know it. */
  | { kind: 'other'; looksLike: string | null };

const PHOTO_NAMES: Record<PhotoType, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/webp': 'a WebP image',
};

/** Formats people upload by mistake, beyond the photo types, by what to call them. */
const OTHER_FORMATS: [Signature, string][] = [
  [[{ at: 0, bytes: ascii('GIF8') }], 'a GIF image'],
  // A WebP without its RIFF header is still recognisably one.
  [[{ at: 8, bytes: ascii('WEBP') }], 'a WebP image'],
  [[{ at: 4, bytes: ascii('ftyp') }], 'an HEIC image or a video'],
  [[{ at: 0, bytes: ascii('%PDF') }], 'a PDF document'],
  [[{ at: 0, bytes: [0x1f, 0x8b] }], 'a gzip archive'],
  [[{ at: 0, bytes: ascii('Rar!') }], 'a RAR archive'],
  [[{ at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] }], 'a 7-Zip archive'],
];

export function sniffFile(bytes: Uint8Array): FileKind {
  if (isZip(bytes)) return { kind: 'zip' };
  if (isSqlite(bytes)) return { kind: 'sqlite' };
  const photo = sniffImageType(bytes);
  if (photo) return { kind: 'other', looksLike: PHOTO_NAMES[photo] };
  for (const [signature, name] of OTHER_FORMATS) {
    if (hasSignature(bytes, signature)) return { kind: 'other', looksLike: name };
  }
  const text = decodeText(bytes);
  return text === null ? { kind: 'other', looksLike: null } : { kind: 'text', text };
}

/** "It looks like a PNG image" / "It is not a text file": the end of a wrong-type message. */
export function describeKind(kind: FileKind): string {
  switch (kind.kind) {
    case 'zip':
      return 'It is a zip file';
    case 'sqlite':
      return 'It is a SQLite database';
    case 'text':
      return 'It is a text file';
    case 'other':
      return kind.looksLike
        ? `It looks like ${kind.looksLike}`
        : 'It is not a text, zip or SQLite file';
  }
}
