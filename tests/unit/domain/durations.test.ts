import { describe, expect, it } from 'vitest';
import { formatAge, formatRouterOsDuration, parseDuration } from '../../../src/domain/durations.ts';
import { message, value } from './helpers.ts';

describe('parseDuration', () => {
  it.each([
    ['25s', 25_000],
    ['1m45s', 105_000],
    ['6d4h40m57s', ((6 * 24 + 4) * 3600 + 40 * 60 + 57) * 1000],
    ['89w2d23h54m29s', (((89 * 7 + 2) * 24 + 23) * 3600 + 54 * 60 + 29) * 1000],
    ['1ms', 1],
    ['0s', 0],
    ['2h', 7_200_000],
    ['30', 30_000],
    ['00:01:02', 62_000],
    ['12:00:00', 43_200_000],
    ['1d02:03:04', (26 * 3600 + 3 * 60 + 4) * 1000],
    ['1w2d00:00:01', (9 * 86_400 + 1) * 1000],
    ['00:00:01.5', 1500],
    [' 25s ', 25_000],
  ])('%s -> %d ms', (input, ms) => {
    expect(value(parseDuration(input))).toBe(ms);
  });

  it('keeps sub-millisecond ping times', () => {
    expect(value(parseDuration('21ms768us'))).toBeCloseTo(21.768, 9);
    expect(value(parseDuration('500us'))).toBeCloseTo(0.5, 9);
    expect(value(parseDuration('1s250ms'))).toBe(1250);
  });

  it('rejects empty input', () => {
    expect(message(parseDuration(''))).toBe('Duration is empty. Use RouterOS style such as 25s, 1m45s or 6d4h40m57s, or hh:mm:ss.');
  });

  it('points at the part it cannot read', () => {
    expect(message(parseDuration('5x'))).toBe('Duration "5x" is not understood at "5x". Use RouterOS style such as 25s, 1m45s or 6d4h40m57s, or hh:mm:ss.');
    expect(message(parseDuration('1m 45s'))).toContain('at " 45s"');
    expect(message(parseDuration('1.5s'))).toContain('not understood');
    expect(message(parseDuration('-5s'))).toContain('not understood');
  });

  it('rejects units out of order or repeated', () => {
    expect(message(parseDuration('45s1m'))).toBe('Duration "45s1m" repeats a unit or lists them out of order; go from largest to smallest, like 1h30m.');
    expect(message(parseDuration('1m1m'))).toContain('repeats a unit');
  });

  it('rejects broken clock forms', () => {
    expect(message(parseDuration('00:61:00'))).toContain('not understood');
    expect(message(parseDuration('1:2'))).toContain('not understood');
  });
});

describe('formatRouterOsDuration', () => {
  it.each([
    [0, '0s'],
    [25_000, '25s'],
    [105_000, '1m45s'],
    [3_600_000, '1h'],
    [((6 * 24 + 4) * 3600 + 40 * 60 + 57) * 1000, '6d4h40m57s'],
    [(((89 * 7 + 2) * 24 + 23) * 3600 + 54 * 60 + 29) * 1000, '89w2d23h54m29s'],
    [1500, '1s500ms'],
    [21.768, '22ms'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatRouterOsDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const text of ['25s', '1m45s', '6d4h40m57s', '89w2d23h54m29s', '1d1s', '1w']) {
      expect(formatRouterOsDuration(value(parseDuration(text)))).toBe(text);
    }
  });

  it('refuses negative and non-finite values', () => {
    expect(() => formatRouterOsDuration(-1)).toThrow(RangeError);
    expect(() => formatRouterOsDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatAge', () => {
  it.each([
    [0, 'just now'],
    [4_999, 'just now'],
    [-30_000, 'just now'],
    [5_000, '5 s ago'],
    [42_000, '42 s ago'],
    [59_999, '59 s ago'],
    [60_000, '1 min ago'],
    [3 * 60_000 + 59_000, '3 min ago'],
    [3_600_000, '1 h ago'],
    [2 * 3_600_000 + 5 * 60_000, '2 h 5 min ago'],
    [23 * 3_600_000 + 59 * 60_000, '23 h 59 min ago'],
    [86_400_000, '1 day ago'],
    [3 * 86_400_000 + 5 * 3_600_000, '3 days ago'],
    [400 * 86_400_000, '400 days ago'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it('refuses non-finite values', () => {
    expect(() => formatAge(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
