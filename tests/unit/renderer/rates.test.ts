import { describe, expect, it } from 'vitest';
import type { WgPeer } from '../../../src/contract/index.ts';
import { currentRate, EMPTY_SERIES, ingestRead, rateBetween, snapshotOf, type TrafficRead, type TrafficSeries } from '../../../renderer/features/traffic/rates.ts';

const opts = { maxGapMs: 15_000, windowMs: 15 * 60_000 };

function p(id: string, rx: number, tx: number): WgPeer {
  return {
    id,
    interface: 'wg0',
    name: id,
    comment: '',
    publicKey: id,
    allowedAddress: [],
    endpoint: null,
    currentEndpoint: null,
    lastHandshakeMs: 1000,
    persistentKeepaliveSec: null,
    rx,
    tx,
    disabled: false,
    dynamic: false,
    status: 'online',
  };
}

const live = (at: number, rows: WgPeer[]): TrafficRead => ({ ok: true, at, live: true, rows });

function run(reads: TrafficRead[]): TrafficSeries {
  return reads.reduce((series, read) => ingestRead(series, read, opts), EMPTY_SERIES);
}

describe('rateBetween', () => {
  it('sums per-peer deltas over the elapsed seconds', () => {
    const a = snapshotOf([p('a', 1000, 0), p('b', 0, 500)], 0);
    const b = snapshotOf([p('a', 6000, 0), p('b', 0, 3000)], 5000);
    expect(rateBetween(a, b)).toEqual({ rx: 1000, tx: 500 });
  });

  it('treats a counter that went down as a reset, never a negative rate', () => {
    const a = snapshotOf([p('a', 9000, 9000)], 0);
    const b = snapshotOf([p('a', 2000, 0)], 2000);
    expect(rateBetween(a, b)).toEqual({ rx: 1000, tx: 0 });
  });

  it('skips peers that were not in the previous read', () => {
    const a = snapshotOf([p('a', 0, 0)], 0);
    const b = snapshotOf([p('a', 1000, 0), p('new', 1e9, 1e9)], 1000);
    expect(rateBetween(a, b)).toEqual({ rx: 1000, tx: 0 });
  });

  it('returns null when no time passed', () => {
    const a = snapshotOf([p('a', 0, 0)], 10);
    expect(rateBetween(a, a)).toBeNull();
  });
});

describe('ingestRead', () => {
  it('needs two reads for the first point', () => {
    const one = run([live(0, [p('a', 0, 0)])]);
    expect(one.points).toEqual([]);
    expect(currentRate(one)).toBeNull();
    const two = run([live(0, [p('a', 0, 0)]), live(5000, [p('a', 5000, 0)])]);
    expect(two.points).toEqual([{ t: 5000, rx: 1000, tx: 0 }]);
  });

  it('leaves a gap for a failed read and restarts from the next good one', () => {
    const series = run([
      live(0, [p('a', 0, 0)]),
      live(5000, [p('a', 5000, 0)]),
      { ok: false, at: 10_000 },
      live(15_000, [p('a', 20_000, 0)]),
      live(20_000, [p('a', 25_000, 0)]),
    ]);
    expect(series.points).toEqual([
      { t: 5000, rx: 1000, tx: 0 },
      { t: 10_000, rx: null, tx: null },
      { t: 20_000, rx: 1000, tx: 0 },
    ]);
  });

  it('does not measure from cached (offline) data', () => {
    const series = run([live(0, [p('a', 0, 0)]), live(5000, [p('a', 5000, 0)]), { ok: true, at: 5000, live: false, rows: [p('a', 5000, 0)] }]);
    expect(currentRate(series)).toBeNull();
    expect(series.prev).toBeNull();
  });

  it('does not join reads that are too far apart', () => {
    const series = run([live(0, [p('a', 0, 0)]), live(5000, [p('a', 5000, 0)]), live(60_000, [p('a', 1e9, 0)])]);
    expect(series.points).toEqual([
      { t: 5000, rx: 1000, tx: 0 },
      { t: 60_000, rx: null, tx: null },
    ]);
  });

  it('ignores the same read delivered twice', () => {
    const first = run([live(0, [p('a', 0, 0)]), live(5000, [p('a', 5000, 0)])]);
    expect(ingestRead(first, live(5000, [p('a', 5000, 0)]), opts)).toBe(first);
  });

  it('drops points older than the window', () => {
    const reads: TrafficRead[] = [];
    for (let i = 0; i <= 200; i += 1) reads.push(live(i * 5000, [p('a', i * 5000, 0)]));
    const series = run(reads);
    expect(series.points[0]!.t).toBeGreaterThanOrEqual(200 * 5000 - opts.windowMs);
    expect(series.points.every((pt) => pt.rx === 1000)).toBe(true);
  });
});
