// Rollups are exact sums of their samples (integer bytes and covered milliseconds), no byte is lost or
// invented between the router's counters and the stored history, and retention drops old raw rows while
// the rollups that summarise them stay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RouterPoller, TrafficHistory, type RetentionPolicy } from '../../../main/monitoring/index.ts';
import { FakeTime, ScriptedRouter, T0, key, rows, testDb, type TestDb } from './helpers.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

let t: TestDb;
beforeEach(() => {
  t = testDb();
});
afterEach(() => t.cleanup());

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('rollups', () => {
  it('equal the sum of their samples, bucket by bucket, with every counted byte accounted for', async () => {
    const time = new FakeTime(T0 + 17_300); // not aligned to a minute
    const router = new ScriptedRouter(time.now);
    const keys = [1, 2, 3, 4].map(key);
    keys.forEach((k, i) => router.add({ key: k, iface: i < 3 ? 'wg0' : 'wg1' }));
    const retention: RetentionPolicy = { rawMs: DAY, minuteMs: 30 * DAY, hourMs: 365 * DAY, eventsMs: 365 * DAY };
    const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time, retention });
    const random = prng(42);
    // What the stored history must add up to: counter growth between successive successful polls.
    const previous = new Map<string, bigint>();
    const expected = new Map<string, bigint>(keys.map((k) => [k, 0n]));

    for (let i = 0; i < 2.5 * 720; i++) {
      for (const k of keys) router.setRates(k, Math.floor(random() * 2_000_000), Math.floor(random() * 50_000));
      time.skip(4_000 + Math.floor(random() * 2_000));
      router.down = i >= 500 && i < 530 ? new Error('timeout') : undefined; // a 2.5-minute outage
      await poller.pollOnce();
      if (router.down) {
        previous.clear();
        continue;
      }
      for (const k of keys) {
        const rx = router.counters(router.peer(k)).rx;
        const before = previous.get(k);
        if (before !== undefined) expected.set(k, expected.get(k)! + rx - before);
        previous.set(k, rx);
      }
    }

    for (const k of keys) {
      const stored = rows<{ rx: number }>(t.db, 'SELECT sum(rx) AS rx FROM mon_raw JOIN mon_series USING (sid) WHERE public_key = ?', k)[0]!.rx;
      expect(stored).toBe(Number(expected.get(k)));
    }

    const minuteMismatch = rows(t.db, `
      SELECT m.sid, m.minute, m.rx, m.tx, sum(r.rx) AS raw_rx, sum(r.tx) AS raw_tx
      FROM mon_minute m LEFT JOIN mon_raw r ON r.sid = m.sid AND r.t / 60000 = m.minute
      GROUP BY m.sid, m.minute HAVING m.rx IS NOT raw_rx OR m.tx IS NOT raw_tx`);
    expect(minuteMismatch).toEqual([]);
    const unrolledRaw = rows<{ n: number }>(t.db, `
      SELECT count(*) AS n FROM mon_raw r JOIN mon_routers USING (rid)
      WHERE r.t < rolled_minute AND NOT EXISTS (SELECT 1 FROM mon_minute m WHERE m.sid = r.sid AND m.minute = r.t / 60000)`);
    expect(unrolledRaw).toEqual([{ n: 0 }]);
    const hourMismatch = rows(t.db, `
      SELECT h.sid, h.hour FROM mon_hour h
      WHERE h.rx != (SELECT sum(rx) FROM mon_minute m WHERE m.sid = h.sid AND m.minute / 60 = h.hour)
         OR h.tx != (SELECT sum(tx) FROM mon_minute m WHERE m.sid = h.sid AND m.minute / 60 = h.hour)`);
    expect(hourMismatch).toEqual([]);
    expect(rows<{ n: number }>(t.db, 'SELECT count(*) AS n FROM mon_hour')[0]!.n).toBe(2 * 6); // hours 0 and 1 closed, 6 series

    const coverMismatch = rows(t.db, `
      SELECT c.minute FROM mon_cover_minute c WHERE c.ms != (SELECT sum(ms) FROM mon_polls p WHERE p.rid = c.rid AND p.t / 60000 = c.minute)
      UNION ALL
      SELECT c.hour FROM mon_cover_hour c WHERE c.ms != (SELECT sum(ms) FROM mon_cover_minute m WHERE m.rid = c.rid AND m.minute / 60 = c.hour)`);
    expect(coverMismatch).toEqual([]);

    // Totals read across tiers (hours, then minutes, then the unrolled tail from raw) match raw exactly.
    const history = new TrafficHistory({ db: t.db, now: time.now, retention });
    const all = { from: T0, to: time.now() + 1 };
    for (const k of keys) {
      const raw = rows<{ rx: number; tx: number }>(t.db, 'SELECT sum(rx) AS rx, sum(tx) AS tx FROM mon_raw JOIN mon_series USING (sid) WHERE public_key = ?', k)[0]!;
      const iface = k === keys[3] ? 'wg1' : 'wg0';
      expect(history.totals({ routerId: t.routerId, interface: iface, publicKey: k }, all)).toMatchObject(raw);
    }
  });

  it('retention removes old raw rows and minute rows but keeps the rollups that summarise them', async () => {
    const time = new FakeTime();
    const router = new ScriptedRouter(time.now);
    router.add({ key: key(1), rxRate: 1_000, txRate: 10 });
    const retention: RetentionPolicy = { rawMs: 10 * MINUTE, minuteMs: 2 * HOUR, hourMs: DAY, eventsMs: DAY };
    const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time, retention, intervalMs: MINUTE });
    poller.start();
    await time.advance(2 * DAY + 30 * MINUTE);
    await poller.stop();
    const now = time.now();

    const span = (table: string, col: string, scale: number): { first: number; n: number } =>
      rows<{ first: number; n: number }>(t.db, `SELECT min(${col}) * ${scale} AS first, count(*) AS n FROM ${table}`)[0]!;
    expect(span('mon_polls', 't', 1).first).toBeGreaterThanOrEqual(now - 10 * MINUTE);
    expect(span('mon_raw', 't', 1).first).toBeGreaterThanOrEqual(now - 10 * MINUTE);
    expect(span('mon_minute', 'minute', MINUTE).first).toBeGreaterThanOrEqual(now - 2 * HOUR - HOUR);
    const hours = span('mon_hour', 'hour', HOUR);
    expect(hours.first).toBeGreaterThanOrEqual(now - DAY - HOUR);
    expect(hours.first).toBeLessThan(now - DAY + HOUR);

    // Every kept hour still holds its full 3,600,000 bytes (×2 series: the peer and wg0).
    const kept = rows<{ hour: number; rx: number }>(t.db, 'SELECT hour, rx FROM mon_hour');
    expect(kept.length).toBeGreaterThanOrEqual(2 * 24);
    for (const h of kept) expect(h.rx).toBe(3_600_000);
    const history = new TrafficHistory({ db: t.db, now: time.now, retention });
    const year = history.series({ routerId: t.routerId, interface: 'wg0', publicKey: key(1) }, '30d');
    expect(year.resolution).toBe('hour');
    const measured = year.points.filter((p) => p.rx !== null);
    expect(measured.length).toBe(25); // 24 kept hours and the current one (minutes and raw past the watermark)
    for (const p of measured) expect(p.rx).toBe(8_000);
  });
});
