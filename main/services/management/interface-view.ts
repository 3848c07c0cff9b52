// An interface as the UI gets it: from the read model's listing (wireguard-read) and back after a change,
// built from the state just read (one round trip). Both go through interfaceRow.
import type { ManagedInterface, WgInterface, WgPeer } from '../../../src/contract/index.ts';
import { peerStatus } from '../../../src/domain/index.ts';
import type { RouterInterface, RouterWireGuard } from './router-read.ts';

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

export function interfaceView(state: RouterWireGuard, iface: RouterInterface, onlineThresholdMs: number): ManagedInterface {
  const statuses = state.peers
    .filter((p) => p.interface === iface.name)
    .map((p) => peerStatus({ disabled: p.disabled, lastHandshakeMs: p.lastHandshakeMs, rxGrowing: false, onlineThresholdMs }));
  const addresses = state.addresses.filter((a) => a.interface === iface.name && !a.disabled).map((a) => a.address);
  return interfaceRow(iface, addresses, statuses);
}
