import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/csv/parse-csv';
import { csvCell, csvLine, neutralizeFormula } from '../src/csv/write-csv';
import { ImportError } from '../src/import-error';

const cells = (text: string) => parseCsv(text, 'x.csv').map((r) => r.cells);
const lines = (text: string) => parseCsv(text, 'x.csv').map((r) => r.line);

function problemOf(text: string) {
  try {
    parseCsv(text, 'x.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).problems[0];
  }
  throw new Error('expected an ImportError');
}

describe('parseCsv', () => {
  it('reads plain records with LF, CRLF and lone CR line ends', () => {
    expect(cells('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(lines('a\r\nb\rc\nd')).toEqual([1, 2, 3, 4]);
  });

  it('unquotes quoted fields with doubled quotes, commas and line breaks', () => {
    expect(cells('"a ""b"", c","x\ny",z\n')).toEqual([['a "b", c', 'x\ny', 'z']]);
    expect(cells('"",""""\n')).toEqual([['', '"']]);
  });

  it('gives each record the line it starts on, across multi-line fields', () => {
    const text = 'h1,h2\n"one\ntwo\r\nthree",x\nlast,y\n';
    expect(parseCsv(text, 'x.csv')).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['one\ntwo\r\nthree', 'x'] },
      { line: 5, cells: ['last', 'y'] },
    ]);
  });

  it('drops a byte-order mark and skips blank lines (still counting them)', () => {
    expect(parseCsv('\uFEFFDate,Value\n\n2024-01-01,2\n', 'x.csv')).toEqual([
      { line: 1, cells: ['Date', 'Value'] },
      { line: 3, cells: ['2024-01-01', '2'] },
    ]);
  });

  it('keeps the empty last field of a trailing comma (Loop ends every line with one)', () => {
    expect(cells('Date,Run,\n2024-01-01,2,\n')).toEqual([
      ['Date', 'Run', ''],
      ['2024-01-01', '2', ''],
    ]);
    expect(cells('a,')).toEqual([['a', '']]);
  });

  it('keeps a quote inside an unquoted field literally (Loop does not quote its root header)', () => {
    expect(cells('Date,Say "hi",\n')).toEqual([['Date', 'Say "hi"', '']]);
  });

  it('refuses an unclosed quote, naming the line it opened on', () => {
    expect(problemOf('a,b\n1,"open\n2,3\n')).toEqual({
      file: 'x.csv',
      line: 2,
      message: expect.stringContaining('never closed'),
    });
  });

  it('refuses text after a closing quote', () => {
    expect(problemOf('a\n"x"y,1\n')).toMatchObject({
      line: 2,
      message: expect.stringContaining('after a closing quote'),
    });
  });
});

describe('writing CSV', () => {
  it('quotes only cells that need it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });

  it('neutralizes cells a spreadsheet would run as a formula', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralizeFormula(formula)).toBe(`'${formula}`);
    }
    expect(neutralizeFormula('a = b')).toBe('a = b');
    expect(neutralizeFormula('')).toBe('');
  });

  it('round-trips through the parser', () => {
    const row = ['a "quoted", field', 'multi\r\nline', '', 'émoji 🏃'];
    expect(cells(csvLine(row))).toEqual([row]);
  });
});
