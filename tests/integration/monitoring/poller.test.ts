// The polling loop: one print per interval, never two at once, a read that hangs becomes a failed poll
// (a gap) after the timeout, settings apply from the next poll, stop() ends it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PollTimeoutError, RouterPoller, type PeerRow, type PeerSource } from '../../../main/monitoring/index.ts';
import { FakeTime, ScriptedRouter, key, rows, testDb, type TestDb } from './helpers.ts';

let t: TestDb;
let time: FakeTime;
beforeEach(() => {
  t = testDb();
  time = new FakeTime();
});
afterEach(() => t.cleanup());

/** A source whose reads stay pending until the test answers them. */
class ManualSource implements PeerSource {
  readonly reads: { at: number; signal: AbortSignal | undefined; answer(rows: PeerRow[]): void }[] = [];
  readPeers(_proplist: readonly string[], signal?: AbortSignal): Promise<PeerRow[]> {
    return new Promise((resolve) => this.reads.push({ at: time.now(), signal, answer: resolve }));
  }
}

describe('RouterPoller', () => {
  it('never overlaps polls: a slow read delays the next one instead of stacking a second', async () => {
    const source = new ManualSource();
    const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source, now: time.now, timer: time, timeoutMs: 60_000 });
    poller.start();
    await time.advance(30_000);
    expect(source.reads.length).toBe(1);
    const same = poller.pollOnce(); // a manual refresh joins the poll in progress
    expect(source.reads.length).toBe(1);

    source.reads[0]!.answer([]);
    await same;
    await time.advance(0);
    expect(source.reads.map((r) => r.at - source.reads[0]!.at)).toEqual([0, 30_000]); // late, so at once
    source.reads[1]!.answer([]);
    await time.advance(5_000);
    expect(source.reads.map((r) => r.at - source.reads[0]!.at)).toEqual([0, 30_000, 35_000]);
    // Stopping (app quitting) abandons the hanging read without calling the router unreachable.
    await poller.stop();
    expect(source.reads[2]!.signal?.aborted).toBe(true);
    expect(rows(t.db, 'SELECT reachability FROM mon_routers')).toEqual([{ reachability: 'reachable' }]);
  });

  it('counts a read that outlives the timeout as a failed poll, aborts it, and keeps polling', async () => {
    const source = new ManualSource();
    const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source, now: time.now, timer: time, intervalMs: 5_000 });
    poller.start();
    await time.advance(9_999);
    expect(source.reads[0]!.signal?.aborted).toBe(false);
    await time.advance(1);
    expect(source.reads[0]!.signal?.aborted).toBe(true);
    expect(rows(t.db, 'SELECT reachability FROM mon_routers')).toEqual([{ reachability: 'unreachable' }]);
    expect(source.reads.length).toBe(2); // the next poll started right away: the failed one ran late

    source.reads[0]!.answer([]); // a reply after the timeout is ignored
    source.reads[1]!.answer([]);
    await time.advance(0);
    expect(rows(t.db, 'SELECT reachability FROM mon_routers')).toEqual([{ reachability: 'reachable' }]);
    await poller.stop();
    expect(new PollTimeoutError(10_000).message).toMatch(/within 10 s/);
  });

  it('applies a new interval from the next poll, and stops cleanly', async () => {
    const router = new ScriptedRouter(time.now);
    router.add({ key: key(1), rxRate: 100, txRate: 100 });
    const poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time });
    poller.start();
    await time.advance(20_000);
    expect(router.proplists.length).toBe(5);
    poller.configure({ intervalMs: 10_000 });
    await time.advance(40_000);
    expect(router.proplists.length).toBe(5 + 4); // 25 s (already scheduled), then 35 s, 45 s and 55 s
    await poller.stop();
    expect(time.pending).toBe(0);
    await time.advance(60_000);
    expect(router.proplists.length).toBe(9);
  });
});
