import { describe, expect, it } from 'vitest';
import { formatDuration, formatRtt, parseDuration } from '../../../main/sim/values/duration.ts';
import { parsePrefix, prefixContains } from '../../../main/sim/values/ip.ts';
import { parseVersion, atLeast } from '../../../main/sim/index.ts';

describe('RouterOS value formats', () => {
  it('formats and parses durations the RouterOS way', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(25)).toBe('25s');
    expect(formatDuration(105)).toBe('1m45s');
    expect(formatDuration(6 * 86400 + 4 * 3600 + 40 * 60 + 57)).toBe('6d4h40m57s');
    expect(formatDuration(89 * 604800 + 2 * 86400 + 23 * 3600 + 54 * 60 + 29)).toBe('89w2d23h54m29s');
    expect(formatRtt(21_768)).toBe('21ms768us');
    expect(formatRtt(768)).toBe('768us');
    expect(formatRtt(1_004_000)).toBe('1s4ms');
    expect(parseDuration('1m45s')).toBe(105);
    expect(parseDuration('25')).toBe(25);
    expect(parseDuration('10ms')).toBeCloseTo(0.01);
    expect(parseDuration('00:01:05')).toBe(65);
    expect(parseDuration('5x')).toBeNull();
  });

  it('normalises prefixes', () => {
    expect(parsePrefix('10.0.0.5/24')).toMatchObject({ address: '10.0.0.5', network: '10.0.0.0', length: 24 });
    expect(parsePrefix('10.0.0.5')).toMatchObject({ length: 32 });
    expect(parsePrefix('FD00:0::5/64')).toMatchObject({ family: 6, address: 'fd00::5', network: 'fd00::' });
    expect(parsePrefix('10.0.0.300/24')).toBeNull();
    expect(prefixContains(parsePrefix('192.168.1.0/24')!, '192.168.1.77')).toBe(true);
    expect(prefixContains(parsePrefix('192.168.1.0/24')!, '192.168.2.1')).toBe(false);
  });

  it('parses versions and fills in the last patch of a named line', () => {
    expect(parseVersion('7.18').text).toBe('7.18.2');
    expect(parseVersion('7.18.1').text).toBe('7.18.1');
    expect(parseVersion('7.19beta4')).toMatchObject({ minor: 19, prerelease: 'beta4' });
    expect(atLeast(parseVersion('7.17'), '7.15')).toBe(true);
    expect(atLeast(parseVersion('6.42.12'), '6.43')).toBe(false);
    expect(() => parseVersion('seven')).toThrow(/cannot parse/);
  });
});
