// Status is decided once: against a simulator whose peers go up and down and whose traffic moves, the peer
// list, the managed peer list, the interface counts, the traffic view's peer list, the CSV export and the
// status events say the same for every peer at every poll.
import Papa from 'papaparse';
import { afterEach, expect, it } from 'vitest';
import type { MonitorEventData } from '../../../src/contract/index.ts';
import { collect, managedRouter, type Managed } from '../management/support.ts';
import { nextPoll } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

const POLLS = 6;

it('shows one status per peer everywhere, at every poll, while peers go up and down', async () => {
  m = await managedRouter({ peers: 8 });
  const { routerId } = m;
  const events = collect(m.s, 'monitor:event') as MonitorEventData[];
  await m.call('settings:update', { pollIntervalSec: 2, onlineThresholdSec: 30 });
  const peers = (await m.call('peers:list', { routerId })).rows.filter((p) => !p.disabled && !p.dynamic);
  expect(peers.length).toBeGreaterThanOrEqual(6);

  // Each poll, pin a new picture: fresh handshakes, stale ones, stale but with rx still growing, none.
  const pictures = [
    { handshakeAgeSeconds: 5, rxRate: 0 },
    { handshakeAgeSeconds: 400, rxRate: 0 },
    { handshakeAgeSeconds: 400, rxRate: 5_000 },
    { handshakeAgeSeconds: null, rxRate: 0 },
  ];
  const seen = new Map<string, Set<string>>();
  await nextPoll(m.s, routerId);
  for (let poll = 0; poll < POLLS; poll++) {
    peers.forEach((p, i) => m!.sim.state.setPeerTraffic(p.id, pictures[(i + poll) % pictures.length]!));
    await nextPoll(m.s, routerId);

    const [list, managed, ifaces, csv, counters] = await Promise.all([
      m.call('peers:list', { routerId }),
      m.call('peers:listManaged', { routerId }),
      m.call('interfaces:list', { routerId }),
      m.call('peers:exportCsv', { routerId, delimiter: ',', bom: false }),
      m.call('peers:counters', { routerId }),
    ]);
    // The counters a Peers tab merges between full reads are the listing's own.
    expect(counters.ids.map((id, i) => [id, counters.rx[i], counters.tx[i], counters.lastHandshakeMs[i]]), `poll ${poll}: counters`)
      .toEqual(list.rows.map((p) => [p.id, p.rx, p.tx, p.lastHandshakeMs]));
    const status = new Map(list.rows.map((p) => [p.publicKey, p.status]));
    for (const [key, s] of status) (seen.get(key) ?? seen.set(key, new Set()).get(key)!).add(s);
    expect(new Map(managed.rows.filter((p) => p.vanishedAt === null).map((p) => [p.publicKey, p.status])), `poll ${poll}: managed list`).toEqual(status);
    for (const iface of ifaces.rows) {
      const online = list.rows.filter((p) => p.interface === iface.name && p.status === 'online').length;
      expect(iface.onlinePeerCount, `poll ${poll}: ${iface.name} online count`).toBe(online);
      expect(iface.peerCount).toBe(list.rows.filter((p) => p.interface === iface.name).length);
    }
    const rows = Papa.parse<Record<string, string>>(csv.csv, { header: true, skipEmptyLines: true }).data;
    // (a key starting with + or = is written with a leading ' so spreadsheets do not run it as a formula)
    expect(new Map(rows.map((r) => [r['public key']!.replace(/^'/, ''), r['status']!])), `poll ${poll}: CSV export`).toEqual(status);
    // The last transition stored for a peer ends in the status every screen shows.
    const stored = await m.call('traffic:events', { routerId, limit: 1000 });
    for (const [key, s] of status) {
      const last = stored.find((e) => e.publicKey === key);
      if (last) expect(last.to, `poll ${poll}: stored event of ${key.slice(0, 8)}`).toBe(s);
    }
    // And so does the last event pushed to the UI.
    for (const [key, s] of status) {
      const last = events.filter((e) => e.publicKey === key).at(-1);
      if (last) expect(last.to, `poll ${poll}: pushed event of ${key.slice(0, 8)}`).toBe(s);
    }
  }
  // The pictures really moved statuses: the comparison above was not between constants.
  expect([...seen.values()].filter((s) => s.size > 1).length).toBeGreaterThanOrEqual(peers.length / 2);
  expect([...new Set([...seen.values()].flatMap((s) => [...s]))]).toEqual(expect.arrayContaining(['online', 'offline']));
  expect(events.filter((e) => e.kind === 'peer').length).toBeGreaterThan(peers.length);
}, 60_000);
