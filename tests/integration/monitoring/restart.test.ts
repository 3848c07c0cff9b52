// The app closes (database closed mid-minute) and starts again later: history from before is intact, the
// downtime is a gap, the first poll after the restart is a baseline (no spike of everything moved while
// closed), the minute in progress at shutdown is still rolled up, and known statuses raise no new events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RouterPoller, TrafficHistory, type MonitorEvent } from '../../../main/monitoring/index.ts';
import { FakeTime, ScriptedRouter, T0, key, rows, testDb, type TestDb } from './helpers.ts';

const MINUTE = 60_000;
let t: TestDb;
beforeEach(() => {
  t = testDb();
});
afterEach(() => t.cleanup());

describe('restart', () => {
  it('continues the history after closing and reopening the database', async () => {
    const time = new FakeTime();
    const router = new ScriptedRouter(time.now);
    router.add({ key: key(1), rxRate: 50_000, txRate: 5_000, rx0: 123_456_789_000n, handshakeAt: T0 - 170_000 }); // busy: online by rx
    router.add({ key: key(2), handshakeAt: T0 - 3_600_000 }); // long offline
    router.add({ key: key(3), handshakeAt: undefined }); // never connected; connects once while the app is closed
    const events: MonitorEvent[] = [];
    const start = (): RouterPoller => {
      const p = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time, onEvent: (e) => events.push(e) });
      p.start();
      return p;
    };

    let poller = start();
    await time.advance(30 * MINUTE + 32_000); // stops half-way through minute 30
    await poller.stop();
    const shutdownAt = time.now();
    t.reopen();

    await time.advance(20 * MINUTE); // app closed: nothing polls, counters keep growing
    router.peer(key(3)).handshakeAt = time.now() - 10_000;
    poller = start();
    await time.advance(30 * MINUTE);
    await poller.stop();

    // Known statuses came back from the database: only real changes are events (key 3 connected, then
    // its one handshake aged past 180 s); the router stayed "reachable", as it was when the app closed.
    const connected = T0 + 50 * MINUTE + 32_000 - 10_000;
    expect(events.map((e) => (e.kind === 'peer' ? [e.publicKey, e.from, e.to, e.at] : [e.kind, e.to]))).toEqual([
      [key(3), 'never-connected', 'online', connected],
      [key(3), 'online', 'offline', connected + 180_000],
    ]);

    for (const r of rows<{ rx: number }>(t.db, "SELECT r.rx FROM mon_raw r JOIN mon_series s USING (sid) WHERE s.public_key = ?", key(1))) {
      expect(r.rx).toBe(250_000); // every poll 5 s of 50,000 B/s, also the first counted one after the restart
    }
    const minute30 = rows(t.db, "SELECT m.rx FROM mon_minute m JOIN mon_series s USING (sid) WHERE s.public_key = ? AND m.minute = ?", key(1), (T0 + 30 * MINUTE) / MINUTE);
    expect(minute30).toEqual([{ rx: 50_000 * 35 }]); // the polls at :00 .. :30 of the minute in progress at shutdown

    const history = new TrafficHistory({ db: t.db, now: time.now });
    const series = history.series({ routerId: t.routerId, interface: 'wg0', publicKey: key(1) }, '24h');
    const at = (m: number): number | null | undefined => series.points.find((p) => p.t === T0 + m * MINUTE)?.rx;
    for (const m of [0, 10, 29, 30]) expect(at(m)).toBe(400_000); // before the restart
    for (const m of [31, 40, 49]) expect(at(m)).toBeNull(); // app closed from 30:32 to 50:32
    for (const m of [50, 60, 80]) expect(at(m)).toBe(400_000); // after
    expect(shutdownAt).toBe(T0 + 30 * MINUTE + 32_000);
    const totals = history.totals({ routerId: t.routerId, interface: 'wg0' }, { from: T0, to: time.now() + 1 });
    expect(totals.coveredMs).toBe(30 * MINUTE + 30_000 + 30 * MINUTE); // polls 0:00..30:30, then 50:32..80:32
    expect(totals.rx).toBe((50_000 * totals.coveredMs) / 1000);
  });
});
