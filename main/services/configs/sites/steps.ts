// The router changes of a site-to-site link as undoable steps. Each knows how to add its item, find it again
// when the router's answer was lost (it may exist), and remove it; and how the audit log names it.
import { parseEndpoint } from '../../../../src/domain/index.ts';
import { addIpRoute, IP_ROUTE_PATH, removeIpRoutes } from '../../../routeros/menus/ip-route.ts';
import { addPeer, PEERS_PATH, removePeers } from '../../../routeros/menus/wireguard-peers.ts';
import { attempt, PEER_TRAP_HINTS } from '../../management/errors.ts';
import { newPeerInput } from '../../management/peer-input.ts';
import type { Preview } from './plan.ts';
import type { Side } from './side.ts';

export interface Step {
  side: Side;
  action: 'add-peer' | 'add-route';
  objectType: 'peer' | 'route';
  object: string;
  /** Key-free view for the audit log. */
  view: Record<string, unknown>;
  add(): Promise<string>;
  find(): Promise<string | null>;
  remove(id: string): Promise<void>;
}

function peerStep(side: Side, p: Preview['a'], comment: string): Step {
  const { client, version } = side.ctx;
  const peer = p.peer;
  const endpoint = peer.endpoint ? parseEndpoint(peer.endpoint) : null;
  const built = newPeerInput({
    iface: side.iface.name,
    name: peer.name,
    comment,
    allowedAddress: peer.allowedAddress,
    publicKey: peer.publicKey,
    presharedKey: undefined,
    keepaliveSec: peer.keepaliveSec,
    // No client settings: they describe a road-warrior device's config; a router on the other end has none.
    endpoint: endpoint?.ok ? endpoint.value : undefined,
  }, version);
  return {
    side,
    action: 'add-peer',
    objectType: 'peer',
    object: peer.name,
    view: { interface: side.iface.name, name: peer.name, publicKey: peer.publicKey, allowedAddress: peer.allowedAddress, endpoint: peer.endpoint, persistentKeepaliveSec: peer.keepaliveSec, comment },
    add: () => attempt(`Adding peer "${peer.name}" to ${side.iface.name} on ${side.ctx.routerName}`, () => addPeer(client, built.input, version), PEER_TRAP_HINTS),
    find: async () => (await client.print(PEERS_PATH, { query: [`interface=${side.iface.name}`, `public-key=${peer.publicKey}`] }))[0]?.['.id'] ?? null,
    remove: (id) => removePeers(client, id),
  };
}

function routeStep(side: Side, route: Preview['a']['routes'][number], comment: string): Step {
  const { client } = side.ctx;
  return {
    side,
    action: 'add-route',
    objectType: 'route',
    object: `${route.dstAddress} via ${route.gateway}`,
    view: { dstAddress: route.dstAddress, gateway: route.gateway, comment },
    add: () => attempt(`Adding route ${route.dstAddress} via ${route.gateway} on ${side.ctx.routerName}`, () => addIpRoute(client, { ...route, comment })),
    find: async () => {
      const rows = await client.print(IP_ROUTE_PATH, { query: [`dst-address=${route.dstAddress}`] });
      return rows.find((r) => r['gateway'] === route.gateway && r['comment'] === comment)?.['.id'] ?? null;
    },
    remove: (id) => removeIpRoutes(client, id),
  };
}

/** Peers first (a route into an interface without the peer would black-hole traffic), A before B. */
export function linkSteps(a: Side, b: Side, preview: Preview): Step[] {
  const commentA = `WireDesk site link to ${b.ctx.routerName}`;
  const commentB = `WireDesk site link to ${a.ctx.routerName}`;
  return [
    peerStep(a, preview.a, commentA),
    peerStep(b, preview.b, commentB),
    ...preview.a.routes.map((r) => routeStep(a, r, commentA)),
    ...preview.b.routes.map((r) => routeStep(b, r, commentB)),
  ];
}
