// Storage tiers and how long each is kept. Each tier is kept as long as the longest view that reads it,
// so every chart gets at most ~1,500 points without reading more rows than it draws:
//   raw (one row per poll, ~5 s)  2 hours: the live 15-minute view, and a margin to zoom into it;
//   1-minute                       8 days: the 24-hour view (1,440 points) and the 7-day view (10-minute steps);
//   1-hour                         2 years: the 30-day (720 points) and 1-year views, daily usage, and the
//                                  same month last year.
// A 24-hour chart is about 1,000 pixels wide, so 5-second rows older than the live view would only be
// averaged away again; keeping them a day would make raw rows the largest table (17,280 per busy peer).
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface RetentionPolicy {
  readonly rawMs: number;
  readonly minuteMs: number;
  readonly hourMs: number;
  /** Status transitions: kept as long as the hourly history they explain. */
  readonly eventsMs: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  rawMs: 2 * HOUR_MS,
  minuteMs: 8 * DAY_MS,
  hourMs: 731 * DAY_MS,
  eventsMs: 731 * DAY_MS,
};

export type TierName = 'raw' | 'minute' | 'hour';

export interface Tier {
  readonly name: TierName;
  /** Bucket length; raw rows are bucketed by their own millisecond timestamp. */
  readonly sizeMs: number;
  readonly keepMs: (policy: RetentionPolicy) => number;
}

export const TIERS: readonly Tier[] = [
  { name: 'raw', sizeMs: 1, keepMs: (p) => p.rawMs },
  { name: 'minute', sizeMs: MINUTE_MS, keepMs: (p) => p.minuteMs },
  { name: 'hour', sizeMs: HOUR_MS, keepMs: (p) => p.hourMs },
];

export function floorTo(ms: number, size: number): number {
  return Math.floor(ms / size) * size;
}
