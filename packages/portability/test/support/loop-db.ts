/** Loop's database backups built with sql.js, in the schema of Loop's migrations. */
import { toDayNumber } from '@habit-tracker/core';
import { loadSqlJs } from '../../src/sqlite/load-sql-js';
import type { LoopFixtureHabit } from './loop-fixtures';

/** Loop 2.x (database version 24, plus the notes column of 2.1). */
const MODERN_SCHEMA = `
create table Habits (
  id integer primary key autoincrement, archived integer, color integer, description text,
  freq_den integer, freq_num integer, highlight integer, name text, position integer,
  reminder_hour integer, reminder_min integer, reminder_days integer not null default 127,
  type integer not null default 0, target_type integer not null default 0,
  target_value real not null default 0, unit text not null default "", question text, uuid text);
create table Repetitions (
  id integer primary key autoincrement, habit integer not null references habits(id),
  timestamp integer not null, value integer not null, notes text);
create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
pragma user_version = 24;`;

/** Loop 1.x before measurable habits (version 9 schema): every repetition is a check. */
const LEGACY_SCHEMA = `
create table Habits (
  id integer primary key autoincrement, archived integer, color integer, description text,
  freq_den integer, freq_num integer, skip_days integer, skip_days_list integer,
  highlight integer, name text, position integer, reminder_hour integer, reminder_min integer);
create table Repetitions (
  id integer primary key autoincrement, habit integer references habits(id), timestamp integer);
pragma user_version = 9;`;

export const DAY_MS = 86_400_000;
export const timestampOf = (date: string) => toDayNumber(date) * DAY_MS;

export async function loopDb(
  habits: LoopFixtureHabit[],
  options: {
    schema?: 'modern' | 'legacy';
    /** Extra SQL run last (extra rows, broken data). */
    extraSql?: string;
  } = {},
): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  const legacy = options.schema === 'legacy';
  db.exec(legacy ? LEGACY_SCHEMA : MODERN_SCHEMA);
  db.run('begin');
  habits.forEach((h, i) => {
    const id = i + 1;
    if (legacy) {
      db.run(
        `insert into Habits (id, archived, color, description, freq_den, freq_num, highlight,
           name, position, reminder_hour, reminder_min) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
        [
          id,
          h.archived ? 1 : 0,
          h.colorIndex ?? 8,
          h.description ?? '',
          h.den ?? 1,
          h.num ?? 1,
          h.name,
          i,
          h.reminderHour ?? null,
          h.reminderHour == null ? null : 0,
        ],
      );
    } else {
      db.run(
        `insert into Habits (id, archived, color, description, freq_den, freq_num, highlight, name,
           position, reminder_hour, reminder_min, type, target_type, target_value, unit, question,
           uuid) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          h.archived ? 1 : 0,
          h.colorIndex ?? 8,
          h.description ?? '',
          h.den ?? 1,
          h.num ?? 1,
          h.name,
          i,
          h.reminderHour ?? null,
          h.reminderHour == null ? null : 0,
          h.type === 'NUMERICAL' ? 1 : 0,
          h.targetType === 'AT_MOST' ? 1 : 0,
          h.targetValue ?? 0,
          h.unit ?? '',
          h.question ?? '',
          h.uuid ?? `uuid-${id}`,
        ],
      );
    }
    const insert = db.prepare(
      legacy
        ? 'insert into Repetitions (habit, timestamp) values (?, ?)'
        : 'insert into Repetitions (habit, timestamp, value, notes) values (?, ?, ?, ?)',
    );
    for (const e of h.entries) {
      insert.run(
        legacy ? [id, timestampOf(e.date)] : [id, timestampOf(e.date), e.value, e.notes ?? null],
      );
    }
    insert.free();
  });
  db.run('commit');
  if (options.extraSql) db.exec(options.extraSql);
  const bytes = db.export();
  db.close();
  return bytes;
}
