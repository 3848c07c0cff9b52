// The public endpoint clients dial, remembered per interface in WireDesk (endpoints:get/set/clear): it is
// what makes a ready client config and QR code possible.
import type { InvokeOutput } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { interfaceRecordStore } from './interface-record-store.ts';

export type RememberedEndpoint = NonNullable<InvokeOutput<'endpoints:get'>>;

const endpoints = interfaceRecordStore<RememberedEndpoint, [host: string, port: number]>({
  get: (routerId, iface) => invoke('endpoints:get', { routerId, interface: iface }),
  set: (routerId, iface, host, port) => invoke('endpoints:set', { routerId, interface: iface, host, port }),
  clear: (routerId, iface) => invoke('endpoints:clear', { routerId, interface: iface }),
});

export const useEndpoints = endpoints.useStore;
/** The remembered endpoint of one interface: undefined while unknown, null when none is set. */
export const useEndpoint = endpoints.useRecord;
export const useLoadedEndpoint = endpoints.useLoaded;
