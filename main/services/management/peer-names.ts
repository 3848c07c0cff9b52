// Peer names must be unique on a router: configs, QR sheets and the audit log are told apart by them. Before
// 7.15 the name lives in the comment, so that is what is compared there. Public keys are unique per router too.
import type { WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { RouterWireGuard } from './router-read.ts';
import { invalid } from './validate.ts';

export function peerNameOf(peer: Pick<WireGuardPeer, 'name' | 'comment'>): string {
  return peer.name ?? peer.comment;
}

export function takenNames(state: RouterWireGuard, ignorePeerId?: string): Map<string, WireGuardPeer> {
  const names = new Map<string, WireGuardPeer>();
  for (const peer of state.peers) {
    const name = peerNameOf(peer);
    if (peer.id !== ignorePeerId && name) names.set(name.toLocaleLowerCase('en-US'), peer);
  }
  return names;
}

export function sameNameMessage(name: string, other: WireGuardPeer): string {
  return `A peer named "${name}" already exists on this router (on ${other.interface}); choose another name so configs and the audit log can tell them apart.`;
}

/**
 * A public key belongs to one peer on the whole router: RouterOS refuses it on another interface too
 * (`failure: entry already exists`). Said before sending, with the peer and interface that have it.
 */
export function checkKeyFree(state: RouterWireGuard, publicKey: string, ignorePeerId?: string): void {
  const other = state.peers.find((p) => p.publicKey === publicKey && p.id !== ignorePeerId);
  if (other) {
    const name = peerNameOf(other);
    throw invalid('publicKey', `This public key is already used by ${name ? `peer "${name}"` : `peer ${other.id}`} on ${other.interface}: RouterOS allows a key once per router, on any interface. Each device needs its own key pair.`, { reason: 'key-in-use', peer: name || other.id, interface: other.interface });
  }
}

export function checkNameFree(state: RouterWireGuard, name: string, ignorePeerId?: string): void {
  const other = takenNames(state, ignorePeerId).get(name.toLocaleLowerCase('en-US'));
  if (other) throw invalid('name', sameNameMessage(name, other));
}
