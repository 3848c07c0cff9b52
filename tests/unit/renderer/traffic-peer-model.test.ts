import { describe, expect, it } from 'vitest';
import type { WgInterface, WgPeer } from '../../../src/contract/index.ts';
import { defaultInterface, displayName, interfaceNames, pingTargets, searchPeers } from '../../../renderer/features/traffic/peer-model.ts';
import { eventsFor, mergeEvents, type StatusEvent } from '../../../renderer/features/traffic/events-model.ts';

const KEY = 'ZOcCgiWl7GmEFZ00x9xny3C1gR4RH0unq1IMCj0aVR0=';

function peer(overrides: Partial<WgPeer>): WgPeer {
  return {
    id: '*1',
    interface: 'wg-office',
    name: '',
    comment: '',
    publicKey: KEY,
    allowedAddress: [],
    endpoint: null,
    currentEndpoint: null,
    lastHandshakeMs: null,
    persistentKeepaliveSec: null,
    rx: 0,
    tx: 0,
    disabled: false,
    dynamic: false,
    status: 'online',
    ...overrides,
  };
}

describe('peer names and ping targets', () => {
  it('falls back from name to comment to a shortened key', () => {
    expect(displayName({ name: 'şube-ankara', comment: 'x', publicKey: KEY })).toBe('şube-ankara');
    expect(displayName({ name: ' ', comment: 'Branch', publicKey: KEY })).toBe('Branch');
    expect(displayName({ name: '', comment: '', publicKey: KEY })).toBe('ZOcCgiWl…0aVR0=');
  });

  it('pings host addresses and leaves networks and default routes to the user', () => {
    expect(pingTargets(['10.10.0.18/32', '192.168.11.0/24', 'fd00::5/128', '0.0.0.0/0', '::/0'])).toEqual({
      hosts: ['10.10.0.18', 'fd00::5'],
      networks: ['192.168.11.0/24'],
    });
    expect(pingTargets(['10.0.0.2'])).toEqual({ hosts: ['10.0.0.2'], networks: [] });
    expect(pingTargets([])).toEqual({ hosts: [], networks: [] });
  });
});

describe('peer search for the scope picker', () => {
  const rows = [
    peer({ id: '*1', name: 'şube-izmir', allowedAddress: ['10.10.0.7/32'] }),
    peer({ id: '*2', name: 'şube-ankara', allowedAddress: ['10.10.0.18/32'] }),
    peer({ id: '*3', name: 'ayşe-iphone', interface: 'back-to-home-vpn', allowedAddress: ['192.168.216.3/32'] }),
  ];
  it('matches every term anywhere and sorts by interface, then name', () => {
    expect(searchPeers(rows, '', 10).matches.map((p) => p.name)).toEqual(['ayşe-iphone', 'şube-ankara', 'şube-izmir']);
    expect(searchPeers(rows, 'şube 10.10.0.1', 10).matches.map((p) => p.name)).toEqual(['şube-ankara']);
    expect(searchPeers(rows, 'home', 10).matches.map((p) => p.name)).toEqual(['ayşe-iphone']);
  });
  it('caps what it returns but reports the total', () => {
    expect(searchPeers(rows, '', 2)).toMatchObject({ total: 3 });
    expect(searchPeers(rows, '', 2).matches).toHaveLength(2);
  });
});

describe('interfaces to offer', () => {
  const iface = (name: string) => ({ name }) as WgInterface;
  it('joins reported, peer and history interfaces and starts on the busiest', () => {
    const peers = [peer({ interface: 'wg-clients' }), peer({ interface: 'wg-clients' }), peer({ interface: 'wg-office' })];
    const names = interfaceNames([iface('wg-office'), iface('wg-clients')], peers, ['wg-old']);
    expect(names).toEqual(['wg-clients', 'wg-office', 'wg-old']);
    expect(defaultInterface(names, peers)).toBe('wg-clients');
    expect(defaultInterface(['wg-a', 'wg-b'], undefined)).toBe('wg-a');
    expect(defaultInterface([], peers)).toBeNull();
  });
});

describe('status events', () => {
  const base = { routerId: 'r1', interface: 'wg-office', publicKey: KEY, name: 'şube-ankara', detail: null } as const;
  const stored: StatusEvent = { ...base, kind: 'peer', from: 'online', to: 'offline', at: 1_000, id: 7 };
  const pushed: StatusEvent = { ...base, kind: 'peer', from: 'offline', to: 'online', at: 2_000 };
  const router: StatusEvent = { kind: 'router', routerId: 'r1', interface: null, publicKey: null, name: null, from: 'reachable', to: 'unreachable', at: 1_500, detail: 'timeout', id: 8 };

  it('merges stored and pushed transitions newest first, once each', () => {
    const merged = mergeEvents([pushed], [stored, router, { ...pushed, id: 9 }], 50);
    expect(merged.map((e) => e.at)).toEqual([2_000, 1_500, 1_000]);
    expect(merged[0]!.id).toBe(9); // the stored copy replaces the pushed one
    expect(mergeEvents([stored, router, pushed], [], 2).map((e) => e.at)).toEqual([2_000, 1_500]);
  });

  it('filters to one peer but keeps the router events that explain its gaps', () => {
    const other: StatusEvent = { ...stored, publicKey: 'x'.repeat(43) + '=', id: 10 };
    expect(eventsFor([stored, router, other], { interface: 'wg-office', publicKey: KEY })).toEqual([stored, router]);
    expect(eventsFor([stored, other], null)).toHaveLength(2);
  });
});
