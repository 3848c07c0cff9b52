// An interface as the UI gets it: in the model's listing (router-model/views) and back after a change. Both
// go through interfaceRow, with the statuses the model holds for the interface's peers.
import type { ManagedInterface, WgInterface, WgPeer } from '../../../src/contract/index.ts';
import type { RouterState } from '../router-model/model.ts';
import type { RouterInterface } from './router-read.ts';

/** `peerStatuses`: the status of each peer on this interface. */
export function interfaceRow(iface: RouterInterface, addresses: string[], peerStatuses: ReadonlyArray<WgPeer['status']>): WgInterface {
  return {
    id: iface.id,
    name: iface.name,
    running: iface.running,
    disabled: iface.disabled,
    listenPort: iface.listenPort,
    mtu: iface.mtu,
    publicKey: iface.publicKey,
    comment: iface.comment,
    addresses,
    dynamic: iface.dynamic,
    peerCount: peerStatuses.length,
    onlinePeerCount: peerStatuses.filter((s) => s === 'online').length,
  };
}

export function interfaceView(state: RouterState, iface: RouterInterface): ManagedInterface {
  const statuses = state.peers.filter((p) => p.interface === iface.name).map((p) => p.status);
  const addresses = state.addresses.filter((a) => a.interface === iface.name && !a.disabled).map((a) => a.address);
  return interfaceRow(iface, addresses, statuses);
}
