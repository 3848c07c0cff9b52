// Counter resets: a router reboot, a peer removed and added again under the same key, a peer that
// vanishes and returns. None may produce a negative value or a spike, and bytes must still add up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RouterPoller, TrafficHistory } from '../../../main/monitoring/index.ts';
import { FakeTime, ScriptedRouter, T0, key, rows, testDb, type TestDb } from './helpers.ts';

let t: TestDb;
let time: FakeTime;
let router: ScriptedRouter;
let poller: RouterPoller;
beforeEach(() => {
  t = testDb();
  time = new FakeTime();
  router = new ScriptedRouter(time.now);
  poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time });
});
afterEach(() => t.cleanup());

/** `count` polls 5 s apart, the very first one of a test at T0. */
async function pollEvery5s(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    if (time.now() > T0 || router.proplists.length > 0) time.skip(5_000);
    await poller.pollOnce();
  }
}

function rawRows(publicKey: string): { t: number; rx: number; tx: number }[] {
  return rows(t.db, 'SELECT r.t, r.rx, r.tx FROM mon_raw r JOIN mon_series s USING (sid) WHERE s.public_key = ? ORDER BY r.t', publicKey);
}

describe('counter resets', () => {
  it('a router reboot (all counters back to 0) counts only the bytes since the reboot', async () => {
    router.add({ key: key(1), rxRate: 10_000, txRate: 2_000, rx0: 5_000_000_000n, tx0: 7_000_000n });
    await pollEvery5s(10); // T0 .. T0 + 45 s
    time.skip(2_000);
    router.reboot(); // at T0 + 47 s; the next poll at T0 + 50 s reads 3 s worth of new counters
    time.skip(3_000);
    await poller.pollOnce();
    await pollEvery5s(4);

    const raw = rawRows(key(1));
    expect(raw.map((r) => r.rx)).toEqual([...Array(9).fill(50_000), 30_000, ...Array(4).fill(50_000)]);
    expect(raw.map((r) => r.tx)).toEqual([...Array(9).fill(10_000), 6_000, ...Array(4).fill(10_000)]);
    const history = new TrafficHistory({ db: t.db, now: time.now });
    const live = history.live({ routerId: t.routerId, interface: 'wg0', publicKey: key(1) });
    const rates = live.points.flatMap((p) => (p.rx === null ? [] : [p.rx]));
    expect(Math.max(...rates)).toBe(80_000); // 10,000 B/s: no spike
    expect(Math.min(...rates)).toBe(48_000); // the reboot's interval lost 2 s of bytes with the old counter
  });

  it('a peer removed and added again under the same key keeps its series and counts its new counter from 0', async () => {
    router.add({ key: key(1), rxRate: 20, txRate: 0 });
    await pollEvery5s(4); // old counter reaches 300 B
    time.skip(1_000);
    router.recreate(key(1)); // new .id, counters 0, then 1,000 B/s
    router.setRates(key(1), 1_000, 0);
    time.skip(4_000);
    await poller.pollOnce(); // at T0 + 20 s, reads 4,000 B: above the old 300, so only the new .id tells it restarted

    expect(rows(t.db, "SELECT public_key FROM mon_series WHERE public_key != ''")).toEqual([{ public_key: key(1) }]);
    expect(rawRows(key(1)).map((r) => r.rx)).toEqual([100, 100, 100, 4_000]);
  });

  it('a peer missing from some polls starts again from a baseline instead of one catch-up spike', async () => {
    const peer = router.add({ key: key(1), rxRate: 1_000, txRate: 1_000 });
    router.add({ key: key(2), rxRate: 1, txRate: 1 });
    await pollEvery5s(3);
    router.remove(key(1));
    await pollEvery5s(3);
    router.peers.push(peer); // back, counters 20 s further on
    await pollEvery5s(3);

    const raw = rawRows(key(1));
    expect(raw.map((r) => r.rx)).toEqual([5_000, 5_000, 5_000, 5_000]);
    expect(raw.map((r) => r.t)).toEqual([T0 + 5_000, T0 + 10_000, T0 + 35_000, T0 + 40_000]);
  });

  it('keeps exact byte counts for counters beyond 2^53', async () => {
    router.add({ key: key(1), rxRate: 1_000, txRate: 3, rx0: 2n ** 60n, tx0: 2n ** 62n });
    await pollEvery5s(3);
    expect(rawRows(key(1)).map((r) => [r.rx, r.tx])).toEqual([[5_000, 15], [5_000, 15]]);
  });
});
