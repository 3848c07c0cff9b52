// An interface as the UI gets it: in the model's listing (router-model/views) and back after a change. Both
// go through interfaceRow, with the statuses the model holds for the interface's peers.
import type { ManagedInterface, WgInterface, WgPeer } from '../../../src/contract/index.ts';
import type { RouterState } from '../router-model/model.ts';
import { interfaceAddresses, type RouterInterface } from './router-read.ts';
import { blockingRuleRow } from './firewall.ts';

/** Whether the model's input chain lets the interface's UDP port in (see firewall.ts). */
export function portState(state: Pick<RouterState, 'parts' | 'firewall'>, listenPort: number): WgInterface['firewall'] {
  if (!state.parts.firewall.known) return { state: 'unknown', blockedBy: null };
  const rule = blockingRuleRow(state.firewall, listenPort);
  return rule ? { state: 'closed', blockedBy: { id: rule['.id'] ?? '', action: rule['action'] ?? '', comment: rule['comment'] ?? '' } } : { state: 'open', blockedBy: null };
}

/** `peerStatuses`: the status of each peer on this interface. */
export function interfaceRow(iface: RouterInterface, addresses: string[], peerStatuses: ReadonlyArray<WgPeer['status']>, firewall: WgInterface['firewall']): WgInterface {
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
    firewall,
  };
}

export function interfaceView(state: RouterState, iface: RouterInterface): ManagedInterface {
  const statuses = state.peers.filter((p) => p.interface === iface.name).map((p) => p.status);
  const addresses = interfaceAddresses(state, iface.name);
  return interfaceRow(iface, addresses, statuses, portState(state, iface.listenPort));
}
