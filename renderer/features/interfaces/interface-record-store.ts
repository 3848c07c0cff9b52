// What WireDesk remembers per WireGuard interface in its own database (where clients dial, what they route): one
// zustand store per kind of record, keyed by router and interface, read from main and written through its
// channels. Local records, so they work offline too.
import { useEffect } from 'react';
import { create, type UseBoundStore, type StoreApi } from 'zustand';

const keyOf = (routerId: string, iface: string) => `${routerId}\u0000${iface}`;

export interface InterfaceRecordState<T, A extends unknown[]> {
  /** undefined: not read yet; null: none remembered. */
  byKey: Record<string, T | null>;
  load: (routerId: string, iface: string) => Promise<void>;
  /** Throws ApiError (VALIDATION with details.field) for the form to show. */
  save: (routerId: string, iface: string, ...args: A) => Promise<T>;
  clear: (routerId: string, iface: string) => Promise<void>;
}

export interface InterfaceRecordStore<T, A extends unknown[]> {
  useStore: UseBoundStore<StoreApi<InterfaceRecordState<T, A>>>;
  /** The record of one interface: undefined while unknown, null when none is remembered. */
  useRecord: (routerId: string, iface: string) => T | null | undefined;
  /** useRecord, read (again) from main when the component shows or the interface changes. */
  useLoaded: (routerId: string, iface: string) => T | null | undefined;
}

export function interfaceRecordStore<T, A extends unknown[]>(channels: {
  get: (routerId: string, iface: string) => Promise<T | null>;
  set: (routerId: string, iface: string, ...args: A) => Promise<T>;
  clear: (routerId: string, iface: string) => Promise<unknown>;
}): InterfaceRecordStore<T, A> {
  const useStore = create<InterfaceRecordState<T, A>>()((set) => ({
    byKey: {},
    async load(routerId, iface) {
      const value = await channels.get(routerId, iface);
      set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: value } }));
    },
    async save(routerId, iface, ...args) {
      const saved = await channels.set(routerId, iface, ...args);
      set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: saved } }));
      return saved;
    },
    async clear(routerId, iface) {
      await channels.clear(routerId, iface);
      set((s) => ({ byKey: { ...s.byKey, [keyOf(routerId, iface)]: null } }));
    },
  }));
  const useRecord = (routerId: string, iface: string) => useStore((s) => s.byKey[keyOf(routerId, iface)]);
  const useLoaded = (routerId: string, iface: string) => {
    const load = useStore((s) => s.load);
    useEffect(() => {
      if (iface) load(routerId, iface).catch(() => undefined);
    }, [load, routerId, iface]);
    return useRecord(routerId, iface);
  };
  return { useStore, useRecord, useLoaded };
}
