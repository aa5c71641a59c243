/**
 * Limits and defaults shared by every parser. Every limit is checked before the work it bounds is
 * done (counted from bytes, a zip's directory or a SELECT count), so a hostile file is refused
 * for the cost of looking at it. Together they bound the memory of the worst file that passes
 * every check; docs/decisions/0011-untrusted-files.md has the arithmetic and the measurements.
 */
import { isValidLocalDate, type LocalDate } from '@habit-tracker/core';
import { DEFAULT_IMPORT_MAX_BYTES } from '@habit-tracker/vocabulary';
import { importFailure } from './import-error';

export interface ParseOptions {
  /**
   * The largest input accepted, in bytes (default 50 MB). Parsing holds the whole file in memory
   * (outside the JS heap), plus a SQLite copy inside sql.js's WebAssembly memory.
   */
  maxBytes?: number;
  /**
   * The most bytes inflated from a zip in all (default maxBytes + the larger text budget): photos
   * of our own export are stored uncompressed, the text files are the rest.
   */
  maxUnpackedBytes?: number;
  /**
   * The most bytes of text (CSV, JSON) decoded and parsed into objects (default 16 MB): text
   * becomes JS strings and objects, several times its size on the heap.
   */
  maxTextBytes?: number;
  /**
   * The largest export document (habit-tracker-export.json) read (default 48 MB, about 200,000
   * check-ins: the JSON spells every field out, so it is three times the CSV's size per row).
   */
  maxJsonBytes?: number;
  /**
   * The most check marks (Loop rows) or check-ins (our export) one import reads (default
   * 200,000: 50 habits × 11 years). Each costs a few hundred bytes of heap while parsing.
   */
  maxEntries?: number;
  /** The most habits one import holds (default 1,000). */
  maxHabits?: number;
  /** The most entries a zip may list (default 10,000). */
  maxZipEntries?: number;
  /** The most cells in one CSV row (default 4,000: Loop's root Checkmarks.csv has one per habit). */
  maxColumns?: number;
  /** The longest CSV cell, in characters (default 10,000; a note is at most 2,000). */
  maxCellChars?: number;
  /** Start date for a habit with no history at all (default: today's UTC date). */
  today?: LocalDate;
}

export const DEFAULT_MAX_BYTES = DEFAULT_IMPORT_MAX_BYTES;
export const DEFAULT_MAX_TEXT_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_JSON_BYTES = 48 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES = 200_000;
export const DEFAULT_MAX_HABITS = 1_000;
export const DEFAULT_MAX_ZIP_ENTRIES = 10_000;
export const DEFAULT_MAX_COLUMNS = 4_000;
export const DEFAULT_MAX_CELL_CHARS = 10_000;

export type ResolvedOptions = Required<ParseOptions>;

export function resolveOptions(options: ParseOptions = {}): ResolvedOptions {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxTextBytes = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  const maxJsonBytes = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!isValidLocalDate(today)) throw new TypeError(`options.today is not a date: ${today}`);
  return {
    maxBytes,
    maxUnpackedBytes: options.maxUnpackedBytes ?? maxBytes + Math.max(maxTextBytes, maxJsonBytes),
    maxTextBytes,
    maxJsonBytes,
    maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    maxHabits: options.maxHabits ?? DEFAULT_MAX_HABITS,
    maxZipEntries: options.maxZipEntries ?? DEFAULT_MAX_ZIP_ENTRIES,
    maxColumns: options.maxColumns ?? DEFAULT_MAX_COLUMNS,
    maxCellChars: options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS,
    today,
  };
}

export function megabytes(bytes: number): string {
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

/** Refuses text (CSV, JSON) larger than an import parses. */
export function checkTextSize(file: string, size: number, maxTextBytes: number): void {
  if (size > maxTextBytes) {
    throw importFailure(
      file,
      `The text is ${megabytes(size)}, more than the ${megabytes(maxTextBytes)} of text an import reads`,
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

/** Refuses an input with more habits than an import accepts. */
export function checkHabits(file: string, count: number, maxHabits: number): void {
  if (count > maxHabits) {
    throw importFailure(
      file,
      `It holds ${count} habits, more than the ${maxHabits} an import accepts`,
    );
  }
}
