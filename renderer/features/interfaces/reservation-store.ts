// Addresses set aside in WireDesk per interface (reservations:list/reserve/release): the address picker
// skips them when it hands out the next free address. Local records, so they work offline too.
import { create } from 'zustand';
import type { InvokeOutput } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';

export type Reservation = InvokeOutput<'reservations:reserve'>;

export interface ReservationsState {
  /** All reservations of a router, sorted by interface and address; undefined until read. */
  byRouter: Record<string, Reservation[] | undefined>;
  load: (routerId: string) => Promise<void>;
  /** Throws ApiError (VALIDATION or CONFLICT with details.field "address") for the form to show. */
  reserve: (routerId: string, iface: string, address: string, note: string) => Promise<Reservation>;
  release: (routerId: string, iface: string, address: string) => Promise<void>;
}

export const useReservations = create<ReservationsState>()((set, get) => ({
  byRouter: {},
  async load(routerId) {
    const rows = await invoke('reservations:list', { routerId });
    set((s) => ({ byRouter: { ...s.byRouter, [routerId]: rows } }));
  },
  async reserve(routerId, iface, address, note) {
    const made = await invoke('reservations:reserve', { routerId, interface: iface, address, note });
    await get().load(routerId);
    return made;
  },
  async release(routerId, iface, address) {
    await invoke('reservations:release', { routerId, interface: iface, address });
    await get().load(routerId);
  },
}));

const NONE: Reservation[] = [];

/** Reservations of one interface; empty while not read yet. */
export function useInterfaceReservations(routerId: string, iface: string): Reservation[] {
  const all = useReservations((s) => s.byRouter[routerId]);
  return all ? all.filter((r) => r.interface === iface) : NONE;
}
