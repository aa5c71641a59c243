/**
 * What every importer returns: one account's habits and history as plain data, already checked
 * against the API's limits. The server shows it as a preview and writes it in one transaction once
 * the user confirms, so nothing here may be "fixed up" later.
 */

import type {
  CalendarSettings,
  CheckinState,
  LocalDate,
  Measure,
  Schedule,
} from '@habit-tracker/core';
import type { ImportWarning } from './warnings';

export type ImportSource =
  | 'loop-csv'
  | 'loop-sqlite'
  | 'habit-tracker'
  | 'beaver-habits'
  | 'table-habit'
  | 'habitica'
  | 'habitbull';

/** A photo attached to a check-in; its bytes come from `ParsedImport.photo(path)`. */
export interface ImportedPhoto {
  path: string;
  contentType: string;
}

export interface ImportedCheckin {
  date: LocalDate;
  state: CheckinState;
  /** The amount for numeric habits ('done'); null for yes/no habits and skips. */
  value: number | null;
  note: string | null;
  photos?: ImportedPhoto[];
  /** Only from this project's export: keep them and a re-import is lossless. */
  createdAt?: string;
  updatedAt?: string;
}

export interface ImportedHabit {
  /**
   * The habit's identity in the source: Loop's position or uuid, our export's habit id, another
   * app's id (Beaver, Habitica) or its place in the file.
   */
  sourceId: string;
  name: string;
  description: string;
  /** '#rrggbb', lower case. */
  color: string;
  icon: string;
  measure: Measure;
  schedule: Schedule;
  startDate: LocalDate;
  archived: boolean;
  /**
   * Order key, ascending (0, 1, 2… for Loop; the exported positions for our own export). The
   * server adds its next free position so imported habits land after existing ones.
   */
  position: number;
  /** Ascending by date, at most one per date. */
  checkins: ImportedCheckin[];
  /** The name of its group in the source (Loop's habit groups), if any. */
  group?: string;
  /** Only from this project's export (see ImportedCheckin.createdAt). */
  archivedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface ImportDocument {
  source: ImportSource;
  habits: ImportedHabit[];
  /** Only our own export carries the calendar settings; other apps' files do not. */
  settings?: CalendarSettings;
  /** What was approximated or left out; shown with the preview. Never blocks the import. */
  warnings: ImportWarning[];
}

/** An import document and, for our own export, the photos' bytes by path. */
export interface ParsedImport {
  document: ImportDocument;
  /** The bytes of a photo named in the document (already checked against size and SHA-256). */
  photo(path: string): Uint8Array;
}
