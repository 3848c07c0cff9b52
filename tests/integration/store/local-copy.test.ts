// The local copy of a router: written as a diff from the router model, read back through a schema, typed
// columns for what the app reads, never a secret, vanished peers kept and marked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalCopyRepository, type CopyChanges, type SavedPeerRow } from '../../../main/store/local-copy.ts';
import { openDatabase } from '../../../main/store/db.ts';
import { MIGRATIONS } from '../../../main/store/migrations.ts';
import { addRouter, rawBytes, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
let copy: LocalCopyRepository;
let routerId: string;
beforeEach(() => {
  t = tempDb();
  copy = new LocalCopyRepository(t.db);
  routerId = addRouter(t.db).id;
});
afterEach(() => t.cleanup());

function key(n: number): string {
  return Buffer.alloc(32, 0).fill(n % 251, 0, 4).fill(Math.floor(n / 251) % 251, 4, 8).toString('base64');
}

function peer(n: number, status: SavedPeerRow['status'] = 'online'): SavedPeerRow {
  const id = `*${(n + 1).toString(16).toUpperCase()}`;
  return { rosId: id, row: { '.id': id, interface: 'wg0', 'public-key': key(n), name: `peer-${n}`, 'allowed-address': `10.0.${n >> 8}.${n & 255}/32`, rx: String(n * 10) }, status, presharedKey: 'none' };
}

const peersOnly = (upsert: SavedPeerRow[], vanished: string[], seenAt: number): CopyChanges => ({ interfaces: null, peers: { upsert, vanished }, seenAt });

describe('LocalCopyRepository', () => {
  it('reads back what was written, typed columns and RouterOS rows apart', () => {
    copy.write(routerId, {
      interfaces: { upsert: [{ rosId: '*1', row: { '.id': '*1', name: 'wg0', 'listen-port': '13231', 'public-key': key(7) }, addresses: ['10.0.0.1/24'], dynamic: false }], vanished: [] },
      peers: { upsert: [peer(1), { ...peer(2, 'offline'), presharedKey: 'set' }], vanished: [] },
      seenAt: 500,
    });
    const saved = copy.load(routerId)!;
    expect(saved.seenAt).toBe(500);
    expect(saved.interfaces).toEqual([{ rosId: '*1', row: { '.id': '*1', name: 'wg0', 'listen-port': '13231', 'public-key': key(7) }, addresses: ['10.0.0.1/24'], dynamic: false }]);
    expect(saved.peers).toEqual([
      { rosId: peer(1).rosId, row: peer(1).row, status: 'online', presharedKey: 'none', vanishedAt: null },
      { rosId: peer(2).rosId, row: peer(2).row, status: 'offline', presharedKey: 'set', vanishedAt: null },
    ]);
    // No marker fields mixed into the RouterOS row any more.
    expect(t.db.prepare("SELECT count(*) FROM peers WHERE raw_json LIKE '%wiredesk-%'").pluck().get()).toBe(0);
    expect(copy.load('no-such-router')).toBeNull();
  });

  it('reads back in the router order (by item id), as the live lists show it, not by name', () => {
    const iface = (id: string, name: string) => ({ rosId: id, row: { '.id': id, name, 'listen-port': '13231', 'public-key': key(7) }, addresses: [], dynamic: false });
    copy.write(routerId, {
      interfaces: { upsert: [iface('*A', 'a-wg'), iface('*9', 'z-wg')], vanished: [] },
      peers: { upsert: [{ ...peer(20), row: { ...peer(20).row, name: 'aaa' } }, peer(3), peer(15)], vanished: [] },
      seenAt: 5,
    });
    const saved = copy.load(routerId)!;
    expect(saved.interfaces.map((i) => i.rosId)).toEqual(['*9', '*A']);
    expect(saved.peers.map((p) => p.rosId)).toEqual([peer(3).rosId, peer(15).rosId, peer(20).rosId]);
  });

  it('writes only what changed: other rows keep their last write', () => {
    copy.write(routerId, peersOnly([peer(1), peer(2)], [], 100));
    copy.write(routerId, peersOnly([{ ...peer(2), status: 'offline' }], [], 200));
    const times = t.db.prepare<[string], { ros_id: string; last_seen_at: number; status: string }>('SELECT ros_id, last_seen_at, status FROM peers WHERE router_id = ? ORDER BY ros_id').all(routerId);
    expect(times).toEqual([
      { ros_id: peer(1).rosId, last_seen_at: 100, status: 'online' },
      { ros_id: peer(2).rosId, last_seen_at: 200, status: 'offline' },
    ]);
    expect(copy.load(routerId)!.seenAt).toBe(200);
  });

  it('marks vanished peers, keeps them, and clears the mark when one comes back', () => {
    copy.write(routerId, peersOnly([peer(1), peer(2)], [], 100));
    copy.write(routerId, peersOnly([], [peer(2).rosId], 200));
    expect(copy.load(routerId)!.peers.find((p) => p.rosId === peer(2).rosId)?.vanishedAt).toBe(200);
    copy.write(routerId, peersOnly([], [peer(2).rosId], 300)); // still missing: keeps its first date
    expect(copy.load(routerId)!.peers.find((p) => p.rosId === peer(2).rosId)?.vanishedAt).toBe(200);
    copy.write(routerId, peersOnly([peer(2)], [], 400));
    expect(copy.load(routerId)!.peers.every((p) => p.vanishedAt === null)).toBe(true);
  });

  it('treats a reused RouterOS id with another key as a new peer', () => {
    copy.write(routerId, peersOnly([peer(1)], [], 100));
    copy.write(routerId, peersOnly([{ ...peer(1), row: { ...peer(1).row, 'public-key': key(99) } }], [], 200));
    expect(t.db.prepare('SELECT public_key, first_seen_at FROM peers').get()).toEqual({ public_key: key(99), first_seen_at: 200 });
  });

  it('never stores a key, even when handed one', () => {
    const secret = 'PSKPSKPSKPSKPSKPSKPSKPSKPSKPSKPSKPSKPSKPSK=';
    copy.write(routerId, {
      interfaces: { upsert: [{ rosId: '*1', row: { '.id': '*1', name: 'wg0', 'private-key': secret }, addresses: [], dynamic: false }], vanished: [] },
      peers: { upsert: [{ ...peer(1), row: { ...peer(1).row, 'preshared-key': secret, 'private-key': secret } }], vanished: [] },
      seenAt: 1,
    });
    // The same peer again takes the refresh path; a secret name first seen there is dropped too.
    copy.write(routerId, peersOnly([{ ...peer(1, 'offline'), row: { ...peer(1).row, presharedKey: secret } }], [], 2));
    expect(copy.load(routerId)!.peers[0]!.row).toEqual(peer(1).row);
    t.db.close();
    expect(rawBytes(t.file).includes(Buffer.from(secret))).toBe(false);
  });

  it('writes a change all or nothing', () => {
    copy.write(routerId, peersOnly([peer(1)], [], 100));
    const broken = { ...peer(3), status: 'sleeping' } as unknown as SavedPeerRow;
    expect(() => copy.write(routerId, peersOnly([peer(2), broken], [], 200))).toThrow(/CHECK constraint/);
    expect(copy.load(routerId)!.peers.map((p) => p.rosId)).toEqual([peer(1).rosId]);
    expect(copy.load(routerId)!.seenAt).toBe(100);
  });

  it('skips a row that does not read back as a RouterOS row instead of failing the whole copy', () => {
    copy.write(routerId, peersOnly([peer(1), peer(2)], [], 100));
    t.db.prepare('UPDATE peers SET raw_json = ? WHERE ros_id = ?').run('{"rx": 5}', peer(2).rosId);
    expect(copy.load(routerId)!.peers.map((p) => p.rosId)).toEqual([peer(1).rosId]);
  });
});

describe('schema 4: typed columns for the local copy', () => {
  it('moves the wiredesk-* marker fields of a schema-3 copy into their columns', () => {
    const file = `${t.file}.v3`;
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 3) });
    const id = addRouter(old, { name: 'Old' }).id;
    old.prepare('INSERT INTO interfaces (router_id, ros_id, name, public_key, raw_json, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, 1, 50)')
      .run(id, '*1', 'wg0', key(1), JSON.stringify({ '.id': '*1', name: 'wg0', dynamic: 'true', 'wiredesk-addresses': ['10.9.0.1/24'] }));
    old.prepare('INSERT INTO peers (router_id, ros_id, interface, public_key, name, raw_json, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, 1, 70)')
      .run(id, '*2', 'wg0', key(2), 'a', JSON.stringify({ '.id': '*2', interface: 'wg0', 'public-key': key(2), 'wiredesk-status': 'offline', 'wiredesk-psk': 'set' }));
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const saved = new LocalCopyRepository(db).load(id)!;
    expect(saved.seenAt).toBe(70);
    expect(saved.interfaces).toEqual([{ rosId: '*1', row: { '.id': '*1', name: 'wg0', dynamic: 'true' }, addresses: ['10.9.0.1/24'], dynamic: true }]);
    expect(saved.peers).toEqual([{ rosId: '*2', row: { '.id': '*2', interface: 'wg0', 'public-key': key(2) }, status: 'offline', presharedKey: 'set', vanishedAt: null }]);
    db.close();
  });
});

describe('schema 6: cheaper checks on the local copy of peers', () => {
  // The refresh's UPDATE, as LocalCopyRepository runs it.
  const REFRESH = 'UPDATE peers SET raw_json = ?, status = ?, preshared_key = ?, last_seen_at = ?, vanished_at = NULL WHERE router_id = ? AND ros_id = ? AND interface = ? AND public_key = ? AND name IS ?';

  it('keeps every peer row, the allowed values and the cascade, without a temporary index per updated row', () => {
    const file = `${t.file}.v5`;
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 5) });
    const id = addRouter(old, { name: 'Old' }).id;
    const other = addRouter(old, { name: 'Other' }).id;
    const before = new LocalCopyRepository(old);
    before.write(id, peersOnly([peer(1), { ...peer(2, 'offline'), presharedKey: 'set' }, { ...peer(3, 'disabled'), presharedKey: 'hidden' }, peer(4, 'never-connected')], [], 100));
    before.write(id, peersOnly([], [peer(4).rosId], 200));
    before.write(other, peersOnly([peer(5)], [], 300));
    const rowsBefore = old.prepare('SELECT * FROM peers ORDER BY router_id, ros_id').all();
    const loadedBefore = before.load(id);
    expect(old.prepare(`EXPLAIN ${REFRESH}`).all('', '', '', 0, '', '', '', '', '').map((op) => (op as { opcode: string }).opcode)).toContain('OpenEphemeral');
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT * FROM peers ORDER BY router_id, ros_id').all()).toEqual(rowsBefore);
    expect(new LocalCopyRepository(db).load(id)).toEqual(loadedBefore);
    expect(db.prepare(`EXPLAIN ${REFRESH}`).all('', '', '', 0, '', '', '', '', '').map((op) => (op as { opcode: string }).opcode)).not.toContain('OpenEphemeral');

    // The same values are refused as before.
    const insert = db.prepare("INSERT INTO peers (router_id, ros_id, interface, public_key, name, raw_json, status, preshared_key, first_seen_at, last_seen_at) VALUES (?, '*99', 'wg0', ?, 'x', '{}', ?, ?, 1, 1)");
    expect(() => insert.run(id, key(99), 'connected', 'none')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(id, key(99), 'online', 'maybe')).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE peers SET status = 'up' WHERE ros_id = ?").run(peer(1).rosId)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('no-such-router', key(99), 'online', 'none')).toThrow(/FOREIGN KEY constraint failed/);

    const indexes = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'peers'").pluck().all();
    expect(indexes).toEqual(['peers_by_key']);
    db.prepare('DELETE FROM routers WHERE id = ?').run(other);
    expect(db.prepare<[], string>('SELECT DISTINCT router_id FROM peers').pluck().all()).toEqual([id]);
    db.close();
  });
});
