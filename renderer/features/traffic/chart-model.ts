// Pure helpers behind the traffic chart: what a range is, how its time axis is ticked and labelled, which
// unit the rate axis uses, where the unmeasured gaps are and how much of the range was measured. Rates are
// bits per second as main sends them; a null rate is "not measured" and stays null all the way to the SVG.
import type { HistoryRangeValue, RatePointData } from '../../../src/contract/index.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export const RANGES: readonly HistoryRangeValue[] = ['15m', '24h', '7d', '30d', '1y'];

export const RANGE_MS: Record<HistoryRangeValue, number> = {
  '15m': 15 * MINUTE_MS,
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  '1y': 365 * DAY_MS,
};

export function isLive(range: HistoryRangeValue): boolean {
  return range === '15m';
}

/** Rate points that were actually measured (both directions are measured together). */
export function measuredPoints(points: readonly RatePointData[]): RatePointData[] {
  return points.filter((p) => p.rx !== null && p.tx !== null);
}

export function lastMeasured(points: readonly RatePointData[]): RatePointData | null {
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const p = points[i]!;
    if (p.rx !== null && p.tx !== null) return p;
  }
  return null;
}

export interface Span {
  x1: number;
  x2: number;
}

/**
 * Stretches the chart leaves empty because nothing was measured: from the last measured point before a run
 * of null points (or the start of the range) to the first one after it (or the end). Spans shorter than
 * `minMs` are left out, so the few seconds since the latest poll or a late poll do not read as an outage.
 */
export function gapSpans(points: readonly RatePointData[], from: number, to: number, minMs: number): Span[] {
  const spans: Span[] = [];
  let start: number | null = null; // x1 of the open gap
  let prevMeasured = from;
  for (const p of points) {
    const measured = p.rx !== null && p.tx !== null;
    if (!measured) {
      start ??= prevMeasured;
      continue;
    }
    if (start !== null) {
      if (p.t - start >= minMs) spans.push({ x1: start, x2: p.t });
      start = null;
    }
    prevMeasured = p.t;
  }
  if (start !== null && to - start >= minMs) spans.push({ x1: start, x2: to });
  else if (start === null && points.length === 0 && to - from >= minMs) spans.push({ x1: from, x2: to });
  return spans;
}

/** How much of the range was measured, and whether that is short enough to say so on screen. */
export function coverage(coveredMs: number, rangeMs: number, toleranceMs: number): { partial: boolean; ratio: number } {
  const ratio = rangeMs > 0 ? Math.max(0, Math.min(1, coveredMs / rangeMs)) : 0;
  return { partial: coveredMs < rangeMs - toleranceMs, ratio };
}

const percentFormats = new Map<string, Intl.NumberFormat>();
/** 0.125 -> "13%" (en) or "%13" (tr); one decimal below 10 %, and "< 0.1%" for a sliver that is not nothing. */
export function formatRatio(ratio: number, locale: string): string {
  if (ratio > 0 && ratio < 0.001) return `< ${formatRatio(0.001, locale)}`;
  const digits = ratio > 0 && ratio < 0.1 ? 1 : 0;
  const key = `${locale}|${digits}`;
  let format = percentFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
    percentFormats.set(key, format);
  }
  return format.format(ratio);
}

// ---------- Rates ----------

const RATE_UNITS = ['bps', 'kbps', 'Mbps', 'Gbps', 'Tbps'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, minFraction: number, maxFraction: number): Intl.NumberFormat {
  const key = `${locale}|${minFraction}|${maxFraction}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: minFraction, maximumFractionDigits: maxFraction });
    numberFormats.set(key, format);
  }
  return format;
}

/** The unit a value (bits per second) reads best in: decimal prefixes, as WinBox and ISP contracts use. */
export function rateUnit(bitsPerSecond: number): { unit: RateUnit; divisor: number } {
  let unit = 0;
  let divisor = 1;
  while (Math.abs(bitsPerSecond) >= divisor * 1000 && unit < RATE_UNITS.length - 1) {
    divisor *= 1000;
    unit += 1;
  }
  return { unit: RATE_UNITS[unit]!, divisor };
}

/**
 * A rate in bits per second: 12_345_678 -> "12.3 Mbps". `precise` keeps one more digit (tooltips).
 * Null is "not measured", never a number.
 */
export function formatBps(bitsPerSecond: number, locale: string, precise = false): string {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond < 0) return '–';
  const { unit, divisor } = rateUnit(bitsPerSecond);
  const value = bitsPerSecond / divisor;
  let digits = unit === 'bps' ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  if (precise && unit !== 'bps') digits += 1;
  return `${numberFormat(locale, digits, digits).format(value)} ${unit}`;
}

/** Rate-axis ticks share one unit chosen from the largest value: "0", "2.5 Mbps", "5 Mbps". */
export function rateAxisFormatter(maxBps: number, locale: string): (value: number) => string {
  const { unit, divisor } = rateUnit(maxBps);
  const format = numberFormat(locale, 0, 2);
  return (value) => (value === 0 ? '0' : `${format.format(value / divisor)} ${unit}`);
}

/**
 * Round rate-axis ticks from 0 to just above `max`: steps of 1, 2, 2.5 or 5 times a power of ten, about
 * `count` of them ("0, 1, 2, 3, 4 Mbps" rather than "0, 0.95, 1.9, 2.85, 3.8 Mbps").
 */
export function rateTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 250, 500, 750, 1000];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const n = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

export function maxRate(points: readonly RatePointData[]): number {
  let max = 0;
  for (const p of points) {
    if (p.rx !== null && p.rx > max) max = p.rx;
    if (p.tx !== null && p.tx > max) max = p.tx;
  }
  return max;
}

// ---------- Time axis ----------

type TickUnit = 'minute' | 'hour' | 'day' | 'month';

interface TickStep {
  unit: TickUnit;
  n: number;
  /** Rough length, to count ticks before generating them. */
  approxMs: number;
}

const TICK_STEPS: readonly TickStep[] = [
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ unit: 'minute' as const, n, approxMs: n * MINUTE_MS })),
  ...[1, 2, 3, 4, 6, 12].map((n) => ({ unit: 'hour' as const, n, approxMs: n * HOUR_MS })),
  ...[1, 2, 5, 10].map((n) => ({ unit: 'day' as const, n, approxMs: n * DAY_MS })),
  ...[1, 2, 3, 6].map((n) => ({ unit: 'month' as const, n, approxMs: n * 30 * DAY_MS })),
];

export interface TimeTicks {
  ticks: number[];
  unit: TickUnit;
}

/** The round local time at or before `t` for a step (whole minutes and hours, midnights, month starts). */
function floorTo(t: number, step: TickStep): Date {
  const d = new Date(t);
  switch (step.unit) {
    case 'minute':
      d.setSeconds(0, 0);
      d.setMinutes(Math.floor(d.getMinutes() / step.n) * step.n);
      break;
    case 'hour':
      d.setMinutes(0, 0, 0);
      d.setHours(Math.floor(d.getHours() / step.n) * step.n);
      break;
    case 'day':
      d.setHours(0, 0, 0, 0);
      break;
    case 'month':
      d.setHours(0, 0, 0, 0);
      d.setMonth(Math.floor(d.getMonth() / step.n) * step.n, 1);
      break;
  }
  return d;
}

function advance(d: Date, step: TickStep): void {
  if (step.unit === 'minute') d.setMinutes(d.getMinutes() + step.n);
  else if (step.unit === 'hour') d.setHours(d.getHours() + step.n);
  else if (step.unit === 'day') d.setDate(d.getDate() + step.n);
  else d.setMonth(d.getMonth() + step.n, 1);
}

/** Round local-time ticks between `from` and `to`, at most about `maxTicks` of them. */
export function timeTicks(from: number, to: number, maxTicks = 8): TimeTicks {
  const span = Math.max(1, to - from);
  const step = TICK_STEPS.find((s) => span / s.approxMs <= maxTicks) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const ticks: number[] = [];
  const d = floorTo(from, step);
  if (d.getTime() < from) advance(d, step);
  while (d.getTime() <= to && ticks.length <= maxTicks * 2) {
    ticks.push(d.getTime());
    advance(d, step);
  }
  return { ticks, unit: step.unit };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour12: false, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

const HM: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const HMS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
const WEEKDAY_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric' };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

function isMidnight(t: number): boolean {
  const d = new Date(t);
  return d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0;
}

/** Tick labels for the unit timeTicks picked: "14:30", a date at midnight, "Mon 12", "12 Mar", "Mar 2025". */
export function tickFormatter(unit: TickUnit, spanMs: number, locale: string): (t: number) => string {
  switch (unit) {
    case 'minute':
    case 'hour':
      return (t) => (isMidnight(t) && spanMs > HOUR_MS ? dateFormat(locale, DAY_MONTH).format(t) : dateFormat(locale, HM).format(t));
    case 'day':
      return (t) => dateFormat(locale, spanMs <= 8 * DAY_MS ? WEEKDAY_DAY : DAY_MONTH).format(t);
    case 'month':
      return (t) => dateFormat(locale, new Date(t).getMonth() === 0 ? { month: 'short', year: 'numeric' } : { month: 'short' }).format(t);
  }
}

/**
 * When a point was measured, for the tooltip. Raw points are single polls (the rate over the interval
 * before them); bucketed points cover [t, t + step).
 */
export function formatPointTime(t: number, stepMs: number | null, locale: string, now: number): string {
  const sameDay = new Date(t).toDateString() === new Date(now).toDateString();
  const sameYear = new Date(t).getFullYear() === new Date(now).getFullYear();
  const day = dateFormat(locale, sameYear ? DAY_MONTH : DAY_MONTH_YEAR).format(t);
  if (stepMs === null) return sameDay ? dateFormat(locale, HMS).format(t) : `${day} ${dateFormat(locale, HMS).format(t)}`;
  if (stepMs >= DAY_MS) return day;
  const end = t + stepMs;
  return `${day} ${dateFormat(locale, HM).format(t)}–${dateFormat(locale, HM).format(end)}`;
}

/** A duration in its two largest units through i18n unit keys: "3h 12m", "45s", "12d 4h". */
export function formatSpan(ms: number, t: (key: string, options: { count: number }) => string): string {
  let rest = Math.floor(Math.max(0, ms) / 1000);
  const units: Array<[number, string]> = [
    [86_400, 'units.day'],
    [3_600, 'units.hour'],
    [60, 'units.minute'],
    [1, 'units.second'],
  ];
  const parts: string[] = [];
  for (const [size, key] of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(t(key, { count }));
    else if (parts.length > 0) break;
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : t('units.second', { count: 0 });
}
