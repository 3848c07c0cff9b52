import { describe, expect, it } from 'vitest';
import { parsePeerImportCsv } from '../../../src/domain/csv-import.ts';
import { message, value } from './helpers.ts';

describe('parsePeerImportCsv: file structure', () => {
  it('reads all columns in any order with case-insensitive headers', () => {
    const result = value(parsePeerImportCsv('Comment,KEEPALIVE, Name ,dns,address\nfield laptop,25,Ali,10.8.0.1,10.8.0.5\n'));
    expect(result.delimiter).toBe(',');
    expect(result.warnings).toEqual([]);
    expect(result.rows).toEqual([
      { rowNumber: 2, name: 'Ali', address: '10.8.0.5/32', dns: ['10.8.0.1'], keepalive: 25, comment: 'field laptop', errors: [] },
    ]);
  });

  it('needs only the name column', () => {
    expect(value(parsePeerImportCsv('name\nAli\nVeli')).rows).toEqual([
      { rowNumber: 2, name: 'Ali', errors: [] },
      { rowNumber: 3, name: 'Veli', errors: [] },
    ]);
  });

  it('tolerates a BOM, CRLF and Excel semicolons', () => {
    const result = value(parsePeerImportCsv('\uFEFFname;address;comment\r\nAyşe;10.8.0.7;"Şube; İzmir"\r\n'));
    expect(result.delimiter).toBe(';');
    expect(result.rows).toEqual([{ rowNumber: 2, name: 'Ayşe', address: '10.8.0.7/32', comment: 'Şube; İzmir', errors: [] }]);
  });

  it('tolerates tab-separated text', () => {
    expect(value(parsePeerImportCsv('name\taddress\nAli\t10.8.0.9')).rows[0]).toMatchObject({ name: 'Ali', address: '10.8.0.9/32' });
  });

  it('keeps spreadsheet row numbers across blank lines and multi-line cells', () => {
    const result = value(parsePeerImportCsv('name,comment\n\nAli,"two\nlines"\n,,\nVeli,\n'));
    expect(result.rows.map((r) => [r.rowNumber, r.name])).toEqual([
      [3, 'Ali'],
      [5, 'Veli'],
    ]);
    expect(result.rows[0]?.errors).toEqual(['Comment contains a tab, line break or other invisible control character; retype it on one line.']);
  });

  it('warns about unknown and unnamed columns', () => {
    const result = value(parsePeerImportCsv('name,email,,address\nAli,ali@example.com,x,10.8.0.5\n'));
    expect(result.warnings).toEqual([
      'Column "email" is not known and will be ignored. Known columns: name, address, dns, keepalive, comment.',
      'Column 3 has no header, so its values will be ignored.',
    ]);
    expect(result.rows[0]?.errors).toEqual([]);
  });

  it('stays quiet about a trailing empty header column', () => {
    expect(value(parsePeerImportCsv('name,address,\nAli,10.8.0.5,\n')).warnings).toEqual([]);
  });

  it('rejects a file without header or name column', () => {
    expect(message(parsePeerImportCsv(''))).toBe('The file is empty. It needs a header row such as name,address,dns,keepalive,comment and one row per peer.');
    expect(message(parsePeerImportCsv('\uFEFF\r\n  \n'))).toContain('The file is empty');
    expect(message(parsePeerImportCsv('Ali,10.8.0.5\nVeli,10.8.0.6'))).toBe(
      'The first row must name the columns and include "name", for example: name,address,dns,keepalive,comment',
    );
  });

  it('rejects a duplicated column', () => {
    expect(message(parsePeerImportCsv('name,Name\nAli,Veli'))).toBe('Column "name" appears twice in the header; keep only one.');
  });

  it('returns a header-only file as zero rows', () => {
    expect(value(parsePeerImportCsv('name,address\n')).rows).toEqual([]);
  });
});

describe('parsePeerImportCsv: row errors', () => {
  it('flags duplicate names case-insensitively, pointing at the first row', () => {
    const rows = value(parsePeerImportCsv('name\nAli\nVeli\nali\nALI')).rows;
    expect(rows.map((r) => r.errors)).toEqual([
      [],
      [],
      ['Name "ali" is already used on row 2; every peer needs its own name.'],
      ['Name "ALI" is already used on row 2; every peer needs its own name.'],
    ]);
  });

  it('requires a name on every row', () => {
    expect(value(parsePeerImportCsv('name,address\n,10.8.0.5')).rows[0]?.errors).toEqual(['Peer name is empty; enter a name.']);
  });

  it('explains bad addresses', () => {
    const rows = value(parsePeerImportCsv('name,address\na,10.8.0.300\nb,10.8.0.5/24\nc,"10.8.0.5,10.8.0.6"\nd,fd00::5\ne,10.8.1.0/24')).rows;
    expect(rows[0]?.errors).toEqual(['Address "10.8.0.300" is not a valid IPv4 address. An IPv4 address is four numbers from 0 to 255 separated by dots, like 10.8.0.2.']);
    expect(rows[1]?.errors[0]).toContain('write 10.8.0.0/24 for the whole subnet, or 10.8.0.5/32 for that single address');
    expect(rows[2]?.errors).toEqual(['Address "10.8.0.5,10.8.0.6" holds more than one value; give one address per row, like 10.8.0.5.']);
    expect(rows[3]).toMatchObject({ address: 'fd00::5/128', errors: [] });
    expect(rows[4]).toMatchObject({ address: '10.8.1.0/24', errors: [] });
  });

  it('explains bad keepalive and DNS values', () => {
    const rows = value(parsePeerImportCsv('name;keepalive;dns\na;soon;1.1.1.1\nb;25s;1.1.1.1, 9.9.9.9\nc;70000;dns.google')).rows;
    expect(rows[0]?.errors).toEqual(['Keepalive must be a whole number from 0 to 65535; got "soon". Use 25 for clients behind NAT, or 0 to turn keepalive off.']);
    expect(rows[1]).toMatchObject({ keepalive: 25, dns: ['1.1.1.1', '9.9.9.9'], errors: [] });
    expect(rows[2]?.errors).toHaveLength(2);
  });

  it('collects every problem of a row', () => {
    const row = value(parsePeerImportCsv('name,address,keepalive\n,999.1.1.1,-1')).rows[0];
    expect(row?.errors).toHaveLength(3);
  });

  it('flags rows with more cells than the header', () => {
    const row = value(parsePeerImportCsv('name,comment\nAli,Ankara, Turkey')).rows[0];
    expect(row?.errors).toEqual(['This row has 3 cells but the header has 2. A value containing the separator must be in double quotes.']);
    expect(row?.name).toBe('Ali');
  });

  it('flags an unclosed quote', () => {
    const rows = value(parsePeerImportCsv('name,comment\nAli,"never closed\nVeli,ok')).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.errors[0]).toBe('A double quote in this row is never closed, so the rest of the file was read as one value. Close or remove the quote.');
  });

  it('leaves optional cells out when empty', () => {
    const row = value(parsePeerImportCsv('name,address,dns,keepalive,comment\nAli,,,,')).rows[0];
    expect(row).toEqual({ rowNumber: 2, name: 'Ali', errors: [] });
  });
});
