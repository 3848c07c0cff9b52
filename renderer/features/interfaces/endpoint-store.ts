// The public endpoint clients dial, remembered per interface in WireDesk (endpoints:get/set/clear): it is
// what makes a ready client config and QR code possible. Local records, so they work offline too.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { InvokeOutput } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';

export type RememberedEndpoint = NonNullable<InvokeOutput<'endpoints:get'>>;

const keyOf = (routerId: string, iface: string) => `${routerId}\u0000${iface}`;

export interface EndpointsState {
  /** undefined: not read yet; null: none remembered. */
  byKey: Record<string, RememberedEndpoint | null>;
  load: (routerId: string, iface: string) => Promise<void>;
  /** Throws ApiError (VALIDATION with details.field host/port) for the form to show. */
  save: (routerId: string, iface: string, host: string, port: number) => Promise<RememberedEndpoint>;
  clear: (routerId: string, iface: string) => Promise<void>;
}

export const useEndpoints = create<EndpointsState>()((set) => ({
  byKey: {},
  async load(routerId, iface) {
    const value = await invoke('endpoints:get', { routerId, interface: iface });
    set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: value } }));
  },
  async save(routerId, iface, host, port) {
    const saved = await invoke('endpoints:set', { routerId, interface: iface, host, port });
    set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: saved } }));
    return saved;
  },
  async clear(routerId, iface) {
    await invoke('endpoints:clear', { routerId, interface: iface });
    set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: null } }));
  },
}));

/** The remembered endpoint of one interface: undefined while unknown, null when none is set. */
export function useEndpoint(routerId: string, iface: string): RememberedEndpoint | null | undefined {
  return useEndpoints((s) => s.byKey[keyOf(routerId, iface)]);
}

/** useEndpoint, read (again) from main when the component shows or the interface changes. */
export function useLoadedEndpoint(routerId: string, iface: string): RememberedEndpoint | null | undefined {
  const load = useEndpoints((s) => s.load);
  useEffect(() => {
    load(routerId, iface).catch(() => undefined);
  }, [load, routerId, iface]);
  return useEndpoint(routerId, iface);
}
