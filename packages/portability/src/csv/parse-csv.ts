/**
 * A small RFC 4180 reader: quoted fields with doubled quotes and line breaks, CRLF / LF / CR line
 * ends, a leading byte-order mark. Written here rather than taken from npm because it is ~80
 * lines and we need two things libraries rarely give together: the physical line each record
 * starts on (for error messages) and Loop's quirk — its root Checkmarks.csv header is written
 * without quoting, so a `"` inside an unquoted field is kept as a literal character.
 */
import { ImportError } from '../import-error';

export interface CsvRow {
  /** 1-based physical line where the record starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

/** Caps on one record, so a hostile file is refused before it becomes millions of strings. */
export interface CsvLimits {
  /** The most cells in one record. */
  maxColumns?: number;
  /** The longest cell, in characters. */
  maxCellChars?: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** All records of `text`; blank lines are skipped. Throws ImportError on an unclosed quote. */
export function parseCsv(text: string, file: string, limits: CsvLimits = {}): CsvRow[] {
  return [...csvRecords(text, file, limits)];
}

function tooWide(file: string, line: number, max: number): ImportError {
  return new ImportError([{ file, line, message: `A row has more than ${max} cells` }]);
}

function tooLong(file: string, line: number, max: number): ImportError {
  return new ImportError([{ file, line, message: `A cell is longer than ${max} characters` }]);
}

/**
 * The records of `text` one at a time (blank lines skipped), so a caller that keeps only what it
 * needs never holds every row's cells at once. Throws ImportError on an unclosed quote or a
 * record beyond `limits`.
 */
export function* csvRecords(text: string, file: string, limits: CsvLimits = {}): Generator<CsvRow> {
  const maxColumns = limits.maxColumns ?? Number.POSITIVE_INFINITY;
  const maxCellChars = limits.maxCellChars ?? Number.POSITIVE_INFINITY;
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openedOn = line;
        let start = ++i;
        let closed = false;
        cell = '';
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              cell += text.slice(start, i + 1);
              i += 2;
              start = i;
              continue;
            }
            cell += text.slice(start, i);
            i++;
            closed = true;
            break;
          }
          // CRLF counts once (at the LF); a lone CR is a line end of its own.
          if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
          i++;
        }
        if (!closed) {
          throw new ImportError([
            { file, line: openedOn, message: 'A quoted field is never closed (a " is missing)' },
          ]);
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== COMMA && next !== LF && next !== CR) {
          throw new ImportError([
            { file, line, message: 'Unexpected text after a closing quote (expected a comma)' },
          ]);
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || c === CR) break;
          i++;
        }
        cell = text.slice(start, i);
      }
      if (cell.length > maxCellChars) throw tooLong(file, startLine, maxCellChars);
      if (cells.length >= maxColumns) throw tooWide(file, startLine, maxColumns);
      cells.push(cell);

      if (i >= n) break;
      if (text.charCodeAt(i) === COMMA) {
        i++;
        // "a,b," at the very end still has a third, empty field.
        if (i >= n) {
          if (cells.length >= maxColumns) throw tooWide(file, startLine, maxColumns);
          cells.push('');
          break;
        }
        continue;
      }
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (cells.length > 1 || cells[0] !== '') yield { line: startLine, cells };
  }
}
