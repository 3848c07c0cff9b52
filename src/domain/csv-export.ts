// CSV export for spreadsheets: RFC 4180 quoting plus formula-injection protection. Peer names
// and comments come from the field; a cell like =HYPERLINK(...) must open as text in Excel.

export type CsvValue = string | number | bigint | boolean | null | undefined;
export type CsvColumn<K extends string = string> = K | { readonly key: K; readonly header: string };

export interface CsvOptions {
  /** ";" for Excel in Turkish and most European locales, where "," is the decimal separator. */
  readonly delimiter?: ',' | ';';
  /** A UTF-8 BOM makes Excel read "ş", "ğ", "ü" correctly instead of as mojibake. */
  readonly bom?: boolean;
}

// Spreadsheets treat text starting with these as a formula (TAB and CR: some strip them first).
const FORMULA_START = /^[=+\-@\t\r]/;

function escapeCell(value: CsvValue, delimiter: string): string {
  if (value === null || value === undefined) return '';
  // Numbers cannot smuggle a formula, and "-5" must stay a number in the spreadsheet.
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text with CRLF line ends (RFC 4180), a header row first. Any object type works as a
 * row as long as the chosen columns hold plain values; other properties are ignored.
 */
export function toCsv<K extends string>(
  rows: readonly Partial<Readonly<Record<K, CsvValue>>>[],
  columns: readonly CsvColumn<K>[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const cols = columns.map((c) => (typeof c === 'string' ? { key: c, header: c } : c));
  const lines = [cols.map((c) => escapeCell(c.header, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(cols.map((c) => escapeCell(row[c.key], delimiter)).join(delimiter));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
