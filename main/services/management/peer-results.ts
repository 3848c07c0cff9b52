// Shared by every peer change: the peer as the UI gets it back, and where a client dials (for the config in
// a one-time response).
import type { ManagedPeer } from '../../../src/contract/index.ts';
import { peerFeatures } from '../../../src/domain/index.ts';
import type { ModelPeer } from '../router-model/index.ts';
import type { ManagementDeps } from './deps.ts';
import { managedPeer } from './peer-view.ts';
import type { RouterContext } from './router-session.ts';

export function peerView(d: ManagementDeps, ctx: RouterContext, peer: ModelPeer): ManagedPeer {
  return managedPeer(peer, {
    custody: d.keys.custodyOf(ctx.routerId, peer.publicKey),
    vanishedAt: null,
    clientFields: peerFeatures(ctx.version).clientFields,
  });
}

/**
 * The public host and port clients dial: what the technician remembered for this interface, else the
 * peer's client endpoint with the interface's listen port (RouterOS builds its own export the same way).
 */
export function dialEndpoint(d: ManagementDeps, routerId: string, iface: { name: string; listenPort: number }, clientEndpoint: string | undefined): { host: string; port: number } | null {
  const remembered = d.endpoints.get(routerId, iface.name);
  if (remembered) return { host: remembered.host, port: remembered.port };
  return clientEndpoint ? { host: clientEndpoint, port: iface.listenPort } : null;
}

export function splitList(value: string | undefined): string[] {
  return value ? value.split(',').map((v) => v.trim()).filter(Boolean) : [];
}
