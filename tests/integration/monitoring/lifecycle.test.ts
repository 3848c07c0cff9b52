// History over a router's life: rollup and retention still happen for a router nobody polls any more,
// deleting the router deletes its history, and monitoring an unknown router fails clearly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RoutersRepository } from '../../../main/store/routers.ts';
import { RouterPoller, TrafficHistory, maintain, type RetentionPolicy } from '../../../main/monitoring/index.ts';
import { FakeTime, ScriptedRouter, T0, key, rows, testDb, type TestDb } from './helpers.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
let t: TestDb;
let time: FakeTime;
let router: ScriptedRouter;
beforeEach(() => {
  t = testDb();
  time = new FakeTime(T0 + 30 * MINUTE);
  router = new ScriptedRouter(time.now);
  router.add({ key: key(1), rxRate: 2_000, txRate: 100 });
});
afterEach(() => t.cleanup());

async function pollFor(ms: number): Promise<void> {
  const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time });
  poller.start();
  await time.advance(ms);
  await poller.stop();
}

const count = (table: string): number => rows<{ n: number }>(t.db, `SELECT count(*) AS n FROM ${table}`)[0]!.n;

describe('history lifecycle', () => {
  it('maintain() rolls up and ages out a router that is no longer polled, keeping its totals', async () => {
    await pollFor(20 * MINUTE); // 00:30 .. 00:50: nothing has reached the hourly tier yet
    expect(count('mon_hour')).toBe(0);
    const retention: RetentionPolicy = { rawMs: HOUR, minuteMs: DAY, hourMs: 30 * DAY, eventsMs: 30 * DAY };
    const range = { from: T0, to: T0 + HOUR };
    const before = new TrafficHistory({ db: t.db, now: time.now, retention }).totals({ routerId: t.routerId, interface: 'wg0' }, range);
    expect(before.rx).toBe(2_000 * 20 * 60);

    time.set(T0 + 3 * DAY);
    maintain(t.db, time.now(), retention);
    expect([count('mon_raw'), count('mon_polls'), count('mon_minute')]).toEqual([0, 0, 0]);
    expect(count('mon_hour')).toBe(2); // the peer and wg0, hour 00:00
    const after = new TrafficHistory({ db: t.db, now: time.now, retention }).totals({ routerId: t.routerId, interface: 'wg0' }, range);
    expect(after).toEqual(before);
  });

  it('deletes a router’s whole history with the router', async () => {
    await pollFor(2 * HOUR);
    router.down = new Error('gone');
    await pollFor(MINUTE);
    const tables = ['mon_routers', 'mon_series', 'mon_polls', 'mon_raw', 'mon_minute', 'mon_hour', 'mon_cover_minute', 'mon_cover_hour', 'mon_events'];
    for (const table of tables) expect(count(table), table).toBeGreaterThan(0);
    expect(new RoutersRepository(t.db).remove(t.routerId)).toBe(true);
    for (const table of tables) expect(count(table), table).toBe(0);
  });

  it('refuses to monitor a router that is not configured', () => {
    expect(() => new RouterPoller({ db: t.db, routerId: 'no-such-router', source: router })).toThrow(/not in the routers table/);
  });
});
