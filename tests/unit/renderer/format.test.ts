import { describe, expect, it } from 'vitest';
import { formatAge, formatBitRate, formatBytes, formatUptime, normalizeFingerprint, type Translate } from '../../../renderer/lib/format.ts';
import { pinnedFingerprint, presentedCertificate } from '../../../renderer/features/routers/tls-details.ts';
import en from '../../../renderer/i18n/en.json' with { type: 'json' };
import tr from '../../../renderer/i18n/tr.json' with { type: 'json' };

// A tiny stand-in for i18next's t(): returns the key and its options, enough to check which key is chosen.
const t = ((key: string, options?: Record<string, unknown>) => `${key}${options ? JSON.stringify(options) : ''}`) as unknown as Translate;

describe('formatBytes / formatBitRate', () => {
  it('uses binary units for counters', () => {
    expect(formatBytes(0, 'en-GB')).toBe('0 B');
    expect(formatBytes(1536, 'en-GB')).toBe('1.50 KiB');
    expect(formatBytes(5 * 1024 ** 3, 'en-GB')).toBe('5.00 GiB');
    expect(formatBytes(1536, 'tr-TR')).toBe('1,50 KiB');
  });
  it('uses bits per second with decimal prefixes for rates', () => {
    expect(formatBitRate(1_250_000, 'en-GB')).toBe('10.0 Mbps');
    expect(formatBitRate(0, 'en-GB')).toBe('0 bps');
    expect(formatBitRate(-1, 'en-GB')).toBe('–');
  });
});

describe('formatAge / formatUptime', () => {
  it('picks the right unit', () => {
    expect(formatAge(2000, t)).toBe('age.justNow');
    expect(formatAge(42_000, t)).toBe('age.seconds{"count":42}');
    expect(formatAge(3 * 60_000, t)).toBe('age.minutes{"count":3}');
    expect(formatAge(125 * 60_000, t)).toBe('age.hoursMinutes{"hours":2,"minutes":5}');
    expect(formatAge(-5000, t)).toBe('age.justNow');
  });
  it('shows the three largest uptime units', () => {
    expect(formatUptime((12 * 86400 + 4 * 3600 + 31 * 60 + 7) * 1000, t)).toBe('units.day{"count":12} units.hour{"count":4} units.minute{"count":31}');
    expect(formatUptime(52_000, t)).toBe('units.second{"count":52}');
  });
});

describe('fingerprints', () => {
  const hex = 'ab'.repeat(32);
  it('normalises RouterOS and browser forms', () => {
    expect(normalizeFingerprint(hex)).toBe('AB:'.repeat(31) + 'AB');
    expect(normalizeFingerprint('AB:'.repeat(31) + 'AB')).toBe('AB:'.repeat(31) + 'AB');
    expect(normalizeFingerprint('nope')).toBeNull();
  });
  it('reads certificate facts flat or nested', () => {
    expect(presentedCertificate({ fingerprint: hex, subject: 'CN=r' }).fingerprint).toBe('AB:'.repeat(31) + 'AB');
    expect(presentedCertificate({ certificate: { fingerprint: hex, issuer: 'CN=r' } }).issuer).toBe('CN=r');
    expect(pinnedFingerprint({ expectedFingerprint: hex })).toBe('AB:'.repeat(31) + 'AB');
  });
});

describe('translations', () => {
  const keys = (obj: object, prefix = ''): string[] =>
    Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('Turkish has exactly the English keys', () => {
    expect(keys(tr).sort()).toEqual(keys(en).sort());
  });
  it('no Turkish string is left empty', () => {
    const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as object) : [String(v)]));
    expect(values(tr).filter((v) => v.trim() === '')).toEqual([]);
  });
});
