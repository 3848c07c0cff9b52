// The ZIP of configs, opened the two ways a technician's machine would: JSZip (what WireDesk itself would
// read back) and the system `unzip` (a real third-party extractor).
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { uniqueConfigBaseNames } from '../../../main/configs/file-names.ts';
import { configsZip, type ConfigZipEntry } from '../../../main/configs/zip.ts';
import { longConfig, shortConfig, turkishCommentConfig } from './fixtures.ts';
import { runToolOk, tempDir } from './tools.ts';
import { decodeQr } from './zbar.ts';

const tmp = tempDir('zip');
afterAll(() => tmp.cleanup());

const ENTRIES: ConfigZipEntry[] = [
  { peerName: 'office', text: shortConfig('office-1') },
  { peerName: 'Office', text: longConfig('office-2') },
  { peerName: "Ayşe'nin Telefonu", text: turkishCommentConfig() },
  { peerName: 'İstanbul Şube Router', text: longConfig('istanbul') },
];
const CONF_NAMES = ['office.conf', 'Office-2.conf', 'Aysenin-Telefon.conf', 'Istanbul-Sube-R.conf'];

function writeZip(name: string, zip: Buffer): string {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, zip);
  return file;
}

describe('configsZip', () => {
  it('holds one .conf per peer with the exact bytes, read back by JSZip', async () => {
    const zip = await JSZip.loadAsync(await configsZip(ENTRIES));
    const names = Object.keys(zip.files);
    expect(names.sort()).toEqual([...CONF_NAMES].sort());
    for (const [i, entry] of ENTRIES.entries()) {
      const member = zip.file(CONF_NAMES[i] ?? '');
      if (!member) throw new Error(`${CONF_NAMES[i]} is missing from the ZIP`);
      const stored = Buffer.from(await member.async('uint8array'));
      expect(stored.equals(Buffer.from(entry.text, 'utf8'))).toBe(true);
      expect(stored.includes('\r')).toBe(false);
    }
  });

  it('is read by the system unzip: integrity, names, and contents extracted to disk', async () => {
    const file = writeZip('configs.zip', await configsZip(ENTRIES));
    runToolOk('unzip', ['-tq', file]);
    const listed = runToolOk('unzip', ['-Z1', file]).toString('utf8').trim().split('\n');
    expect(listed.sort()).toEqual([...CONF_NAMES].sort());
    const out = path.join(tmp.dir, 'extracted');
    runToolOk('unzip', ['-q', '-d', out, file]);
    expect(fs.readdirSync(out).sort()).toEqual([...CONF_NAMES].sort());
    for (const [i, entry] of ENTRIES.entries()) {
      expect(fs.readFileSync(path.join(out, CONF_NAMES[i] ?? '')).equals(Buffer.from(entry.text, 'utf8'))).toBe(true);
    }
  });

  it('puts <name>.png next to each config when asked, and every PNG scans to its own config', async () => {
    const file = writeZip('with-qr.zip', await configsZip(ENTRIES, { withQrPng: true }));
    const out = path.join(tmp.dir, 'with-qr');
    runToolOk('unzip', ['-q', '-d', out, file]);
    const pngs = CONF_NAMES.map((n) => n.replace(/\.conf$/, '.png'));
    expect(fs.readdirSync(out).sort()).toEqual([...CONF_NAMES, ...pngs].sort());
    for (const [i, entry] of ENTRIES.entries()) {
      expect(decodeQr(path.join(out, pngs[i] ?? '')).equals(Buffer.from(entry.text, 'utf8'))).toBe(true);
    }
  });

  it('is reproducible: same configs, same bytes; timestamps are the given date or 1980-01-01', async () => {
    const a = await configsZip(ENTRIES, { withQrPng: true });
    // A later day in another time zone: nothing of "now" or local time may leak into the archive.
    const tz = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-01T12:00:00Z'));
    process.env.TZ = 'Asia/Tokyo';
    try {
      const b = await configsZip(ENTRIES, { withQrPng: true });
      expect(a.equals(b)).toBe(true);
    } finally {
      vi.useRealTimers();
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const zip = await JSZip.loadAsync(a);
    for (const f of Object.values(zip.files)) expect(f.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    const dated = await JSZip.loadAsync(await configsZip(ENTRIES, { date: new Date('2025-03-14T09:30:00Z') }));
    for (const f of Object.values(dated.files)) expect(f.date.toISOString()).toBe('2025-03-14T09:30:00.000Z');
  });

  it('refuses an empty selection and an empty config, naming the peer', async () => {
    await expect(configsZip([])).rejects.toMatchObject({ code: 'NO_CONFIGS' });
    await expect(configsZip([{ peerName: 'laptop', text: '' }])).rejects.toMatchObject({ code: 'CONFIG_EMPTY', message: expect.stringContaining('"laptop"') });
  });
});

describe('unique file names', () => {
  it('numbers collisions, ignoring case, and keeps every name a valid wg-quick interface name', () => {
    const names = uniqueConfigBaseNames(['office', 'office', 'OFFICE', 'office-2', 'Istanbul Office', 'Istanbul Office', '', '']);
    expect(names).toEqual(['office', 'office-2', 'OFFICE-3', 'office-2-2', 'Istanbul-Office', 'Istanbul-Offi-2', 'wireguard', 'wireguard-2']);
    for (const n of names) expect(n).toMatch(/^[a-zA-Z0-9_=+.-]{1,15}$/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});
