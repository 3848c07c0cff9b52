// One read of what configs need from the router: interfaces, addresses and peers, keeping each peer's raw
// row because only the raw row tells "no preshared key" ('') from "hidden from this user" (field absent).
import type { RouterOsClient } from '../../routeros/client.ts';
import { IP_ADDRESS_PATH, toIpAddress } from '../../routeros/menus/ip-address.ts';
import { PEERS_PATH, toWireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import { WIREGUARD_PATH } from '../../routeros/menus/wireguard.ts';
import type { Row } from '../../routeros/rows.ts';
import { toRouterInterface, type RouterWireGuard } from '../management/router-read.ts';

export interface ConfigState extends RouterWireGuard {
  /** Raw peer rows by .id. */
  peerRows: Map<string, Row>;
}

/** `onlyPeer`: read just that peer (one config on a router with thousands of peers); default all. */
export async function readConfigState(client: RouterOsClient, onlyPeer?: string): Promise<ConfigState> {
  const peerQuery = onlyPeer === undefined ? {} : { query: [`.id=${onlyPeer}`] };
  const [ifaces, addresses, peers] = await Promise.all([client.print(WIREGUARD_PATH), client.print(IP_ADDRESS_PATH), client.print(PEERS_PATH, peerQuery)]);
  return {
    interfaces: ifaces.map((r) => toRouterInterface(r)),
    addresses: addresses.map(toIpAddress),
    peers: peers.map(toWireGuardPeer),
    peerRows: new Map(peers.map((r) => [r['.id'] ?? '', r])),
  };
}
