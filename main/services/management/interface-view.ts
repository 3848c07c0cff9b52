// An interface as the UI gets it back after a change, built from the state just read (one round trip).
import type { ManagedInterface } from '../../../src/contract/index.ts';
import { peerStatus } from '../../../src/domain/index.ts';
import type { RouterInterface, RouterWireGuard } from './router-read.ts';

export function interfaceView(state: RouterWireGuard, iface: RouterInterface, onlineThresholdMs: number): ManagedInterface {
  const peers = state.peers.filter((p) => p.interface === iface.name);
  return {
    id: iface.id,
    name: iface.name,
    running: iface.running,
    disabled: iface.disabled,
    listenPort: iface.listenPort,
    mtu: iface.mtu,
    publicKey: iface.publicKey,
    comment: iface.comment,
    addresses: state.addresses.filter((a) => a.interface === iface.name && !a.disabled).map((a) => a.address),
    peerCount: peers.length,
    onlinePeerCount: peers.filter((p) => peerStatus({ disabled: p.disabled, lastHandshakeMs: p.lastHandshakeMs, rxGrowing: false, onlineThresholdMs }) === 'online').length,
    dynamic: iface.dynamic,
  };
}
