import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRate } from '../../../src/domain/format.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [1024 ** 2 * 12.34, '12.3 MiB'],
    [1024 ** 3 * 5, '5.0 GiB'],
    [1024 ** 4 * 2.25, '2.3 TiB'],
    [1024 ** 5 * 3, '3072.0 TiB'],
    [1024 * 1024 - 1, '1.0 MiB'],
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('accepts BigInt counters', () => {
    expect(formatBytes(2n ** 40n)).toBe('1.0 TiB');
  });

  it('refuses negative values', () => {
    expect(() => formatBytes(-1)).toThrow(RangeError);
  });
});

describe('formatRate', () => {
  it.each([
    [0, '0 bit/s'],
    [950, '950 bit/s'],
    [999.6, '1.0 kbit/s'],
    [1_200, '1.2 kbit/s'],
    [12_340_000, '12.3 Mbit/s'],
    [999_960, '1.0 Mbit/s'],
    [1e9, '1.0 Gbit/s'],
  ])('%d -> %s', (bps, text) => {
    expect(formatRate(bps)).toBe(text);
  });

  it('refuses NaN', () => {
    expect(() => formatRate(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [42_000, '42 s'],
    [60_000, '1 min'],
    [5 * 60_000 + 3_000, '5 min 3 s'],
    [4 * 3_600_000 + 40 * 60_000 + 59_000, '4 h 40 min'],
    [3_600_000, '1 h'],
    [((6 * 24 + 4) * 3600 + 40 * 60 + 57) * 1000, '6 d 4 h'],
    [625 * 86_400_000 + 23 * 3_600_000, '625 d 23 h'],
    [2 * 86_400_000 + 59 * 60_000, '2 d'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('refuses negative values', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
  });
});
