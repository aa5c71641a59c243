/**
 * Re-import of this project's export zip. The JSON document is the source of truth; the CSVs are
 * ignored. Every photo the document lists must be in the zip with its recorded size and SHA-256,
 * so a damaged or edited zip is refused before anything is written.
 */
import { z } from 'zod';
import { finishImport, type HabitDraft } from '../finish-import';
import type { ImportDocument, ImportedPhoto, ParsedImport } from '../import-document';
import { excerpt, importFailure, ProblemList } from '../import-error';
import {
  checkEntries,
  checkHabits,
  checkTextSize,
  type ParseOptions,
  type ResolvedOptions,
} from '../options';
import { sha256Hex } from '../sha256';
import { decodeText } from '../text';
import { type OpenedZip, readZipUpload } from '../zip-read';
import { habitDefinition } from './build-export-document';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  ExportDocumentSchema,
} from './export-schema';
import { EXPORT_JSON_PATH } from './paths';

/** Our export's document as an import document (habit ids become source ids). */
export function exportToImportDocument(doc: ExportDocument): ImportDocument {
  const photosByCheckin = new Map<string, ImportedPhoto[]>();
  for (const photo of doc.photos) {
    const key = `${photo.habitId} ${photo.date}`;
    const list = photosByCheckin.get(key) ?? [];
    list.push({ path: photo.path, contentType: photo.contentType });
    photosByCheckin.set(key, list);
  }
  return {
    source: 'habit-tracker',
    settings: doc.settings,
    warnings: [],
    habits: doc.habits.map((h) => ({
      sourceId: h.id,
      ...habitDefinition(h),
      startDate: h.startDate,
      archived: h.archivedAt !== null,
      position: h.position,
      archivedAt: h.archivedAt,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
      checkins: h.checkins.map((c) => {
        const photos = photosByCheckin.get(`${h.id} ${c.date}`);
        return { ...c, ...(photos ? { photos } : {}) };
      }),
    })),
  };
}

/** Habits and check-ins counted on the raw JSON, before zod builds its copy of them. */
function checkCounts(jsonFile: string, raw: unknown, resolved: ResolvedOptions): void {
  const habits = (raw as { habits?: unknown }).habits;
  if (!Array.isArray(habits)) return; // the schema says what is wrong
  checkHabits(jsonFile, habits.length, resolved.maxHabits);
  let checkins = 0;
  for (const habit of habits) {
    const list = (habit as { checkins?: unknown } | null)?.checkins;
    if (Array.isArray(list)) checkins += list.length;
  }
  checkEntries(jsonFile, checkins, resolved.maxEntries, 'check-ins');
}

function readDocument(
  jsonFile: string,
  bytes: Uint8Array,
  resolved: ResolvedOptions,
): ExportDocument {
  const text = decodeText(bytes);
  let raw: unknown;
  try {
    raw = text === null ? undefined : JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (raw === undefined) throw importFailure(jsonFile, 'The export document is not valid JSON');
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(raw);
  if (!head.success || head.data.format !== EXPORT_FORMAT) {
    throw importFailure(jsonFile, `Expected a "${EXPORT_FORMAT}" document`);
  }
  const version = head.data.version;
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    throw importFailure(
      jsonFile,
      `This export was made by a newer version of the app (format version ${version}); this one reads version ${EXPORT_VERSION}`,
    );
  }
  checkCounts(jsonFile, raw, resolved);
  const parsed = ExportDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = new ProblemList();
    for (const issue of parsed.error.issues) {
      problems.add(jsonFile, `${issue.path.join('.') || 'document'}: ${issue.message}`);
    }
    problems.throwIfAny();
  }
  return parsed.data!;
}

export interface ParsedExport extends ParsedImport {
  /** The validated export document itself (ids, timestamps, photo checksums). */
  exportDocument: ExportDocument;
}

export interface ParseExportOptions extends ParseOptions {
  /** The upload's name, for messages (default habit-tracker-export.zip). */
  name?: string;
}

export async function parseExportZip(
  bytes: Uint8Array,
  options: ParseExportOptions = {},
): Promise<ParsedExport> {
  const name = options.name ?? 'habit-tracker-export.zip';
  return readZipUpload(name, bytes, options, (zip, resolved) => readExportZip(name, zip, resolved));
}

/** An opened zip that holds our export document → the parsed export. */
export async function readExportZip(
  name: string,
  zip: OpenedZip,
  resolved: ResolvedOptions,
): Promise<ParsedExport> {
  const jsonEntry = zip.entries.find((e) => e.path === EXPORT_JSON_PATH);
  if (!jsonEntry) {
    throw importFailure(
      name,
      `This zip is not a habit tracker export (it has no ${EXPORT_JSON_PATH})`,
    );
  }
  const jsonFile = `${EXPORT_JSON_PATH} (in ${name})`;
  // JSON becomes objects several times its size: it has a budget of its own, declared and real.
  checkTextSize(jsonFile, jsonEntry.size, resolved.maxJsonBytes);
  const json = await zip.read((p) => p === EXPORT_JSON_PATH, resolved.maxJsonBytes);
  const exportDocument = readDocument(jsonFile, json.get(EXPORT_JSON_PATH)!, resolved);
  const checkins = exportDocument.habits.reduce((n, h) => n + h.checkins.length, 0);
  checkEntries(name, checkins, resolved.maxEntries, 'check-ins');

  const listed = new Set(exportDocument.photos.map((p) => p.path));
  const photos = await zip.read((p) => listed.has(p), resolved.maxUnpackedBytes);
  const problems = new ProblemList();
  for (const photo of exportDocument.photos) {
    const file = `${photo.path} (in ${name})`;
    const data = photos.get(photo.path);
    if (!data)
      problems.add(name, `${photo.path} is listed in the document but missing from the zip`);
    else if (data.length !== photo.size) {
      problems.add(file, `The photo is ${data.length} bytes; the document says ${photo.size}`);
    } else if ((await sha256Hex(data)) !== photo.sha256) {
      problems.add(
        file,
        'The photo does not match its SHA-256 in the document (changed or damaged)',
      );
    }
  }

  // The same API rules every importer ends with (the schema already holds most of them).
  const doc = exportToImportDocument(exportDocument);
  const drafts: HabitDraft[] = doc.habits.map((habit, i) => ({
    habit,
    at: { file: jsonFile, what: `habits.${i} ("${excerpt(habit.name)}")` },
    checkinsAt: habit.checkins.map((_, j) => ({
      file: jsonFile,
      what: `habits.${i}.checkins.${j}`,
    })),
  }));
  const document = finishImport(doc.source, drafts, doc.warnings, problems, doc.settings);
  return {
    document,
    exportDocument,
    photo(path: string): Uint8Array {
      const data = photos.get(path);
      if (!data) throw new Error(`No photo ${path} in this export`);
      return data;
    },
  };
}
