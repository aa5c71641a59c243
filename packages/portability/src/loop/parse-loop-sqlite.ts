/**
 * Loop Habit Tracker's database backup (`Loop Habits Backup <date>.db`), read with sql.js.
 *
 * Schema (uhabits-core migrations 9–25; version 25 is current from Loop 2.1.0 to 2.3.1):
 * Habits(id, archived, color, description, freq_den, freq_num, highlight, name, position,
 * reminder_hour, reminder_min, reminder_days, type, target_type, target_value, unit, question,
 * uuid) and Repetitions(id, habit, timestamp, value, notes). Columns are looked up, not assumed:
 * older backups lack type/target (v16/18: yes/no only), question (v23), uuid (v24), notes (v25),
 * and 1.x ones (v9–15) even Repetitions.value: every row was a check. Tables first created by
 * Loop 1.x (ActiveAndroid) name their key `Id`, and Habits keeps it through every later
 * migration; SQLite matches names without regard to case, so every column is selected by name
 * and aliased. `timestamp` is the day's UTC midnight in milliseconds; `color` depends on the
 * version (palette.ts); measurable values are amount × 1000; target_value is the real target.
 * Backups of a Loop build with habit groups (schema 26, not in a Loop release up to 2.3.1) add
 * HabitGroups(id, name, position, …) and Habits.parent_id naming a habit's group.
 */

import { fromDayNumber } from '@habit-tracker/core';
import { LIMITS } from '@habit-tracker/vocabulary';
import type { Database, SqlValue } from 'sql.js';
import { finishImport, report, type Where } from '../finish-import';
import type { ImportDocument } from '../import-document';
import { excerpt, importFailure, ProblemList } from '../import-error';
import {
  checkEntries,
  checkHabits,
  checkSize,
  type ParseOptions,
  type ResolvedOptions,
  resolveOptions,
} from '../options';
import { columnsOf, readSqliteFile, rows } from '../sqlite/sqlite-file';
import { type ImportWarning, warning } from '../warnings';
import { buildLoopHabit, numberPositions } from './build-habit';
import type { LoopEntry, LoopHabit } from './loop-habit';
import { LOOP_DEFAULT_COLOR, loopColorToHex } from './palette';
import { LOOP_YES_MANUAL } from './values';

const DAY_MS = 86_400_000;
/**
 * The newest schema version we know: uhabits-core's DATABASE_VERSION from Loop 2.1.0 to 2.3.1
 * (version 26 exists only in unmerged development branches, each with different changes).
 */
export const LOOP_SCHEMA_VERSION = 25;

const text = (v: SqlValue | undefined): string => (typeof v === 'string' ? v : '');
const num = (v: SqlValue | undefined): number | null => (typeof v === 'number' ? v : null);

function readHabit(
  row: Record<string, SqlValue>,
  version: number,
  file: string,
  problems: ProblemList,
): LoopHabit | null {
  const name = text(row.name);
  const at: Where = {
    file,
    what: `Habit "${excerpt(name)}"`,
    table: 'Habits',
    row: Number(row.id),
  };
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
    color: color === null ? LOOP_DEFAULT_COLOR : loopColorToHex(color, version),
    type: type === 1 ? 'numerical' : 'yes_no',
    // Before the type column (v16) every habit was yes/no.
    typeKnown: true,
    numerator,
    denominator,
    unit: text(row.unit),
    targetType: num(row.target_type) === 1 ? 'at_most' : 'at_least',
    targetValue: num(row.target_value) ?? 0,
    archived: num(row.archived) === 1,
    at,
  };
}

/** Longest text read from a column: one more than the API accepts, so "too long" is still seen. */
const TEXT_CAPS = {
  name: LIMITS.nameMax + 1,
  question: LIMITS.descriptionMax + 1,
  description: LIMITS.descriptionMax + 1,
  unit: LIMITS.unitMax + 1,
  uuid: 64,
  notes: LIMITS.noteMax + 1,
} as const;

/**
 * Reading a table must cost what its stored rows weigh and no more: a view, a virtual table or a
 * generated column computes its rows at read time (a 12 KB file can produce gigabytes), and a
 * trigger has no business in a backup. Loop's own backups have none of them.
 */
function refuseComputedTables(db: Database, file: string): void {
  const objects = rows(
    db,
    `select type, lower(name) as name, lower(tbl_name) as tbl, coalesce(sql, '') like 'create virtual%' as virtual
     from sqlite_master
     where lower(tbl_name) in ('habits', 'repetitions') or lower(name) in ('habits', 'repetitions')`,
  );
  for (const object of objects) {
    const table = object.tbl === 'habits' ? 'Habits' : 'Repetitions';
    if (object.type === 'view' || object.type === 'trigger') {
      throw importFailure(
        file,
        `This database has a ${object.type} on the ${table} table; a Loop Habit Tracker backup has none, so it is not read`,
      );
    }
    if (object.type === 'table' && object.virtual === 1) {
      throw importFailure(
        file,
        `The ${table} table is a virtual table; a Loop Habit Tracker backup has none, so it is not read`,
      );
    }
  }
  for (const table of ['Habits', 'Repetitions']) {
    // table_xinfo's `hidden`: 2 and 3 are generated columns (virtual, stored).
    const generated = rows(db, `pragma table_xinfo(${table})`).filter((c) => Number(c.hidden) >= 2);
    if (generated.length > 0) {
      throw importFailure(
        file,
        `The ${table} table has generated columns; a Loop Habit Tracker backup has none, so it is not read`,
      );
    }
  }
}

/** `substr(col, 1, cap)` when the table has the column, else null: older backups lack some. */
function capped(columns: Set<string>, column: keyof typeof TEXT_CAPS): string {
  return columns.has(column)
    ? `case when typeof(${column}) = 'text' then substr(${column}, 1, ${TEXT_CAPS[column]}) end`
    : 'null';
}

function numeric(columns: Set<string>, column: string): string {
  return columns.has(column)
    ? `case when typeof(${column}) in ('integer', 'real') then ${column} end`
    : 'null';
}

/**
 * Loop's habit groups by id, when the backup has them (names trimmed and capped, empty ones left
 * out). Read only from a plain table, like Habits and Repetitions (see refuseComputedTables),
 * and at most 1,000 of them: more groups than any Loop user has.
 */
function readGroupNames(db: Database): Map<number, string> {
  const names = new Map<number, string>();
  const table = rows(
    db,
    `select coalesce(sql, '') like 'create virtual%' as virtual from sqlite_master
     where type = 'table' and lower(name) = 'habitgroups'`,
  )[0];
  if (!table || table.virtual === 1) return names;
  if (rows(db, 'pragma table_xinfo(HabitGroups)').some((c) => Number(c.hidden) >= 2)) return names;
  const found = rows(
    db,
    `select typeof(id) = 'integer' as ok, id,
       case when typeof(name) = 'text' then substr(name, 1, ${LIMITS.groupNameMax + 20}) end as name
     from HabitGroups limit 1000`,
  );
  for (const row of found) {
    const name = text(row.name).trim().slice(0, LIMITS.groupNameMax);
    if (row.ok === 1 && name) names.set(Number(row.id), name);
  }
  return names;
}

function readDatabase(db: Database, file: string, options: ResolvedOptions): ImportDocument {
  refuseComputedTables(db, file);
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
  const warnings: ImportWarning[] = [];
  const version = num(rows(db, 'pragma user_version')[0]?.user_version) ?? 0;
  if (version > LOOP_SCHEMA_VERSION) {
    warnings.push(
      warning(
        'newer_loop_version',
        { version, known: LOOP_SCHEMA_VERSION },
        `The backup comes from a newer or modified Loop (database version ${version}, this app knows ${LOOP_SCHEMA_VERSION}); anything it added is not imported.`,
      ),
    );
  }

  const habitColumns = columnsOf(db, 'Habits');
  const habitCount = num(rows(db, 'select count(*) as n from Habits')[0]?.n) ?? 0;
  checkHabits(file, habitCount, options.maxHabits);
  // Only the columns we use, each with its type checked and its length capped in SQLite, so no
  // stored value becomes a string longer than the API would accept (plus one, to say so).
  const habitRows = rows(
    db,
    `select ${numeric(habitColumns, 'id')} as id, ${capped(habitColumns, 'name')} as name, ${capped(habitColumns, 'question')} as question,
       ${capped(habitColumns, 'description')} as description, ${capped(habitColumns, 'unit')} as unit,
       ${capped(habitColumns, 'uuid')} as uuid,
       ${[
         'type',
         'freq_num',
         'freq_den',
         'color',
         'position',
         'target_type',
         'target_value',
         'archived',
         'reminder_hour',
         'parent_id',
       ]
         .map((c) => `${numeric(habitColumns, c)} as ${c}`)
         .join(', ')}
     from Habits order by position, id`,
  );
  const habits = new Map<number, LoopHabit>();
  const habitIds = new Set(habitRows.map((row) => Number(row.id)));
  const groups = readGroupNames(db);
  for (const row of habitRows) {
    // No version at all is not Loop's doing (its files all have one): read colours as today's.
    const habit = readHabit(row, version === 0 ? LOOP_SCHEMA_VERSION : version, file, problems);
    const group = habitColumns.has('parent_id') ? groups.get(Number(row.parent_id)) : undefined;
    if (habit) habits.set(Number(row.id), group ? { ...habit, group } : habit);
  }
  if (habitRows.some((r) => r.reminder_hour !== null)) {
    warnings.push(
      warning(
        'reminders_not_imported',
        { app: 'Loop' },
        'Reminders set in Loop are not imported; set them again here.',
      ),
    );
  }

  const labels = new Map([...habits].map(([id, h]) => [id, `Check mark of "${excerpt(h.name)}"`]));
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
    `select ${numeric(repetitionColumns, 'id')}, ${numeric(repetitionColumns, 'habit')}, ${numeric(repetitionColumns, 'timestamp')},
       ${hasValue ? numeric(repetitionColumns, 'value') : 'null'}, ${hasNotes ? capped(repetitionColumns, 'notes') : 'null'}
     from Repetitions order by habit, timestamp, id`,
  );
  let noteChars = 0;
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
      const note = text(notesValue);
      noteChars += note.length;
      // Capped notes can still add up: they share the budget text has in the CSV readers.
      if (noteChars > options.maxTextBytes) {
        throw importFailure(
          file,
          `Its notes hold more than ${options.maxTextBytes} characters, more than an import reads`,
        );
      }
      const list = entries.get(habitId) ?? [];
      if (list.length === 0) entries.set(habitId, list);
      list.push({ date, value: { code: value }, note, at });
    }
  } finally {
    statement.free();
  }
  if (orphans > 0) {
    warnings.push(
      warning(
        'orphan_checkmarks_skipped',
        { count: orphans },
        `${orphans} check marks of deleted habits were skipped.`,
      ),
    );
  }
  if (duplicates > 0) {
    warnings.push(
      warning(
        'duplicate_checkmarks_skipped',
        { count: duplicates },
        `${duplicates} repeated check marks (same habit and day) were skipped.`,
      ),
    );
  }
  if (offMidnight > 0) {
    warnings.push(
      warning(
        'checkmarks_off_midnight',
        { count: offMidnight },
        `${offMidnight} check marks were not at midnight UTC; each is placed on its UTC day.`,
      ),
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
