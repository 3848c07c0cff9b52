// Traffic screen state: router health (read model), what the technician is looking at per router (scope and
// range survive tab switches), status transitions (stored plus pushed) and the peers watched for desktop
// notifications. The rate history itself lives in main; this screen only asks for it.
import { create } from 'zustand';
import type { HistoryRangeValue, MonitorEventData } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { createReadModelStore, toReadError, type ReadError } from '../../lib/read-model.ts';
import { mergeEvents, type StatusEvent } from './events-model.ts';

export const useHealth = createReadModelStore('router:health');

// ---------- Scope and range ----------

export interface TrafficScope {
  /** WireGuard interface; null until the screen has picked a default. */
  interface: string | null;
  /** One peer of that interface; null for the whole interface. */
  publicKey: string | null;
  /** The peer's name as known when it was picked (history may name a peer the router no longer lists). */
  label?: string | undefined;
}

export interface TrafficView {
  scope: TrafficScope;
  range: HistoryRangeValue;
}

export const DEFAULT_VIEW: TrafficView = { scope: { interface: null, publicKey: null }, range: '15m' };

export interface TrafficViewState {
  byRouter: Record<string, TrafficView>;
  setScope: (routerId: string, scope: TrafficScope) => void;
  setRange: (routerId: string, range: HistoryRangeValue) => void;
}

export const useTrafficView = create<TrafficViewState>()((set) => {
  const patch = (routerId: string, change: Partial<TrafficView>) =>
    set((state) => ({ byRouter: { ...state.byRouter, [routerId]: { ...(state.byRouter[routerId] ?? DEFAULT_VIEW), ...change } } }));
  return {
    byRouter: {},
    setScope: (routerId, scope) => patch(routerId, { scope }),
    setRange: (routerId, range) => patch(routerId, { range }),
  };
});

// ---------- Status transitions ----------

export const EVENT_LIMIT = 50;

interface RouterEvents {
  events: StatusEvent[];
  loaded: boolean;
  error: ReadError | null;
}

export const NO_EVENTS: RouterEvents = { events: [], loaded: false, error: null };

export interface StatusEventsState {
  byRouter: Record<string, RouterEvents>;
  load: (routerId: string) => Promise<void>;
  /** A transition main pushed (monitor:event); kept for its router only. */
  push: (event: MonitorEventData) => void;
}

export const useStatusEvents = create<StatusEventsState>()((set) => {
  const update = (routerId: string, change: (current: RouterEvents) => RouterEvents) =>
    set((state) => ({ byRouter: { ...state.byRouter, [routerId]: change(state.byRouter[routerId] ?? NO_EVENTS) } }));
  return {
    byRouter: {},
    async load(routerId) {
      try {
        const stored = await invoke('traffic:events', { routerId, limit: EVENT_LIMIT });
        update(routerId, (current) => ({ events: mergeEvents(current.events, stored, EVENT_LIMIT), loaded: true, error: null }));
      } catch (error) {
        update(routerId, (current) => ({ ...current, loaded: true, error: toReadError(error) }));
      }
    },
    push(event) {
      update(event.routerId, (current) => ({ ...current, events: mergeEvents(current.events, [event], EVENT_LIMIT) }));
    },
  };
});

// ---------- Watched peers (desktop notifications) ----------

export function watchKey(iface: string, publicKey: string): string {
  return `${iface}|${publicKey}`;
}

interface RouterWatch {
  keys: ReadonlySet<string>;
  loaded: boolean;
  /** Keys with a change in flight. */
  busy: ReadonlySet<string>;
  error: ReadError | null;
}

export const NO_WATCH: RouterWatch = { keys: new Set(), loaded: false, busy: new Set(), error: null };

export interface WatchState {
  byRouter: Record<string, RouterWatch>;
  load: (routerId: string) => Promise<void>;
  setWatched: (routerId: string, iface: string, publicKey: string, watched: boolean) => Promise<void>;
}

const toKeys = (list: { peers: Array<{ interface: string; publicKey: string }> }) => new Set(list.peers.map((p) => watchKey(p.interface, p.publicKey)));

export const useWatched = create<WatchState>()((set) => {
  const update = (routerId: string, change: (current: RouterWatch) => RouterWatch) =>
    set((state) => ({ byRouter: { ...state.byRouter, [routerId]: change(state.byRouter[routerId] ?? NO_WATCH) } }));
  const withBusy = (busy: ReadonlySet<string>, key: string, on: boolean) => {
    const next = new Set(busy);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  };
  return {
    byRouter: {},
    async load(routerId) {
      try {
        const list = await invoke('monitor:watched', { routerId });
        update(routerId, (current) => ({ ...current, keys: toKeys(list), loaded: true, error: null }));
      } catch (error) {
        update(routerId, (current) => ({ ...current, loaded: true, error: toReadError(error) }));
      }
    },
    async setWatched(routerId, iface, publicKey, watched) {
      const key = watchKey(iface, publicKey);
      update(routerId, (current) => ({ ...current, busy: withBusy(current.busy, key, true), error: null }));
      try {
        const list = await invoke('monitor:setWatched', { routerId, interface: iface, publicKey, watched });
        update(routerId, (current) => ({ ...current, keys: toKeys(list), loaded: true, busy: withBusy(current.busy, key, false) }));
      } catch (error) {
        update(routerId, (current) => ({ ...current, busy: withBusy(current.busy, key, false), error: toReadError(error) }));
      }
    },
  };
});
