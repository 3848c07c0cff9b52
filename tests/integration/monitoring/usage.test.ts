// Reports: totals per period, top talkers, bytes per peer per local day as CSV, and the resolution each
// graph range reads.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, RouterPoller, TrafficHistory, pickResolution } from '../../../main/monitoring/index.ts';
import { offsetSegments } from '../../../main/monitoring/days.ts';
import { FakeTime, ScriptedRouter, T0, key, testDb, type TestDb } from './helpers.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const istanbul = (): number => 180;

let t: TestDb;
let time: FakeTime;
let history: TrafficHistory;
const ref = (n: number, iface = 'wg0'): { routerId: string; interface: string; publicKey: string } => ({ routerId: t.routerId, interface: iface, publicKey: key(n) });

// Three days polled once a minute from Monday 00:00 UTC, with the router unreachable Wednesday 06:00-12:00 UTC.
beforeAll(async () => {
  t = testDb();
  time = new FakeTime();
  const router = new ScriptedRouter(time.now);
  router.add({ key: key(1), name: 'alpha', rxRate: 1_000, txRate: 250 });
  router.add({ key: key(2), name: '=HYPERLINK("x")', rxRate: 100, txRate: 0 });
  router.add({ key: key(3), name: 'idle' });
  router.add({ key: key(4), iface: 'wg1', name: 'delta', rxRate: 500, txRate: 500 });
  const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time, intervalMs: MINUTE });
  poller.start();
  await time.advance(2 * DAY + 6 * HOUR);
  router.down = new Error('unreachable');
  await time.advance(6 * HOUR);
  router.down = undefined;
  await time.advance(12 * HOUR);
  await poller.stop();
  history = new TrafficHistory({ db: t.db, now: time.now });
});
afterAll(() => t.cleanup());

describe('usage reports', () => {
  it('totals a period from the samples whose interval ended in it', () => {
    // Monday: polls at 00:00 (baseline), 00:01 ... 23:59 count; the one at 24:00 belongs to Tuesday.
    expect(history.totals(ref(1), { from: T0, to: T0 + DAY })).toEqual({ rx: 1_000 * 1439 * 60, tx: 250 * 1439 * 60, coveredMs: 1439 * MINUTE });
    expect(history.totals(ref(1), { from: T0 + DAY, to: T0 + 2 * DAY })).toEqual({ rx: 86_400_000, tx: 21_600_000, coveredMs: DAY });
    // Wednesday lost 6 h to the outage, and the first minute after it was a baseline.
    expect(history.totals(ref(1), { from: T0 + 2 * DAY, to: T0 + 3 * DAY }).coveredMs).toBe(18 * HOUR - MINUTE);
    expect(history.totals({ routerId: t.routerId, interface: 'wg0' }, { from: T0 + DAY, to: T0 + 2 * DAY }).rx).toBe(1_100 * 86_400);
  });

  it('ranks top talkers over a period, per router or per interface', () => {
    const top = history.topTalkers(t.routerId, '24h'); // Wednesday: 18 h polled
    expect(top.map((p) => [p.name, p.total])).toEqual([
      ['alpha', 1_250 * 18 * 3_600],
      ['delta', 1_000 * 18 * 3_600],
      ['=HYPERLINK("x")', 100 * 18 * 3_600],
    ]);
    expect(history.topTalkers(t.routerId, '7d', { limit: 1 }).map((p) => p.name)).toEqual(['alpha']);
    // All of it: three days less the outage and the minute after it (a baseline, like the very first poll).
    expect(history.topTalkers(t.routerId, '30d', { interface: 'wg1' }).map((p) => [p.name, p.rx])).toEqual([['delta', (500 * (3 * DAY - 6 * HOUR - MINUTE)) / 1000]]);
  });

  it('reports bytes per peer per local day, as spreadsheet-safe CSV', () => {
    const days = history.usageByDay(t.routerId, { from: T0, to: time.now() + 1 }, { utcOffset: istanbul });
    // Local days (UTC+3) overlapping Monday 03:00 .. Thursday 03:00: Monday to Thursday.
    expect([...new Set(days.map((d) => d.date))]).toEqual(['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09']);
    const tuesday = days.filter((d) => d.date === '2025-01-07');
    expect(tuesday.map((d) => [d.interface, d.name, d.rx, d.tx, d.coveredMs])).toEqual([
      ['wg0', '=HYPERLINK("x")', 100 * 86_400, 0, DAY],
      ['wg0', 'alpha', 1_000 * 86_400, 250 * 86_400, DAY],
      ['wg1', 'delta', 500 * 86_400, 500 * 86_400, DAY],
    ]);
    expect(days.some((d) => d.name === 'idle')).toBe(false); // no traffic, no row

    // Each day agrees with the totals of its local-day range.
    const tuesdayRange = { from: T0 + DAY - 3 * HOUR, to: T0 + 2 * DAY - 3 * HOUR };
    expect(history.totals(ref(1), tuesdayRange)).toMatchObject({ rx: tuesday[1]!.rx, tx: tuesday[1]!.tx });

    const localTuesday = { from: T0 + DAY - 3 * HOUR, to: T0 + 2 * DAY - 3 * HOUR };
    const csv = history.usageCsv(t.routerId, localTuesday, { utcOffset: istanbul });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('date,interface,peer,public key,received from peer (bytes),sent to peer (bytes),total (bytes),monitored hours');
    expect(lines).toContain(`2025-01-07,wg0,alpha,${key(1)},${1_000 * 86_400},${250 * 86_400},${1_250 * 86_400},24.0`);
    expect(lines).toContain(`2025-01-07,wg0,"'=HYPERLINK(""x"")",${key(2)},8640000,0,8640000,24.0`);
    expect(lines.length).toBe(1 + 3 + 1); // header, three peers, and the empty string after the final CRLF
  });

  it('keeps local days right across a daylight saving change (a 23-hour day)', () => {
    const change = T0 + DAY + HOUR; // clocks go forward from UTC+1 to UTC+2 at 01:00 UTC on Tuesday
    const offset = (at: number): number => (at < change ? 60 : 120);
    expect(offsetSegments(T0, T0 + 3 * DAY, offset)).toEqual([
      { from: T0, to: change, offsetMs: HOUR },
      { from: change, to: T0 + 3 * DAY, offsetMs: 2 * HOUR },
    ]);
    const alpha = history.usageByDay(t.routerId, { from: T0, to: time.now() + 1 }, { utcOffset: offset }).filter((d) => d.name === 'alpha');
    expect(alpha.map((d) => [d.date, d.rx, d.coveredMs])).toEqual([
      ['2025-01-06', 1_000 * (23 * 3_600 - 60), 23 * HOUR - MINUTE], // from Monday 00:00 UTC (01:00 local), first poll a baseline
      ['2025-01-07', 1_000 * 23 * 3_600, 23 * HOUR], // Monday 23:00 UTC to Tuesday 22:00 UTC
      ['2025-01-08', 1_000 * (18 * 3_600 - 60), 18 * HOUR - MINUTE], // the 6-hour outage
      ['2025-01-09', 1_000 * 121 * 60, 121 * MINUTE], // the polls at Wednesday 22:00 .. Thursday 00:00 UTC, both included
    ]);
  });

  it('picks a resolution that keeps each graph within ~1,500 points', () => {
    const now = time.now();
    const pick = (span: number): [string, number | null] => {
      const r = pickResolution({ from: now - span, to: now }, now, DEFAULT_RETENTION);
      return [r.tier, r.stepMs];
    };
    expect(pick(15 * MINUTE)).toEqual(['raw', null]);
    expect(pick(DAY)).toEqual(['minute', MINUTE]);
    expect(pick(7 * DAY)).toEqual(['minute', 10 * MINUTE]);
    expect(pick(30 * DAY)).toEqual(['hour', HOUR]);
    expect(pick(365 * DAY)).toEqual(['hour', 6 * HOUR]);
    const week = history.series(ref(1), '7d');
    expect(week.points.length).toBeLessThanOrEqual(1_009);
    expect(week.points.filter((p) => p.rx !== null).every((p) => p.rx === 8_000)).toBe(true);
  });
});
