/**
 * One entry point for an uploaded file: decide what it is from its bytes and hand it to the
 * right parser, or say what was expected.
 */
import { parseCsv } from './csv/parse-csv';
import { readExportZip } from './export/parse-export-zip';
import { EXPORT_JSON_PATH } from './export/paths';
import { describeKind, sniffFile } from './file-kind';
import type { ImportDocument, ParsedImport } from './import-document';
import { importFailure } from './import-error';
import { looksLikeLoopHabitsHeader } from './loop/habits-csv';
import { findLoopCsvRoot, readLoopCsvZip } from './loop/parse-loop-csv';
import { parseLoopSqlite } from './loop/parse-loop-sqlite';
import { checkSize, type ParseOptions, resolveOptions } from './options';
import { openZip } from './zip-read';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const EXPECTED =
  'Expected a Loop Habit Tracker export (the "Loop Habits CSV" .zip or the "Loop Habits Backup" .db file) or a habit tracker export .zip.';

function withoutPhotos(document: ImportDocument): ParsedImport {
  return {
    document,
    photo(path: string): Uint8Array {
      throw new Error(`No photo ${path}: a ${document.source} import has no photos`);
    },
  };
}

function firstLineCells(text: string): string[] {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  try {
    return parseCsv(firstLine, '').at(0)?.cells ?? [];
  } catch {
    return [];
  }
}

function refuseText(name: string, text: string): never {
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
  throw importFailure(name, `${EXPECTED} It is a text file that is neither.`);
}

/**
 * A Loop CSV zip, a Loop .db backup, or this project's export zip → the import document (and
 * photos, for our export). Throws ImportError naming the file for anything else or anything
 * damaged; never returns a partly read document.
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
      const zip = await openZip(file.name, file.bytes, resolved);
      try {
        const paths = zip.entries.map((e) => e.path);
        if (paths.includes(EXPORT_JSON_PATH)) return await readExportZip(file.name, zip, resolved);
        if (findLoopCsvRoot(paths) !== null) {
          return withoutPhotos(await readLoopCsvZip(file.name, zip, resolved));
        }
      } finally {
        zip.close();
      }
      throw importFailure(
        file.name,
        `${EXPECTED} This zip has neither Loop's Habits.csv nor ${EXPORT_JSON_PATH}.`,
      );
    }
    case 'sqlite':
      return withoutPhotos(await parseLoopSqlite(file, resolved));
    case 'text':
      return refuseText(file.name, kind.text);
    case 'other':
      throw importFailure(file.name, `${EXPECTED} ${describeKind(kind)}.`);
  }
}
