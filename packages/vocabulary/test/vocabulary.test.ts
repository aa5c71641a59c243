import { describe, expect, it } from 'vitest';
import {
  ascii,
  CHECK_ISSUE_CODES,
  DEFAULT_IMPORT_MAX_BYTES,
  DEFAULT_PHOTO_MAX_BYTES,
  defaultHabitColor,
  ERROR_CODES,
  ERROR_STATUS,
  errorCodesOf,
  HABIT_COLORS,
  isErrorCode,
  isSqlite,
  isZip,
  looksImportable,
  PASSWORD_RULES,
  PHOTO_TYPES,
  SIGNATURE_BYTES,
  sniffImageType,
} from '../src';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

describe('error codes', () => {
  it('every code has one status, and the statuses are the documented ones', () => {
    expect(ERROR_CODES).toEqual(Object.keys(ERROR_STATUS));
    expect(new Set(Object.values(ERROR_STATUS))).toEqual(
      new Set([400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 500, 503]),
    );
    expect(errorCodesOf(409)).toEqual([
      'email_taken',
      'idempotency_key_reused',
      'last_sign_in_method',
      'wrong_region',
      'import_in_progress',
      'passkey_taken',
    ]);
    expect(errorCodesOf(413)).toEqual(['payload_too_large', 'quota_exceeded']);
    expect(errorCodesOf(418)).toEqual([]);
  });

  it('tells its codes from any other string', () => {
    for (const code of ERROR_CODES) expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode('teapot')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('check issue codes', () => {
  it('are snake_case, each once, and none is an error code (they live in details)', () => {
    for (const code of [...CHECK_ISSUE_CODES, ...PASSWORD_RULES]) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
    expect(new Set(CHECK_ISSUE_CODES).size).toBe(CHECK_ISSUE_CODES.length);
    expect(CHECK_ISSUE_CODES.filter((code) => isErrorCode(code))).toEqual([]);
    expect(PASSWORD_RULES).toEqual([
      'too_short',
      'too_long',
      'repeats',
      'sequence',
      'email',
      'common',
    ]);
  });
});

describe('the palette', () => {
  it('is lower-case #rrggbb, each colour once, named', () => {
    const values = HABIT_COLORS.map((c) => c.value);
    for (const value of values) expect(value).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(values).size).toBe(values.length);
    expect(new Set(HABIT_COLORS.map((c) => c.name)).size).toBe(values.length);
  });

  it('new habits take the colours in turn, then start again', () => {
    const first = HABIT_COLORS.map((_, i) => defaultHabitColor(i));
    expect(first).toEqual(HABIT_COLORS.map((c) => c.value));
    expect(defaultHabitColor(HABIT_COLORS.length)).toBe(first[0]);
  });
});

describe('file signatures', () => {
  const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
  const png = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
  const webp = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');

  it('tell the photo types apart by their first bytes', () => {
    expect(sniffImageType(jpeg)).toBe('image/jpeg');
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(PHOTO_TYPES).toEqual(['image/jpeg', 'image/png', 'image/webp']);
  });

  it('refuse lookalikes and files too short to tell', () => {
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull(); // a WAV file
    expect(sniffImageType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(bytes('GIF89a'))).toBeNull();
  });

  it('know what an import can be: a zip (with entries or empty) or a SQLite database', () => {
    const zip = bytes('PK', [3, 4, 20, 0]);
    const emptyZip = bytes('PK', [5, 6], new Array(18).fill(0));
    const sqlite = bytes('SQLite format 3', [0], new Array(84).fill(0));
    expect([isZip(zip), isZip(emptyZip), isSqlite(sqlite)]).toEqual([true, true, true]);
    expect(looksImportable(zip) && looksImportable(emptyZip) && looksImportable(sqlite)).toBe(true);
    expect(looksImportable(png)).toBe(false);
    expect(looksImportable(bytes('SQLite format 3'))).toBe(false); // cut before its NUL
    expect(looksImportable(bytes('Date,Value'))).toBe(false);
    expect(SIGNATURE_BYTES).toBeGreaterThanOrEqual('SQLite format 3'.length + 1);
  });

  it('default size limits', () => {
    expect(DEFAULT_PHOTO_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(DEFAULT_IMPORT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });
});
