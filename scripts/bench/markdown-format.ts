/** Numbers and tables as the report prints them (and as Biome would format the Markdown). */

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Median and range of several repetitions of one number. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN };
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

export function format(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** "median (min–max)" when repeated, else the single value. */
export function formatSpread(values: readonly number[], digits = 1): string {
  const { median, min, max } = spread(values);
  if (values.length <= 1) return format(median, digits);
  return `${format(median, digits)} (${format(min, digits)}–${format(max, digits)})`;
}

/** A padded table (first column left-aligned, the others right-aligned). */
export function renderTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, 3, ...rows.map((row) => [...(row[column] ?? '')].length)),
  );
  const pad = (text: string, column: number) => {
    const fill = ' '.repeat(widths[column]! - [...text].length);
    return column === 0 ? text + fill : fill + text;
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = widths.map((width, column) =>
    column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`,
  );
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}
