import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { buildRow, legacyFields, rawText, valueForWrite } from '../../../main/routeros/rows.ts';
import { checkCodePage, decodeText, encodeValue, isRawText } from '../../../main/routeros/text.ts';

const cyrillic = iconv.encode('Привет, офис', 'windows-1251');
const turkish = 'ğüşıöç 🚀';

describe('decodeText', () => {
  it('reads valid UTF-8 as UTF-8 and keeps no raw copy', () => {
    expect(decodeText(Buffer.from(turkish), 'windows-1251')).toEqual({ text: turkish, raw: undefined });
  });

  it('reads other bytes with the legacy code page and keeps the original bytes', () => {
    const { text, raw } = decodeText(cyrillic, 'windows-1251');
    expect(text).toBe('Привет, офис');
    expect(raw && Buffer.from(raw.bytes).equals(cyrillic)).toBe(true);
    expect(raw?.codePage).toBe('windows-1251');
  });

  it('uses the configured code page (cp1250 for Central Europe)', () => {
    const polish = iconv.encode('Łódź', 'windows-1250');
    expect(decodeText(polish, 'windows-1250').text).toBe('Łódź');
  });
});

describe('encodeValue', () => {
  it('writes edited text as UTF-8, raw text byte for byte, booleans as yes/no', () => {
    expect(encodeValue(turkish).equals(Buffer.from(turkish, 'utf8'))).toBe(true);
    const raw = decodeText(cyrillic, 'windows-1251').raw!;
    expect(encodeValue(raw).equals(cyrillic)).toBe(true);
    expect(encodeValue(true).toString()).toBe('yes');
    expect(encodeValue(25).toString()).toBe('25');
  });

  it('recognises a raw value that went through structured clone (IPC)', () => {
    const raw = structuredClone(decodeText(cyrillic, 'windows-1251').raw!);
    expect(isRawText(raw)).toBe(true);
    expect(encodeValue(raw).equals(cyrillic)).toBe(true);
  });
});

describe('rows', () => {
  const row = buildRow(
    new Map([
      ['.id', Buffer.from('*1A')],
      ['comment', cyrillic],
      ['name', Buffer.from(turkish)],
    ]),
    'windows-1251',
  );

  it('is a plain record of strings; raw bytes do not show in equality or spreads', () => {
    expect(row).toEqual({ '.id': '*1A', comment: 'Привет, офис', name: turkish });
    expect(Object.keys({ ...row })).toEqual(['.id', 'comment', 'name']);
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });

  it('exposes the original bytes of non-UTF-8 fields only', () => {
    expect(Object.keys(legacyFields(row))).toEqual(['comment']);
    expect(rawText(row, 'name')).toBeUndefined();
  });

  it('writes an unchanged legacy value back as its original bytes and an edited one as UTF-8', () => {
    const unchanged = valueForWrite(row, 'comment', 'Привет, офис');
    expect(isRawText(unchanged) && Buffer.from(unchanged.bytes).equals(cyrillic)).toBe(true);
    expect(valueForWrite(row, 'comment', 'Привет')).toBe('Привет');
    expect(valueForWrite(row, 'name')).toBe(turkish);
  });
});

it('rejects an unknown code page at configuration time', () => {
  expect(() => checkCodePage('windows-9999')).toThrow(/unknown legacy code page/);
});
