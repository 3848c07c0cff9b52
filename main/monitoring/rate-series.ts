// Rate points for charts. Rates are bytes over the time the router was actually polled in the bucket, in
// bits per second; a bucket (or stretch between polls) with no recorded poll is a null point, never 0.
import { rate } from '../../src/domain/index.ts';
import type { BucketReader, ByteSums } from './buckets.ts';
import type { TierName } from './tiers.ts';
import type { RatePoint, TimeRange } from './types.ts';

export interface RateSeries {
  readonly resolution: TierName;
  /** Point spacing; null for raw, whose points are the polls (t = end of each poll interval). */
  readonly stepMs: number | null;
  readonly from: number;
  readonly to: number;
  readonly points: RatePoint[];
}

const GAP: Omit<RatePoint, 't'> = { rx: null, tx: null };

/**
 * One point per recorded poll (t = when it was read, rate over the interval before it), plus a null point
 * wherever time went unrecorded: before the first poll, between polls that do not join, after the last.
 */
export function rawSeries(reader: BucketReader, rid: number, sid: number, range: TimeRange): RateSeries {
  const cover = new Map<number, number>();
  const bytes = new Map<number, ByteSums>();
  const perPoll = { stepMs: 1 };
  reader.cover('raw', rid, range.from, range.to, perPoll, cover);
  reader.bytes('raw', rid, sid, range.from, range.to, perPoll, bytes);

  if (cover.size === 0) return { resolution: 'raw', stepMs: null, from: range.from, to: range.to, points: [{ t: range.from, ...GAP }, { t: range.to, ...GAP }] };
  const points: RatePoint[] = [];
  let end = range.from;
  for (const t of [...cover.keys()].sort((a, b) => a - b)) {
    const ms = cover.get(t)!;
    if (t - ms > end) points.push({ t: points.length === 0 ? range.from : t - ms, ...GAP });
    const b = bytes.get(t);
    points.push({ t, rx: rate(b?.rx ?? 0, ms), tx: rate(b?.tx ?? 0, ms) });
    end = t;
  }
  if (end < range.to) points.push({ t: range.to, ...GAP });
  return { resolution: 'raw', stepMs: null, from: range.from, to: range.to, points };
}

/** One point per step from the step containing `from` to the one containing `to` (t = bucket start). */
export function gridSeries(reader: BucketReader, tier: TierName, rid: number, sid: number, range: TimeRange, stepMs: number): RateSeries {
  const from = Math.floor(range.from / stepMs) * stepMs;
  const end = Math.ceil(range.to / stepMs) * stepMs;
  const cover = new Map<number, number>();
  const bytes = new Map<number, ByteSums>();
  reader.cover(tier, rid, from, end, { stepMs }, cover);
  reader.bytes(tier, rid, sid, from, end, { stepMs }, bytes);

  const points: RatePoint[] = [];
  for (let t = from; t < end; t += stepMs) {
    const ms = cover.get(t);
    const b = bytes.get(t);
    points.push(ms ? { t, rx: rate(b?.rx ?? 0, ms), tx: rate(b?.tx ?? 0, ms) } : { t, ...GAP });
  }
  return { resolution: tier, stepMs, from, to: range.to, points };
}
