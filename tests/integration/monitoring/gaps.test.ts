// Time the router was not polled is a gap: null points in every graph, never zeros, and no catch-up
// spike when polling resumes. A polled but idle peer is 0, which is different.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RouterPoller, TrafficHistory } from '../../../main/monitoring/index.ts';
import { FakeTime, ScriptedRouter, T0, key, testDb, type TestDb } from './helpers.ts';

const MINUTE = 60_000;
let t: TestDb;
beforeEach(() => {
  t = testDb();
});
afterEach(() => t.cleanup());

describe('gaps', () => {
  it('shows an unreachable router as null points in the live and minute graphs, and idle peers as 0', async () => {
    const time = new FakeTime();
    const router = new ScriptedRouter(time.now);
    router.add({ key: key(1), rxRate: 25_000, txRate: 1_000 });
    router.add({ key: key(2), rxRate: 0, txRate: 0 });
    const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time });
    poller.start();
    await time.advance(10 * MINUTE);
    router.down = new Error('no route to host');
    await time.advance(3 * MINUTE); // polls at 10:05 .. 13:00 fail
    router.down = undefined;
    await time.advance(7 * MINUTE);
    await poller.stop();

    const history = new TrafficHistory({ db: t.db, now: time.now });
    const busy = { routerId: t.routerId, interface: 'wg0', publicKey: key(1) };
    const gapStart = T0 + 10 * MINUTE;
    const gapEnd = T0 + 13 * MINUTE + 5_000; // the first poll back is a baseline; counting resumes after it

    const live = history.live(busy);
    // From the last poll before the outage to the first counted one after it: one null point breaks the line.
    expect(live.points.filter((p) => p.t >= gapStart && p.t <= gapEnd + 5_000)).toEqual([
      { t: gapStart, rx: 200_000, tx: 8_000 },
      { t: gapEnd, rx: null, tx: null },
      { t: gapEnd + 5_000, rx: 200_000, tx: 8_000 },
    ]);
    for (const p of live.points) if (p.rx !== null) expect(p.rx).toBe(200_000); // no spike after the gap
    expect(live.points.some((p) => p.rx === 0)).toBe(false);

    const minutes = history.series(busy, '24h');
    const byMinute = new Map(minutes.points.map((p) => [(p.t - T0) / MINUTE, p]));
    expect(byMinute.get(11)).toEqual({ t: T0 + 11 * MINUTE, rx: null, tx: null });
    expect(byMinute.get(12)).toEqual({ t: T0 + 12 * MINUTE, rx: null, tx: null });
    // Partly covered minutes show the rate over the part that was measured, not a diluted one.
    expect(byMinute.get(10)?.rx).toBe(200_000);
    expect(byMinute.get(13)?.rx).toBe(200_000);
    expect(byMinute.get(-1)?.rx).toBeNull();

    const idle = history.series({ ...busy, publicKey: key(2) }, '24h');
    const idleByMinute = new Map(idle.points.map((p) => [(p.t - T0) / MINUTE, p.rx]));
    expect(idleByMinute.get(5)).toBe(0);
    expect(idleByMinute.get(11)).toBeNull();
  });
});
