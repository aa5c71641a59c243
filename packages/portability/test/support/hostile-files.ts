/**
 * Hostile import files, generated rather than stored: each is a small upload built to make a
 * naive reader spend unbounded time or memory (issue 13). Used by the package's own tests and by
 * the reliability suite, which sends them to a real server with the production heap cap.
 *
 * Zips are assembled byte by byte here (fflate would write honest headers), so they can lie.
 */
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { zipSync } from 'fflate';
import { loadSqlJs } from '../../src/sqlite/load-sql-js';

const encoder = new TextEncoder();

interface RawEntry {
  name: string;
  /** The bytes as stored (deflated when `method` is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** What the headers claim the entry unpacks to (the truth, or a lie). */
  declaredSize: number;
}

/** A zip whose headers say exactly what `entries` claim, with no checks at all. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.declaredSize, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, entry.data);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(10, entry.method, true);
    header.setUint32(20, entry.data.length, true);
    header.setUint32(24, entry.declaredSize, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat([...parts, ...central, new Uint8Array(end.buffer)]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const LOOP_HABITS_HEADER =
  'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n';

function loopHabitsCsv(names: string[]): string {
  return (
    LOOP_HABITS_HEADER +
    names
      .map((name, i) => {
        const quoted = /[",\n]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name;
        return `${String(i + 1).padStart(3, '0')},${quoted},YES_NO,,,1,1,#FF8F00,,AT_LEAST,0.0,false\n`;
      })
      .join('')
  );
}

/**
 * Attack 1: a zip whose zip64 end record claims `entries` entries (about four billion by
 * default) in a file of a few hundred bytes. A reader that walks the claimed count keeps an
 * object per entry until the heap runs out.
 */
export function zip64EntryCountBomb(entries = 0xffff_fffe): Uint8Array {
  // One real (empty) local file first, so the file starts like any zip.
  const name = encoder.encode('Habits.csv');
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 45, true);
  local.setUint16(26, name.length, true);
  const localBytes = concat([new Uint8Array(local.buffer), name]);
  const zip64EndAt = localBytes.length;

  const zip64End = new DataView(new ArrayBuffer(56));
  zip64End.setUint32(0, 0x06064b50, true);
  zip64End.setBigUint64(4, 44n, true); // size of the rest of the record
  zip64End.setUint16(12, 45, true);
  zip64End.setUint16(14, 45, true);
  zip64End.setBigUint64(24, BigInt(entries), true); // entries on this disk
  zip64End.setBigUint64(32, BigInt(entries), true); // entries in all
  zip64End.setBigUint64(40, 46n * BigInt(entries), true); // central directory size
  zip64End.setBigUint64(48, BigInt(zip64EndAt), true); // …and where it starts

  const locator = new DataView(new ArrayBuffer(20));
  locator.setUint32(0, 0x07064b50, true);
  locator.setBigUint64(8, BigInt(zip64EndAt), true);
  locator.setUint32(16, 1, true);

  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 0xffff, true);
  end.setUint16(10, 0xffff, true);
  end.setUint32(12, 0xffffffff, true);
  end.setUint32(16, 0xffffffff, true);
  return concat([
    localBytes,
    new Uint8Array(zip64End.buffer),
    new Uint8Array(locator.buffer),
    new Uint8Array(end.buffer),
  ]);
}

/**
 * Raw deflate data that inflates to `megabytes` MiB of zeros, built without compressing them:
 * one MiB compressed with a full flush (a byte-aligned, non-final block that references nothing
 * before it) repeated, then an empty final block. About 1,000:1.
 */
export function zerosDeflated(megabytes: number): Uint8Array {
  const block = deflateRawSync(new Uint8Array(1024 * 1024), {
    level: 9,
    finishFlush: zlibConstants.Z_FULL_FLUSH,
  });
  const out = new Uint8Array(block.length * megabytes + 2);
  for (let i = 0; i < megabytes; i++) out.set(block, i * block.length);
  // A final fixed-Huffman block holding only its end-of-block code.
  out.set([0x03, 0x00], block.length * megabytes);
  return out;
}

/**
 * Attack 3: a Loop CSV zip whose Checkmarks.csv declares `declaredSize` bytes (1,000) but
 * inflates to `inflatesToMegabytes` MiB. A reader that trusts the declared size, or inflates
 * the whole entry in one call, freezes or dies; the upload is about a thousandth of that.
 */
export function lyingSizeZip(inflatesToMegabytes: number, declaredSize = 1_000): Uint8Array {
  const habits = encoder.encode(loopHabitsCsv(['Run']));
  return rawZip([
    { name: 'Habits.csv', data: habits, method: 0, declaredSize: habits.length },
    {
      name: 'Checkmarks.csv',
      data: zerosDeflated(inflatesToMegabytes),
      method: 8,
      declaredSize,
    },
  ]);
}

/** Attack 3, honest variant: the zip says it unpacks to gigabytes (refused before inflating). */
export function honestBombZip(inflatesToMegabytes: number): Uint8Array {
  const habits = encoder.encode(loopHabitsCsv(['Run']));
  return rawZip([
    { name: 'Habits.csv', data: habits, method: 0, declaredSize: habits.length },
    {
      name: 'Checkmarks.csv',
      data: zerosDeflated(inflatesToMegabytes),
      method: 8,
      declaredSize: Math.min(0xffff_fffe, inflatesToMegabytes * 1024 * 1024),
    },
  ]);
}

/**
 * Attack 2: Loop's root Checkmarks.csv with `columns` habit columns (and Habits.csv naming that
 * many habits), which a cubic column matcher takes minutes over.
 */
export function wideCheckmarksZip(columns: number, rows = 1): Uint8Array {
  const names = Array.from({ length: columns }, (_, i) => `Habit ${i}`);
  const header = `Date,${names.join(',')},\n`;
  const row = (d: number) =>
    `2024-01-${String((d % 28) + 1).padStart(2, '0')},${'YES_MANUAL,'.repeat(columns)}\n`;
  const checkmarks = header + Array.from({ length: rows }, (_, d) => row(d)).join('');
  return zipSync({
    'Habits.csv': encoder.encode(loopHabitsCsv(names)),
    'Checkmarks.csv': encoder.encode(checkmarks),
  });
}

/**
 * Attack 2, worst case for matching names with commas: `habits` habits whose names are `depth`
 * cells "a,a,…,a,<i>", and a header of `columns` cells "a" that almost, but never, matches one.
 */
export function commaNamesZip(habits: number, depth: number, columns: number): Uint8Array {
  const names = Array.from({ length: habits }, (_, i) => `${'a,'.repeat(depth - 1)}${i}`);
  const header = `Date,${'a,'.repeat(columns)}\n`;
  return zipSync({
    'Habits.csv': encoder.encode(loopHabitsCsv(names)),
    'Checkmarks.csv': encoder.encode(`${header}2024-01-01,${'NO,'.repeat(columns)}\n`),
  });
}

/**
 * Attack 4: a Loop CSV zip whose Habits.csv has `rows` rows of a few bytes each (4 million:
 * 32 MB unpacked from a ~50 KB zip), each of which a naive reader turns into objects.
 */
export function manyHabitRowsZip(rows: number): Uint8Array {
  const header = 'Position,Name,NumRepetitions,Interval\n';
  const text = header + '1,a,1,1\n'.repeat(rows);
  return zipSync(
    {
      'Habits.csv': encoder.encode(text),
      'Checkmarks.csv': encoder.encode('Date,a,\n'),
    },
    { level: 9 },
  );
}

/** Attack 4 again: one habit with `rows` rows of check marks (a per-habit Checkmarks.csv). */
export function manyCheckmarkRowsZip(rows: number): Uint8Array {
  const text = `Date,Value,Notes\n${'2024-01-01,YES_MANUAL,\n'.repeat(rows)}`;
  return zipSync(
    {
      'Habits.csv': encoder.encode(loopHabitsCsv(['Run'])),
      '001 Run/Checkmarks.csv': encoder.encode(text),
    },
    { level: 9 },
  );
}

/** A Loop Habits.csv whose one habit name is `chars` long (a 1 MB cell). */
export function longCellZip(chars: number): Uint8Array {
  return zipSync({
    'Habits.csv': encoder.encode(loopHabitsCsv(['x'.repeat(chars)])),
    'Checkmarks.csv': encoder.encode('Date,x,\n2024-01-01,YES_MANUAL,\n'),
  });
}

const LOOP_TABLES = {
  habits: `create table Habits (id integer primary key autoincrement, archived integer,
    color integer, description text, freq_den integer, freq_num integer, highlight integer,
    name text, position integer, reminder_hour integer, reminder_min integer,
    reminder_days integer not null default 127, type integer not null default 0,
    target_type integer not null default 0, target_value real not null default 0,
    unit text not null default "", question text, uuid text)`,
  repetitions: `create table Repetitions (id integer primary key autoincrement,
    habit integer not null references habits(id), timestamp integer not null,
    value integer not null, notes text)`,
};

export type HostileSqliteKind =
  /** Habit names from a generated column: 10 MB strings computed on every read. */
  | 'generated-column'
  /** Repetitions is a view: a recursive query producing rows forever. */
  | 'view'
  /** A trigger on a table the importer reads. */
  | 'trigger'
  /** `rows` real habit rows (more than an import accepts). */
  | 'many-habits'
  /** A stored 1 MB habit name and note (must be cut short, never echoed). */
  | 'long-text';

/** Attack 4's SQLite form: a small Loop backup whose reading costs far more than its size. */
export async function hostileLoopDb(kind: HostileSqliteKind, rows = 2_000): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    let habits = LOOP_TABLES.habits;
    const repetitions = LOOP_TABLES.repetitions;
    if (kind === 'generated-column') {
      habits = habits.replace(
        'name text,',
        "name text generated always as (printf('%.*c', 10000000, 'x')) virtual,",
      );
    }
    db.exec(`${habits}; pragma user_version = 24;`);
    if (kind === 'view') {
      db.exec(`create view Repetitions as
        with recursive n(i) as (select 1 union all select i + 1 from n)
        select i as id, 1 as habit, i * 86400000 as timestamp, 2 as value, '' as notes from n`);
    } else {
      db.exec(repetitions);
    }
    if (kind === 'trigger') {
      db.exec(`create trigger grow after insert on Repetitions begin
        insert into Repetitions (habit, timestamp, value) values (new.habit, new.timestamp + 1, 2);
        end`);
    }
    const count = kind === 'many-habits' ? rows : 3;
    const name = kind === 'long-text' ? 'x'.repeat(1_000_000) : 'Run';
    db.run('begin');
    for (let i = 1; i <= count; i++) {
      if (kind === 'generated-column') {
        db.run('insert into Habits (id, freq_den, freq_num, position) values (?, 1, 1, ?)', [i, i]);
      } else {
        db.run(
          'insert into Habits (id, name, freq_den, freq_num, position) values (?, ?, 1, 1, ?)',
          [i, i === 1 ? name : `Habit ${i}`, i],
        );
      }
    }
    if (kind !== 'view') {
      db.run('insert into Repetitions (habit, timestamp, value, notes) values (1, ?, 2, ?)', [
        1_704_067_200_000,
        kind === 'long-text' ? 'n'.repeat(1_000_000) : '',
      ]);
    }
    db.run('commit');
    return db.export();
  } finally {
    db.close();
  }
}

/*
 * Issue 18's new surfaces: JSON from other habit apps, and HabitBull's CSV. JSON.parse builds an
 * object for every value, so the text's size alone does not bound the memory.
 */

/** JSON nested `depth` arrays deep inside Beaver's shape (2 bytes a level). */
export function deepJson(depth: number): Uint8Array {
  return encoder.encode(
    `{"user_email":"","habits":[{"name":"a","records":${'['.repeat(depth)}${']'.repeat(depth)}}]}`,
  );
}

/** `count` empty objects as one habit's records: a few bytes each, an object each once parsed. */
export function manyValuesJson(count: number): Uint8Array {
  const head = encoder.encode('{"user_email":"","habits":[{"name":"a","records":[');
  const item = encoder.encode('{},');
  const tail = encoder.encode('{}]}]}');
  const out = new Uint8Array(head.length + item.length * count + tail.length);
  out.set(head);
  for (let i = 0; i < count; i++) out.set(item, head.length + i * item.length);
  out.set(tail, head.length + item.length * count);
  return out;
}

/** A well-formed Beaver export with `count` records, more than an import accepts. */
export function manyBeaverRecords(count: number): Uint8Array {
  const record = '{"day":"2025-01-01","done":true},';
  return encoder.encode(
    `{"user_email":"","habits":[{"name":"a","records":[${record.repeat(count - 1)}{"day":"2025-01-02","done":true}]}]}`,
  );
}

/** Habitica's export with one daily of `count` history entries. */
export function manyHabiticaEntries(count: number): Uint8Array {
  const entry = '{"date":1741600000000,"value":1,"completed":true},';
  return encoder.encode(
    `{"_id":"x","preferences":{"timezoneOffset":0,"dayStart":0},"tasks":{"dailys":[{"_id":"d","text":"a","frequency":"daily","history":[${entry.repeat(count)}{"date":1741600000000,"value":1}]}]}}`,
  );
}

/** HabitBull's CSV with `rows` rows of one habit. */
export function manyHabitBullRows(rows: number): Uint8Array {
  return encoder.encode(
    `HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\n${'a,,c,2022-11-21,1,\n'.repeat(rows)}`,
  );
}

/** HabitBull's CSV whose one comment is `chars` long. */
export function longHabitBullCell(chars: number): Uint8Array {
  return encoder.encode(
    `HabitName,HabitDescription,HabitCategory,CalendarDate,Value,CommentText\na,,c,2022-11-21,1,${'x'.repeat(chars)}\n`,
  );
}
