/**
 * `attachment` with the file name twice: `filename*` (RFC 6266/5987) carries any Unicode name,
 * `filename` an ASCII stand-in for clients that ignore the former. Quotes, backslashes and
 * control characters never reach the header.
 */
export function attachmentDisposition(downloadName: string): string {
  const name = downloadName.trim();
  if (name === '' || name.length > 200) {
    throw new RangeError('downloadName must be 1 to 200 characters');
  }
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
