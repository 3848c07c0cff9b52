// State-based navigation: which screen, which router, which tab, which dialog. The selected router and
// tab are remembered for the next start.
import { create } from 'zustand';
import { useActivity } from '../features/activity/store.ts';

export type RouterTab = 'interfaces' | 'peers' | 'traffic' | 'backups';
export const ROUTER_TABS: readonly RouterTab[] = ['interfaces', 'peers', 'traffic', 'backups'];

export type DialogState = { kind: 'add' } | { kind: 'edit'; routerId: string } | { kind: 'remove'; routerId: string } | null;

export interface NavState {
  screen: 'router' | 'settings' | 'activity';
  routerId: string | null;
  tab: RouterTab;
  dialog: DialogState;
  selectRouter: (id: string | null) => void;
  setTab: (tab: RouterTab) => void;
  openSettings: () => void;
  /** The Activity (audit) screen, filtered to one router when given. */
  openActivity: (routerId?: string) => void;
  openDialog: (dialog: Exclude<DialogState, null>) => void;
  closeDialog: () => void;
}

const NAV_KEY = 'wiredesk.nav';

function restore(): { routerId: string | null; tab: RouterTab } {
  try {
    const saved = JSON.parse(localStorage.getItem(NAV_KEY) ?? 'null') as { routerId?: unknown; tab?: unknown } | null;
    const tab = ROUTER_TABS.find((t) => t === saved?.tab) ?? 'interfaces';
    return { routerId: typeof saved?.routerId === 'string' ? saved.routerId : null, tab };
  } catch {
    return { routerId: null, tab: 'interfaces' };
  }
}

function persist(state: { routerId: string | null; tab: RouterTab }): void {
  try {
    localStorage.setItem(NAV_KEY, JSON.stringify({ routerId: state.routerId, tab: state.tab }));
  } catch {
    // Only a convenience.
  }
}

export const useNav = create<NavState>()((set, get) => ({
  screen: 'router',
  ...restore(),
  dialog: null,
  selectRouter(id) {
    set({ routerId: id, screen: 'router' });
    persist(get());
  },
  setTab(tab) {
    set({ tab, screen: 'router' });
    persist(get());
  },
  openSettings: () => set({ screen: 'settings' }),
  openActivity: (routerId) => {
    useActivity.getState().setFilters({ routerId: routerId ?? '' });
    set({ screen: 'activity' });
  },
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));
