import { describe, expect, it } from 'vitest';
import type { RatePointData } from '../../../src/contract/index.ts';
import {
  coverage,
  formatBps,
  formatPointTime,
  formatRatio,
  formatSpan,
  gapSpans,
  lastMeasured,
  maxRate,
  measuredPoints,
  rateAxisFormatter,
  rateTicks,
  tickFormatter,
  timeTicks,
} from '../../../renderer/features/traffic/chart-model.ts';

const gap = (t: number): RatePointData => ({ t, rx: null, tx: null });
const pt = (t: number, rx: number, tx = rx): RatePointData => ({ t, rx, tx });

describe('measured points and gaps', () => {
  // A raw live series as main sends it: a gap until the first poll pair, polls, an outage, polls, "now".
  const points = [gap(0), pt(100, 8), pt(105, 9), gap(110), pt(200, 4), pt(205, 5), gap(206)];

  it('counts only measured points and finds the newest', () => {
    expect(measuredPoints(points)).toHaveLength(4);
    expect(lastMeasured(points)).toEqual(pt(205, 5));
    expect(lastMeasured([gap(0), gap(10)])).toBeNull();
  });

  it('spans each unmeasured stretch from the last measured point to the next', () => {
    expect(gapSpans(points, 0, 206, 10)).toEqual([
      { x1: 0, x2: 100 },
      { x1: 105, x2: 200 },
    ]);
  });

  it('leaves out stretches shorter than the minimum (time since the latest poll)', () => {
    expect(gapSpans(points, 0, 206, 1)).toContainEqual({ x1: 205, x2: 206 });
    expect(gapSpans(points, 0, 206, 10)).not.toContainEqual({ x1: 205, x2: 206 });
  });

  it('treats a range with nothing measured as one gap', () => {
    expect(gapSpans([gap(0), gap(900)], 0, 900, 10)).toEqual([{ x1: 0, x2: 900 }]);
    expect(gapSpans([], 0, 900, 10)).toEqual([{ x1: 0, x2: 900 }]);
  });

  it('never counts a null as a rate', () => {
    expect(maxRate([gap(0), pt(1, 3, 7), gap(2)])).toBe(7);
    expect(maxRate([gap(0)])).toBe(0);
  });
});

describe('coverage', () => {
  it('is partial when more than the tolerance is missing', () => {
    expect(coverage(4_000, 900_000, 15_000)).toEqual({ partial: true, ratio: 4_000 / 900_000 });
    expect(coverage(890_000, 900_000, 15_000).partial).toBe(false);
    expect(coverage(0, 0, 0)).toEqual({ partial: false, ratio: 0 });
  });
  it('formats a sliver of coverage as more than nothing', () => {
    expect(formatRatio(4 / 86_400, 'en-GB')).toBe('< 0.1%');
    expect(formatRatio(0.017, 'en-GB')).toBe('1.7%');
    expect(formatRatio(0.5, 'en-GB')).toBe('50%');
    expect(formatRatio(0.5, 'tr-TR')).toBe('%50');
    expect(formatRatio(0, 'en-GB')).toBe('0%');
  });
});

describe('rates in bits per second', () => {
  it('uses decimal prefixes and about three significant digits', () => {
    expect(formatBps(0, 'en-GB')).toBe('0 bps');
    expect(formatBps(999, 'en-GB')).toBe('999 bps');
    expect(formatBps(8_060_000, 'en-GB')).toBe('8.06 Mbps');
    expect(formatBps(18_700_000, 'en-GB')).toBe('18.7 Mbps');
    expect(formatBps(18_700_000, 'en-GB', true)).toBe('18.70 Mbps');
    expect(formatBps(1_250_000_000, 'tr-TR')).toBe('1,25 Gbps');
    expect(formatBps(-1, 'en-GB')).toBe('–');
  });

  it('ticks the rate axis at round values with one unit', () => {
    expect(rateTicks(3_800_000)).toEqual([0, 1_000_000, 2_000_000, 3_000_000, 4_000_000]);
    expect(rateTicks(18_700_000)).toEqual([0, 5_000_000, 10_000_000, 15_000_000, 20_000_000]);
    expect(rateTicks(900)).toEqual([0, 250, 500, 750, 1000]);
    expect(rateTicks(0)).toEqual([0, 250, 500, 750, 1000]);
    const format = rateAxisFormatter(4_000_000, 'en-GB');
    expect([0, 2_500_000, 4_000_000].map(format)).toEqual(['0', '2.5 Mbps', '4 Mbps']);
  });
});

describe('time axis', () => {
  const at = (...parts: [number, number, number, number?, number?, number?]) => new Date(parts[0], parts[1], parts[2], parts[3] ?? 0, parts[4] ?? 0, parts[5] ?? 0).getTime();

  it('ticks 15 minutes at whole minutes', () => {
    const to = at(2025, 2, 12, 14, 7, 31);
    const { ticks, unit } = timeTicks(to - 15 * 60_000, to);
    expect(unit).toBe('minute');
    expect(ticks[0]).toBe(at(2025, 2, 12, 13, 54));
    expect(ticks.every((t) => new Date(t).getSeconds() === 0 && new Date(t).getMinutes() % 2 === 0)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(8);
  });

  it('ticks a day at round hours and labels midnight with the date', () => {
    const to = at(2025, 2, 12, 14, 7);
    const { ticks, unit } = timeTicks(to - 86_400_000, to);
    expect(unit).toBe('hour');
    expect(ticks).toContain(at(2025, 2, 12));
    const label = tickFormatter(unit, 86_400_000, 'en-GB');
    expect(label(at(2025, 2, 12))).toBe('12 Mar');
    expect(label(at(2025, 2, 12, 4))).toBe('04:00');
  });

  it('ticks a week at midnights, a month every few days and a year at month starts', () => {
    const to = at(2025, 2, 12, 14, 7);
    const week = timeTicks(to - 7 * 86_400_000, to);
    expect(week.unit).toBe('day');
    expect(week.ticks.every((t) => new Date(t).getHours() === 0)).toBe(true);
    expect(tickFormatter('day', 7 * 86_400_000, 'en-GB')(at(2025, 2, 10))).toBe('Mon 10');
    const month = timeTicks(to - 30 * 86_400_000, to);
    expect(month.unit).toBe('day');
    expect(month.ticks.length).toBeLessThanOrEqual(8);
    const year = timeTicks(to - 365 * 86_400_000, to);
    expect(year.unit).toBe('month');
    expect(year.ticks.every((t) => new Date(t).getDate() === 1)).toBe(true);
    expect(tickFormatter('month', 365 * 86_400_000, 'en-GB')(at(2025, 0, 1))).toBe('Jan 2025');
  });

  it('says which stretch a tooltip point covers', () => {
    const now = at(2025, 2, 12, 15);
    expect(formatPointTime(at(2025, 2, 12, 14, 5, 9), null, 'en-GB', now)).toBe('14:05:09');
    expect(formatPointTime(at(2025, 2, 11, 14, 10), 600_000, 'en-GB', now)).toBe('11 Mar 14:10–14:20');
    expect(formatPointTime(at(2024, 5, 1, 6), 6 * 3_600_000, 'en-GB', now)).toBe('1 Jun 2024 06:00–12:00');
  });
});

describe('formatSpan', () => {
  const t = (key: string, options: { count: number }) => `${options.count}${key.split('.')[1]![0]}`;
  it('keeps the two largest units', () => {
    expect(formatSpan(4_000, t)).toBe('4s');
    expect(formatSpan((3 * 3600 + 12 * 60 + 5) * 1000, t)).toBe('3h 12m');
    expect(formatSpan(60_000, t)).toBe('1m');
    expect(formatSpan(0, t)).toBe('0s');
  });
});
