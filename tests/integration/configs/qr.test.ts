// Every QR code WireDesk makes must scan back to the config's exact bytes: decoded here by the real zbarimg,
// from PNG, from a data URL and from the SVG rendered by librsvg.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigArtifactError } from '../../../main/configs/errors.ts';
import { MAX_QR_BYTES, configQrPng, configQrSvg, planConfigQr, qrDataUrl } from '../../../main/configs/qr.ts';
import { longConfig, shortConfig, turkishCommentConfig } from './fixtures.ts';
import { runToolOk, tempDir } from './tools.ts';
import { decodeQr } from './zbar.ts';

const tmp = tempDir('qr');
afterAll(() => tmp.cleanup());

const CASES = [
  ['short config', shortConfig()],
  ['long config (dual stack, preshared key, 12 ranges)', longConfig()],
  ['config with a Turkish comment line', turkishCommentConfig()],
] as const;

function file(name: string, data: Buffer | string): string {
  const p = path.join(tmp.dir, name);
  fs.writeFileSync(p, data);
  return p;
}

/** Width from the PNG's IHDR chunk (bytes 16-19). */
function pngWidth(png: Buffer): number {
  return png.readUInt32BE(16);
}

function thrown(work: () => unknown): ConfigArtifactError {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigArtifactError) return error;
    throw error;
  }
  throw new Error('expected a ConfigArtifactError');
}

describe('config QR codes decode to the exact config bytes', () => {
  it.each(CASES)('PNG: %s', async (name, text) => {
    const png = await configQrPng(text);
    expect(decodeQr(file(`${name}.png`, png)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it.each(CASES)('data URL: %s', async (name, text) => {
    const url = await qrDataUrl(text);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
    expect(decodeQr(file(`${name}-url.png`, png)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it.each(CASES)('SVG rendered by rsvg-convert: %s', async (name, text) => {
    const svg = await configQrSvg(text);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    const svgPath = file(`${name}.svg`, svg);
    const pngPath = path.join(tmp.dir, `${name}-svg.png`);
    runToolOk('rsvg-convert', ['-w', '600', '-b', 'white', '-o', pngPath, svgPath]);
    expect(decodeQr(pngPath).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('the Turkish comment really is multi-byte UTF-8, so the byte comparison means something', () => {
    const text = turkishCommentConfig();
    expect(Buffer.byteLength(text, 'utf8')).toBeGreaterThan(text.length);
  });
});

describe('size and error correction', () => {
  it('uses M for an everyday config and L for a dense one, keeping the symbol at most 85 modules wide', () => {
    expect(planConfigQr(shortConfig())).toMatchObject({ errorCorrectionLevel: 'M', version: 12, modules: 65 });
    const long = planConfigQr(longConfig());
    expect(long.bytes).toBeGreaterThan(550);
    expect(long).toMatchObject({ errorCorrectionLevel: 'L', version: 17, modules: 85 });
  });

  it('switches from M to L exactly where M would need more than version 15', () => {
    expect(planConfigQr('a'.repeat(412))).toMatchObject({ errorCorrectionLevel: 'M', version: 15 });
    expect(planConfigQr('a'.repeat(413))).toMatchObject({ errorCorrectionLevel: 'L', version: 13 });
  });

  it('PNG size: 8 px per module and a 4-module quiet zone by default; width rounds down to whole pixels per module', async () => {
    const text = shortConfig();
    const modules = planConfigQr(text).modules;
    expect(pngWidth(await configQrPng(text))).toBe((modules + 8) * 8);
    expect(pngWidth(await configQrPng(text, { width: 500 }))).toBe((modules + 8) * Math.floor(500 / (modules + 8)));
    expect(pngWidth(await configQrPng(text, { scale: 3, margin: 2 }))).toBe((modules + 4) * 3);
  });

  it('a long config still scans at only 3 px per module, about what a phone camera sees on a laptop screen', async () => {
    const text = longConfig();
    const png = await configQrPng(text, { scale: 3 });
    expect(decodeQr(file('long-small.png', png)).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});

describe('refusals', () => {
  it('encodes the largest text a QR code can hold (2953 bytes at version 40-L)', async () => {
    const text = 'x'.repeat(MAX_QR_BYTES);
    expect(planConfigQr(text)).toMatchObject({ errorCorrectionLevel: 'L', version: 40 });
    const png = await configQrPng(text, { scale: 4 });
    expect(decodeQr(file('max.png', png)).toString('utf8')).toBe(text);
  });

  it('refuses one byte more, counting UTF-8 bytes rather than characters', () => {
    for (const text of ['x'.repeat(MAX_QR_BYTES + 1), 'ş'.repeat(1477)]) {
      const error = thrown(() => planConfigQr(text));
      expect(error.code).toBe('CONFIG_TOO_LONG_FOR_QR');
      expect(error.message).toContain(`${MAX_QR_BYTES + 1} bytes long`);
      expect(error.message).toContain('Send the .conf file instead');
    }
  });

  it('refuses an empty config in every output', async () => {
    expect(thrown(() => planConfigQr('  \n')).code).toBe('CONFIG_EMPTY');
    await expect(configQrPng('')).rejects.toMatchObject({ code: 'CONFIG_EMPTY' });
    await expect(configQrSvg('')).rejects.toMatchObject({ code: 'CONFIG_EMPTY' });
    await expect(qrDataUrl('')).rejects.toMatchObject({ code: 'CONFIG_EMPTY' });
  });
});
