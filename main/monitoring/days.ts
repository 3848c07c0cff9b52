// Local calendar days for daily usage: a technician's "Tuesday" starts at local midnight, and a daylight
// saving change makes a day 23 or 25 hours long. A range is cut where the UTC offset changes, so each
// piece has one offset and can be grouped into days by SQL with plain integer arithmetic.
import { DAY_MS } from './tiers.ts';

/** Minutes to add to UTC to get local time at `t` (+180 for Istanbul); by default what `Date` knows. */
export type UtcOffset = (t: number) => number;

export const localUtcOffset: UtcOffset = (t) => -new Date(t).getTimezoneOffset();

export interface OffsetSegment {
  readonly from: number;
  readonly to: number;
  readonly offsetMs: number;
}

/** [from, to) cut at every change of the UTC offset (found by daily probes, pinned to the millisecond). */
export function offsetSegments(from: number, to: number, offset: UtcOffset): OffsetSegment[] {
  const out: OffsetSegment[] = [];
  let start = from;
  let current = offset(from);
  let t = from;
  while (t < to) {
    const probe = Math.min(t + DAY_MS, to) - 1;
    if (offset(probe) === current) {
      t = probe + 1;
      continue;
    }
    let lo = t; // offset(lo) === current, offset(hi) !== current
    let hi = probe;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offset(mid) === current) lo = mid;
      else hi = mid;
    }
    out.push({ from: start, to: hi, offsetMs: current * 60_000 });
    start = hi;
    current = offset(hi);
    t = hi;
  }
  out.push({ from: start, to, offsetMs: current * 60_000 });
  return out.filter((s) => s.to > s.from);
}

/** YYYY-MM-DD of a local midnight given as "local milliseconds" (UTC ms + offset). */
export function isoDate(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 10);
}
