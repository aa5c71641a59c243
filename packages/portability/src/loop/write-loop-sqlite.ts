/**
 * A Loop Habit Tracker backup (`.db`) of an account's habits, for Loop's Settings → Import data.
 *
 * What Loop's importer requires (uhabits-core LoopDBImporter.kt, HabitRecord.kt, EntryRecord.kt,
 * migrations 09–25, read for issue 18): a SQLite file whose tables are named exactly `Habits` and
 * `Repetitions`, `user_version` at most 25 (we write 25, so Loop runs no migration on it), every
 * column its records select, and no NULL where Kotlin reads with `!!` (name, description,
 * question, freq_num, freq_den, color, archived, type, target_type, target_value, unit, position;
 * a repetition's value); colour an index 0–19, type and target_type 0 or 1, timestamps at UTC
 * midnight, one repetition per habit and day, a non-empty uuid per habit (Loop merges a habit
 * whose uuid it already has instead of adding it twice). The layout is that of a database Loop
 * itself created: the same tables, columns, defaults and index, android_metadata included.
 *
 * What it holds: yes/no habits (2 done, 3 skipped), measurable ones (amount × 1000; Loop's
 * integers stop at 2,147,483,647, so larger amounts are capped; 0.003 is written 0.004, since 3
 * is Loop's "skipped"), a day with only a note (−1,
 * "unknown", with the note), colours as the nearest of Loop's 20, the description in Loop's
 * description. Schedules as Loop's "times in days": chosen weekdays become "so many times a
 * week". Measurable habits are written "per day" (1/1): their targets are per day here. Photos,
 * icons and reminders are not Loop's to hold.
 */

import type { Schedule } from '@habit-tracker/core';
import { toDayNumber } from '@habit-tracker/core';
import type { ExportHabit } from '../export/export-schema';
import { loadSqlJs } from '../sqlite/load-sql-js';
import { nearestLoopColor } from './palette';
import { LOOP_SCHEMA_VERSION } from './parse-loop-sqlite';
import { LOOP_SKIP, LOOP_UNKNOWN, LOOP_YES_MANUAL } from './values';

const SCHEMA = `
create table android_metadata (locale text);
insert into android_metadata values ('en_US');
create table Habits (
  id integer primary key autoincrement, archived integer, color integer, description text,
  freq_den integer, freq_num integer, highlight integer, name text, position integer,
  reminder_hour integer, reminder_min integer, reminder_days integer not null default 127,
  type integer not null default 0, target_type integer not null default 0,
  target_value real not null default 0, unit text not null default "", question text,
  uuid text);
create table Repetitions (
  id integer primary key autoincrement, habit integer not null references habits(id),
  timestamp integer not null, value integer not null, notes text);
create unique index idx_repetitions_habit_timestamp on Repetitions(habit, timestamp);
create table Events (
  id integer primary key autoincrement, timestamp integer, message text, server_id integer);
pragma user_version = ${LOOP_SCHEMA_VERSION};`;

const DAY_MS = 86_400_000;
const MAX_LOOP_VALUE = 2_147_483_647;

/** Loop's numerator/denominator for a schedule (Frequency.kt; num ≥ den is every day). */
export function loopFrequency(schedule: Schedule): { num: number; den: number } {
  switch (schedule.kind) {
    case 'daily':
      return { num: 1, den: 1 };
    case 'weekdays':
      return schedule.days.length >= 7 ? { num: 1, den: 1 } : { num: schedule.days.length, den: 7 };
    case 'times_per_week':
      return schedule.times >= 7 ? { num: 1, den: 1 } : { num: schedule.times, den: 7 };
    case 'times_per_month':
      return schedule.times >= 30 ? { num: 1, den: 1 } : { num: schedule.times, den: 30 };
    case 'every_n_days':
      return { num: 1, den: schedule.interval };
    case 'times_in_days':
      return { num: schedule.times, den: schedule.days };
  }
}

/**
 * An amount as Loop stores it: × 1000, within a Java int. 0.003 would read back as Loop's SKIP
 * (3), so it is written 0.004: a thousandth off beats a skipped day.
 */
export function loopAmount(amount: number): number {
  const value = Math.min(MAX_LOOP_VALUE, Math.round(amount * 1000));
  return value === LOOP_SKIP ? LOOP_SKIP + 1 : value;
}

/** The uuid Loop keys a habit by: ours, without dashes (stable, so a re-export updates it). */
export function loopUuid(habitId: string): string {
  return habitId.replaceAll('-', '').toLowerCase();
}

export interface LoopBackupOptions {
  /** Called between batches of rows, so a caller on an event loop can let others run. */
  pause?: () => Promise<void>;
}

/** The habits (in position order) as a Loop backup file. */
export async function createLoopBackup(
  habits: readonly Pick<
    ExportHabit,
    | 'id'
    | 'name'
    | 'description'
    | 'color'
    | 'measure'
    | 'schedule'
    | 'position'
    | 'archivedAt'
    | 'checkins'
  >[],
  options: LoopBackupOptions = {},
): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(SCHEMA);
    const insertHabit = db.prepare(
      `insert into Habits (archived, color, description, freq_den, freq_num, highlight, name,
         position, reminder_hour, reminder_min, reminder_days, type, target_type, target_value,
         unit, question, uuid)
       values (?, ?, ?, ?, ?, 0, ?, ?, null, null, 0, ?, ?, ?, ?, '', ?)`,
    );
    const insertRepetition = db.prepare(
      'insert into Repetitions (habit, timestamp, value, notes) values (?, ?, ?, ?)',
    );
    const ordered = [...habits].sort((a, b) => a.position - b.position);
    let rows = 0;
    try {
      db.exec('begin');
      for (const [position, habit] of ordered.entries()) {
        const numeric = habit.measure.kind === 'numeric';
        const { num, den } = numeric ? { num: 1, den: 1 } : loopFrequency(habit.schedule);
        insertHabit.run([
          habit.archivedAt === null ? 0 : 1,
          nearestLoopColor(habit.color),
          habit.description,
          den,
          num,
          habit.name,
          position,
          numeric ? 1 : 0,
          habit.measure.kind === 'numeric' && habit.measure.direction === 'at_most' ? 1 : 0,
          habit.measure.kind === 'numeric' ? habit.measure.target : 0,
          habit.measure.kind === 'numeric' ? habit.measure.unit : '',
          loopUuid(habit.id),
        ]);
        const habitId = db.exec('select last_insert_rowid()')[0]!.values[0]![0]!;
        for (const checkin of habit.checkins) {
          let value: number;
          if (checkin.state === 'skipped') value = LOOP_SKIP;
          else if (checkin.state === 'note') value = LOOP_UNKNOWN;
          else if (!numeric) value = LOOP_YES_MANUAL;
          else value = loopAmount(checkin.value ?? 0);
          insertRepetition.run([
            habitId,
            toDayNumber(checkin.date) * DAY_MS,
            value,
            checkin.note ?? null,
          ]);
          if (++rows % 5_000 === 0 && options.pause) {
            db.exec('commit');
            await options.pause();
            db.exec('begin');
          }
        }
      }
      db.exec('commit');
    } finally {
      insertHabit.free();
      insertRepetition.free();
    }
    return db.export();
  } finally {
    db.close();
  }
}
