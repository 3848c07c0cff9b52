// Plain, key-free views of router objects for the audit log's before/after columns. Public keys are not
// secret and identify a peer across renames; whether a preshared key is set is kept, never its value.
import type { ModelPeer } from '../router-model/index.ts';
import type { RouterInterface } from './router-read.ts';

/** 'hidden' when the router would not show WireDesk whether a preshared key is set. */
export function auditPeer(p: ModelPeer): Record<string, unknown> {
  return {
    interface: p.interface,
    name: p.name ?? null,
    comment: p.comment,
    publicKey: p.publicKey,
    allowedAddress: p.allowedAddress,
    endpoint: p.endpointAddress ? `${p.endpointAddress}:${p.endpointPort}` : null,
    persistentKeepaliveSec: p.persistentKeepaliveMs === undefined ? 0 : Math.round(p.persistentKeepaliveMs / 1000),
    psk: p.presharedKeyState,
    disabled: p.disabled,
    responder: p.responder ?? null,
    client: {
      address: p.client.address ?? null,
      dns: p.client.dns ?? null,
      endpoint: p.client.endpoint ?? null,
      keepaliveSec: p.client.keepaliveMs === undefined ? null : Math.round(p.client.keepaliveMs / 1000),
      allowedAddress: p.client.allowedAddress ?? null,
    },
  };
}

export function auditInterface(i: RouterInterface, addresses: readonly string[] = []): Record<string, unknown> {
  return { name: i.name, listenPort: i.listenPort, mtu: i.mtu, comment: i.comment, disabled: i.disabled, publicKey: i.publicKey, addresses };
}
