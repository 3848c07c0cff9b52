// RouterOS durations: "25s", "1m45s", "6d4h40m57s", "89w2d23h54m29s", ping times "21ms768us",
// and the older clock form "00:01:02" (optionally after weeks/days: "1d02:03:04").
import { err, ok, show, type Result } from './result.ts';

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, ns: 0.000_001 } as const;
type Unit = keyof typeof UNIT_MS;
/** Largest first: RouterOS always prints them in this order, and we insist on it when parsing. */
const UNIT_ORDER: readonly Unit[] = ['w', 'd', 'h', 'm', 's', 'ms', 'us', 'ns'];

// "ms" before "m" so "21ms" is not read as 21 minutes followed by garbage.
const PART = /(\d+)(ms|us|ns|w|d|h|m|s)/y;
const CLOCK = /^(?:(\d+)w)?(?:(\d+)d)?(\d+):([0-5]\d):([0-5]\d)(?:\.(\d{1,9}))?$/;

const EXAMPLES = 'Use RouterOS style such as 25s, 1m45s or 6d4h40m57s, or hh:mm:ss.';

function parseClock(m: RegExpExecArray): number {
  const [, w = '0', d = '0', h = '0', min = '0', s = '0', frac = ''] = m;
  const fraction = frac === '' ? 0 : Number(`0.${frac}`) * 1000;
  return Number(w) * UNIT_MS.w + Number(d) * UNIT_MS.d + Number(h) * UNIT_MS.h + Number(min) * UNIT_MS.m + Number(s) * UNIT_MS.s + fraction;
}

/**
 * Milliseconds for a RouterOS duration. A bare number means seconds, as RouterOS reads it.
 * Sub-millisecond parts give fractional results ("21ms768us" is 21.768).
 */
export function parseDuration(input: string): Result<number> {
  const text = input.trim();
  if (text === '') return err(`Duration is empty. ${EXAMPLES}`);
  if (/^\d+$/.test(text)) return ok(Number(text) * UNIT_MS.s);
  const clock = CLOCK.exec(text);
  if (clock) return ok(parseClock(clock));

  let total = 0;
  let lastRank = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const m = PART.exec(text);
    if (!m) return err(`Duration ${show(text)} is not understood at ${show(text.slice(start))}. ${EXAMPLES}`);
    const unit = m[2] as Unit;
    const rank = UNIT_ORDER.indexOf(unit);
    if (rank <= lastRank) return err(`Duration ${show(text)} repeats a unit or lists them out of order; go from largest to smallest, like 1h30m.`);
    lastRank = rank;
    total += Number(m[1]) * UNIT_MS[unit];
  }
  return ok(total);
}

/**
 * RouterOS style, largest unit first with zero parts left out: 25000 -> "25s", 105000 -> "1m45s".
 * Sub-second remainders come out as "ms" (rounded to whole milliseconds).
 */
export function formatRouterOsDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Duration must be a non-negative finite number of milliseconds; got ${ms}`);
  let rest = Math.round(ms);
  if (rest === 0) return '0s';
  let out = '';
  for (const unit of ['w', 'd', 'h', 'm', 's', 'ms'] as const) {
    const count = Math.floor(rest / UNIT_MS[unit]);
    rest -= count * UNIT_MS[unit];
    if (count > 0) out += `${count}${unit}`;
  }
  return out;
}

/**
 * How long ago, for a human: "just now", "42 s ago", "3 min ago", "2 h 5 min ago", "3 days ago".
 * Negative ages (router clock ahead of ours) read as "just now" rather than as the future.
 */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Age must be a finite number of milliseconds; got ${ms}`);
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h ago` : `${hours} h ${minutes % 60} min ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
