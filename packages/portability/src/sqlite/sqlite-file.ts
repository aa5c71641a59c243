/**
 * Opening an uploaded SQLite file with sql.js, refusing what cannot be trusted: the wrong file
 * type, a file cut short, a file SQLite itself finds corrupt.
 */

import { isSqlite } from '@habit-tracker/vocabulary';
import type { Database, SqlValue } from 'sql.js';
import { describeKind, sniffFile } from '../file-kind';
import { ImportError, importFailure } from '../import-error';
import { loadSqlJs } from './load-sql-js';

function damaged(file: string): ImportError {
  return importFailure(
    file,
    'The database file is damaged or incomplete (was the backup copied or uploaded only partly?)',
  );
}

/**
 * SQLite's header says how large the file should be (page size × page count, when the count is
 * valid); a shorter file was cut off. sql.js alone would often open it and miss the lost rows.
 */
function checkNotTruncated(file: string, bytes: Uint8Array): void {
  if (bytes.length < 100) throw damaged(file);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw damaged(file);
  const pageCount = view.getUint32(28);
  const countIsValid = view.getUint32(24) === view.getUint32(92) && pageCount > 0;
  if (bytes.length % pageSize !== 0) throw damaged(file);
  if (countIsValid && bytes.length < pageCount * pageSize) throw damaged(file);
}

/** Every row of a query as an object (for small results; big ones should use get()). */
export function rows(db: Database, sql: string): Record<string, SqlValue>[] {
  const statement = db.prepare(sql);
  const result: Record<string, SqlValue>[] = [];
  try {
    while (statement.step()) result.push(statement.getAsObject());
  } finally {
    statement.free();
  }
  return result;
}

/** A table's column names, lower case. */
export function columnsOf(db: Database, table: string): Set<string> {
  return new Set(rows(db, `pragma table_info(${table})`).map((r) => String(r.name).toLowerCase()));
}

/**
 * Opens `bytes` as a SQLite database, runs `read` on it and closes it. Any SQLite error, at
 * opening, in SQLite's quick_check or while reading, is reported as a damaged file; ImportErrors
 * from `read` pass through. `expected` completes "Expected …" for a file that is not SQLite.
 */
export async function readSqliteFile<T>(
  file: string,
  bytes: Uint8Array,
  expected: string,
  read: (db: Database) => T,
): Promise<T> {
  if (!isSqlite(bytes)) {
    throw importFailure(file, `Expected ${expected}. ${describeKind(sniffFile(bytes))}.`);
  }
  checkNotTruncated(file, bytes);
  const SQL = await loadSqlJs();
  let db: Database | undefined;
  try {
    db = new SQL.Database(bytes);
    if (rows(db, 'pragma quick_check')[0]?.quick_check !== 'ok') throw damaged(file);
    return read(db);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw damaged(file);
  } finally {
    db?.close();
  }
}
