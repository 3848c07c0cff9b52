// The Peers tab's view state, one per router id. Routers name their interfaces as they like, so a filter or
// an interface picked on one router means nothing (or something else) on another: nothing here is shared.
// Sort and the chosen interfaces are remembered across restarts (localStorage, versioned key, read
// defensively: a bad or old entry gives the defaults, never an error). The search text and the status
// filter last for the session only: they answer a question of the moment ("where is Ayşe's phone", "who is
// offline"), and finding them still applied the next day would hide peers for no reason on screen.
// Remembered interface names are only wishes: the tab checks them against the router's own list before use.
import { create } from 'zustand';
import { PEER_SORT_COLUMNS, type PeerFilters, type PeerSort } from './peer-view.ts';

export interface PeerView {
  filters: PeerFilters;
  sort: PeerSort;
  /** The interface the last peer added on this router went to; '' before the first. */
  addInterface: string;
}

export const DEFAULT_PEER_VIEW: PeerView = {
  filters: { search: '', status: 'all', iface: '' },
  sort: { column: 'name', direction: 'asc' },
  addInterface: '',
};

export interface PeerViewState {
  byRouter: Readonly<Record<string, PeerView>>;
  setSearch: (routerId: string, search: string) => void;
  setStatus: (routerId: string, status: PeerFilters['status']) => void;
  setInterface: (routerId: string, iface: string) => void;
  toggleSort: (routerId: string, column: PeerSort['column']) => void;
  /** Clears the filters; the sort stays. */
  reset: (routerId: string) => void;
  rememberAddInterface: (routerId: string, iface: string) => void;
}

/** Bump the version when the saved shape changes; an older entry is then simply not read. */
export const PEER_VIEW_KEY = 'wiredesk.peerView.v1';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** What is saved per router: the lasting parts only. */
interface SavedView {
  sort: PeerSort;
  iface: string;
  addInterface: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const nameOf = (value: unknown): string => (typeof value === 'string' ? value : '');

function sortOf(value: unknown): PeerSort {
  if (!isRecord(value)) return DEFAULT_PEER_VIEW.sort;
  const column = PEER_SORT_COLUMNS.find((c) => c === value['column']);
  const direction = value['direction'] === 'asc' || value['direction'] === 'desc' ? value['direction'] : undefined;
  return column && direction ? { column, direction } : DEFAULT_PEER_VIEW.sort;
}

function restore(storage: KeyValueStorage | null): Record<string, PeerView> {
  let saved: unknown;
  try {
    saved = JSON.parse(storage?.getItem(PEER_VIEW_KEY) ?? 'null');
  } catch {
    return {};
  }
  if (!isRecord(saved)) return {};
  // fromEntries defines own properties, so even a router id of "__proto__" cannot reach the prototype.
  return Object.fromEntries(
    Object.entries(saved)
      .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
      .map(([routerId, entry]) => [
        routerId,
        { filters: { ...DEFAULT_PEER_VIEW.filters, iface: nameOf(entry['iface']) }, sort: sortOf(entry['sort']), addInterface: nameOf(entry['addInterface']) },
      ]),
  );
}

function save(storage: KeyValueStorage | null, byRouter: Readonly<Record<string, PeerView>>): void {
  const saved = Object.fromEntries(Object.entries(byRouter).map(([routerId, v]): [string, SavedView] => [routerId, { sort: v.sort, iface: v.filters.iface, addInterface: v.addInterface }]));
  try {
    storage?.setItem(PEER_VIEW_KEY, JSON.stringify(saved));
  } catch {
    // Only a convenience: a full or blocked storage costs the next start its remembered view, nothing more.
  }
}

/** The renderer's localStorage; none under Node (unit tests) or where the browser blocks it. */
function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Traffic and recency read best biggest/most recent first; names read best A to Z. */
function defaultDirection(column: PeerSort['column']): 'asc' | 'desc' {
  return column === 'rx' || column === 'tx' ? 'desc' : 'asc';
}

/** A store over `storage` (the browser's localStorage by default; tests pass their own). */
export function createPeerViewStore(storage: KeyValueStorage | null = browserStorage()) {
  return create<PeerViewState>()((set, get) => {
    const patch = (routerId: string, change: (view: PeerView) => Partial<PeerView>) =>
      set((s) => {
        const view = s.byRouter[routerId] ?? DEFAULT_PEER_VIEW;
        return { byRouter: { ...s.byRouter, [routerId]: { ...view, ...change(view) } } };
      });
    const patchSaved = (routerId: string, change: (view: PeerView) => Partial<PeerView>) => {
      patch(routerId, change);
      save(storage, get().byRouter);
    };
    return {
      byRouter: restore(storage),
      setSearch: (routerId, search) => patch(routerId, (v) => ({ filters: { ...v.filters, search } })),
      setStatus: (routerId, status) => patch(routerId, (v) => ({ filters: { ...v.filters, status } })),
      setInterface: (routerId, iface) => patchSaved(routerId, (v) => ({ filters: { ...v.filters, iface } })),
      toggleSort: (routerId, column) =>
        patchSaved(routerId, ({ sort }) => ({
          sort: sort.column === column ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: defaultDirection(column) },
        })),
      reset: (routerId) => patchSaved(routerId, () => ({ filters: DEFAULT_PEER_VIEW.filters })),
      rememberAddInterface: (routerId, iface) => patchSaved(routerId, () => ({ addInterface: iface })),
    };
  });
}

export const usePeerView = createPeerViewStore();

/** The setters bound to one router, so the tab holding them cannot change another router's view. */
export function peerViewActions(routerId: string) {
  const s = usePeerView.getState();
  return {
    setSearch: (search: string) => s.setSearch(routerId, search),
    setStatus: (status: PeerFilters['status']) => s.setStatus(routerId, status),
    setInterface: (iface: string) => s.setInterface(routerId, iface),
    toggleSort: (column: PeerSort['column']) => s.toggleSort(routerId, column),
    reset: () => s.reset(routerId),
    rememberAddInterface: (iface: string) => s.rememberAddInterface(routerId, iface),
  };
}
