// Bulk peer import from a spreadsheet. Technicians save from Excel, which in Turkish and most
// European locales writes ";" instead of "," and may prepend a UTF-8 BOM; both are accepted.
import Papa from 'papaparse';
import { parseCidr } from './cidr.ts';
import { show, type Result, err, ok } from './result.ts';
import { validateComment, validateDnsServers, validateKeepalive, validatePeerName } from './validation.ts';

export const PEER_IMPORT_COLUMNS = ['name', 'address', 'dns', 'keepalive', 'comment'] as const;
export type PeerImportColumn = (typeof PEER_IMPORT_COLUMNS)[number];

export type CsvDelimiter = ',' | ';' | '\t';

export interface PeerImportRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  readonly rowNumber: number;
  readonly name: string;
  /** Normalised, e.g. "10.8.0.5/32"; absent when the cell was empty (allocate one later). */
  readonly address?: string;
  readonly dns?: string[];
  readonly keepalive?: number;
  readonly comment?: string;
  /** What to fix in this row; the row can be imported only when this is empty. */
  readonly errors: string[];
}

export interface PeerImport {
  readonly rows: PeerImportRow[];
  /** About the file as a whole, e.g. ignored columns; the import may still go ahead. */
  readonly warnings: string[];
  readonly delimiter: CsvDelimiter;
}

const EXAMPLE_HEADER = PEER_IMPORT_COLUMNS.join(',');

/** Decided from the header line, which rarely holds quotes: whichever separator it uses most. */
function detectDelimiter(headerLine: string): CsvDelimiter {
  const count = (d: string): number => headerLine.split(d).length - 1;
  const candidates: CsvDelimiter[] = [',', ';', '\t'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

interface HeaderMap {
  readonly columns: Partial<Record<PeerImportColumn, number>>;
  readonly warnings: string[];
}

function mapHeader(header: readonly string[], data: readonly string[][]): Result<HeaderMap> {
  const columns: Partial<Record<PeerImportColumn, number>> = {};
  const warnings: string[] = [];
  for (const [index, raw] of header.entries()) {
    const name = raw.trim().toLowerCase();
    if (name === '') {
      if (data.some((row) => (row[index] ?? '').trim() !== '')) warnings.push(`Column ${index + 1} has no header, so its values will be ignored.`);
      continue;
    }
    const known = PEER_IMPORT_COLUMNS.find((c) => c === name);
    if (!known) {
      warnings.push(`Column ${show(raw.trim())} is not known and will be ignored. Known columns: ${PEER_IMPORT_COLUMNS.join(', ')}.`);
      continue;
    }
    if (columns[known] !== undefined) return err(`Column ${show(known)} appears twice in the header; keep only one.`);
    columns[known] = index;
  }
  if (columns.name === undefined) {
    return err(`The first row must name the columns and include "name", for example: ${EXAMPLE_HEADER}`);
  }
  return ok({ columns, warnings });
}

function parseRow(cells: readonly string[], rowNumber: number, header: HeaderMap, width: number): PeerImportRow {
  const cell = (column: PeerImportColumn): string => {
    const index = header.columns[column];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const errors: string[] = [];
  const row: { -readonly [K in keyof PeerImportRow]: PeerImportRow[K] } = { rowNumber, name: cell('name'), errors };
  if (cells.length > width) {
    errors.push(`This row has ${cells.length} cells but the header has ${width}. A value containing the separator must be in double quotes.`);
  }
  const name = validatePeerName(cell('name'));
  if (name.ok) row.name = name.value;
  else errors.push(name.message);

  const address = cell('address');
  if (address !== '') {
    const cidr = /[,;\s]/.test(address)
      ? err(`Address ${show(address)} holds more than one value; give one address per row, like 10.8.0.5.`)
      : parseCidr(address);
    if (cidr.ok) row.address = cidr.value.text;
    else errors.push(cidr.message);
  }
  if (cell('dns') !== '') {
    const dns = validateDnsServers(cell('dns').split(/[,;\s]+/));
    if (dns.ok) row.dns = dns.value;
    else errors.push(dns.message);
  }
  if (cell('keepalive') !== '') {
    const keepalive = validateKeepalive(cell('keepalive'));
    if (keepalive.ok) row.keepalive = keepalive.value;
    else errors.push(keepalive.message);
  }
  if (cell('comment') !== '') {
    const comment = validateComment(cell('comment'));
    if (comment.ok) row.comment = comment.value;
    else errors.push(comment.message);
  }
  return row;
}

/** Names must be unique: RouterOS peer names are, and config file names derive from them. */
function flagDuplicateNames(rows: readonly PeerImportRow[]): void {
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    if (row.name === '') continue;
    // Case-insensitive: "ali.conf" and "Ali.conf" are the same file on Windows and macOS.
    const key = row.name.toLocaleLowerCase('en-US');
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row.rowNumber);
    else row.errors.push(`Name ${show(row.name)} is already used on row ${first}; every peer needs its own name.`);
  }
}

export function parsePeerImportCsv(text: string): Result<PeerImport> {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r\n|\r|\n/).find((line) => line.trim() !== '');
  if (headerLine === undefined) return err(`The file is empty. It needs a header row such as ${EXAMPLE_HEADER} and one row per peer.`);
  const delimiter = detectDelimiter(headerLine);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });

  const data = parsed.data;
  const headerIndex = data.findIndex((cells) => !isBlank(cells));
  const header = data[headerIndex] ?? [];
  const mapped = mapHeader(header, data.slice(headerIndex + 1));
  if (!mapped.ok) return mapped;

  const rows: PeerImportRow[] = [];
  for (let i = headerIndex + 1; i < data.length; i++) {
    const cells = data[i] ?? [];
    if (isBlank(cells)) continue;
    const row = parseRow(cells, i + 1, mapped.value, header.length);
    const quoteError = parsed.errors.find((e) => e.type === 'Quotes' && e.row === i);
    if (quoteError) row.errors.unshift('A double quote in this row is never closed, so the rest of the file was read as one value. Close or remove the quote.');
    rows.push(row);
  }
  flagDuplicateNames(rows);
  return ok({ rows, warnings: mapped.value.warnings, delimiter });
}
