/**
 * @habit-tracker/portability: moving an account's data in and out, without I/O — bytes in, plain
 * objects out (and zip chunks out). The server does the reading, writing and storing.
 *
 * Import: `detectAndParse` for any upload (Loop CSV zip or .db backup, Beaver Habits, Table Habit
 * or Habitica JSON, HabitBull CSV, our export zip), or a specific parser; all return a validated
 * ImportDocument or throw ImportError. `summarize` makes the preview. Export:
 * `buildExportDocument` → `createExportZip` (streaming), or `createLoopBackup` (a .db for Loop).
 * Decisions and formats: docs/decisions/0009-data-portability.md, 0015-rolling-windows-and-more-
 * importers.md.
 */
export { detectAndParse, type UploadedFile } from './detect';
export {
  buildExportDocument,
  type ExportCheckinInput,
  ExportError,
  type ExportHabitInput,
  type ExportInput,
  type ExportPhotoInput,
} from './export/build-export-document';
export {
  createExportZip,
  type ExportProgress,
  type ExportZipInput,
  type PhotoEntry,
} from './export/create-export-zip';
export {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportCheckin,
  type ExportDocument,
  ExportDocumentSchema,
  type ExportHabit,
  type ExportPhoto,
} from './export/export-schema';
export { type ExportTextFile, exportCsvFiles, habitCsv } from './export/habit-csv';
export {
  exportToImportDocument,
  type ParsedExport,
  type ParseExportOptions,
  parseExportZip,
} from './export/parse-export-zip';
export {
  EXPORT_JSON_PATH,
  exportFileName,
  PHOTO_EXTENSIONS,
  type PhotoContentType,
  photoPath,
} from './export/paths';
export type {
  ImportDocument,
  ImportedCheckin,
  ImportedHabit,
  ImportedPhoto,
  ImportSource,
  ParsedImport,
} from './import-document';
export { ImportError, type ImportProblem } from './import-error';
export { type LoopCsvPair, parseLoopCsv, parseLoopCsvZip } from './loop/parse-loop-csv';
export { LOOP_SCHEMA_VERSION, parseLoopSqlite } from './loop/parse-loop-sqlite';
export {
  createLoopBackup,
  type LoopBackupOptions,
  loopFrequency,
} from './loop/write-loop-sqlite';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, type ParseOptions } from './options';
export { configureSqlJs, type SqlJsSetup } from './sqlite/load-sql-js';
export { describeMeasure, type HabitSummary, type ImportSummary, summarize } from './summarize';
export {
  IMPORT_WARNING_CODES,
  type ImportWarning,
  type ImportWarningCode,
  type ImportWarningValues,
} from './warnings';
