// RouterModel on its own: what each kind of input does to the picture, to the pushed changes and to the rows
// the local copy must write.
import { describe, expect, it } from 'vitest';
import { RouterModel } from '../../../main/services/router-model/model.ts';
import type { ModelPart, PartRead } from '../../../main/services/router-model/parts.ts';
import type { PeerStatus } from '../../../main/monitoring/types.ts';
import { toWireGuardPeer } from '../../../main/routeros/menus/wireguard-peers.ts';

const KEY_A = 'A'.repeat(43) + '=';
const KEY_B = 'B'.repeat(43) + '=';
const PSK = 'P'.repeat(43) + '=';

const iface = { '.id': '*1', name: 'wg0', 'listen-port': '13231', mtu: '1420', 'private-key': 'S'.repeat(43) + '=', 'public-key': 'Q'.repeat(43) + '=', running: 'true', disabled: 'false' };
const peerA = { '.id': '*A', interface: 'wg0', name: 'a', 'public-key': KEY_A, 'allowed-address': '10.0.0.2/32', 'preshared-key': PSK, rx: '100', tx: '200', 'last-handshake': '10s', disabled: 'false' };
const peerB = { '.id': '*B', interface: 'wg0', name: 'b', 'public-key': KEY_B, 'allowed-address': '10.0.0.3/32', 'preshared-key': '', rx: '0', tx: '0', disabled: 'false' };

function model(polled: Record<string, PeerStatus> = {}) {
  let now = 1_000;
  const m = new RouterModel({
    routerId: 'r1',
    polledStatus: (_iface, key) => polled[key] ?? null,
    onlineThresholdMs: () => 180_000,
    now: () => now,
  });
  return { m, polled, advance: (ms: number) => (now += ms) };
}

function read(parts: Partial<Record<ModelPart, PartRead>>): Map<ModelPart, PartRead> {
  return new Map(Object.entries(parts) as Array<[ModelPart, PartRead]>);
}

const ok = (rows: Array<Record<string, string>>): PartRead => ({ ok: true, rows });
const FULL = read({
  interfaces: ok([iface]),
  peers: ok([peerA, peerB]),
  addresses: ok([{ '.id': '*9', address: '10.0.0.1/24', interface: 'wg0', disabled: 'false' }]),
  dynamic: ok([]),
  firewall: ok([{ '.id': '*F1', chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': '13231' }, { '.id': '*F2', chain: 'forward', action: 'drop' }]),
  cloud: ok([{ 'ddns-enabled': 'true', 'dns-name': 'x.sn.mynetname.net' }]),
});

describe('RouterModel', () => {
  it('holds what a full read brought, keeps no secret, and decides a status for every peer', () => {
    const { m } = model();
    m.applyRead(FULL, 500);
    const s = m.state();
    expect(s).toMatchObject({ source: 'live', seenAt: 500 });
    expect(s.interfaces.map((i) => [i.name, i.privateKey])).toEqual([['wg0', '']]);
    expect(s.peers.map((p) => [p.id, p.presharedKey, p.presharedKeyState, p.status])).toEqual([
      ['*A', undefined, 'set', 'online'],
      ['*B', undefined, 'none', 'never-connected'],
    ]);
    expect(s.firewall.map((r) => r['.id'])).toEqual(['*F1']); // the input chain only
    expect(s.cloud?.dnsName).toBe('x.sn.mynetname.net');
    expect(JSON.stringify(m.takeCopyChanges(true))).not.toContain(PSK);
    expect(m.takeChanges()).toEqual(expect.arrayContaining(['interfaces', 'peers', 'addresses', 'firewall', 'cloud', 'status', 'source', 'parts']));
  });

  it('leaves a refused part unknown with the router\'s reason and everything else visible', () => {
    const { m } = model();
    const problem = { code: 'REFUSED' as const, message: 'not enough permissions (9)', command: '/ip/firewall/filter/print', at: 5 };
    m.applyRead(new Map([...FULL, ['firewall', { ok: false, problem }]]), 500);
    const s = m.state();
    expect(s.parts.firewall).toEqual({ known: false, problem });
    expect(s.firewall).toEqual([]);
    expect(s.parts.peers).toEqual({ known: true, readAt: 500 });
    expect(s.peers).toHaveLength(2);
  });

  it('keeps Back To Home read-only when the router refuses /interface (the dynamic flag is unknown)', () => {
    const { m } = model();
    const bth = { ...iface, '.id': '*2', name: 'back-to-home-vpn', 'listen-port': '51000' };
    const routerMade = { ...iface, '.id': '*3', name: 'wg-made', 'listen-port': '51001' };
    const problem = { code: 'REFUSED' as const, message: 'not enough permissions (9)', command: '/interface/print', at: 5 };
    m.applyRead(new Map([...FULL,
      ['interfaces', ok([iface, bth, routerMade])],
      ['peers', ok([peerA, { ...peerB, interface: 'wg-made', dynamic: 'true' }])],
      ['dynamic', { ok: false, problem }],
    ]), 500);
    expect(m.state().interfaces.map((i) => [i.name, i.dynamic])).toEqual([['wg0', false], ['back-to-home-vpn', true], ['wg-made', true]]);
  });

  it('takes counters and the recorder\'s status from a poll, and writes config changes to the copy at once but counters on the slow beat', () => {
    const { m, polled } = model();
    m.applyRead(FULL, 500);
    m.takeCopyChanges(true);
    m.takeChanges();
    polled[KEY_A] = 'online';
    polled[KEY_B] = 'offline';
    expect(m.applyPoll([
      { '.id': '*A', interface: 'wg0', 'public-key': KEY_A, name: 'a', rx: '900', tx: '200', 'last-handshake': '3s', disabled: 'false' },
      { '.id': '*B', interface: 'wg0', 'public-key': KEY_B, name: 'b-renamed', rx: '0', tx: '0', disabled: 'false' },
    ], 600)).toBe('ok');
    const s = m.state();
    expect(s.seenAt).toBe(600);
    expect(s.peer('*A')).toMatchObject({ rx: 900n, lastHandshakeMs: 3000, allowedAddress: ['10.0.0.2/32'], status: 'online' });
    expect(s.peer('*B')).toMatchObject({ name: 'b-renamed', status: 'offline' });
    expect(m.takeChanges()).toEqual(expect.arrayContaining(['counters', 'status', 'peers']));
    // *B's name and status changed: written now. *A only moved counters: not yet.
    expect(m.takeCopyChanges(false)?.peers.upsert.map((p) => p.rosId)).toEqual(['*B']);
    expect(m.takeCopyChanges(true)?.peers.upsert.map((p) => p.rosId)).toEqual(['*A']);
    expect(m.takeCopyChanges(false)).toBeNull();
  });

  it('asks for a re-read when a poll shows a peer it does not know, or misses one it knows', () => {
    const { m } = model();
    m.applyRead(FULL, 500);
    const polled = (id: string, key: string) => ({ '.id': id, interface: 'wg0', 'public-key': key, name: '', rx: '0', tx: '0', disabled: 'false' });
    expect(m.applyPoll([polled('*A', KEY_A)], 600)).toBe('reread');
    expect(m.applyPoll([polled('*A', KEY_A), polled('*B', KEY_B), polled('*C', 'C'.repeat(43) + '=')], 700)).toBe('reread');
    expect(m.applyPoll([polled('*A', KEY_A), polled('*B', KEY_B)], 800)).toBe('ok');
  });

  it('follows listen rows: a change keeps the poll\'s counters, a removal elsewhere is flagged vanished, our own is not', () => {
    const { m, advance } = model();
    m.applyRead(FULL, 500);
    m.applyListened('peers', { ...peerA, comment: 'from WinBox', rx: '0', 'last-handshake': undefined as never });
    expect(m.state().peer('*A')).toMatchObject({ comment: 'from WinBox', rx: 100n, lastHandshakeMs: 10_000 });
    advance(1_000);
    m.applyListened('peers', { '.id': '*B', '.dead': 'yes' });
    expect(m.state().vanished.map((v) => [v.peer.id, v.vanishedAt])).toEqual([['*B', 2_000]]);
    expect(m.takeCopyChanges(false)?.peers.vanished).toEqual(['*B']);
    m.expectRemoval(['*A']);
    m.applyListened('peers', { '.id': '*A', '.dead': 'true' });
    expect(m.state().peers).toEqual([]);
    expect(m.state().vanished.map((v) => v.peer.id)).toEqual(['*B']);
    expect(m.takeCopyChanges(false)?.peers.vanished ?? []).toEqual([]);
  });

  it('reads the firewall chain again when a rule it did not have appears (its place decides)', () => {
    const { m } = model();
    m.applyRead(FULL, 500);
    expect(m.applyListened('firewall', { '.id': '*F9', chain: 'input', action: 'drop' })).toBe('reread');
    expect(m.applyListened('firewall', { '.id': '*F1', chain: 'input', action: 'drop', protocol: 'udp', 'dst-port': '13231' })).toBe('ok');
    expect(m.state().firewall[0]?.['action']).toBe('drop');
    expect(m.applyListened('firewall', { '.id': '*F1', chain: 'forward', action: 'drop' })).toBe('ok');
    expect(m.state().firewall).toEqual([]);
  });

  it('a peer changed by WireDesk shows disabled at once, else keeps its status until the next poll', () => {
    const { m } = model();
    m.applyRead(FULL, 500);
    m.applyPeerRow({ ...peerA, disabled: 'true' });
    expect(m.state().peer('*A')?.status).toBe('disabled');
    m.applyPeerRow({ ...peerB, comment: 'edited' });
    expect(m.state().peer('*B')?.status).toBe('never-connected');
  });

  it('starts from the local copy as the last-known picture, and marks it cache when the router goes away', () => {
    const { m } = model();
    m.loadCopy({
      seenAt: 42,
      interfaces: [{ rosId: '*1', row: { '.id': '*1', name: 'wg0' }, addresses: ['10.0.0.1/24'], dynamic: true }],
      peers: [
        { rosId: '*A', row: { '.id': '*A', interface: 'wg0', 'public-key': KEY_A }, status: 'online', presharedKey: 'set', vanishedAt: null },
        { rosId: '*E', row: { '.id': '*E', interface: 'wg0', 'public-key': KEY_B }, status: 'offline', presharedKey: 'none', vanishedAt: 40 },
      ],
    });
    const s = m.state();
    expect(s).toMatchObject({ source: 'cache', seenAt: 42 });
    expect(s.interfaces[0]).toMatchObject({ name: 'wg0', dynamic: true });
    expect(s.addresses.map((a) => a.address)).toEqual(['10.0.0.1/24']);
    expect(s.peers.map((p) => [p.id, p.status, p.presharedKeyState])).toEqual([['*A', 'online', 'set']]);
    expect(s.vanished.map((v) => [v.peer.id, v.vanishedAt])).toEqual([['*E', 40]]);
    expect(m.loaded).toBe(false);

    m.applyRead(FULL, 500);
    expect(m.state().source).toBe('live');
    m.takeChanges();
    m.goOffline();
    expect(m.state()).toMatchObject({ source: 'cache', seenAt: 500 });
    expect(m.state().peer('*A')?.status).toBe('online');
    expect(m.takeChanges()).toEqual(['source']);
  });

  it('keeps showing the router, and the peer, when one peer row has a value it cannot read', () => {
    const { m } = model();
    m.applyRead(FULL, 500);
    expect(m.state().peer('*A')?.rx).toBe(100n);
    m.applyPoll([
      { '.id': '*A', interface: 'wg0', 'public-key': KEY_A, name: 'a', rx: 'abc', tx: '300', 'last-handshake': '3s', disabled: 'false' },
      { '.id': '*B', interface: 'wg0', 'public-key': KEY_B, name: 'b', rx: '5', tx: '6', disabled: 'false' },
    ], 600);
    const s = m.state();
    // *A is still there: rx as last shown, the rest of the poll taken, and what could not be read named.
    expect(s.peer('*A')).toMatchObject({ rx: 100n, tx: 300n, lastHandshakeMs: 3000, allowedAddress: ['10.0.0.2/32'], unreadable: ['item *A: rx="abc" is not a byte count'] });
    expect(s.peer('*B')).toMatchObject({ rx: 5n, tx: 6n, unreadable: [] });

    // A full read (or a listen row) with a bad configuration value: the peer shows, that value as absent.
    const bad = { ...peerB, 'endpoint-address': '198.51.100.7', 'endpoint-port': 'x51820', rx: '7' };
    m.applyRead(read({ peers: ok([peerA, bad]) }), 700);
    const after = m.state();
    expect(after.peers.map((p) => p.id)).toEqual(['*A', '*B']);
    expect(after.peer('*B')).toMatchObject({ endpointAddress: '198.51.100.7', endpointPort: 0, rx: 7n, unreadable: ['item *B: endpoint-port="x51820" is not a whole number'] });
    expect(after.peer('*A')?.unreadable).toEqual([]);
    // The next poll moves only counters: the configuration problem is still named.
    m.applyPoll([
      { '.id': '*A', interface: 'wg0', 'public-key': KEY_A, name: 'a', rx: '1000', tx: '300', disabled: 'false' },
      { '.id': '*B', interface: 'wg0', 'public-key': KEY_B, name: 'b', rx: '8', tx: '9', disabled: 'false' },
    ], 800);
    expect(m.state().peer('*B')).toMatchObject({ rx: 8n, endpointPort: 0, unreadable: ['item *B: endpoint-port="x51820" is not a whole number'] });
  });

  it('builds after a poll the same peers a full parse of every row would, reusing what did not change', () => {
    const { m, polled } = model();
    m.applyRead(FULL, 500);
    const first = m.state();
    polled[KEY_B] = 'offline';
    // *A: counters and endpoint; *B: renamed (configuration) and a status from the recorder.
    m.applyPoll([
      { '.id': '*A', interface: 'wg0', 'public-key': KEY_A, name: 'a', rx: '900', tx: '200', 'last-handshake': '1m2s', 'current-endpoint-address': '203.0.113.5', 'current-endpoint-port': '40000', disabled: 'false' },
      { '.id': '*B', interface: 'wg0', 'public-key': KEY_B, name: 'b2', rx: '0', tx: '0', disabled: 'false' },
    ], 600);
    const second = m.state();
    const { 'preshared-key': _psk, ...rowA } = { ...peerA, rx: '900', 'last-handshake': '1m2s', 'current-endpoint-address': '203.0.113.5', 'current-endpoint-port': '40000' };
    expect(second.peer('*A')).toEqual({ ...toWireGuardPeer(rowA), status: 'online', presharedKeyState: 'set', unreadable: [] });
    expect(second.peer('*B')).toMatchObject({ name: 'b2', status: 'offline', presharedKeyState: 'none' });
    expect(second.interfaces).toBe(first.interfaces); // untouched: handed on as they were
    expect(second.addresses).toBe(first.addresses);
    // A poll that changes nothing in a row hands on the same peer object.
    m.applyPoll([
      { '.id': '*A', interface: 'wg0', 'public-key': KEY_A, name: 'a', rx: '900', tx: '200', 'last-handshake': '1m2s', 'current-endpoint-address': '203.0.113.5', 'current-endpoint-port': '40000', disabled: 'false' },
      { '.id': '*B', interface: 'wg0', 'public-key': KEY_B, name: 'b2', rx: '1', tx: '0', disabled: 'false' },
    ], 700);
    const third = m.state();
    expect(third.peer('*A')).toBe(second.peer('*A'));
    expect(third.peer('*B')?.rx).toBe(1n);
    // A listen row changing an interface rebuilds the interfaces.
    m.applyListened('interfaces', { ...iface, comment: 'edited' });
    expect(m.state().interfaces[0]?.comment).toBe('edited');
    expect(m.state().interfaces).not.toBe(first.interfaces);
  });
});
