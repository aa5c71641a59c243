/** Bytes to text for CSV and JSON inputs: strict UTF-8, so a binary file is never "parsed". */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The text without a byte-order mark, or null when the bytes are not UTF-8 text (or hold NULs). */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    // ignoreBOM: false makes the decoder drop a leading BOM itself.
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
