/** CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF lines, UTF-8 with a BOM. */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One cell. Text that a spreadsheet would run as a formula (starting with =, +, -, @,
 * a tab or a carriage return) is prefixed with an apostrophe: exported question texts
 * are typed by anyone, and must stay text when staff open the file.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole document: the BOM, the header and the rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map(csvLine).join('')}`;
}
