// WireGuard peers per router plus the Peers tab's view state (search, filters, sort), kept per session so
// switching tabs does not lose what the technician was looking at. The Peers tab reads peers:listManaged
// (key custody, read-only reasons, vanished peers); the Traffic tab keeps the lighter peers:list.
import { create } from 'zustand';
import { markPeersData } from '../../lib/perf.ts';
import { createReadModelStore } from '../../lib/read-model.ts';
import type { PeerFilters, PeerSort } from './peer-view.ts';

export const usePeers = createReadModelStore('peers:list');

export const useManagedPeers = createReadModelStore('peers:listManaged', { onValue: markPeersData });

export interface PeerViewState {
  filters: PeerFilters;
  sort: PeerSort;
  setSearch: (search: string) => void;
  setStatus: (status: PeerFilters['status']) => void;
  setInterface: (iface: string) => void;
  toggleSort: (column: PeerSort['column']) => void;
  reset: () => void;
}

const INITIAL_FILTERS: PeerFilters = { search: '', status: 'all', iface: '' };
const INITIAL_SORT: PeerSort = { column: 'name', direction: 'asc' };

export const usePeerView = create<PeerViewState>()((set) => ({
  filters: INITIAL_FILTERS,
  sort: INITIAL_SORT,
  setSearch: (search) => set((s) => ({ filters: { ...s.filters, search } })),
  setStatus: (status) => set((s) => ({ filters: { ...s.filters, status } })),
  setInterface: (iface) => set((s) => ({ filters: { ...s.filters, iface } })),
  toggleSort: (column) =>
    set((s) => ({
      sort: s.sort.column === column ? { column, direction: s.sort.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: defaultDirection(column) },
    })),
  reset: () => set({ filters: INITIAL_FILTERS }),
}));

/** Traffic and recency read best biggest/most recent first; names read best A to Z. */
function defaultDirection(column: PeerSort['column']): 'asc' | 'desc' {
  return column === 'rx' || column === 'tx' ? 'desc' : 'asc';
}
