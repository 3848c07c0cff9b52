import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotsRepository, type PeerSnapshotInput } from '../../../main/store/snapshots.ts';
import { addRouter, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
let snapshots: SnapshotsRepository;
let routerId: string;
beforeEach(() => {
  t = tempDb();
  snapshots = new SnapshotsRepository(t.db);
  routerId = addRouter(t.db).id;
});
afterEach(() => t.cleanup());

function key(n: number): string {
  return Buffer.alloc(32, 0).fill(n % 251, 0, 4).fill(Math.floor(n / 251) % 251, 4, 8).toString('base64');
}

function peer(n: number, iface = 'wg0'): PeerSnapshotInput {
  return {
    rosId: `*${(n + 1).toString(16).toUpperCase()}`,
    interface: iface,
    publicKey: key(n),
    name: `peer-${n}`,
    raw: { '.id': `*${(n + 1).toString(16).toUpperCase()}`, 'allowed-address': `10.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}/32`, disabled: 'false', rx: String(n * 10) },
  };
}

describe('SnapshotsRepository', () => {
  // How long this takes is measured by `npm run bench scale`, against a bare insert of the same rows.
  it('records 10,000 peers in one call and updates them all again', () => {
    const rows = Array.from({ length: 10_000 }, (_, n) => peer(n));
    expect(snapshots.syncPeers(routerId, rows, 1_000)).toEqual({ present: 10_000, vanished: 0 });
    expect(snapshots.syncPeers(routerId, rows.slice(0, 9_000), 2_000)).toEqual({ present: 9_000, vanished: 1_000 });

    const all = snapshots.listPeers(routerId);
    expect(all).toHaveLength(10_000);
    expect(all.filter((p) => p.vanishedAt === 2_000)).toHaveLength(1_000);
    expect(snapshots.listPeers(routerId, { includeVanished: false })).toHaveLength(9_000);
  });

  it('marks missing peers vanished, never deletes them, and clears the mark when one comes back', () => {
    const [a, b, c] = [peer(1), peer(2), peer(3)];
    snapshots.syncPeers(routerId, [a!, b!, c!], 100);
    expect(snapshots.syncPeers(routerId, [a!, c!], 200)).toEqual({ present: 2, vanished: 1 });
    let byId = new Map(snapshots.listPeers(routerId).map((p) => [p.rosId, p]));
    expect(byId.get(b!.rosId)).toMatchObject({ vanishedAt: 200, lastSeenAt: 100, firstSeenAt: 100 });
    expect(byId.get(a!.rosId)).toMatchObject({ vanishedAt: null, lastSeenAt: 200, firstSeenAt: 100 });

    // Still missing: keeps the date it was first found missing.
    expect(snapshots.syncPeers(routerId, [a!, c!], 300).vanished).toBe(0);
    expect(snapshots.listPeers(routerId).find((p) => p.rosId === b!.rosId)?.vanishedAt).toBe(200);

    snapshots.syncPeers(routerId, [a!, b!, c!], 400);
    byId = new Map(snapshots.listPeers(routerId).map((p) => [p.rosId, p]));
    expect(byId.get(b!.rosId)).toMatchObject({ vanishedAt: null, lastSeenAt: 400, firstSeenAt: 100 });
  });

  it('treats a reused RouterOS id with another key as a new peer', () => {
    snapshots.syncPeers(routerId, [peer(1)], 100);
    snapshots.syncPeers(routerId, [{ ...peer(1), publicKey: key(99) }], 200);
    expect(snapshots.listPeers(routerId)[0]).toMatchObject({ publicKey: key(99), firstSeenAt: 200 });
  });

  it('with an interface scope, leaves the other interfaces alone', () => {
    snapshots.syncPeers(routerId, [peer(1, 'wg0'), peer(2, 'wg1')], 100);
    expect(snapshots.syncPeers(routerId, [], 200, { interface: 'wg0' })).toEqual({ present: 0, vanished: 1 });
    expect(snapshots.listPeers(routerId, { interface: 'wg1' })[0]?.vanishedAt).toBeNull();
    expect(snapshots.listPeers(routerId, { interface: 'wg0' })[0]?.vanishedAt).toBe(200);
  });

  it('keeps the raw RouterOS fields and their last-seen time, without keys', () => {
    snapshots.replaceInterfaces(routerId, [{ rosId: '*1', name: 'wg0', publicKey: key(7), raw: { name: 'wg0', 'listen-port': '13231', 'private-key': 'SECRETSECRETSECRETSECRETSECRETSECRETSECRE=' } }], 500);
    snapshots.syncPeers(routerId, [{ ...peer(1), raw: { ...peer(1).raw, 'preshared-key': 'PSKPSKPSKPSKPSKPSKPSKPSKPSKPSKPSKPSKPSKPSK=', 'private-key': 'x' } }], 600);
    const [iface] = snapshots.listInterfaces(routerId);
    expect(iface).toEqual({ rosId: '*1', name: 'wg0', publicKey: key(7), raw: { name: 'wg0', 'listen-port': '13231' }, firstSeenAt: 500, lastSeenAt: 500, vanishedAt: null });
    expect(snapshots.listPeers(routerId)[0]?.raw).toEqual(peer(1).raw);
    expect(snapshots.lastSeenAt(routerId)).toBe(600);
    expect(t.db.prepare("SELECT count(*) FROM peers WHERE raw_json LIKE '%PSKPSK%'").pluck().get()).toBe(0);

    expect(snapshots.replaceInterfaces(routerId, [], 700)).toEqual({ present: 0, vanished: 1 });
    expect(snapshots.listInterfaces(routerId, { includeVanished: false })).toEqual([]);
    expect(snapshots.listInterfaces(routerId)[0]?.vanishedAt).toBe(700);
  });

  it('writes a sync all or nothing', () => {
    snapshots.syncPeers(routerId, [peer(1)], 100);
    const broken = { ...peer(3), publicKey: null } as unknown as PeerSnapshotInput;
    expect(() => snapshots.syncPeers(routerId, [peer(2), broken], 200)).toThrow();
    expect(snapshots.listPeers(routerId)).toMatchObject([{ rosId: peer(1).rosId, lastSeenAt: 100, vanishedAt: null }]);
  });

  it('keeps routers apart', () => {
    const other = addRouter(t.db, { name: 'Other' }).id;
    snapshots.syncPeers(routerId, [peer(1)], 100);
    snapshots.syncPeers(other, [peer(2)], 100);
    snapshots.syncPeers(other, [], 200);
    expect(snapshots.listPeers(routerId)[0]?.vanishedAt).toBeNull();
    expect(snapshots.lastSeenAt('no-such-router')).toBeNull();
  });
});
