// Online/offline transitions at the right moments, stored and emitted: the handshake age crossing the
// threshold while rx is flat dates "offline" at the crossing; growing rx keeps a peer online; router
// reachability changes; a first sighting is a state, not an event.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RouterPoller, TrafficHistory, type MonitorEvent, type PeerTransition } from '../../../main/monitoring/index.ts';
import { FakeTime, ScriptedRouter, T0, key, testDb, type TestDb } from './helpers.ts';

let t: TestDb;
let time: FakeTime;
let router: ScriptedRouter;
let events: MonitorEvent[];
let poller: RouterPoller;
const START = T0 + 2_300; // polls are not aligned with anything the peers do

beforeEach(() => {
  t = testDb();
  time = new FakeTime(START);
  router = new ScriptedRouter(time.now);
  events = [];
  poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time, onEvent: (e) => events.push(e) });
});
afterEach(() => t.cleanup());

/** Polls every 5 s until `until` (inclusive), returning the poll times. */
async function pollUntil(until: number): Promise<number[]> {
  const times: number[] = [];
  for (let at = time.now(); at <= until; at += 5_000) {
    time.set(at);
    await poller.pollOnce();
    times.push(at);
  }
  time.set(times.at(-1)! + 5_000);
  return times;
}

const peerEvents = (): PeerTransition[] => events.filter((e): e is PeerTransition => e.kind === 'peer');

describe('peer status', () => {
  it('goes offline exactly when the handshake turns 180 s old while rx is flat, and online again at the next handshake', async () => {
    const handshake = T0 - 100_000;
    router.add({ key: key(1), name: 'laptop', handshakeAt: handshake, rxRate: 0, txRate: 0 });
    const crossing = handshake + 180_000;

    const before = await pollUntil(crossing);
    expect(before.at(-1)).toBeLessThanOrEqual(crossing);
    expect(events).toEqual([]); // online from the first sighting, and nothing changed yet

    await poller.pollOnce(); // the first poll after the crossing
    expect(peerEvents()).toEqual([
      { kind: 'peer', routerId: t.routerId, interface: 'wg0', publicKey: key(1), name: 'laptop', from: 'online', to: 'offline', at: crossing },
    ]);

    await pollUntil(time.now() + 60_000);
    const renewed = time.now() - 3_000;
    router.peer(key(1)).handshakeAt = renewed;
    await poller.pollOnce();
    expect(peerEvents().map((e) => [e.to, e.at])).toEqual([['offline', crossing], ['online', renewed]]);

    const stored = new TrafficHistory({ db: t.db, now: time.now }).events({ routerId: t.routerId, peer: { interface: 'wg0', publicKey: key(1) } });
    expect(stored.map((e) => [e.from, e.to, e.at, e.name])).toEqual([
      ['offline', 'online', renewed, 'laptop'],
      ['online', 'offline', crossing, 'laptop'],
    ]);
  });

  it('stays online while rx grows even with an old handshake, and goes offline at the first poll without rx', async () => {
    router.add({ key: key(1), handshakeAt: T0 - 170_000, rxRate: 1_000, txRate: 0 });
    const polls = await pollUntil(START + 10 * 60_000);
    expect(peerEvents()).toEqual([]);

    const stopAt = time.now() - 2_000; // rx stops between two polls
    time.set(stopAt);
    router.setRates(key(1), 0, 0);
    time.set(polls.at(-1)! + 5_000);
    await poller.pollOnce(); // still saw the last bytes: online
    expect(peerEvents()).toEqual([]);
    const lastGrowing = time.now();
    time.skip(5_000);
    await poller.pollOnce();
    expect(peerEvents().map((e) => [e.from, e.to, e.at])).toEqual([['online', 'offline', lastGrowing]]);
  });

  it('follows a changed threshold, and reports disabled and first-handshake transitions', async () => {
    poller.configure({ onlineThresholdMs: 90_000 });
    const handshake = T0 - 30_000;
    router.add({ key: key(1), handshakeAt: handshake });
    router.add({ key: key(2), handshakeAt: undefined }); // never connected: RouterOS omits last-handshake
    await pollUntil(handshake + 90_000 + 5_000);
    expect(peerEvents().map((e) => [e.publicKey, e.to, e.at])).toEqual([[key(1), 'offline', handshake + 90_000]]);

    const connected = time.now() - 1_000;
    router.peer(key(2)).handshakeAt = connected;
    router.peer(key(1)).disabled = true;
    await poller.pollOnce();
    expect(peerEvents().slice(1).map((e) => [e.publicKey, e.from, e.to, e.at])).toEqual([
      [key(1), 'offline', 'disabled', time.now()],
      [key(2), 'never-connected', 'online', connected],
    ]);
  });
});

describe('router reachability', () => {
  it('records unreachable and reachable transitions with the reason, without peer flapping on the way back', async () => {
    router.add({ key: key(1), handshakeAt: T0 - 170_000, rxRate: 500, txRate: 500 }); // online through rx only
    await pollUntil(START + 60_000);
    const failedAt = time.now();
    router.down = new Error('connection timed out');
    await pollUntil(failedAt + 30_000);
    router.down = undefined;
    const backAt = time.now();
    await pollUntil(backAt + 30_000);

    expect(events).toEqual([
      { kind: 'router', routerId: t.routerId, from: 'reachable', to: 'unreachable', at: failedAt, detail: 'connection timed out' },
      { kind: 'router', routerId: t.routerId, from: 'unreachable', to: 'reachable', at: backAt, detail: null },
    ]);
    const stored = new TrafficHistory({ db: t.db, now: time.now }).events({ routerId: t.routerId });
    expect(stored.map((e) => [e.to, e.at, e.interface])).toEqual([['reachable', backAt, null], ['unreachable', failedAt, null]]);
  });

  it('keeps calling the loop after a listener throws', async () => {
    const failing = new RouterPoller({
      db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time,
      onEvent: () => {
        throw new Error('listener bug');
      },
      log: () => undefined,
    });
    router.add({ key: key(1) });
    await failing.pollOnce();
    router.down = new Error('down');
    time.skip(5_000);
    await expect(failing.pollOnce()).resolves.toMatchObject({ recorded: false });
  });
});
