/** Writing CSV that spreadsheets open safely. */

/** RFC 4180: quote a cell holding a comma, a quote or a line break; double inner quotes. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * CSV injection: Excel, LibreOffice and Google Sheets evaluate a cell that starts with = + - @
 * (or a tab / carriage return, per OWASP) as a formula, so a note such as
 * `=HYPERLINK("http://evil", "x")` would run when the user opens their own export. A leading
 * apostrophe makes the spreadsheet show the text as typed. Only free text needs this: dates,
 * states and numbers are written by us.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One record, CRLF-terminated as RFC 4180 and Excel expect. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
