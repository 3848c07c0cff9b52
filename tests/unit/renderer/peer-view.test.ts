import { describe, expect, it } from 'vitest';
import type { WgPeer } from '../../../src/contract/index.ts';
import { buildSearchIndex, countPeers, filterPeers, peerEndpoint, peerLabel, sortPeers } from '../../../renderer/features/peers/peer-view.ts';

function peer(over: Partial<WgPeer> & { id: string }): WgPeer {
  return {
    interface: 'wg0',
    name: '',
    comment: '',
    publicKey: `key-${over.id}`,
    allowedAddress: [],
    endpoint: null,
    currentEndpoint: null,
    lastHandshakeMs: null,
    persistentKeepaliveSec: null,
    rx: 0,
    tx: 0,
    disabled: false,
    dynamic: false,
    status: 'never-connected',
    ...over,
  };
}

const rows: WgPeer[] = [
  peer({ id: '*1', name: 'office-laptop', allowedAddress: ['10.8.0.2/32'], lastHandshakeMs: 30_000, rx: 500, tx: 10, status: 'online' }),
  peer({ id: '*2', comment: 'Ayşe phone', allowedAddress: ['10.8.0.10/32'], lastHandshakeMs: 900_000, rx: 100, tx: 900, status: 'offline', interface: 'wg1' }),
  peer({ id: '*3', name: 'printer', allowedAddress: ['10.8.0.9/32'], publicKey: 'ZZtopKEY=', status: 'never-connected' }),
  peer({ id: '*4', name: '', comment: '', allowedAddress: [], disabled: true, status: 'disabled' }),
];

describe('peer labels', () => {
  it('falls back from name to comment to nothing', () => {
    expect(peerLabel(rows[0]!)).toBe('office-laptop');
    expect(peerLabel(rows[1]!)).toBe('Ayşe phone');
    expect(peerLabel(rows[3]!)).toBe('');
  });
  it('prefers the current endpoint over the configured one', () => {
    expect(peerEndpoint(peer({ id: 'x', endpoint: 'a:1', currentEndpoint: 'b:2' }))).toBe('b:2');
    expect(peerEndpoint(peer({ id: 'x', endpoint: 'a:1' }))).toBe('a:1');
    expect(peerEndpoint(peer({ id: 'x' }))).toBeNull();
  });
});

describe('filterPeers', () => {
  const index = buildSearchIndex(rows);
  const all = { search: '', status: 'all', iface: '' } as const;

  it('searches name, comment, address and public key, case-insensitively, all terms', () => {
    expect(filterPeers(rows, index, { ...all, search: 'OFFICE' }).map((p) => p.id)).toEqual(['*1']);
    expect(filterPeers(rows, index, { ...all, search: 'ayşe' }).map((p) => p.id)).toEqual(['*2']);
    expect(filterPeers(rows, index, { ...all, search: '10.8.0.1' }).map((p) => p.id)).toEqual(['*2']);
    expect(filterPeers(rows, index, { ...all, search: 'zztop' }).map((p) => p.id)).toEqual(['*3']);
    expect(filterPeers(rows, index, { ...all, search: 'printer 10.8' }).map((p) => p.id)).toEqual(['*3']);
    expect(filterPeers(rows, index, { ...all, search: 'printer 192.168' })).toEqual([]);
  });

  it('filters by status and interface', () => {
    expect(filterPeers(rows, index, { ...all, status: 'online' }).map((p) => p.id)).toEqual(['*1']);
    expect(filterPeers(rows, index, { ...all, iface: 'wg1' }).map((p) => p.id)).toEqual(['*2']);
  });

  // Speed at this size is measured in Chromium by `npm run bench peers-render` (filter keystroke to rows).
  it('finds and sorts correctly among 10,000 peers', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      peer({ id: `*${i}`, name: `peer-${i}`, allowedAddress: [`10.${(i >> 8) & 255}.${i & 255}.1/32`], rx: i * 7, status: i % 3 === 0 ? 'online' : 'offline' }),
    );
    const manyIndex = buildSearchIndex(many);
    const found = filterPeers(many, manyIndex, { search: 'peer-99', status: 'all', iface: '' });
    const sorted = sortPeers(found.length ? many : found, { column: 'rx', direction: 'desc' });
    expect(found.length).toBe(111);
    expect(sorted[0]!.id).toBe('*9999');
  });
});

describe('sortPeers', () => {
  it('sorts addresses numerically, not as text', () => {
    expect(sortPeers(rows.slice(0, 3), { column: 'allowed', direction: 'asc' }).map((p) => p.id)).toEqual(['*1', '*3', '*2']);
  });

  it('keeps peers without a handshake last in both directions', () => {
    expect(sortPeers(rows, { column: 'handshake', direction: 'asc' }).map((p) => p.id)).toEqual(['*1', '*2', '*3', '*4']);
    expect(sortPeers(rows, { column: 'handshake', direction: 'desc' }).map((p) => p.id)).toEqual(['*2', '*1', '*3', '*4']);
  });

  it('keeps unnamed peers last when sorting by name', () => {
    expect(sortPeers(rows, { column: 'name', direction: 'desc' }).map((p) => p.id)).toEqual(['*3', '*1', '*2', '*4']);
  });

  it('orders status online, offline, never, disabled', () => {
    expect(sortPeers(rows, { column: 'status', direction: 'asc' }).map((p) => p.status)).toEqual(['online', 'offline', 'never-connected', 'disabled']);
  });

  it('does not modify its input', () => {
    const copy = [...rows];
    sortPeers(rows, { column: 'tx', direction: 'desc' });
    expect(rows).toEqual(copy);
  });
});

describe('countPeers', () => {
  it('counts by status and lists interfaces', () => {
    const counts = countPeers(rows);
    expect(counts.total).toBe(4);
    expect(counts.byStatus).toEqual({ online: 1, offline: 1, 'never-connected': 1, disabled: 1 });
    expect(counts.interfaces).toEqual(['wg0', 'wg1']);
  });
});
