import { describe, expect, it } from 'vitest';
import { counterDelta, parseCounter, rate } from '../../../src/domain/counters.ts';
import { message, value } from './helpers.ts';

describe('parseCounter', () => {
  it('reads decimal strings exactly, beyond 2^53', () => {
    expect(value(parseCounter('0'))).toBe(0n);
    expect(value(parseCounter(' 123456789 '))).toBe(123_456_789n);
    expect(value(parseCounter('18446744073709551615'))).toBe(2n ** 64n - 1n);
    expect(value(parseCounter('9007199254740993'))).toBe(9_007_199_254_740_993n);
  });

  it('rejects anything but a whole number', () => {
    expect(message(parseCounter('12 KiB'))).toBe('Byte counter "12 KiB" is not a whole number of bytes.');
    expect(message(parseCounter('-5'))).toContain('not a whole number');
    expect(message(parseCounter(''))).toContain('(empty)');
  });
});

describe('counterDelta', () => {
  it('is the difference while the counter grows', () => {
    expect(counterDelta(1000n, 1500n)).toEqual({ delta: 500n, reset: false });
    expect(counterDelta(1000n, 1000n)).toEqual({ delta: 0n, reset: false });
  });

  it('treats a drop as a reset: delta is the new value, never negative', () => {
    expect(counterDelta(5_000_000_000n, 1200n)).toEqual({ delta: 1200n, reset: true });
    expect(counterDelta(10n, 0n)).toEqual({ delta: 0n, reset: true });
  });

  it('stays exact above 2^53', () => {
    expect(counterDelta(2n ** 60n, 2n ** 60n + 1n)).toEqual({ delta: 1n, reset: false });
  });

  it('reports no traffic for the first sample, so the lifetime total is no spike', () => {
    expect(counterDelta(undefined, 987_654_321n)).toEqual({ delta: 0n, reset: false });
  });
});

describe('rate', () => {
  it('is bits per second', () => {
    expect(rate(125_000n, 1000)).toBe(1_000_000);
    expect(rate(1_000, 2000)).toBe(4000);
  });

  it('is 0 when no time passed or nothing moved', () => {
    expect(rate(1000n, 0)).toBe(0);
    expect(rate(1000n, -5)).toBe(0);
    expect(rate(1000n, Number.NaN)).toBe(0);
    expect(rate(0n, 1000)).toBe(0);
  });
});
