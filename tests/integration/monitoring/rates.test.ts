// Polling a scripted router at known byte rates: the graphs must show those rates (within 1%, with
// realistic reply latency), one print per poll with the short proplist, interface = sum of its peers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RouterPoller, TrafficHistory, type RatePoint } from '../../../main/monitoring/index.ts';
import { POLL_PROPLIST } from '../../../main/routeros/menus/wireguard-peers.ts';
import { FakeTime, ScriptedRouter, T0, key, rows, testDb, type TestDb } from './helpers.ts';

const MINUTE = 60_000;
let t: TestDb;
beforeEach(() => {
  t = testDb();
});
afterEach(() => t.cleanup());

/** A router that answers after 0-40 ms, like one on a LAN: our poll times are not the router's. */
class SlowRouter extends ScriptedRouter {
  #n = 0;
  readonly #time: FakeTime;
  constructor(time: FakeTime) {
    super(time.now);
    this.#time = time;
  }
  override async readPeers(proplist: readonly string[]): Promise<Record<string, string>[]> {
    const out = await super.readPeers(proplist);
    this.#time.skip((this.#n++ * 17) % 41);
    return out;
  }
}

function values(points: readonly RatePoint[], field: 'rx' | 'tx'): number[] {
  return points.map((p) => p[field]).filter((v): v is number => v !== null);
}

function expectWithin1Percent(actual: readonly number[], expected: number): void {
  expect(actual.length).toBeGreaterThan(0);
  for (const v of actual) expect(Math.abs(v - expected) / expected).toBeLessThan(0.01);
}

describe('traffic rates', () => {
  it('shows known rates within 1% in the live and 24-hour graphs, from one short print per poll', async () => {
    const time = new FakeTime();
    const router = new SlowRouter(time);
    router.add({ key: key(1), rxRate: 125_000, txRate: 12_500 }); // 1 Mbit/s in, 100 kbit/s out
    router.add({ key: key(2), rxRate: 3_001, txRate: 777_777 });
    router.add({ key: key(3), iface: 'wg1', rxRate: 40, txRate: 0 });
    const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time });
    poller.start();
    await time.advance(20 * MINUTE);
    await poller.stop();

    expect(router.proplists.length).toBe(20 * 12 + 1);
    for (const p of router.proplists) expect(p).toEqual([...POLL_PROPLIST]);

    const history = new TrafficHistory({ db: t.db, now: time.now });
    const peer1 = history.live({ routerId: t.routerId, interface: 'wg0', publicKey: key(1) });
    expect(peer1.resolution).toBe('raw');
    expectWithin1Percent(values(peer1.points, 'rx'), 1_000_000);
    expectWithin1Percent(values(peer1.points, 'tx'), 100_000);
    // 15 minutes of 5-second polls, plus the null edges (nothing recorded before/after the window's polls).
    expect(values(peer1.points, 'rx').length).toBeGreaterThanOrEqual(179);

    const day = history.series({ routerId: t.routerId, interface: 'wg0', publicKey: key(2) }, '24h');
    expect(day).toMatchObject({ resolution: 'minute', stepMs: MINUTE });
    const measured = day.points.filter((p) => p.rx !== null);
    expect(measured.length).toBe(21); // minutes 0..20, the last one still being filled (read from raw)
    expectWithin1Percent(values(measured, 'rx'), 3_001 * 8);
    expectWithin1Percent(values(measured, 'tx'), 777_777 * 8);
    // Before monitoring started nothing was measured: null, not 0.
    expect(day.points.filter((p) => p.t < T0).every((p) => p.rx === null && p.tx === null)).toBe(true);

    const tiny = history.series({ routerId: t.routerId, interface: 'wg1', publicKey: key(3) }, '24h');
    expectWithin1Percent(values(tiny.points, 'rx').slice(1, -1), 320);
    expect(values(tiny.points, 'tx').every((v) => v === 0)).toBe(true);
  });

  it('stores the interface series as the exact sum of its peers, poll by poll and bucket by bucket', async () => {
    const time = new FakeTime();
    const router = new ScriptedRouter(time.now);
    router.add({ key: key(1), rxRate: 1_234, txRate: 99 });
    router.add({ key: key(2), rxRate: 50_000, txRate: 7 });
    router.add({ key: key(3), iface: 'wg1', rxRate: 9_999, txRate: 9_999 });
    const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time });
    poller.start();
    await time.advance(75 * MINUTE);
    await poller.stop();

    const sumsDiffer = rows(t.db, `
      SELECT r.t, i.interface FROM mon_raw r JOIN mon_series i ON i.sid = r.sid AND i.public_key = ''
      WHERE r.rx != (SELECT coalesce(sum(p.rx), 0) FROM mon_raw p JOIN mon_series s ON s.sid = p.sid
                     WHERE p.rid = r.rid AND p.t = r.t AND s.interface = i.interface AND s.public_key != '')`);
    expect(sumsDiffer).toEqual([]);
    for (const table of ['mon_minute', 'mon_hour']) {
      const col = table === 'mon_minute' ? 'minute' : 'hour';
      const check = rows<{ iface: number; peers: number }>(t.db, `
        SELECT b.rx + b.tx AS iface, (SELECT sum(p.rx + p.tx) FROM ${table} p JOIN mon_series s ON s.sid = p.sid
          WHERE p.${col} = b.${col} AND s.interface = i.interface AND s.public_key != '') AS peers
        FROM ${table} b JOIN mon_series i ON i.sid = b.sid AND i.public_key = ''`);
      expect(check.length).toBeGreaterThan(0);
      for (const c of check) expect(c.iface).toBe(c.peers);
    }

    const history = new TrafficHistory({ db: t.db, now: time.now });
    const wg0 = history.series({ routerId: t.routerId, interface: 'wg0' }, '24h');
    expectWithin1Percent(values(wg0.points, 'rx'), (1_234 + 50_000) * 8);
    const totals = history.totals({ routerId: t.routerId, interface: 'wg0' }, { from: T0, to: T0 + 75 * MINUTE + 1 });
    // Polls at T0, T0 + 5 s, ... T0 + 75 min: the first reading is only a baseline, so 900 intervals count.
    expect(totals.rx).toBe(((1_234 + 50_000) * 75 * MINUTE) / 1000);
    expect(totals.coveredMs).toBe(75 * MINUTE);
  });
});
