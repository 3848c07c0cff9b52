import { describe, expect, it } from 'vitest';
import { backoffDelays } from '../../../main/routeros/backoff.ts';

function take(iterator: Iterator<number>, n: number): number[] {
  return Array.from({ length: n }, () => iterator.next().value as number);
}

describe('backoffDelays', () => {
  it('grows exponentially up to the cap when there is no jitter', () => {
    expect(take(backoffDelays({ initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 }), 7)).toEqual([
      100, 200, 400, 800, 1000, 1000, 1000,
    ]);
  });

  it('takes up to the jitter share off each delay', () => {
    const lowest = take(backoffDelays({ initialMs: 1000, jitter: 0.5, random: () => 0.999999 }), 3);
    const highest = take(backoffDelays({ initialMs: 1000, jitter: 0.5, random: () => 0 }), 3);
    expect(highest).toEqual([1000, 2000, 4000]);
    expect(lowest).toEqual([500, 1000, 2000]);
  });

  it('spreads simultaneous reconnects apart', () => {
    const randoms = [0.1, 0.9];
    let i = 0;
    const delays = take(backoffDelays({ initialMs: 1000, jitter: 1, random: () => randoms[i++ % 2]! }), 2);
    expect(delays).toEqual([900, 200]);
  });

  it('uses sensible defaults: 1 s doubling to 60 s with half jitter', () => {
    const delays = take(backoffDelays({ random: () => 0 }), 8);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('refuses a policy that would spin', () => {
    expect(() => backoffDelays({ initialMs: 0 }).next()).toThrow(RangeError);
  });
});
