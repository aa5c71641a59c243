import type { FileHandle } from 'node:fs/promises';

/**
 * How the local backend keeps one object: a fixed-size header holding the content type, then the
 * bytes. Content type and bytes live in one file so that one rename publishes both at once (a
 * sidecar file would need two, and a crash between them would pair old bytes with a new type),
 * and the header has a fixed size so that `list` and `head` know the size from `stat` alone.
 *
 *   HTOBJ1\n{"contentType":"image/jpeg"}<spaces>\n<the object's bytes>
 *   └───────────────── HEADER_SIZE bytes ──────────┘
 */
export const HEADER_SIZE = 512;
const MAGIC = 'HTOBJ1\n';

interface Header {
  contentType: string;
}

export function encodeHeader(contentType: string): Uint8Array {
  const text = MAGIC + JSON.stringify({ contentType } satisfies Header);
  // Content types are at most 255 printable ASCII characters (content-type.ts), so this fits.
  if (text.length > HEADER_SIZE - 1) throw new Error('object header too long');
  return Buffer.from(`${text.padEnd(HEADER_SIZE - 1, ' ')}\n`, 'ascii');
}

export async function readHeader(file: FileHandle, path: string): Promise<Header> {
  const buffer = Buffer.alloc(HEADER_SIZE);
  const { bytesRead } = await file.read(buffer, 0, HEADER_SIZE, 0);
  const text = buffer.toString('ascii', 0, bytesRead);
  if (bytesRead < HEADER_SIZE || !text.startsWith(MAGIC)) {
    throw new Error(`${path} is not an object written by the local store (bad header)`);
  }
  const header = JSON.parse(text.slice(MAGIC.length)) as Partial<Header>;
  if (typeof header.contentType !== 'string') {
    throw new Error(`${path} is not an object written by the local store (no content type)`);
  }
  return { contentType: header.contentType };
}
