// What each interface's client configs route into the tunnel, remembered in WireDesk (clientRoutes:get/set/clear):
// the set-up wizard's split tunnel, or routes set on the Interfaces tab. Main fills them in for every new peer,
// Config & QR and CSV import; the screens show them. Local records, so they work offline too.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { InvokeOutput } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';

export type RememberedRoutes = NonNullable<InvokeOutput<'clientRoutes:get'>>;

const keyOf = (routerId: string, iface: string) => `${routerId}\u0000${iface}`;

export interface ClientRoutesState {
  /** undefined: not read yet; null: none remembered (the full tunnel). */
  byKey: Record<string, RememberedRoutes | null>;
  load: (routerId: string, iface: string) => Promise<void>;
  /** Throws ApiError (VALIDATION with details.field routes) for the form to show. */
  save: (routerId: string, iface: string, routes: readonly string[]) => Promise<RememberedRoutes>;
  /** Back to the full tunnel. */
  clear: (routerId: string, iface: string) => Promise<void>;
}

export const useClientRoutes = create<ClientRoutesState>()((set) => ({
  byKey: {},
  async load(routerId, iface) {
    const value = await invoke('clientRoutes:get', { routerId, interface: iface });
    set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: value } }));
  },
  async save(routerId, iface, routes) {
    const saved = await invoke('clientRoutes:set', { routerId, interface: iface, routes: [...routes] });
    set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: saved } }));
    return saved;
  },
  async clear(routerId, iface) {
    await invoke('clientRoutes:clear', { routerId, interface: iface });
    set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: null } }));
  },
}));

/** The remembered routes of one interface: undefined while unknown, null for the full tunnel. */
export function useRememberedRoutes(routerId: string, iface: string): RememberedRoutes | null | undefined {
  return useClientRoutes((s) => s.byKey[keyOf(routerId, iface)]);
}

/** useRememberedRoutes, read (again) from main when the component shows or the interface changes. */
export function useLoadedRoutes(routerId: string, iface: string): RememberedRoutes | null | undefined {
  const load = useClientRoutes((s) => s.load);
  useEffect(() => {
    if (iface) load(routerId, iface).catch(() => undefined);
  }, [load, routerId, iface]);
  return useRememberedRoutes(routerId, iface);
}
