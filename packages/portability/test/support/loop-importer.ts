/**
 * What Loop Habit Tracker's own importer checks and reads, written out from its source
 * (uhabits-core io/LoopDBImporter.kt canHandle and importHabitsFromFile, Repository.kt,
 * models/sqlite/records/HabitRecord.kt copyTo and EntryRecord.kt, models/Timestamp.kt,
 * HabitType.fromInt, NumericalHabitType.fromInt, PaletteColor; 2.1.0–2.3.1, database version
 * 25). No JVM runs here, so this is the next best thing: every condition that would make Loop
 * refuse the file or throw while importing it, as a list of what is wrong (empty: Loop takes it).
 */
import type { Database, SqlValue } from 'sql.js';
import { loadSqlJs } from '../../src/sqlite/load-sql-js';

const LOOP_DATABASE_VERSION = 25;
const DAY_MS = 86_400_000;

function all(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const statement = db.prepare(sql);
  statement.bind(params);
  const out: Record<string, SqlValue>[] = [];
  while (statement.step()) out.push(statement.getAsObject());
  statement.free();
  return out;
}

export interface LoopView {
  habits: Record<string, SqlValue>[];
  /** Repetitions by habit id, as EntryRecord selects them. */
  repetitions: Map<number, Record<string, SqlValue>[]>;
}

/** Loop's verdict on a file, and what its importer would read from it. */
export async function loopImporterReads(
  bytes: Uint8Array,
): Promise<{ problems: string[]; view: LoopView }> {
  const problems: string[] = [];
  // isSQLite3File: the first 15 bytes.
  if (new TextDecoder().decode(bytes.slice(0, 15)) !== 'SQLite format 3') {
    problems.push('not a SQLite 3 file');
  }
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  try {
    // canHandle: exactly two objects named (case-sensitively) Habits and Repetitions.
    const named = all(
      db,
      "select count(*) as n from SQLITE_MASTER where name='Habits' or name='Repetitions'",
    )[0]!.n;
    if (named !== 2) problems.push(`${named} objects named Habits or Repetitions, not 2`);
    const version = all(db, 'pragma user_version')[0]!.user_version as number;
    if (version > LOOP_DATABASE_VERSION) problems.push(`version ${version} > 25`);
    // Version 25: MigrationHelper runs nothing. Below it would run the missing migrations.
    if (version !== LOOP_DATABASE_VERSION) problems.push(`version ${version}, not 25`);
    if (all(db, 'pragma integrity_check')[0]!.integrity_check !== 'ok') {
      problems.push('integrity_check fails');
    }
    // Repository<HabitRecord>.findAll("order by position"): every @Column, by name.
    const habits = all(
      db,
      `select description, question, name, freq_num, freq_den, color, position, reminder_hour,
         reminder_min, reminder_days, highlight, archived, type, target_value, target_type, unit,
         id, uuid from habits order by position`,
    );
    const uuids = new Set<string>();
    for (const h of habits) {
      const label = `habit ${h.id}`;
      // HabitRecord.copyTo reads these with !!.
      for (const column of [
        'name',
        'description',
        'question',
        'freq_num',
        'freq_den',
        'color',
        'archived',
        'type',
        'target_type',
        'target_value',
        'unit',
        'position',
      ]) {
        if (h[column] === null || h[column] === undefined)
          problems.push(`${label}: ${column} is NULL`);
      }
      if (![0, 1].includes(h.type as number)) problems.push(`${label}: type ${h.type}`);
      if (![0, 1].includes(h.target_type as number))
        problems.push(`${label}: target_type ${h.target_type}`);
      const color = h.color as number;
      if (!Number.isInteger(color) || color < 0 || color > 19)
        problems.push(`${label}: color ${color}`);
      if ((h.freq_num as number) < 1 || (h.freq_den as number) < 1) {
        problems.push(`${label}: frequency ${h.freq_num}/${h.freq_den}`);
      }
      if (h.reminder_hour !== null && h.reminder_min !== null && h.reminder_days === null) {
        problems.push(`${label}: reminder without days`);
      }
      // getByUUID(uuid)!! after creating it: the uuid must be there and its own.
      const uuid = h.uuid as string | null;
      if (!uuid) problems.push(`${label}: no uuid`);
      else if (uuids.has(uuid)) problems.push(`${label}: uuid ${uuid} twice`);
      else uuids.add(uuid);
    }
    const repetitions = new Map<number, Record<string, SqlValue>[]>();
    for (const h of habits) {
      // Repository<EntryRecord>.findAll("where habit = ?").
      const rows = all(
        db,
        'select habit, timestamp, value, id, notes from Repetitions where habit = ? order by timestamp',
        [h.id as number],
      );
      for (const r of rows) {
        const t = r.timestamp as number | null;
        // Timestamp(ms) requires ≥ 0 and a whole day (it truncates otherwise: we never rely on it).
        if (t === null || t < 0 || t % DAY_MS !== 0)
          problems.push(`repetition ${r.id}: timestamp ${t}`);
        if (r.value === null) problems.push(`repetition ${r.id}: value is NULL`);
      }
      repetitions.set(h.id as number, rows);
    }
    const orphans = all(
      db,
      'select count(*) as n from Repetitions where habit not in (select id from Habits)',
    )[0]!.n;
    if (orphans !== 0) problems.push(`${orphans} repetitions of no habit`);
    return { problems, view: { habits, repetitions } };
  } finally {
    db.close();
  }
}
