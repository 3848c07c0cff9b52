// Which tier and step a graph of a given range reads: the finest tier still holding `from`, at the
// smallest round step that keeps the graph within MAX_POINTS (a chart cannot show more than it has pixels).
//   15 min -> raw polls (~180)   24 h -> 1 min (1,440)   7 d -> 10 min (1,008)   30 d -> 1 h (720)   1 y -> 6 h (1,460)
import { DAY_MS, HOUR_MS, MINUTE_MS, TIERS, type RetentionPolicy, type TierName } from './tiers.ts';
import type { TimeRange } from './types.ts';

export const MAX_POINTS = 1_500;

/** For sizing only: raw points are the actual polls, about one per default poll interval. */
const NOMINAL_POLL_MS = 5_000;

const STEPS_MS: readonly number[] = [
  MINUTE_MS, 2 * MINUTE_MS, 5 * MINUTE_MS, 10 * MINUTE_MS, 15 * MINUTE_MS, 30 * MINUTE_MS,
  HOUR_MS, 2 * HOUR_MS, 3 * HOUR_MS, 6 * HOUR_MS, 12 * HOUR_MS, DAY_MS, 2 * DAY_MS, 7 * DAY_MS,
];

export interface Resolution {
  readonly tier: TierName;
  /** Bucket length of the points; null for raw, whose points are the polls themselves. */
  readonly stepMs: number | null;
}

export function pickResolution(range: TimeRange, now: number, policy: RetentionPolicy): Resolution {
  const span = Math.max(1, range.to - range.from);
  for (const tier of TIERS) {
    if (range.from < now - tier.keepMs(policy)) continue; // already aged out of this tier
    if (tier.name === 'raw') {
      if (span / NOMINAL_POLL_MS <= MAX_POINTS) return { tier: 'raw', stepMs: null };
      continue;
    }
    const step = STEPS_MS.find((s) => s >= tier.sizeMs && span / s <= MAX_POINTS);
    if (step !== undefined) return { tier: tier.name, stepMs: step };
  }
  // Older than every retention (or longer than any step): hourly rows, as coarse as needed.
  const steps = STEPS_MS.filter((s) => s >= HOUR_MS);
  return { tier: 'hour', stepMs: steps.find((s) => span / s <= MAX_POINTS) ?? steps[steps.length - 1]! };
}

/**
 * Tier for totals: 1-minute while it still holds `from`, else hourly. Never raw (a poll row per peer);
 * the not-yet-rolled newest minute is still read from raw through the watermark.
 */
export function totalsTier(from: number, now: number, policy: RetentionPolicy): TierName {
  return from >= now - policy.minuteMs ? 'minute' : 'hour';
}
