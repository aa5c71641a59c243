/**
 * Loop's Habits.csv (HabitList.writeCSV). The header layouts, by version:
 *   2.3.1+:        Position,Name,Type,Question,Description,FrequencyNumerator,
 *                  FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?
 *   2.0.0–2.3.0:   Position,Name,Question,Description,NumRepetitions,Interval,Color
 *   1.5.4–1.8.12:  Position,Name,Description,NumRepetitions,Interval,Color
 *   1.4.0–1.5.3:   Name,Description,NumRepetitions,Interval,Color (no Position: the row order)
 * Columns are found by name, so any of them (and a reordered sheet) reads the same. Position is
 * "%03d" of the habit's index + 1; Type is YES_NO / NUMERICAL; Target Type AT_LEAST / AT_MOST
 * (0 / 1 in the database); Target Value a real number ("5.0"), not × 1000; Archived? true/false.
 * Without a Type column (before 2.3.1) a habit's type is found from its values (build-habit.ts).
 */
import { type CsvLimits, parseCsv } from '../csv/parse-csv';
import { report, type Where } from '../finish-import';
import { excerpt, importFailure, type ProblemList } from '../import-error';
import type { LoopHabit } from './loop-habit';
import { LOOP_DEFAULT_COLOR } from './palette';

const NUMERATOR = ['FrequencyNumerator', 'NumRepetitions'];
const DENOMINATOR = ['FrequencyDenominator', 'Interval'];

function columnIndex(header: string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.trim()));
}

function positiveInteger(text: string): number | null {
  return /^\d+$/.test(text.trim()) && Number(text) >= 1 ? Number(text) : null;
}

/** Header-less or foreign CSVs are not row problems: the whole file is the wrong one. */
export function looksLikeLoopHabitsHeader(cells: readonly string[]): boolean {
  return (
    columnIndex([...cells], ['Name']) >= 0 &&
    columnIndex([...cells], NUMERATOR) >= 0 &&
    columnIndex([...cells], DENOMINATOR) >= 0
  );
}

export function parseHabitsCsv(
  text: string,
  file: string,
  problems: ProblemList,
  limits: CsvLimits = {},
): LoopHabit[] {
  // Few rows (the caller has counted the lines against its cap on habits): all at once is fine.
  const rows = parseCsv(text, file, limits);
  const header = rows[0]?.cells ?? [];
  const col = {
    position: columnIndex(header, ['Position']),
    name: columnIndex(header, ['Name']),
    type: columnIndex(header, ['Type']),
    question: columnIndex(header, ['Question']),
    description: columnIndex(header, ['Description']),
    numerator: columnIndex(header, NUMERATOR),
    denominator: columnIndex(header, DENOMINATOR),
    color: columnIndex(header, ['Color']),
    unit: columnIndex(header, ['Unit']),
    targetType: columnIndex(header, ['Target Type']),
    targetValue: columnIndex(header, ['Target Value']),
    archived: columnIndex(header, ['Archived?']),
  };
  if (col.name < 0 || col.numerator < 0 || col.denominator < 0) {
    throw importFailure(
      file,
      "Expected Loop Habit Tracker's Habits.csv, whose header has Name and FrequencyNumerator/FrequencyDenominator (or NumRepetitions/Interval)",
      1,
    );
  }

  const habits: LoopHabit[] = [];
  const seenPositions = new Map<string, number>();
  for (const [index, row] of rows.slice(1).entries()) {
    const at: Where = { file, line: row.line };
    const cell = (index: number) => (index >= 0 ? (row.cells[index] ?? '') : '');
    if (row.cells.length < header.length) {
      report(problems, at, `Expected ${header.length} columns, found ${row.cells.length}`);
      continue;
    }
    const rowProblems: string[] = [];

    // 1.4.0–1.5.3 have no Position: the folders are numbered in the file's order.
    const positionText =
      col.position >= 0 ? cell(col.position).trim() : String(index + 1).padStart(3, '0');
    if (!/^\d+$/.test(positionText))
      rowProblems.push(`Position "${excerpt(positionText)}" is not a number`);
    const earlier = seenPositions.get(positionText);
    if (earlier !== undefined) {
      rowProblems.push(`Position ${positionText} is used twice (also on line ${earlier})`);
    }
    seenPositions.set(positionText, row.line);

    const typeText = cell(col.type).trim().toUpperCase();
    const type =
      typeText === '' || typeText === 'YES_NO' || typeText === '0'
        ? 'yes_no'
        : typeText === 'NUMERICAL' || typeText === '1'
          ? 'numerical'
          : null;
    if (!type) rowProblems.push(`Type "${excerpt(cell(col.type))}" is not YES_NO or NUMERICAL`);

    const numerator = positiveInteger(cell(col.numerator));
    const denominator = positiveInteger(cell(col.denominator));
    if (numerator === null || denominator === null) {
      rowProblems.push(
        `Frequency "${excerpt(cell(col.numerator))}/${excerpt(cell(col.denominator))}" is not two whole numbers ≥ 1`,
      );
    }

    const colorText = cell(col.color).trim();
    const color = /^#[0-9a-f]{6}$/i.test(colorText) ? colorText.toLowerCase() : null;
    if (col.color >= 0 && !color) rowProblems.push(`Color "${excerpt(colorText)}" is not #RRGGBB`);

    const targetTypeText = cell(col.targetType).trim().toUpperCase();
    const targetType =
      targetTypeText === 'AT_MOST' || targetTypeText === '1' ? 'at_most' : 'at_least';
    if (type === 'numerical' && !['AT_LEAST', 'AT_MOST', '0', '1'].includes(targetTypeText)) {
      rowProblems.push(`Target Type "${excerpt(cell(col.targetType))}" is not AT_LEAST or AT_MOST`);
    }
    const targetText = cell(col.targetValue).trim();
    const targetValue = targetText === '' ? 0 : Number(targetText);
    if (type === 'numerical' && (targetText === '' || !Number.isFinite(targetValue))) {
      rowProblems.push(`Target Value "${excerpt(targetText)}" is not a number`);
    }

    const archivedText = cell(col.archived).trim().toLowerCase();
    if (!['', 'true', 'false', '0', '1'].includes(archivedText)) {
      rowProblems.push(`Archived? "${excerpt(cell(col.archived))}" is not true or false`);
    }

    if (rowProblems.length > 0 || !type || numerator === null || denominator === null) {
      for (const message of rowProblems) report(problems, at, message);
      continue;
    }
    habits.push({
      sourceId: positionText,
      order: Number(positionText),
      name: cell(col.name),
      question: cell(col.question),
      description: cell(col.description),
      // Only a hand-made sheet lacks the column: give it Loop's default colour.
      color: color ?? LOOP_DEFAULT_COLOR,
      type,
      typeKnown: col.type >= 0,
      numerator,
      denominator,
      unit: cell(col.unit),
      targetType,
      targetValue,
      archived: archivedText === 'true' || archivedText === '1',
      at: { file, line: row.line },
    });
  }
  return habits;
}
