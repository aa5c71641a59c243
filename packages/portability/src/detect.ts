/**
 * One entry point for an uploaded file: decide what it is from its bytes (and, for text, its
 * first line or its JSON keys) and hand it to the right parser, or say what was expected.
 */
import { isBeaverExport, readBeaverExport } from './apps/beaver-habits';
import { looksLikeHabitBull, readHabitBullCsv } from './apps/habitbull';
import { isHabiticaExport, readHabiticaExport } from './apps/habitica';
import { HABITSYNC_MESSAGE, looksLikeHabitSyncApi } from './apps/habitsync';
import { isTableHabitExport, readTableHabitExport } from './apps/table-habit';
import { parseCsv } from './csv/parse-csv';
import { readExportZip } from './export/parse-export-zip';
import { EXPORT_JSON_PATH } from './export/paths';
import { describeKind, sniffFile } from './file-kind';
import type { ImportDocument, ParsedImport } from './import-document';
import { importFailure } from './import-error';
import { readJson } from './json/read-json';
import { looksLikeLoopHabitsHeader } from './loop/habits-csv';
import { findLoopCsvRoot, readLoopCsvZip } from './loop/parse-loop-csv';
import { parseLoopSqlite } from './loop/parse-loop-sqlite';
import {
  checkSize,
  checkTextSize,
  type ParseOptions,
  type ResolvedOptions,
  resolveOptions,
} from './options';
import { readZip } from './zip-read';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const EXPECTED =
  'Expected an export of Loop Habit Tracker (the "Loop Habits CSV" .zip or the "Loop Habits Backup" .db), Beaver Habits (.json), Table Habit (.json), Habitica (habitica-user-data.json), HabitBull (.csv) or this app (.zip).';

function withoutPhotos(document: ImportDocument): ParsedImport {
  return {
    document,
    photo(path: string): Uint8Array {
      throw new Error(`No photo ${path}: a ${document.source} import has no photos`);
    },
  };
}

function firstLineOf(text: string): string {
  return text.slice(0, text.search(/\r|\n|$/));
}

function firstLineCells(text: string): string[] {
  try {
    return parseCsv(firstLineOf(text), '').at(0)?.cells ?? [];
  } catch {
    return [];
  }
}

/** Habitica's other export: task values by time, without which days were done. */
const HABITICA_HISTORY_HEADER = 'Task Name,Task ID,Task Type,Date,Value';

function readCsvText(name: string, text: string, options: ResolvedOptions): ImportDocument {
  const firstLine = firstLineOf(text);
  if (looksLikeHabitBull(firstLine)) return readHabitBullCsv(name, text, options);
  if (firstLine.trim() === HABITICA_HISTORY_HEADER) {
    throw importFailure(
      name,
      'This is Habitica\'s history.csv, which has task values but not which days were done. Download "Your User Data" as JSON instead (Settings → Site Data → User Data → Download as JSON, habitica-user-data.json) and upload that file.',
    );
  }
  const cells = firstLineCells(text);
  if (looksLikeLoopHabitsHeader(cells)) {
    throw importFailure(
      name,
      'This is Loop\'s Habits.csv on its own; the check marks are in the other files of the "Loop Habits CSV" zip. Upload the whole zip (or Habits.csv together with Checkmarks.csv).',
    );
  }
  if (cells[0]?.trim() === 'Date') {
    throw importFailure(
      name,
      'This is one of Loop\'s Checkmarks.csv files on its own; the habits are in Habits.csv. Upload the whole "Loop Habits CSV" zip.',
    );
  }
  throw importFailure(name, `${EXPECTED} It is a text file that is none of them.`);
}

/** Which app a JSON export comes from, by the keys only that app writes. */
function readJsonText(name: string, text: string, options: ResolvedOptions): ImportDocument {
  const json = readJson(name, text, options);
  if (isHabiticaExport(json)) return readHabiticaExport(name, json, options);
  // Table Habit's keys are its own; Beaver's `habits[].records[].day` is looser, so it comes last.
  if (isTableHabitExport(json)) return readTableHabitExport(name, json, options);
  if (isBeaverExport(json)) return readBeaverExport(name, json, options);
  if (looksLikeHabitSyncApi(json)) throw importFailure(name, HABITSYNC_MESSAGE);
  const format = (json as { format?: unknown } | null)?.format;
  if (format === 'habit-tracker-export') {
    throw importFailure(
      name,
      `This is ${EXPORT_JSON_PATH} on its own; upload the whole export .zip, which also holds the photos.`,
    );
  }
  throw importFailure(name, `${EXPECTED} It is a JSON file that is none of them.`);
}

function readText(name: string, text: string, options: ResolvedOptions): ImportDocument {
  const start = text.trimStart().charAt(0);
  return start === '{' || start === '['
    ? readJsonText(name, text, options)
    : readCsvText(name, text, options);
}

/**
 * Any supported export (Loop's CSV zip or .db backup, Beaver Habits', Table Habit's or
 * Habitica's JSON, HabitBull's CSV, this project's zip) → the import document (and photos, for
 * our export), recognised by its content, never its name. Throws ImportError naming the file for
 * anything else or anything damaged; never returns a partly read document.
 */
export async function detectAndParse(
  file: UploadedFile,
  options?: ParseOptions,
): Promise<ParsedImport> {
  const resolved = resolveOptions(options);
  checkSize(file.name, file.bytes.length, resolved.maxBytes);
  const kind = sniffFile(file.bytes);
  switch (kind.kind) {
    case 'zip': {
      const parsed = await readZip(file.name, file.bytes, resolved, async (zip) => {
        const paths = zip.entries.map((e) => e.path);
        if (paths.includes(EXPORT_JSON_PATH)) return await readExportZip(file.name, zip, resolved);
        if (findLoopCsvRoot(paths) !== null) {
          return withoutPhotos(await readLoopCsvZip(file.name, zip, resolved));
        }
        return null;
      });
      if (parsed) return parsed;
      throw importFailure(
        file.name,
        `${EXPECTED} This zip has neither Loop's Habits.csv nor ${EXPORT_JSON_PATH}.`,
      );
    }
    case 'sqlite':
      return withoutPhotos(await parseLoopSqlite(file, resolved));
    case 'text':
      // Text becomes strings and objects several times its size: it has its own budget.
      checkTextSize(file.name, file.bytes.length, resolved.maxTextBytes);
      return withoutPhotos(readText(file.name, kind.text, resolved));
    case 'other':
      throw importFailure(file.name, `${EXPECTED} ${describeKind(kind)}.`);
  }
}
