// What a change needs to know about the router, read fresh right before it is made: WireGuard interfaces
// (with the dynamic flag the read model does not carry), IP addresses and peers. Checks against stale data
// would let two technicians hand out the same address.
import { AppError } from '../../../src/contract/index.ts';
import type { RouterOsClient } from '../../routeros/client.ts';
import { RouterOsTrapError } from '../../routeros/errors.ts';
import { IP_ADDRESS_PATH, toIpAddress, type IpAddressEntry } from '../../routeros/menus/ip-address.ts';
import { PEERS_PATH, toWireGuardPeer, type WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import { toWireGuardInterface, WIREGUARD_PATH, type WireGuardInterface } from '../../routeros/menus/wireguard.ts';
import type { Row } from '../../routeros/rows.ts';

export type RouterInterface = WireGuardInterface & { dynamic: boolean };

export interface RouterWireGuard {
  interfaces: RouterInterface[];
  addresses: IpAddressEntry[];
  peers: WireGuardPeer[];
}

const isTrue = (value: string | undefined): boolean => value === 'true' || value === 'yes';

export function toRouterInterface(row: Row, dynamicNames: ReadonlySet<string> = new Set()): RouterInterface {
  const iface = toWireGuardInterface(row);
  return { ...iface, dynamic: isTrue(row['dynamic']) || dynamicNames.has(iface.name) };
}

/**
 * Names of router-made WireGuard interfaces (Back To Home). /interface/wireguard does not say so on every
 * version; the generic /interface list carries the dynamic flag.
 */
async function dynamicInterfaceNames(client: RouterOsClient): Promise<Set<string>> {
  try {
    const rows = await client.print('/interface', { query: ['type=wg'], proplist: ['name', 'dynamic'] });
    return new Set(rows.filter((r) => isTrue(r['dynamic'])).map((r) => r['name'] ?? ''));
  } catch (error) {
    // Only a hint on top of /interface/wireguard's own flag; a router that refuses it must not block changes.
    if (error instanceof RouterOsTrapError) return new Set();
    throw error;
  }
}

export async function readWireGuard(client: RouterOsClient): Promise<RouterWireGuard> {
  const [ifaces, addresses, peers, dynamic] = await Promise.all([
    client.print(WIREGUARD_PATH),
    client.print(IP_ADDRESS_PATH),
    client.print(PEERS_PATH),
    dynamicInterfaceNames(client),
  ]);
  return { interfaces: ifaces.map((r) => toRouterInterface(r, dynamic)), addresses: addresses.map(toIpAddress), peers: peers.map(toWireGuardPeer) };
}

/** The raw row too: some fields (the router-held private-key) have no place in the typed peer. */
export async function readPeerRow(client: RouterOsClient, peerId: string): Promise<Row> {
  const [row] = await client.print(PEERS_PATH, { query: [`.id=${peerId}`] });
  if (!row) throw new AppError('NOT_FOUND', `Peer ${peerId} is no longer on the router (it was removed in WinBox or by someone else). Reload the list.`);
  return row;
}

export async function readPeer(client: RouterOsClient, peerId: string): Promise<WireGuardPeer> {
  return toWireGuardPeer(await readPeerRow(client, peerId));
}

export function interfaceByName(state: RouterWireGuard, name: string): RouterInterface {
  const found = state.interfaces.find((i) => i.name === name);
  if (!found) {
    const names = state.interfaces.filter((i) => !i.dynamic).map((i) => i.name);
    const known = names.length > 0 ? ` It has: ${names.join(', ')}.` : ' It has none yet: create one first.';
    throw new AppError('NOT_FOUND', `This router has no WireGuard interface named "${name}" (renamed or removed elsewhere?).${known}`);
  }
  return found;
}

/** Short, human way to name a peer in messages: its name, else its comment, else the start of its key. */
export function peerLabel(peer: Pick<WireGuardPeer, 'name' | 'comment' | 'publicKey'>): string {
  return peer.name || peer.comment || `${peer.publicKey.slice(0, 8)}…`;
}

export function refuseDynamicPeer(peer: WireGuardPeer): void {
  if (peer.dynamic) throw new AppError('CONFLICT', dynamicPeerReason(peer), { readOnly: 'dynamic' });
}

export function dynamicPeerReason(peer: Pick<WireGuardPeer, 'name' | 'comment' | 'publicKey' | 'interface'>): string {
  return `Peer "${peerLabel(peer)}" on ${peer.interface} was made by the router itself (for example Back To Home) and is read-only: change it in the router's own settings, not here.`;
}

export function refuseDynamicInterface(iface: RouterInterface): void {
  if (iface.dynamic) {
    throw new AppError('CONFLICT', `Interface ${iface.name} was made by the router itself (for example Back To Home) and is read-only: change it in the router's own settings.`, { readOnly: 'dynamic' });
  }
}
