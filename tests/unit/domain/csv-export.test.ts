import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/domain/csv-export.ts';
import { parsePeerImportCsv } from '../../../src/domain/csv-import.ts';
import { value } from './helpers.ts';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv([{ name: 'Ali', rx: 1024 }], ['name', 'rx'])).toBe('name,rx\r\nAli,1024\r\n');
  });

  it('uses column headers when given and leaves missing values empty', () => {
    expect(toCsv([{ name: 'Ali' }, { name: null, addr: '10.8.0.2/32' }], [{ key: 'name', header: 'Name' }, { key: 'addr', header: 'Address' }])).toBe(
      'Name,Address\r\nAli,\r\n,10.8.0.2/32\r\n',
    );
  });

  it('quotes per RFC 4180', () => {
    expect(toCsv([{ c: 'Ankara, Turkey' }, { c: 'say "hi"' }, { c: 'two\nlines' }, { c: 'plain' }], ['c'])).toBe(
      'c\r\n"Ankara, Turkey"\r\n"say ""hi"""\r\n"two\nlines"\r\nplain\r\n',
    );
  });

  it('prefixes formula-looking text with a single quote', () => {
    const rows = ['=HYPERLINK("http://x","y")', '+1', '-cmd', '@SUM(A1)', '\tx', '\rx', 'a=b'].map((c) => ({ c }));
    expect(toCsv(rows, ['c']).split('\r\n')).toEqual([
      'c',
      '"\'=HYPERLINK(""http://x"",""y"")"',
      "'+1",
      "'-cmd",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
      'a=b',
      '',
    ]);
  });

  it('leaves numbers alone, including negative ones and BigInt', () => {
    expect(toCsv([{ n: -5, b: 2n ** 64n, t: true }], ['n', 'b', 't'])).toBe('n,b,t\r\n-5,18446744073709551616,true\r\n');
  });

  it('supports the semicolon delimiter and a BOM for Excel', () => {
    const text = toCsv([{ name: 'Ayşe', comment: 'a;b, c' }], ['name', 'comment'], { delimiter: ';', bom: true });
    expect(text).toBe('\uFEFFname;comment\r\nAyşe;"a;b, c"\r\n');
  });

  it('accepts typed rows such as import results, using only the chosen columns', () => {
    const rows = value(parsePeerImportCsv('name,keepalive,dns\nAli,25,1.1.1.1')).rows;
    expect(toCsv(rows, ['rowNumber', 'name', 'keepalive'])).toBe('rowNumber,name,keepalive\r\n2,Ali,25\r\n');
    // @ts-expect-error: a list column is not a plain cell value; map it to text first.
    toCsv(rows, ['dns']);
  });

  it('round-trips through the importer', () => {
    const text = toCsv([{ name: 'Ayşe', address: '10.8.0.2/32', comment: 'Şube, "İzmir"' }], ['name', 'address', 'comment'], { delimiter: ';', bom: true });
    expect(value(parsePeerImportCsv(text)).rows).toEqual([{ rowNumber: 2, name: 'Ayşe', address: '10.8.0.2/32', comment: 'Şube, "İzmir"', errors: [] }]);
  });
});
