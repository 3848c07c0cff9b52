// /system/clock and /system/scheduler: enough to arm an entry that runs once at a given moment of the
// router's own clock. The router's clock is read rather than the laptop's, because the two often differ
// (no NTP on the router, another time zone), and the scheduler counts in the router's local time.
// Formats: the RouterOS manual ("Clock") documents `date` as mmm/DD/YYYY (`dec/02/2026`); from 7.10 the
// clock prints ISO dates (`2026-12-02`: `/system clock get date` gave `jul/14/2023` on 7.8 and `2023-07-14`
// on 7.10, phistrom/datetime-routeros issue #1). Time is `14:20:11` in both. The date style the router
// printed is the one written back, so this does not depend on knowing the release that switched.
import { RouterOsError } from '../errors.ts';
import type { Row } from '../rows.ts';
import type { MenuClient } from './values.ts';

export const CLOCK_PATH = '/system/clock';
export const SCHEDULER_PATH = '/system/scheduler';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface RouterClock {
  /** The router's wall-clock time as if it were UTC (the scheduler has no time zone of its own). */
  readonly wall: number;
  readonly style: 'iso' | 'legacy';
}

export function parseRouterClock(date: string, time: string): RouterClock | null {
  const t = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(time);
  if (!t) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const legacy = /^([a-z]{3})\/(\d{2})\/(\d{4})$/.exec(date.toLowerCase());
  let y: number, m: number, d: number;
  let style: RouterClock['style'];
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
    style = 'iso';
  } else if (legacy && MONTHS.includes(legacy[1]!)) {
    [y, m, d] = [Number(legacy[3]), MONTHS.indexOf(legacy[1]!), Number(legacy[2])];
    style = 'legacy';
  } else {
    return null;
  }
  return { wall: Date.UTC(y, m, d, Number(t[1]), Number(t[2]), Number(t[3])), style };
}

/** `start-date` and `start-time` for a moment `afterSec` after `clock`, in the clock's own date style. */
export function schedulerStart(clock: RouterClock, afterSec: number): { 'start-date': string; 'start-time': string } {
  const at = new Date(clock.wall + afterSec * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = clock.style === 'iso'
    ? `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
    : `${MONTHS[at.getUTCMonth()]}/${pad(at.getUTCDate())}/${at.getUTCFullYear()}`;
  return { 'start-date': date, 'start-time': `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}` };
}

/** The clock as read at `readAt` (this computer's time): the router's wall time and what says its offset from UTC. */
export interface ClockReading {
  readonly wall: number;
  readonly readAt: number;
  /** `manual`, or a TZ database name such as `Europe/Istanbul` (manual "Clock"). */
  readonly zone: string;
  /** `gmt-offset` as printed before 7.15 (`+03:00`), in ms; null when the router does not print it. */
  readonly gmtOffsetMs: number | null;
}

export function toClockReading(row: Row, readAt: number): ClockReading | null {
  const clock = parseRouterClock(row['date'] ?? '', row['time'] ?? '');
  if (!clock) return null;
  return { wall: clock.wall, readAt, zone: row['time-zone-name'] ?? 'manual', gmtOffsetMs: parseUtcOffset(row['gmt-offset'] ?? '') };
}

/** `+03:00` / `-05:30` in ms; null for anything else. */
export function parseUtcOffset(text: string): number | null {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(text);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : null;
}

export async function readRouterClock(client: MenuClient, options: { timeoutMs?: number } = {}): Promise<RouterClock> {
  const [row] = await client.print(CLOCK_PATH, options);
  const clock = row ? parseRouterClock(row['date'] ?? '', row['time'] ?? '') : null;
  if (!clock) throw new RouterOsError('PROTOCOL_ERROR', `${client.host} printed a clock WireDesk cannot read (date "${row?.['date'] ?? ''}", time "${row?.['time'] ?? ''}")`, { host: client.host });
  return clock;
}
