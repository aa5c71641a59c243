/** Limits and defaults shared by every parser. */
import { isValidLocalDate, type LocalDate } from '@habit-tracker/core';
import { importFailure } from './import-error';

export interface ParseOptions {
  /**
   * The largest input accepted, in bytes (default 50 MB). Parsing holds the whole file in memory,
   * plus a SQLite copy inside sql.js's heap, so this bounds the server's memory per import.
   */
  maxBytes?: number;
  /** The largest total of the zip entries read, unpacked (default 4 × maxBytes): zip bombs. */
  maxUnpackedBytes?: number;
  /**
   * The most check marks (Loop rows) or check-ins (our export) one import reads (default
   * 500,000; 20 habits × 5 years is 36,500). Parsing costs ~0.5 kB of memory per row, so this,
   * not the byte size, is what bounds a well-compressed CSV zip.
   */
  maxEntries?: number;
  /** Start date for a habit with no history at all (default: today's UTC date). */
  today?: LocalDate;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES = 500_000;

export type ResolvedOptions = Required<ParseOptions>;

export function resolveOptions(options: ParseOptions = {}): ResolvedOptions {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!isValidLocalDate(today)) throw new TypeError(`options.today is not a date: ${today}`);
  return {
    maxBytes,
    maxUnpackedBytes: options.maxUnpackedBytes ?? 4 * maxBytes,
    maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    today,
  };
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Refuses an input before any parsing work is spent on it. */
export function checkSize(file: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw importFailure(
      file,
      `The file is ${megabytes(size)}, larger than the ${megabytes(maxBytes)} an import accepts`,
    );
  }
}

/** Refuses an input with more rows than an import may hold in memory. */
export function checkEntries(file: string, count: number, maxEntries: number, what: string): void {
  if (count > maxEntries) {
    throw importFailure(
      file,
      `It holds ${count} ${what}, more than the ${maxEntries} an import accepts`,
    );
  }
}
