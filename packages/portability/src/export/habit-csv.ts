/** One spreadsheet-friendly CSV per habit: `date,state,value,unit,note`. */
import { csvLine, neutralizeFormula } from '../csv/write-csv';
import type { ExportCheckin, ExportDocument, ExportHabit } from './export-schema';
import { habitCsvPath } from './paths';

const HEADER = ['date', 'state', 'value', 'unit', 'note'];

/**
 * Starts with a byte-order mark so Excel reads the file as UTF-8 (emoji and accents intact), ends
 * lines with CRLF. Rows are in date order. Notes and units are user text and may start like a
 * formula, so they are neutralized (see neutralizeFormula).
 */
export function habitCsv(
  habit: Pick<ExportHabit, 'measure'>,
  checkins: readonly Pick<ExportCheckin, 'date' | 'state' | 'value' | 'note'>[],
): string {
  const unit = habit.measure.kind === 'numeric' ? neutralizeFormula(habit.measure.unit) : '';
  const sorted = [...checkins].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let text = `\uFEFF${csvLine(HEADER)}`;
  for (const c of sorted) {
    text += csvLine([
      c.date,
      c.state,
      c.value === null ? '' : String(c.value),
      c.value === null ? '' : unit,
      c.note === null ? '' : neutralizeFormula(c.note),
    ]);
  }
  return text;
}

export interface ExportTextFile {
  path: string;
  text: string;
}

/** Every habit's CSV, named `habits/<nn> <name>.csv` in the document's order. */
export function exportCsvFiles(document: ExportDocument): ExportTextFile[] {
  const count = document.habits.length;
  return document.habits.map((habit, i) => ({
    path: habitCsvPath(i, count, habit.name),
    text: habitCsv(habit, habit.checkins),
  }));
}
