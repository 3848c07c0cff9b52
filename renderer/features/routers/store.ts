// Routers and their live connection status. The initial picture comes from routers:list; after that the
// status only changes through router:status events pushed by main (the UI never polls for status).
import { create } from 'zustand';
import type { RouterProfile, RouterStatus, RouterSummary } from '../../../src/contract/index.ts';
import { errorMessage, invoke, on } from '../../lib/api.ts';

export interface RoutersState {
  profiles: RouterProfile[];
  statuses: Record<string, RouterStatus>;
  loaded: boolean;
  loadError: string | null;
  reconnecting: Record<string, boolean>;
  load: () => Promise<void>;
  applyStatus: (status: RouterStatus) => void;
  reconnect: (id: string) => Promise<void>;
  startDemo: () => Promise<RouterProfile>;
  remove: (id: string) => Promise<void>;
  /** Adds or replaces one profile after add/update, without waiting for the list to reload. */
  upsertProfile: (profile: RouterProfile) => void;
}

export const useRouters = create<RoutersState>()((set, get) => ({
  profiles: [],
  statuses: {},
  loaded: false,
  loadError: null,
  reconnecting: {},

  async load() {
    try {
      const list: RouterSummary[] = await invoke('routers:list');
      set((state) => {
        const statuses: Record<string, RouterStatus> = {};
        for (const { profile, status } of list) {
          // An event may have arrived while the list was in flight; keep whichever is newer.
          const current = state.statuses[profile.id];
          statuses[profile.id] = current && current.since > status.since ? current : status;
        }
        return { profiles: list.map((s) => s.profile), statuses, loaded: true, loadError: null };
      });
    } catch (error) {
      set({ loaded: true, loadError: errorMessage(error) });
    }
  },

  applyStatus(status) {
    const previous = get().statuses[status.routerId];
    set((state) => ({ statuses: { ...state.statuses, [status.routerId]: status } }));
    // Identity, version and board are recorded on connect: fetch them when a router comes online.
    if (status.state === 'online' && previous?.state !== 'online') void get().load();
  },

  async reconnect(id) {
    set((state) => ({ reconnecting: { ...state.reconnecting, [id]: true } }));
    try {
      const status = await invoke('routers:reconnect', { id });
      get().applyStatus(status);
    } finally {
      set((state) => ({ reconnecting: { ...state.reconnecting, [id]: false } }));
    }
  },

  async startDemo() {
    const profile = await invoke('routers:startDemo');
    get().upsertProfile(profile);
    return profile;
  },

  async remove(id) {
    await invoke('routers:remove', { id });
    set((state) => {
      const statuses = { ...state.statuses };
      delete statuses[id];
      return { profiles: state.profiles.filter((p) => p.id !== id), statuses };
    });
  },

  upsertProfile(profile) {
    set((state) => {
      const index = state.profiles.findIndex((p) => p.id === profile.id);
      const profiles = index === -1 ? [...state.profiles, profile] : state.profiles.map((p) => (p.id === profile.id ? profile : p));
      return { profiles };
    });
  },
}));

/** Subscribes to main's pushed events; returns the unsubscribe for App's effect cleanup. */
export function connectRouterEvents(): () => void {
  const offStatus = on('router:status', (status) => useRouters.getState().applyStatus(status));
  // Another window or a service changed the list: reload it (cheap, and keeps profile facts fresh).
  const offChanged = on('routers:changed', () => void useRouters.getState().load());
  return () => {
    offStatus();
    offChanged();
  };
}
