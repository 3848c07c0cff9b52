// Paths for the save dialogs, proven on a real folder: hostile peer names land inside it as <name>.conf,
// never as .conf.txt and never elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_SAVE_FILTERS, configSaveDialogOptions, safeChosenConfigPath, safeConfigPath } from '../../../main/configs/save.ts';
import { tempDir } from './tools.ts';

const tmp = tempDir('save');
afterAll(() => tmp.cleanup());

const HOSTILE_NAMES = [
  '../../etc/passwd', '..\\..\\Windows\\System32\\drivers', '/etc/wireguard/wg0', 'C:\\Users\\Public\\x', '..', '.', '',
  '.hidden', 'office.conf.txt', 'office.txt', 'con', 'NUL.conf', 'a/b/c', '~/x', 'name\u0000with-nul', "Ayşe'nin Telefonu",
];

describe('safeConfigPath', () => {
  it('keeps every file directly inside the chosen folder, ending in .conf, and writing there works', () => {
    const folder = path.join(tmp.dir, 'chosen');
    fs.mkdirSync(folder);
    for (const name of HOSTILE_NAMES) {
      const file = safeConfigPath(folder, name);
      expect(path.dirname(file)).toBe(folder);
      expect(file).toMatch(/\.conf$/);
      expect(file).not.toMatch(/\.conf\.txt$/i);
      fs.writeFileSync(file, 'x', { flag: 'w' });
    }
    expect(fs.readdirSync(tmp.dir)).toEqual(['chosen']);
    expect(fs.readdirSync(folder).every((f) => /^[a-zA-Z0-9_=+-][a-zA-Z0-9_=+.-]{0,14}\.conf$/.test(f))).toBe(true);
  });

  it('resolves a relative folder, so the result never depends on how the folder was written', () => {
    expect(safeConfigPath('some/dir/../dir', 'office')).toBe(path.resolve('some/dir', 'office.conf'));
  });
});

describe('after the save dialog', () => {
  it('turns what the technician typed into a wg-quick-safe .conf in the same folder', () => {
    const dir = path.join(tmp.dir, 'picked');
    expect(safeChosenConfigPath(path.join(dir, 'My Phone.conf.txt'))).toBe(path.join(dir, 'My-Phone.conf'));
    expect(safeChosenConfigPath(path.join(dir, 'office.TXT'))).toBe(path.join(dir, 'office.conf'));
    expect(safeChosenConfigPath(path.join(dir, 'office'))).toBe(path.join(dir, 'office.conf'));
    expect(safeChosenConfigPath(path.join(dir, 'office.conf'))).toBe(path.join(dir, 'office.conf'));
    expect(safeChosenConfigPath(path.join(dir, 'Şirket Telefonu 12.conf'))).toBe(path.join(dir, 'Sirket-Telefonu.conf'));
  });

  it('offers only the .conf filter, with the safe name as default', () => {
    expect(CONFIG_SAVE_FILTERS).toEqual([{ name: 'WireGuard config', extensions: ['conf'] }]);
    const options = configSaveDialogOptions(tmp.dir, 'office');
    expect(options).toEqual({ defaultPath: path.join(tmp.dir, 'office.conf'), filters: [{ name: 'WireGuard config', extensions: ['conf'] }] });
  });
});
