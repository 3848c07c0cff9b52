// The connection doctor: why a peer is not connecting, from what WireDesk knows of the router (the live model:
// the peer, its interface, the input firewall, the other peers) — likely causes ranked, each with its evidence
// as a code with parameters (the renderer words it) and, where one exists, the change that fixes it (a change
// request: previewed, applied safely, undoable like every change).
//
// Ranking: what stops the tunnel for certain comes first (disabled, not running, no address on the interface, the port dropped by the
// firewall for a peer that dials in, an endpoint that points at this router itself), then what makes a tunnel
// fragile or wrong (addresses another peer also claims, no keepalive for a peer the router dials behind NAT),
// then what the counters say (the router sends and nothing comes back; packets come in but no handshake
// completes), then plain state (never connected, last seen long ago). Causes the issue names that WireDesk
// cannot see yet (the router's clock, a DDNS name that resolves elsewhere, the device's own key) are not
// guessed at.
import type { ChangeRequest, DOCTOR_CAUSES } from '../../../src/contract/index.ts';
import { findOverlaps } from '../../../src/domain/overlaps.ts';
import type { ModelPeer, RouterState } from '../router-model/index.ts';
import { portState } from '../management/interface-view.ts';
import { peerLabel } from '../management/router-read.ts';

export type CauseCode = (typeof DOCTOR_CAUSES)[number];

export interface Cause {
  readonly code: CauseCode;
  /** Evidence, for the words: names, ports, addresses, ages in seconds, byte counts. */
  readonly params: Readonly<Record<string, string | number>>;
  readonly fix: ChangeRequest | null;
}

export interface DiagnoseOptions {
  readonly routerId: string;
  /** A handshake older than this is not "online" (the setting). */
  readonly onlineThresholdMs: number;
  /** The host clients dial for this interface, when WireDesk remembers one. */
  readonly endpointHost: string | null;
}

const KEEPALIVE_SEC = 25;

/** Likely causes, most likely first; empty when the peer is connected and nothing looks wrong. */
export function diagnose(state: RouterState, peer: ModelPeer, o: DiagnoseOptions): Cause[] {
  const out: Cause[] = [];
  const iface = state.interfaces.find((i) => i.name === peer.interface);
  const name = peerLabel(peer);
  const dialsIn = !peer.endpointAddress;

  if (peer.disabled) out.push({ code: 'peer-disabled', params: { name }, fix: { kind: 'peer.setDisabled', input: { routerId: o.routerId, peerId: peer.id, disabled: false } } });
  if (iface?.disabled) out.push({ code: 'interface-disabled', params: { interface: iface.name }, fix: iface.dynamic ? null : { kind: 'interface.setDisabled', input: { routerId: o.routerId, interfaceId: iface.id, disabled: false } } });
  else if (iface && !iface.running) out.push({ code: 'interface-not-running', params: { interface: iface.name }, fix: null });
  // Without an address the router has no route to the tunnel subnet: a handshake completes, nothing else passes.
  if (iface && !state.addresses.some((a) => a.interface === iface.name && !a.disabled)) out.push({ code: 'interface-no-address', params: { interface: iface.name }, fix: null });

  if (iface && dialsIn) {
    const port = portState(state, iface.listenPort);
    if (port.state === 'closed') {
      out.push({
        code: 'port-closed',
        params: { interface: iface.name, port: iface.listenPort, rule: port.blockedBy?.comment || `${port.blockedBy?.action ?? 'drop'} ${port.blockedBy?.id ?? ''}`.trim() },
        fix: iface.dynamic ? null : { kind: 'interface.openPort', input: { routerId: o.routerId, interfaceId: iface.id } },
      });
    }
  }

  // A road warrior's config says where to dial the router; copied onto the router's peer, the router dials itself.
  if (peer.endpointAddress && isRouterItself(peer.endpointAddress, state, o.endpointHost)) {
    out.push({ code: 'endpoint-is-router', params: { name, endpoint: peer.endpointAddress }, fix: { kind: 'peer.update', input: { routerId: o.routerId, peerId: peer.id, endpoint: null, presharedKey: 'keep' } } });
  }

  const others = state.peers.filter((p) => p.id !== peer.id && p.interface === peer.interface && !p.disabled);
  for (const other of others) {
    const [overlap] = findOverlaps(peer.allowedAddress, other.allowedAddress);
    if (overlap) {
      out.push({ code: 'address-overlap', params: { name, address: overlap.a, other: peerLabel(other), otherAddress: overlap.b }, fix: null });
      break;
    }
  }

  // The router dials this peer (it has an endpoint): behind NAT, the mapping closes without keepalives.
  if (peer.endpointAddress && !isRouterItself(peer.endpointAddress, state, o.endpointHost) && !peer.persistentKeepaliveMs) {
    out.push({ code: 'keepalive-missing', params: { name, seconds: KEEPALIVE_SEC }, fix: { kind: 'peer.update', input: { routerId: o.routerId, peerId: peer.id, persistentKeepaliveSec: KEEPALIVE_SEC, presharedKey: 'keep' } } });
  }

  const handshook = peer.lastHandshakeMs !== undefined;
  if (!peer.disabled && !handshook && peer.tx > 0n && peer.rx === 0n) out.push({ code: 'no-answer', params: { name, tx: Number(peer.tx) }, fix: null });
  if (!peer.disabled && !handshook && peer.rx > 0n) out.push({ code: 'handshake-fails', params: { name, rx: Number(peer.rx) }, fix: null });

  if (!peer.disabled && !handshook) out.push({ code: 'never-connected', params: { name }, fix: null });
  else if (!peer.disabled && peer.lastHandshakeMs !== undefined && peer.lastHandshakeMs > o.onlineThresholdMs) {
    out.push({ code: 'handshake-stale', params: { name, seconds: Math.round(peer.lastHandshakeMs / 1000) }, fix: null });
  }
  return out;
}

/** The endpoint is one of the router's own addresses, or the host clients are told to dial. */
function isRouterItself(endpoint: string, state: RouterState, endpointHost: string | null): boolean {
  if (endpointHost && endpoint.toLowerCase() === endpointHost.toLowerCase()) return true;
  return state.addresses.some((a) => a.address.split('/')[0] === endpoint);
}
