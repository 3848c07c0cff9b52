// What changes need of the router beyond the model's picture: the row of one peer as read right after a
// change (the change's own answer, fed back to the model), and the checks and messages shared by every
// change (lookup by name, read-only refusals, how a peer is named in messages).
import { AppError } from '../../../src/contract/index.ts';
import type { RouterOsClient } from '../../routeros/client.ts';
import type { IpAddressEntry } from '../../routeros/menus/ip-address.ts';
import { PEERS_PATH, type WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import { toWireGuardInterface, type WireGuardInterface } from '../../routeros/menus/wireguard.ts';
import type { Row } from '../../routeros/rows.ts';
import type { ModelPeer, RouterModels } from '../router-model/index.ts';

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

/** The raw row too: some fields (the router-held private-key) have no place in the typed peer. */
export async function readPeerRow(client: RouterOsClient, peerId: string): Promise<Row> {
  const [row] = await client.print(PEERS_PATH, { query: [`.id=${peerId}`] });
  if (!row) throw new AppError('NOT_FOUND', `Peer ${peerId} is no longer on the router (it was removed in WinBox or by someone else). Reload the list.`);
  return row;
}

/** The peer as the router has it right after a change: one print of its `.id`, applied to the model. */
export async function readPeerAfterChange(models: RouterModels, ctx: { routerId: string; client: RouterOsClient }, peerId: string): Promise<ModelPeer> {
  const state = models.applyPeerRow(ctx.routerId, await readPeerRow(ctx.client, peerId));
  return state.peer(peerId)!;
}

/** The model's peer, or NOT_FOUND when the router no longer has it. */
/** The addresses on an interface, as configured and enabled (`10.8.0.1/24`), in the router's order. */
export function interfaceAddresses(state: Pick<RouterWireGuard, 'addresses'>, iface: string): string[] {
  return state.addresses.filter((a) => a.interface === iface && !a.disabled).map((a) => a.address);
}

export function peerById(state: { peer(id: string): ModelPeer | undefined }, peerId: string): ModelPeer {
  const peer = state.peer(peerId);
  if (!peer) throw new AppError('NOT_FOUND', `Peer ${peerId} is no longer on the router (it was removed in WinBox or by someone else). Reload the list.`);
  return peer;
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
