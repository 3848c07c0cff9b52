// Notifications: a change is announced once it held for the settle time; a flapping peer yields one
// notice per max-wait window (with its change count), not one per flap; a blip that undoes itself is silent.
import { describe, expect, it } from 'vitest';
import { NotificationDebouncer, type MonitorEvent, type Notice, type PeerStatus } from '../../../main/monitoring/index.ts';
import { FakeTime, T0, key } from './helpers.ts';

function peerEvent(from: PeerStatus, to: PeerStatus, at: number, publicKey = key(1)): MonitorEvent {
  return { kind: 'peer', routerId: 'r1', interface: 'wg0', publicKey, name: 'laptop', from, to, at };
}

function setup(): { time: FakeTime; notices: Notice[]; debouncer: NotificationDebouncer } {
  const time = new FakeTime();
  const notices: Notice[] = [];
  const debouncer = new NotificationDebouncer({ notify: (n) => notices.push(n), now: time.now, timer: time, settleMs: 60_000, maxWaitMs: 300_000 });
  return { time, notices, debouncer };
}

const brief = (n: Notice): [string, string, string, number] => [n.key, n.from, n.to, n.changes];

describe('NotificationDebouncer', () => {
  it('announces a change once it has held for the settle time', async () => {
    const { time, notices, debouncer } = setup();
    debouncer.push(peerEvent('online', 'offline', T0));
    await time.advance(59_999);
    expect(notices).toEqual([]);
    await time.advance(1);
    expect(notices.map(brief)).toEqual([[`peer:r1:wg0:${key(1)}`, 'online', 'offline', 1]]);
  });

  it('stays silent for a blip that undoes itself, and folds a flapping peer into one notice per max wait', async () => {
    const { time, notices, debouncer } = setup();
    debouncer.push(peerEvent('online', 'offline', T0));
    await time.advance(20_000);
    debouncer.push(peerEvent('offline', 'online', T0 + 20_000));
    await time.advance(120_000);
    expect(notices).toEqual([]);

    // Flapping every 30 s for 10 minutes: 20 changes.
    for (let i = 0; i < 20; i++) {
      debouncer.push(i % 2 === 0 ? peerEvent('online', 'offline', time.now()) : peerEvent('offline', 'online', time.now()));
      await time.advance(30_000);
    }
    await time.advance(120_000);
    expect(notices.map(brief)).toEqual([
      [`peer:r1:wg0:${key(1)}`, 'online', 'online', 10], // max wait reached while still flapping
      [`peer:r1:wg0:${key(1)}`, 'online', 'online', 10],
    ]);
  });

  it('keeps subjects apart and drops everything pending on dispose', async () => {
    const { time, notices, debouncer } = setup();
    debouncer.push(peerEvent('online', 'offline', T0, key(1)));
    debouncer.push(peerEvent('never-connected', 'online', T0, key(2)));
    debouncer.push({ kind: 'router', routerId: 'r1', from: 'reachable', to: 'unreachable', at: T0, detail: 'timeout' });
    await time.advance(60_000);
    expect(notices.map((n) => n.key).sort()).toEqual([`peer:r1:wg0:${key(1)}`, `peer:r1:wg0:${key(2)}`, 'router:r1']);
    debouncer.push(peerEvent('offline', 'online', time.now(), key(1)));
    debouncer.dispose();
    await time.advance(600_000);
    expect(notices.length).toBe(3);
    expect(time.pending).toBe(0);
  });
});
