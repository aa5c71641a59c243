/**
 * What a file is, by its first bytes rather than its name: users rename files, and a PNG called
 * "Habits.csv" must be refused as a PNG, not reported as 36,000 malformed rows.
 */
import { decodeText } from './text';

export type FileKind =
  | { kind: 'zip' }
  | { kind: 'sqlite' }
  | { kind: 'text'; text: string }
  /** `looksLike` names a recognised non-import format ("a PNG image"), when we know it. */
  | { kind: 'other'; looksLike: string | null };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // a local file header: any zip with an entry
  [0x50, 0x4b, 0x05, 0x06], // an end-of-central-directory record first: an empty zip
];
export const SQLITE_SIGNATURE = [...ascii('SQLite format 3'), 0];

const OTHER_FORMATS: [number[], string, number?][] = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [ascii('GIF8'), 'a GIF image'],
  [ascii('WEBP'), 'a WebP image', 8],
  [ascii('ftyp'), 'an HEIC image or a video', 4],
  [ascii('%PDF'), 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [ascii('Rar!'), 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
];

export function sniffFile(bytes: Uint8Array): FileKind {
  if (ZIP_SIGNATURES.some((s) => startsWith(bytes, s))) return { kind: 'zip' };
  if (startsWith(bytes, SQLITE_SIGNATURE)) return { kind: 'sqlite' };
  for (const [signature, name, at] of OTHER_FORMATS) {
    if (startsWith(bytes, signature, at)) return { kind: 'other', looksLike: name };
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
