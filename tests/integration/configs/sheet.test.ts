// The printed QR sheet, checked as paper would be: pages rasterised by poppler at 150 dpi (a plain office
// scan), every code on a page decoded by zbarimg, the code's printed width measured, the text read back.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSheetPdf, type ConfigSheetEntry, type ConfigSheetOptions } from '../../../main/configs/sheet.ts';
import { PAGE, cellRect } from '../../../main/configs/sheet-layout.ts';
import { longConfig, shortConfig, turkishCommentConfig } from './fixtures.ts';
import { runToolOk, tempDir } from './tools.ts';
import { decodesToSet } from './zbar.ts';

const tmp = tempDir('sheet');
afterAll(() => tmp.cleanup());

const DPI = 150;
const ENTRIES: ConfigSheetEntry[] = [
  { peerName: "Ayşe'nin Telefonu", subtitle: '10.8.0.2/32', text: longConfig('ayse') },
  { peerName: 'Gülçin Öztürk', subtitle: '10.8.0.3/32', text: shortConfig('gulcin') },
  { peerName: 'Iğdır Şube Laptop', subtitle: '10.8.0.4/32, fd00:8:0:1::4/128', text: longConfig('igdir') },
  { peerName: 'office', text: shortConfig('office') },
  { peerName: '📱 Telefon 张', subtitle: '10.8.0.6/32', text: turkishCommentConfig() },
  { peerName: 'A very long peer name that cannot possibly fit into one cell of the printed sheet', text: longConfig('long-name') },
  { peerName: 'warehouse', subtitle: '10.8.0.8/32', text: longConfig('warehouse') },
];
const OPTIONS: ConfigSheetOptions = {
  title: 'WireGuard access · İstanbul Şubesi',
  routerName: 'Merkez-RB5009',
  generatedAt: new Date('2025-03-14T09:30:00Z'),
};

function writePdf(name: string, pdf: Buffer): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, pdf);
  return file;
}

/** Rasterises every page; returns the image files in page order. */
function rasterise(pdfFile: string, format: 'png' | 'gray'): string[] {
  const prefix = path.join(tmp.dir, `${path.basename(pdfFile, '.pdf')}-${format}`);
  runToolOk('pdftoppm', ['-r', String(DPI), format === 'png' ? '-png' : '-gray', pdfFile, prefix]);
  return fs.readdirSync(tmp.dir)
    .filter((f) => f.startsWith(path.basename(prefix)) && /\.(png|pgm)$/.test(f))
    .sort()
    .map((f) => path.join(tmp.dir, f));
}

/** A binary PGM (P5, 8 bit) as written by pdftoppm -gray. */
function readPgm(file: string): { width: number; height: number; pixel(x: number, y: number): number } {
  const data = fs.readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header?.[1] || !header[2]) throw new Error(`${file} is not an 8-bit binary PGM`);
  const width = Number(header[1]);
  const offset = header[0].length;
  return { width, height: Number(header[2]), pixel: (x, y) => data[offset + y * width + x] ?? 255 };
}

/** Width in mm of the dark pixels inside the first cell (the QR: the name under it is narrower). */
function qrWidthMm(pgmFile: string): number {
  const img = readPgm(pgmFile);
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  const cell = cellRect(0);
  const [top, bottom] = [px(PAGE.height - cell.y - cell.height), px(PAGE.height - cell.y)];
  let [left, right] = [Infinity, -Infinity];
  for (let y = top; y < bottom; y += 1) {
    for (let x = px(cell.x) + 2; x < px(cell.x + cell.width) - 2; x += 1) {
      if (img.pixel(x, y) < 128) [left, right] = [Math.min(left, x), Math.max(right, x)];
    }
  }
  return ((right - left + 1) / DPI) * 25.4;
}

describe('configSheetPdf', () => {
  let pdf: Buffer;
  let pdfFile: string;
  beforeAll(async () => {
    pdf = await configSheetPdf(ENTRIES, OPTIONS);
    pdfFile = writePdf('sheet.pdf', pdf);
  });

  it('is A4 with two pages for 7 entries at 6 per page, and carries the title as Unicode metadata', () => {
    const info = runToolOk('pdfinfo', [pdfFile]).toString('utf8');
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+WireGuard access · İstanbul Şubesi$/m);
  });

  it('every code on every page scans from a 150 dpi raster to its own config, byte for byte', () => {
    const pages = rasterise(pdfFile, 'png');
    expect(pages).toHaveLength(2);
    const expected = [ENTRIES.slice(0, 6), ENTRIES.slice(6)].map((page) => page.map((e) => Buffer.from(e.text, 'utf8')));
    pages.forEach((page, i) => {
      expect(decodesToSet(page, expected[i] ?? [])).toEqual({ ok: true, symbols: expected[i]?.length });
    });
  });

  it('prints each code at least 5 cm wide', () => {
    const [first] = rasterise(pdfFile, 'gray');
    const width = qrWidthMm(first ?? '');
    expect(width).toBeGreaterThanOrEqual(50);
    expect(width).toBeLessThan(60);
  });

  it('prints header, instruction, page numbers and names, with Turkish letters spelled in plain Latin', () => {
    const text = runToolOk('pdftotext', ['-layout', pdfFile, '-']).toString('utf8');
    for (const expected of [
      'WireGuard access · Istanbul Subesi',
      'Router: Merkez-RB5009',
      'Open the WireGuard app, tap +, then "Scan from QR code".',
      'Each code contains a private key.',
      'Page 1 of 2',
      'Page 2 of 2',
      "Ayse'nin Telefonu",
      'Gülçin Öztürk',
      'Igdir Sube Laptop',
      '10.8.0.4/32, fd00:8:0:1::4/128',
      '? Telefon ?',
      'A very long peer name',
      '…',
    ]) expect(text).toContain(expected);
    expect(text).not.toMatch(/[ğşıİĞŞ]/);
  });

  it('shows the generation time in local time', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Europe/Istanbul';
    try {
      const file = writePdf('sheet-local.pdf', await configSheetPdf(ENTRIES.slice(0, 1), OPTIONS));
      expect(runToolOk('pdftotext', [file, '-']).toString('utf8')).toContain('Generated 2025-03-14 12:30');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('takes translated wording, spelled for the standard font like the names', async () => {
    const file = writePdf('sheet-translated.pdf', await configSheetPdf(ENTRIES.slice(0, 1), {
      ...OPTIONS,
      text: {
        routerLine: (router, when) => `Yönlendirici: ${router} · Oluşturuldu ${when}`,
        instruction: 'WireGuard uygulamasını açın, + simgesine dokunun, "QR kodu tara" seçin.',
        page: (page, pages) => `Sayfa ${page} / ${pages}`,
      },
    }));
    const text = runToolOk('pdftotext', [file, '-']).toString('utf8');
    for (const expected of ['Yönlendirici: Merkez-RB5009 · Olusturuldu', 'uygulamasini açin', 'Sayfa 1 / 1', 'Each code contains a private key.']) {
      expect(text).toContain(expected);
    }
  });

  it('is reproducible: the same entries and date give the same bytes', async () => {
    expect((await configSheetPdf(ENTRIES, OPTIONS)).equals(pdf)).toBe(true);
  });

  it('refuses an empty selection, and names the peer whose config is empty', async () => {
    await expect(configSheetPdf([], OPTIONS)).rejects.toMatchObject({ code: 'NO_CONFIGS' });
    await expect(configSheetPdf([{ peerName: 'laptop', text: ' ' }], OPTIONS)).rejects.toMatchObject({
      code: 'CONFIG_EMPTY',
      message: expect.stringContaining('"laptop"'),
    });
  });
});
