/**
 * Reading uploaded zips with fflate, defensively: list first (cheap, nothing inflated), then
 * inflate only the entries a parser asks for, within a budget of unpacked bytes.
 */
import { type UnzipFileInfo, unzipSync } from 'fflate';
import { importFailure } from './import-error';

export interface ZipEntryInfo {
  path: string;
  /** Unpacked size, as the central directory declares it. */
  size: number;
}

function damaged(file: string, cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (/unknown compression/.test(detail)) {
    return importFailure(
      file,
      `The zip uses a compression method that is not supported (${detail})`,
    );
  }
  return importFailure(
    file,
    'The zip file is damaged or incomplete (was the download or upload cut short?)',
  );
}

/** The files in the zip (folders left out). */
export function listZip(file: string, bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info: UnzipFileInfo) => {
        if (!info.name.endsWith('/')) entries.push({ path: info.name, size: info.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw damaged(file, error);
  }
  return entries;
}

/**
 * The wanted entries' bytes by path. The unpacked sizes are added up from the central directory
 * before anything is inflated, so a zip bomb is refused without spending the memory. (fflate
 * inflates each entry into a buffer of its declared size, so a lying size fails as "damaged".)
 */
export function readZipEntries(
  file: string,
  bytes: Uint8Array,
  wanted: (path: string) => boolean,
  maxUnpackedBytes: number,
): Map<string, Uint8Array> {
  const unpacked = listZip(file, bytes)
    .filter((entry) => wanted(entry.path))
    .reduce((sum, entry) => sum + entry.size, 0);
  if (unpacked > maxUnpackedBytes) {
    throw importFailure(
      file,
      `The zip unpacks to ${unpacked} bytes, more than the ${maxUnpackedBytes} an import accepts`,
    );
  }
  try {
    const unzipped = unzipSync(bytes, {
      filter: (info) => !info.name.endsWith('/') && wanted(info.name),
    });
    return new Map(Object.entries(unzipped));
  } catch (error) {
    throw damaged(file, error);
  }
}
