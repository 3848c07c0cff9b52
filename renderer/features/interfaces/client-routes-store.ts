// What each interface's client configs route into the tunnel, remembered in WireDesk (clientRoutes:get/set/clear):
// the set-up wizard's split tunnel, or routes set on the Interfaces tab. Main fills them in for every new peer,
// Config & QR and CSV import; the screens show them. None remembered (null) is the full tunnel.
import type { InvokeOutput } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { interfaceRecordStore } from './interface-record-store.ts';

export type RememberedRoutes = NonNullable<InvokeOutput<'clientRoutes:get'>>;

const clientRoutes = interfaceRecordStore<RememberedRoutes, [routes: readonly string[]]>({
  get: (routerId, iface) => invoke('clientRoutes:get', { routerId, interface: iface }),
  set: (routerId, iface, routes) => invoke('clientRoutes:set', { routerId, interface: iface, routes: [...routes] }),
  clear: (routerId, iface) => invoke('clientRoutes:clear', { routerId, interface: iface }),
});

export const useClientRoutes = clientRoutes.useStore;
export const useRememberedRoutes = clientRoutes.useRecord;
export const useLoadedRoutes = clientRoutes.useLoaded;
