// RouterOS dates. Up to 7.9 the console and API print `jul/14/2023`; from 7.10 ISO `2023-07-14`
// (`/system clock get date` on 7.8 vs 7.10, phistrom/datetime-routeros issue #1; exports switched in 7.10rc1,
// ytti/oxidized PR #2815). Times are `HH:MM:SS` in both. The simulator's router clock is UTC.
import type { RouterVersion } from '../version.ts';
import { atLeast } from '../version.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDates(version: RouterVersion): boolean {
  return atLeast(version, '7.10');
}

/** Epoch ms at UTC midnight of a date, or null. ISO input only from 7.10 (older routers know only mmm/DD/YYYY). */
export function parseDate(text: string, version: RouterVersion): number | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const legacy = /^([A-Za-z]{3})\/(\d{1,2})\/(\d{4})$/.exec(text);
  let y: number, m: number, d: number;
  if (iso && isoDates(version)) [y, m, d] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
  else if (legacy && MONTHS.includes(legacy[1]!.toLowerCase())) {
    [y, m, d] = [Number(legacy[3]), MONTHS.indexOf(legacy[1]!.toLowerCase()), Number(legacy[2])];
  } else return null;
  const at = Date.UTC(y, m, d);
  const check = new Date(at);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m || check.getUTCDate() !== d) return null;
  if (y < 1970 || y > 2037) return null;
  return at;
}

/** Seconds after midnight for `HH:MM:SS` (or `HH:MM`), or null. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  return h * 3600 + min * 60 + s;
}

/** Stored form of a date: ISO, whatever the version (printing converts). */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function formatDate(ms: number, version: RouterVersion): string {
  const d = new Date(ms);
  if (isoDates(version)) return isoDate(ms);
  return `${MONTHS[d.getUTCMonth()]}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
}

export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function formatDateTime(ms: number, version: RouterVersion): string {
  return `${formatDate(ms, version)} ${formatTime(ms)}`;
}
