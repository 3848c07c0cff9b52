// The Peers tab's per-router view state: nothing set on one router shows on another, the lasting parts
// (sort, interface filter, the interface new peers go to) come back in a store made afresh over the same
// storage (as after a restart), the session parts do not, and a remembered interface a router no longer has
// is passed over for one it does.
import { describe, expect, it } from 'vitest';
import { startingInterface } from '../../../renderer/features/peers/peer-form.ts';
import { createPeerViewStore, DEFAULT_PEER_VIEW, PEER_VIEW_KEY, type KeyValueStorage, type PeerView } from '../../../renderer/features/peers/view-store.ts';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const viewOf = (store: ReturnType<typeof createPeerViewStore>, routerId: string): PeerView => store.getState().byRouter[routerId] ?? DEFAULT_PEER_VIEW;

describe('per-router peer view store', () => {
  it('keeps what is picked on router A away from router B, and B\'s changes away from A', () => {
    const store = createPeerViewStore(memoryStorage());
    const s = store.getState();
    s.setSearch('A', 'ayşe');
    s.setStatus('A', 'offline');
    s.setInterface('A', 'wg-office');
    s.toggleSort('A', 'rx');
    s.rememberAddInterface('A', 'wg-office');

    expect(viewOf(store, 'A')).toEqual({ filters: { search: 'ayşe', status: 'offline', iface: 'wg-office' }, sort: { column: 'rx', direction: 'desc' }, addInterface: 'wg-office' });
    expect(store.getState().byRouter['B']).toBeUndefined();
    expect(viewOf(store, 'B')).toEqual(DEFAULT_PEER_VIEW);

    s.setInterface('B', 'wg-phones');
    s.toggleSort('B', 'name');
    s.reset('B');
    expect(viewOf(store, 'B')).toEqual({ ...DEFAULT_PEER_VIEW, sort: { column: 'name', direction: 'desc' } });
    expect(viewOf(store, 'A').filters).toEqual({ search: 'ayşe', status: 'offline', iface: 'wg-office' });
    expect(viewOf(store, 'A').sort).toEqual({ column: 'rx', direction: 'desc' });
  });

  it('brings back sort and chosen interfaces per router in a new store over the same storage, but not the search or status', () => {
    const storage = memoryStorage();
    const first = createPeerViewStore(storage);
    const s = first.getState();
    s.setInterface('A', 'wg-office');
    s.toggleSort('A', 'handshake');
    s.toggleSort('A', 'handshake');
    s.setSearch('A', 'laptop');
    s.setStatus('A', 'online');
    s.rememberAddInterface('B', 'wg-phones');
    s.setSearch('B', 'telefon');
    expect([...storage.data.keys()]).toEqual([PEER_VIEW_KEY]);

    const second = createPeerViewStore(storage);
    expect(viewOf(second, 'A')).toEqual({ filters: { search: '', status: 'all', iface: 'wg-office' }, sort: { column: 'handshake', direction: 'desc' }, addInterface: '' });
    expect(viewOf(second, 'B')).toEqual({ ...DEFAULT_PEER_VIEW, addInterface: 'wg-phones' });
    // Typing is not written out at all (every keystroke would otherwise be a storage write).
    expect(storage.data.get(PEER_VIEW_KEY)).not.toContain('laptop');
    expect(storage.data.get(PEER_VIEW_KEY)).not.toContain('telefon');
  });

  it('reads a broken, foreign or hostile saved value as the defaults instead of failing', () => {
    for (const saved of ['{not json', '[1,2]', '"text"', 'null', '42']) {
      expect(createPeerViewStore(memoryStorage({ [PEER_VIEW_KEY]: saved })).getState().byRouter).toEqual({});
    }
    const saved = JSON.stringify({
      A: { sort: { column: 'dropTable', direction: 'asc' }, iface: 42, addInterface: ['wg0'] },
      B: 'wg-phones',
      C: { sort: { column: 'tx', direction: 'sideways' }, iface: 'wg-site' },
    });
    // Written by hand: an object literal's __proto__ sets the prototype rather than making a key.
    const store = createPeerViewStore(memoryStorage({ [PEER_VIEW_KEY]: `${saved.slice(0, -1)},"__proto__":{"filters":{"iface":"wg-evil"}}}` }));
    expect(viewOf(store, 'A')).toEqual(DEFAULT_PEER_VIEW);
    expect(store.getState().byRouter['B']).toBeUndefined();
    expect(viewOf(store, 'C')).toEqual({ ...DEFAULT_PEER_VIEW, filters: { ...DEFAULT_PEER_VIEW.filters, iface: 'wg-site' } });
    // A "__proto__" router id stays an entry of its own and changes no other router's view.
    expect(Object.getPrototypeOf(store.getState().byRouter)).toBe(Object.prototype);
    expect(Object.keys(store.getState().byRouter).sort()).toEqual(['A', 'C', '__proto__']);
    expect(viewOf(store, 'D')).toEqual(DEFAULT_PEER_VIEW);
  });

  it('leaves an older version\'s key unread', () => {
    const store = createPeerViewStore(memoryStorage({ 'wiredesk.peerView.v0': JSON.stringify({ A: { iface: 'wg-office' } }) }));
    expect(store.getState().byRouter).toEqual({});
  });

  it('keeps working when the storage refuses to read or write', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createPeerViewStore(broken);
    store.getState().setInterface('A', 'wg-office');
    expect(viewOf(store, 'A').filters.iface).toBe('wg-office');
    const none = createPeerViewStore(null);
    none.getState().toggleSort('A', 'status');
    expect(viewOf(none, 'A').sort).toEqual({ column: 'status', direction: 'asc' });
  });
});

describe('startingInterface', () => {
  const routerB = [{ name: 'wg-phones' }, { name: 'wg-guests' }];

  it('takes the first preferred name the router still has', () => {
    expect(startingInterface(routerB, '', 'wg-guests')).toBe('wg-guests');
    expect(startingInterface(routerB, 'wg-phones', 'wg-guests')).toBe('wg-phones');
  });

  it('falls back to the router\'s first interface when a remembered one is gone or belongs to another router', () => {
    expect(startingInterface(routerB, 'wg-office')).toBe('wg-phones');
    expect(startingInterface(routerB, 'wg-office', 'wg-deleted', undefined)).toBe('wg-phones');
    expect(startingInterface(routerB)).toBe('wg-phones');
    expect(startingInterface([], 'wg-office')).toBe('');
  });

  it('with a store restored after a restart, a stale remembered interface gives way to one the router has', () => {
    const storage = memoryStorage();
    createPeerViewStore(storage).getState().rememberAddInterface('B', 'wg-old');
    const restored = viewOf(createPeerViewStore(storage), 'B');
    expect(restored.addInterface).toBe('wg-old');
    expect(startingInterface(routerB, restored.filters.iface, restored.addInterface)).toBe('wg-phones');
  });
});
