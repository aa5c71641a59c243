/**
 * Loop's database backups built with sql.js, in the shapes Loop's history left (read from
 * uhabits' migrations and ActiveAndroid, not copied):
 *
 * - 'modern': a database created by Loop 1.8+ and now at version 25 (Loop 2.1.0–2.3.1).
 * - 'activeandroid': created and last written by Loop 1.x (versions 9–15): ActiveAndroid names
 *   every key `Id`, colours are ARGB integers (before 14) or 13-colour indexes (14–15),
 *   Repetitions has no value column, and the caches Checkmarks, Score and Streak are there — the
 *   shape of Loop's own test fixture loop.db (version 12).
 * - 'upgraded': created by 1.x, then upgraded to 25 by 2.x: Habits keeps `Id` with every later
 *   column appended; Repetitions was recreated (migration 22) with a lower-case `id`.
 */
import { toDayNumber } from '@habit-tracker/core';
import { loadSqlJs } from '../../src/sqlite/load-sql-js';
import type { LoopFixtureHabit } from './loop-fixtures';

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
create table Events (id integer primary key autoincrement, timestamp integer, message text,
  server_id integer);
pragma user_version = 25;`;

/** ActiveAndroid's tables, columns in its field order, keys named `Id`. */
const activeAndroidSchema = (version: number) => `
create table android_metadata (locale text);
create table Habits (Id integer primary key autoincrement, archived integer, color integer,
  description text, freq_den integer, freq_num integer, highlight integer, name text,
  position integer, reminder_days integer, reminder_hour integer, reminder_min integer);
create table Repetitions (Id integer primary key autoincrement,
  habit integer references Habits(Id) on delete no action on update no action, timestamp integer);
create table Checkmarks (Id integer primary key autoincrement,
  habit integer references Habits(Id) on delete no action on update no action,
  timestamp integer, value integer);
create table Score (Id integer primary key autoincrement,
  habit integer references Habits(Id) on delete no action on update no action,
  score integer, timestamp integer);
create table Streak (Id integer primary key autoincrement, end integer,
  habit integer references Habits(Id) on delete no action on update no action,
  length integer, start integer);
pragma user_version = ${version};`;

/** An ActiveAndroid Habits table carried through migrations 16–25; Repetitions rebuilt by 22. */
const UPGRADED_SCHEMA = `
create table android_metadata (locale text);
create table Habits (Id integer primary key autoincrement, archived integer, color integer,
  description text, freq_den integer, freq_num integer, highlight integer, name text,
  position integer, reminder_days integer not null default 127, reminder_hour integer,
  reminder_min integer, type integer not null default 0, target_type integer not null default 0,
  target_value real not null default 0, unit text not null default "", question text, uuid text);
create table Repetitions (id integer primary key autoincrement,
  habit integer not null references habits(id), timestamp integer not null,
  value integer not null, notes text);
create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
create table Events (id integer primary key autoincrement, timestamp integer, message text,
  server_id integer);
pragma user_version = 25;`;

export const DAY_MS = 86_400_000;
export const timestampOf = (date: string) => toDayNumber(date) * DAY_MS;

export type LoopDbShape = 'modern' | 'activeandroid' | 'upgraded';

export async function loopDb(
  habits: LoopFixtureHabit[],
  options: {
    schema?: LoopDbShape;
    /** user_version of an 'activeandroid' file (default 12, like Loop's loop.db). */
    version?: number;
    /** Habit ids from this one on (ActiveAndroid's start where deleted habits left off). */
    firstId?: number;
    /** Extra SQL run last (extra rows, broken data). */
    extraSql?: string;
  } = {},
): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  const shape = options.schema ?? 'modern';
  const oneX = shape === 'activeandroid';
  db.exec(
    shape === 'modern'
      ? MODERN_SCHEMA
      : shape === 'upgraded'
        ? UPGRADED_SCHEMA
        : activeAndroidSchema(options.version ?? 12),
  );
  const key = shape === 'modern' ? 'id' : 'Id';
  db.run('begin');
  habits.forEach((h, i) => {
    const id = (options.firstId ?? 1) + i;
    const common = [
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
    ];
    if (oneX) {
      db.run(
        `insert into Habits (Id, archived, color, description, freq_den, freq_num, highlight,
           name, position, reminder_hour, reminder_min, reminder_days)
         values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 127)`,
        common,
      );
    } else {
      db.run(
        `insert into Habits (${key}, archived, color, description, freq_den, freq_num, highlight,
           name, position, reminder_hour, reminder_min, type, target_type, target_value, unit,
           question, uuid) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          ...common,
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
      oneX
        ? 'insert into Repetitions (habit, timestamp) values (?, ?)'
        : 'insert into Repetitions (habit, timestamp, value, notes) values (?, ?, ?, ?)',
    );
    for (const e of h.entries) {
      insert.run(
        oneX ? [id, timestampOf(e.date)] : [id, timestampOf(e.date), e.value, e.notes ?? null],
      );
    }
    insert.free();
    if (oneX) {
      // Loop 1.x's caches: rows the importer must not take for data.
      db.run('insert into Checkmarks (habit, timestamp, value) values (?, ?, 2)', [id, 0]);
      db.run('insert into Score (habit, score, timestamp) values (?, 12345, 0)', [id]);
    }
  });
  db.run('commit');
  if (options.extraSql) db.exec(options.extraSql);
  const bytes = db.export();
  db.close();
  return bytes;
}
