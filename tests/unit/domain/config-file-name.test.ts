import { describe, expect, it } from 'vitest';
import { configFileName } from '../../../src/domain/config-file-name.ts';

const WG_QUICK_NAME = /^[a-zA-Z0-9_=+.-]{1,15}\.conf$/;

describe('configFileName', () => {
  it.each([
    ['laptop', 'laptop.conf'],
    ['Ali Veli', 'Ali-Veli.conf'],
    ["Ayşe'nin Telefonu", 'Aysenin-Telefon.conf'],
    ['İstanbul Şube Ğ', 'Istanbul-Sube-G.conf'],
    ['ıığüşöç', 'iigusoc.conf'],
    ['Straße', 'Strasse.conf'],
    ['  --..name..--  ', 'name.conf'],
    ['a///b', 'a-b.conf'],
    ['a_b=c+d.e-f', 'a_b=c+d.e-f.conf'],
    ['abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmno.conf'],
    ['abcdefghijklmn opq', 'abcdefghijklmn.conf'],
    ['', 'wireguard.conf'],
    ['   ', 'wireguard.conf'],
    ['📱📱', 'wireguard.conf'],
    ['Мария', 'wireguard.conf'],
    ['CON', 'CON-wg.conf'],
    ['nul.backup', 'nul-wg.backup.conf'],
    ['com1', 'com1-wg.conf'],
    ['console', 'console.conf'],
  ])('%j -> %s', (name, file) => {
    expect(configFileName(name)).toBe(file);
    expect(file).toMatch(WG_QUICK_NAME);
  });

  it('always produces a name wg-quick accepts', () => {
    const samples = ['x'.repeat(100), '..', '.hidden', '-flag', 'a\tb\nc', '"quoted"', 'com9.very-long-name'];
    for (const name of samples) expect(configFileName(name)).toMatch(WG_QUICK_NAME);
    expect(configFileName('-flag')).toBe('flag.conf');
    expect(configFileName('.hidden')).toBe('hidden.conf');
  });
});
