// Top talkers keep their window's per-series sums and their last answer between reads (WindowSums and
// TrafficHistory): every answer must equal the one summed afresh from the tables, whatever happened in
// between: polls committing new samples, the window sliding, minutes and hours rolling up, outages, renamed,
// new and vanished peers, another reader's range, a router removed and its rid handed out again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BucketReader } from '../../../main/monitoring/buckets.ts';
import { RouterPoller, TrafficHistory, type HistoryRange, type PeerUsage } from '../../../main/monitoring/index.ts';
import { totalsTier } from '../../../main/monitoring/resolution.ts';
import { DEFAULT_RETENTION } from '../../../main/monitoring/tiers.ts';
import { byTotalDescending, peerUsage, type SeriesMeta } from '../../../main/monitoring/usage.ts';
import { HISTORY_RANGES } from '../../../main/monitoring/history.ts';
import { RoutersRepository } from '../../../main/store/routers.ts';
import type { Database as Db } from 'better-sqlite3';
import { FakeTime, ScriptedRouter, key, testDb, type TestDb } from './helpers.ts';

const SECOND = 1_000;

let t: TestDb;
let time: FakeTime;
let router: ScriptedRouter;
let poller: RouterPoller;

/** Top talkers summed from the tables with nothing kept: what topTalkers answered before it kept anything. */
function fresh(db: Db, routerId: string, range: HistoryRange, options: { limit?: number; interface?: string } = {}, now = time.now()): PeerUsage[] {
  const r = { from: now - HISTORY_RANGES[range], to: now + 1 };
  const rid = db.prepare<[string], number>('SELECT rid FROM mon_routers WHERE router_id = ?').pluck().get(routerId) ?? -1;
  const meta = new Map(
    db.prepare<[number], { sid: number; interface: string; public_key: string; name: string; comment: string }>('SELECT sid, interface, public_key, name, comment FROM mon_series WHERE rid = ?')
      .all(rid)
      .map((m): [number, SeriesMeta] => [m.sid, { sid: m.sid, interface: m.interface, publicKey: m.public_key, name: m.name, comment: m.comment }]),
  );
  const all = peerUsage(new BucketReader(db), totalsTier(r.from, now, DEFAULT_RETENTION), rid, r, meta);
  const picked = options.interface === undefined ? all : all.filter((p) => p.interface === options.interface);
  return picked.sort(byTotalDescending).slice(0, options.limit ?? 10);
}

beforeEach(() => {
  t = testDb();
  // Not on a minute: polls every 2 s cross minute and hour boundaries in between.
  time = new FakeTime(Date.UTC(2025, 0, 6, 0, 58, 31, 250));
  router = new ScriptedRouter(time.now);
  for (let i = 1; i <= 12; i++) router.add({ key: key(i), iface: i % 3 === 0 ? 'wg1' : 'wg0', name: `p${i}`, rxRate: i * 100, txRate: (i % 4) * 300 });
  router.add({ key: key(13), name: 'idle' });
  poller = new RouterPoller({ db: t.db, routerId: t.routerId, source: router, now: time.now, timer: time, intervalMs: 2 * SECOND });
  poller.start();
});

afterEach(async () => {
  await poller.stop();
  t.cleanup();
});

describe('top talkers kept between reads', () => {
  it('answers as a fresh sum after every poll, as the window slides across minute and hour rollups', async () => {
    const history = new TrafficHistory({ db: t.db, now: time.now });
    for (let step = 0; step < 700; step++) {
      await time.advance(2 * SECOND); // one poll committed (2 s, ~23 minutes in all: the 15-minute window slides)
      if (step === 40) router.setRates(key(2), 50_000, 50_000); // a quiet peer becomes the top talker
      if (step === 60) router.setRates(key(2), 0, 0);
      if (step % 7 === 0 || step > 690) {
        expect(history.topTalkers(t.routerId, '15m')).toEqual(fresh(t.db, t.routerId, '15m'));
        expect(history.topTalkers(t.routerId, '15m', { limit: 3, interface: 'wg1' })).toEqual(fresh(t.db, t.routerId, '15m', { limit: 3, interface: 'wg1' }));
      }
      if (step % 50 === 0) expect(history.topTalkers(t.routerId, '24h', { limit: 50 })).toEqual(fresh(t.db, t.routerId, '24h', { limit: 50 }));
    }
    // Peer 2's burst (steps 40-60) has left the 15-minute window but not the 24-hour one.
    expect(history.topTalkers(t.routerId, '15m').map((p) => p.name)).not.toContain('p2');
    expect(history.topTalkers(t.routerId, '24h', { limit: 1 }).map((p) => p.name)).toEqual(['p2']);
  });

  it('changes as soon as a poll commits new samples, and not before', async () => {
    const history = new TrafficHistory({ db: t.db, now: time.now });
    await time.advance(10 * SECOND);
    const before = history.topTalkers(t.routerId, '15m');
    // Read again in the same poll interval: the same answer.
    time.skip(SECOND);
    expect(history.topTalkers(t.routerId, '15m')).toEqual(before);
    expect(history.topTalkers(t.routerId, '15m')).toEqual(fresh(t.db, t.routerId, '15m'));
    // The next poll: every moving peer moved more.
    await time.advance(SECOND);
    const after = history.topTalkers(t.routerId, '15m');
    expect(after).toEqual(fresh(t.db, t.routerId, '15m'));
    expect(after[0]!.total).toBeGreaterThan(before[0]!.total);
    // What a reader got is its own: changing it changes nothing kept.
    after.length = 0;
    expect(history.topTalkers(t.routerId, '15m')).toEqual(fresh(t.db, t.routerId, '15m'));
  });

  it('follows renamed, new and vanished peers, and an outage', async () => {
    const history = new TrafficHistory({ db: t.db, now: time.now });
    await time.advance(20 * SECOND);
    history.topTalkers(t.routerId, '15m');
    router.peer(key(12)).name = 'renamed';
    router.add({ key: key(20), iface: 'wg1', name: 'newcomer', rxRate: 90_000, txRate: 0 });
    await time.advance(4 * SECOND);
    const top = history.topTalkers(t.routerId, '15m');
    expect(top).toEqual(fresh(t.db, t.routerId, '15m'));
    expect(top.map((p) => p.name)).toEqual(expect.arrayContaining(['renamed', 'newcomer']));
    router.remove(key(20));
    router.down = new Error('unreachable');
    await time.advance(70 * SECOND);
    router.down = undefined;
    await time.advance(10 * SECOND);
    expect(history.topTalkers(t.routerId, '15m')).toEqual(fresh(t.db, t.routerId, '15m'));
  });

  it('does not carry a removed router’s sums over to the router that gets its rid next', async () => {
    const history = new TrafficHistory({ db: t.db, now: time.now });
    await time.advance(20 * SECOND);
    expect(history.topTalkers(t.routerId, '15m').length).toBeGreaterThan(0);
    await poller.stop();
    const rid = t.db.prepare('SELECT rid FROM mon_routers WHERE router_id = ?').pluck().get(t.routerId);
    new RoutersRepository(t.db).remove(t.routerId);
    expect(history.topTalkers(t.routerId, '15m')).toEqual([]);

    const next = new RoutersRepository(t.db).create({ name: 'Other', host: '192.0.2.2', port: 8729, transport: 'api-ssl', username: 'wd' }).id;
    const other = new ScriptedRouter(time.now);
    other.add({ key: key(99), name: 'only', rxRate: 10, txRate: 10 });
    poller = new RouterPoller({ db: t.db, routerId: next, source: other, now: time.now, timer: time, intervalMs: 2 * SECOND });
    poller.start();
    await time.advance(6 * SECOND);
    expect(t.db.prepare('SELECT rid FROM mon_routers WHERE router_id = ?').pluck().get(next)).toBe(rid);
    const top = history.topTalkers(next, '15m');
    expect(top).toEqual(fresh(t.db, next, '15m'));
    expect(top.map((p) => p.name)).toEqual(['only']);
  });

  it('answers readers whose clock is behind or ahead of the polls', async () => {
    let lag = 0;
    const history = new TrafficHistory({ db: t.db, now: () => time.now() - lag });
    await time.advance(30 * SECOND);
    lag = 5 * SECOND;
    const behind = history.topTalkers(t.routerId, '15m');
    lag = 0;
    expect(history.topTalkers(t.routerId, '15m')).toEqual(fresh(t.db, t.routerId, '15m'));
    expect(history.topTalkers(t.routerId, '15m')[0]!.total).toBeGreaterThan(behind[0]!.total);
    // Ahead: the window already reaches past the next poll, whose samples arrive after this read.
    lag = -5 * SECOND;
    expect(history.topTalkers(t.routerId, '15m')).toEqual(fresh(t.db, t.routerId, '15m', {}, time.now() - lag));
    await time.advance(2 * SECOND);
    expect(history.topTalkers(t.routerId, '15m')).toEqual(fresh(t.db, t.routerId, '15m', {}, time.now() - lag));
  });
});
