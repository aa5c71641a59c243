/**
 * What a client knows about its check-in writes, checked against what the primary stored.
 *
 * A test records every write the server acknowledged (its Idempotency-Key, the check-in it set
 * or cleared, the body it got back). Writes to one check-in (habit + date) must be sent one at
 * a time, each after the previous one's acknowledgement — as the web app's outbox does — so the
 * last acknowledged write of each check-in is the state the primary must hold. `verify` then
 * reads the primary and counts, each of which must be 0:
 *
 * - lost: the last acknowledged write of a check-in is not what is stored (a put missing or
 *   different, a delete whose row is still there);
 * - reapplied: the stored row was written again after the write that was acknowledged (its
 *   updated_at differs from the acknowledged body's: a resend applied twice);
 * - phantom: a stored check-in no acknowledged write explains;
 * - missingRecords / extraRecords: an acknowledged write without its idempotency record, or a
 *   record (of this test's keys) no acknowledged write explains — a write and its record are one
 *   transaction, so either both exist or neither;
 * - recordMismatch: a record whose stored response is not the one the client was given.
 */
import { isDeepStrictEqual } from 'node:util';
import { runSql as query } from '@habit-tracker/test-support';

export interface CheckinPutBody {
  state: 'done' | 'skipped';
  value?: number | null;
  note?: string | null;
}

export interface CheckinWrite {
  key: string;
  userId: string;
  habitId: string;
  date: string;
  /** A put's body; undefined for a delete. */
  put?: CheckinPutBody;
}

export interface LedgerReport {
  acknowledged: number;
  checkins: number;
  lost: number;
  reapplied: number;
  phantom: number;
  missingRecords: number;
  extraRecords: number;
  recordMismatch: number;
  /** The first few problems, in words. */
  examples: string[];
}

interface Acknowledged {
  write: CheckinWrite;
  /** The response body the client was given (a put's check-in; null for a delete's 204). */
  response: unknown;
}

interface StoredCheckin {
  habit_id: string;
  date: string;
  state: string;
  value: number | null;
  note: string | null;
  updated_ms: number;
}

interface StoredRecord {
  key: string;
  user_id: string;
  status_code: number;
  response_body: unknown;
}

const slotOf = (w: Pick<CheckinWrite, 'habitId' | 'date'>) => `${w.habitId}|${w.date}`;

export class CheckinLedger {
  private readonly lastBySlot = new Map<string, Acknowledged>();
  private readonly byKey = new Map<string, Acknowledged>();
  private readonly habits = new Set<string>();

  /** @param keyPrefix every Idempotency-Key this test sends starts with it (and no other's). */
  constructor(readonly keyPrefix: string) {}

  get acknowledged(): number {
    return this.byKey.size;
  }

  acknowledge(write: CheckinWrite, response: unknown): void {
    if (!write.key.startsWith(this.keyPrefix)) {
      throw new Error(`key ${write.key} lacks the ledger's prefix ${this.keyPrefix}`);
    }
    const entry = { write, response };
    this.byKey.set(write.key, entry);
    this.lastBySlot.set(slotOf(write), entry);
    this.habits.add(write.habitId);
  }

  /** Whether a write with this key was acknowledged (a resend must not count twice). */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  async verify(primaryUrl: string): Promise<LedgerReport> {
    const examples: string[] = [];
    const problem = (text: string) => {
      if (examples.length < 10) examples.push(text);
    };
    const report: LedgerReport = {
      acknowledged: this.byKey.size,
      checkins: this.lastBySlot.size,
      lost: 0,
      reapplied: 0,
      phantom: 0,
      missingRecords: 0,
      extraRecords: 0,
      recordMismatch: 0,
      examples,
    };
    if (this.byKey.size === 0) return report;

    const earliest = [...this.lastBySlot.values()].map((a) => a.write.date).sort()[0]!;
    const rows = await query<StoredCheckin>(
      primaryUrl,
      `select habit_id::text as habit_id, date::text as date, state, value, note,
              floor(extract(epoch from updated_at) * 1000)::float8 as updated_ms
       from checkins where habit_id = any($1::uuid[]) and date >= $2::date`,
      [[...this.habits], earliest],
    );
    const stored = new Map(
      rows.map((row) => [slotOf({ habitId: row.habit_id, date: row.date }), row]),
    );

    for (const [slot, { write, response }] of this.lastBySlot) {
      const row = stored.get(slot);
      if (!write.put) {
        if (row) {
          report.lost++;
          problem(`${slot}: deleted by ${write.key}, still stored`);
        }
        continue;
      }
      const expected = write.put;
      if (
        !row ||
        row.state !== expected.state ||
        row.value !== (expected.value ?? null) ||
        row.note !== (expected.note ?? null)
      ) {
        report.lost++;
        problem(
          `${slot}: ${write.key} acknowledged ${JSON.stringify(expected)}, stored ${JSON.stringify(row ?? null)}`,
        );
        continue;
      }
      const acknowledgedAt = Date.parse(
        (response as { updatedAt?: string } | null)?.updatedAt ?? '',
      );
      if (row.updated_ms !== acknowledgedAt) {
        report.reapplied++;
        problem(`${slot}: stored row updated at ${row.updated_ms}, acknowledged ${acknowledgedAt}`);
      }
    }
    for (const slot of stored.keys()) {
      if (!this.lastBySlot.has(slot)) {
        report.phantom++;
        problem(`${slot}: stored, but no acknowledged write set it`);
      }
    }

    const records = await query<StoredRecord>(
      primaryUrl,
      `select key, user_id::text as user_id, status_code, response_body
       from idempotency_keys where starts_with(key, $1)`,
      [this.keyPrefix],
    );
    const recordByKey = new Map(records.map((r) => [`${r.user_id}|${r.key}`, r]));
    for (const { write, response } of this.byKey.values()) {
      const record = recordByKey.get(`${write.userId}|${write.key}`);
      if (!record) {
        report.missingRecords++;
        problem(`${write.key}: acknowledged, no idempotency record`);
        continue;
      }
      const status = write.put ? 200 : 204;
      if (record.status_code !== status || !isDeepStrictEqual(record.response_body, response)) {
        report.recordMismatch++;
        problem(
          `${write.key}: record ${record.status_code} ${JSON.stringify(record.response_body)}, client saw ${status} ${JSON.stringify(response)}`,
        );
      }
    }
    for (const record of records) {
      const entry = this.byKey.get(record.key);
      if (!entry || entry.write.userId !== record.user_id) {
        report.extraRecords++;
        problem(`${record.key}: a record without an acknowledged write`);
      }
    }
    return report;
  }
}
