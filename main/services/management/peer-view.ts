// A peer as the management screens show it: the model's peer (status included) plus what only WireDesk
// knows (does it hold the private key, how was it handed out) and what the UI must respect (read-only,
// vanished).
import type { ManagedPeer, WgPeer } from '../../../src/contract/index.ts';
import type { WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { KeyCustody } from '../../store/peer-keys.ts';
import { toPeerRow } from '../router-model/index.ts';
import { dynamicPeerReason } from './router-read.ts';

export interface PeerExtras {
  custody: KeyCustody | null;
  vanishedAt: number | null;
  /** The router has client-* settings (7.12+). */
  clientFields: boolean;
}

export function managedPeer(peer: WireGuardPeer & { status: WgPeer['status'] }, extras: PeerExtras): ManagedPeer {
  const c = peer.client;
  return {
    ...toPeerRow(peer),
    hasPrivateKey: extras.custody === 'stored',
    keyCustody: extras.custody,
    readOnlyReason: peer.dynamic ? dynamicPeerReason(peer) : null,
    vanishedAt: extras.vanishedAt,
    responder: peer.responder ?? null,
    client: extras.clientFields
      ? {
          address: c.address ?? '',
          dns: c.dns ?? '',
          endpoint: c.endpoint ?? '',
          keepaliveSec: c.keepaliveMs === undefined ? null : Math.round(c.keepaliveMs / 1000),
          allowedAddress: c.allowedAddress ?? '',
        }
      : null,
  };
}
