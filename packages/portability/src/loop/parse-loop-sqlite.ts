/**
 * Loop Habit Tracker's database backup (`Loop Habits Backup <date>.db`), read with sql.js.
 *
 * Schema (uhabits-core migrations 9–24): Habits(id, archived, color, description, freq_den,
 * freq_num, highlight, name, position, reminder_hour, reminder_min, reminder_days, type,
 * target_type, target_value, unit, question, uuid) and Repetitions(id, habit, timestamp, value,
 * notes). Columns are looked up, not assumed: older backups lack type/target (yes/no only),
 * question, uuid, notes, and the oldest (schema 9) even Repetitions.value: every row was a check.
 * `timestamp` is the day's UTC midnight in milliseconds; `color` a palette index; measurable
 * values are amount × 1000; target_value is the real target.
 */

import { fromDayNumber } from '@habit-tracker/core';
import type { Database, SqlValue } from 'sql.js';
import { finishImport, report, type Where } from '../finish-import';
import type { ImportDocument } from '../import-document';
import { importFailure, ProblemList } from '../import-error';
import {
  checkEntries,
  checkSize,
  type ParseOptions,
  type ResolvedOptions,
  resolveOptions,
} from '../options';
import { columnsOf, readSqliteFile, rows } from '../sqlite/sqlite-file';
import { buildLoopHabit, numberPositions } from './build-habit';
import type { LoopEntry, LoopHabit } from './loop-habit';
import { LOOP_DEFAULT_COLOR, loopColorToHex } from './palette';
import { LOOP_YES_MANUAL } from './values';

const DAY_MS = 86_400_000;
/** The newest schema version we know (uhabits-core's DATABASE_VERSION at the time of writing). */
const KNOWN_SCHEMA_VERSION = 26;

const text = (v: SqlValue | undefined): string => (typeof v === 'string' ? v : '');
const num = (v: SqlValue | undefined): number | null => (typeof v === 'number' ? v : null);

function readHabit(
  row: Record<string, SqlValue>,
  file: string,
  problems: ProblemList,
): LoopHabit | null {
  const name = text(row.name);
  const at: Where = { file, what: `Habit "${name}"`, table: 'Habits', row: Number(row.id) };
  const type = num(row.type) ?? 0;
  const numerator = num(row.freq_num);
  const denominator = num(row.freq_den);
  let ok = true;
  if (type !== 0 && type !== 1) {
    report(problems, at, `type ${type} is not a yes/no (0) or measurable (1) habit`);
    ok = false;
  }
  if (
    !numerator ||
    !denominator ||
    numerator < 1 ||
    denominator < 1 ||
    !Number.isInteger(numerator) ||
    !Number.isInteger(denominator)
  ) {
    report(problems, at, `frequency ${row.freq_num}/${row.freq_den} is not two whole numbers ≥ 1`);
    ok = false;
  }
  if (!ok || numerator === null || denominator === null) return null;
  const color = num(row.color);
  return {
    sourceId: text(row.uuid) || String(row.id),
    order: num(row.position) ?? 0,
    name,
    question: text(row.question),
    description: text(row.description),
    color: color === null ? LOOP_DEFAULT_COLOR : loopColorToHex(color),
    type: type === 1 ? 'numerical' : 'yes_no',
    numerator,
    denominator,
    unit: text(row.unit),
    targetType: num(row.target_type) === 1 ? 'at_most' : 'at_least',
    targetValue: num(row.target_value) ?? 0,
    archived: num(row.archived) === 1,
    at,
  };
}

function readDatabase(db: Database, file: string, options: ResolvedOptions): ImportDocument {
  const tables = new Set(
    rows(db, "select lower(name) as name from sqlite_master where type = 'table'").map((r) =>
      String(r.name),
    ),
  );
  if (!tables.has('habits') || !tables.has('repetitions')) {
    throw importFailure(
      file,
      'This SQLite database is not a Loop Habit Tracker backup (it has no Habits and Repetitions tables)',
    );
  }
  const problems = new ProblemList();
  const warnings: string[] = [];
  const version = num(rows(db, 'pragma user_version')[0]?.user_version) ?? 0;
  if (version > KNOWN_SCHEMA_VERSION) {
    warnings.push(
      `The backup comes from a newer Loop (database version ${version}); anything it added is not imported.`,
    );
  }

  const habitColumns = columnsOf(db, 'Habits');
  const habitRows = rows(db, 'select * from Habits order by position, id');
  const habits = new Map<number, LoopHabit>();
  const habitIds = new Set(habitRows.map((row) => Number(row.id)));
  for (const row of habitRows) {
    const habit = readHabit(row, file, problems);
    if (habit) habits.set(Number(row.id), habit);
  }
  if (habitColumns.has('reminder_hour') && habitRows.some((r) => r.reminder_hour !== null)) {
    warnings.push('Reminders set in Loop are not imported; set them again here.');
  }

  const labels = new Map([...habits].map(([id, h]) => [id, `Check mark of "${h.name}"`]));
  const repetitionCount = num(rows(db, 'select count(*) as n from Repetitions')[0]?.n) ?? 0;
  checkEntries(file, repetitionCount, options.maxEntries, 'check marks');
  const repetitionColumns = columnsOf(db, 'Repetitions');
  const hasValue = repetitionColumns.has('value');
  const hasNotes = repetitionColumns.has('notes');
  const entries = new Map<number, LoopEntry[]>();
  let orphans = 0;
  let duplicates = 0;
  let offMidnight = 0;
  let previous = { habitId: Number.NaN, date: '' };
  // get() by position, not getAsObject(): 6× faster over a few hundred thousand rows.
  const statement = db.prepare(
    `select id, habit, timestamp, ${hasValue ? 'value' : 'null'}, ${hasNotes ? 'notes' : 'null'}
     from Repetitions order by habit, timestamp, id`,
  );
  try {
    while (statement.step()) {
      const [id, habitValue, timestampValue, valueValue, notesValue] = statement.get();
      const habitId = Number(habitValue);
      const habit = habits.get(habitId);
      if (!habit) {
        // Loop's own migration 22 deletes these; a habit row with problems lands here too.
        if (!habitIds.has(habitId)) orphans++;
        continue;
      }
      const at: Where = { file, what: labels.get(habitId), table: 'Repetitions', row: Number(id) };
      const timestamp = num(timestampValue);
      if (timestamp === null) {
        report(problems, at, 'timestamp is empty');
        continue;
      }
      if (timestamp % DAY_MS !== 0) offMidnight++;
      const date = fromDayNumber(Math.floor(timestamp / DAY_MS));
      // Sorted by habit and time, so a second row for the same day comes right after the first.
      if (previous.habitId === habitId && previous.date === date) {
        duplicates++; // Loop keeps the first row of a day (migration 22); so do we
        continue;
      }
      previous = { habitId, date };
      const value = num(valueValue) ?? LOOP_YES_MANUAL;
      const list = entries.get(habitId) ?? [];
      if (list.length === 0) entries.set(habitId, list);
      list.push({ date, value: { code: value }, note: text(notesValue), at });
    }
  } finally {
    statement.free();
  }
  if (orphans > 0) warnings.push(`${orphans} check marks of deleted habits were skipped.`);
  if (duplicates > 0)
    warnings.push(`${duplicates} repeated check marks (same habit and day) were skipped.`);
  if (offMidnight > 0) {
    warnings.push(
      `${offMidnight} check marks were not at midnight UTC; each is placed on its UTC day.`,
    );
  }

  const ctx = { today: options.today, problems, warnings };
  const ids = [...habits.keys()];
  const drafts = ids.map((id) => buildLoopHabit(habits.get(id)!, entries.get(id) ?? [], ctx));
  return finishImport(
    'loop-sqlite',
    numberPositions(
      drafts,
      ids.map((id) => habits.get(id)!.order),
    ),
    warnings,
    problems,
  );
}

/** A Loop `.db` backup. */
export async function parseLoopSqlite(
  file: { name: string; bytes: Uint8Array },
  options?: ParseOptions,
): Promise<ImportDocument> {
  const resolved = resolveOptions(options);
  checkSize(file.name, file.bytes.length, resolved.maxBytes);
  return readSqliteFile(
    file.name,
    file.bytes,
    'a Loop Habit Tracker backup (.db, a SQLite database)',
    (db) => readDatabase(db, file.name, resolved),
  );
}
