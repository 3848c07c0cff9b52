// Next free tunnel addresses for an interface, one from each of its subnets (its first IPv4 and first IPv6
// address). Skipped: network and broadcast, the router's own addresses, every allowed-address and
// client-address of every peer on the router (a route to one address can only go one way), and what
// WireDesk promised but has not written yet (reservations, rows of unfinished imports).
import { AppError } from '../../../src/contract/index.ts';
import { allocateAddress, findConflicts, formatIp, parseCidr, placeInPool, poolUsage, rangeContains, withoutHostPrefix } from '../../../src/domain/index.ts';
import type { WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import { splitList } from './peer-results.ts';
import { peerLabel, type RouterWireGuard } from './router-read.ts';
import { invalid } from './validate.ts';

export interface PoolInfo {
  subnet: string;
  usable: number;
  used: number;
  free: number;
}

/** "192.168.88.1/24" -> "192.168.88.1/32": the address itself, as a route. */
export function hostRoute(text: string): string | null {
  const cidr = parseCidr(text, { allowHostBits: true });
  if (!cidr.ok) return null;
  return `${formatIp(cidr.value.family, cidr.value.address)}/${cidr.value.family === 4 ? 32 : 128}`;
}

export function interfaceSubnets(state: RouterWireGuard, iface: string): string[] {
  const seen = new Set<number>();
  const out: string[] = [];
  for (const entry of state.addresses) {
    if (entry.interface !== iface || entry.disabled) continue;
    const cidr = parseCidr(entry.address, { allowHostBits: true });
    if (!cidr.ok || seen.has(cidr.value.family)) continue;
    seen.add(cidr.value.family);
    out.push(entry.address);
  }
  return out;
}

/** What a peer holds: its allowed-address entries and the client-address WinBox shows (7.12+). */
function peerAddresses(peer: WireGuardPeer): string[] {
  return [...peer.allowedAddress, ...splitList(peer.client.address)];
}

export function takenAddresses(state: RouterWireGuard): string[] {
  const fromPeers = state.peers.flatMap(peerAddresses);
  const routerOwn = state.addresses.map((a) => hostRoute(a.address)).filter((a): a is string => a !== null);
  return [...fromPeers, ...routerOwn];
}

/** Hands out addresses one after another (an import takes 200 in a row) without giving one out twice. */
export class AddressPlanner {
  readonly iface: string;
  readonly subnets: string[];
  readonly #taken: string[];
  readonly #reserved: readonly string[];

  constructor(state: RouterWireGuard, iface: string, reserved: readonly string[]) {
    this.iface = iface;
    this.subnets = interfaceSubnets(state, iface);
    this.#taken = takenAddresses(state);
    this.#reserved = reserved;
  }

  pools(): PoolInfo[] {
    return this.subnets.flatMap((subnet) => {
      const usage = poolUsage({ interfaceAddress: subnet, taken: this.#taken, reserved: this.#reserved });
      return usage.ok ? [{ subnet, ...usage.value }] : [];
    });
  }

  /** One address per subnet; throws CONFLICT when the interface has no subnet or a pool is full. */
  next(): string[] {
    if (this.subnets.length === 0) {
      throw new AppError('CONFLICT', `${this.iface} has no IP address, so there is no subnet to take peer addresses from. Add one to the interface (for example 10.20.0.1/24) or enter the peer's address yourself.`, { reason: 'no-address' });
    }
    const picked = this.subnets.map((subnet) => {
      const result = allocateAddress({ interfaceAddress: subnet, taken: this.#taken, reserved: this.#reserved });
      if (!result.ok) {
        throw new AppError('CONFLICT', `${result.message} Addresses reserved in WireDesk count as used: release the ones you no longer need.`, { reason: 'pool-exhausted', subnet });
      }
      return result.value;
    });
    this.take(picked);
    return picked;
  }

  /** Marks addresses as used from now on (given by hand, or allocated for an earlier row). */
  take(addresses: readonly string[]): void {
    this.#taken.push(...addresses);
  }
}

/**
 * Refuses allowed-address entries that overlap another peer's on the same interface (naming that peer) or
 * that are the router's own address there. `ignorePeerId`: the peer being edited.
 */
export function checkAllowedAddress(state: RouterWireGuard, iface: string, entries: readonly string[], ignorePeerId?: string): void {
  const own = new Set(state.addresses.filter((a) => a.interface === iface).map((a) => hostRoute(a.address)));
  const routerClash = entries.find((entry) => own.has(entry));
  if (routerClash) throw invalid('allowedAddress', `${routerClash} is the router's own address on ${iface}; give the peer another address.`);
  const peers = state.peers.filter((p) => p.interface === iface);
  const conflict = findConflicts(entries, peers.map((p) => ({ peer: p.id, allowedAddress: p.allowedAddress })), ignorePeerId)[0];
  if (conflict) {
    const other = peers.find((p) => p.id === conflict.peer);
    const who = other ? `peer "${peerLabel(other)}"` : 'another peer';
    throw invalid('allowedAddress', `Allowed address ${conflict.entry} overlaps ${conflict.peerEntry} of ${who} on ${iface}: on one interface an address can route to only one peer. Choose another address.`);
  }
}

const NOT_HANDED_OUT: Record<'network' | 'broadcast' | 'router', string> = {
  network: 'is the network address of',
  broadcast: 'is the broadcast address of',
  router: "is the router's own address in",
};

/**
 * Refuses a reservation the address picker would never hand out anyway (outside every subnet of the
 * interface, its network or broadcast address, the router's own address) or that a peer on the router
 * already has, naming that peer. `host` is a single address as "10.20.0.50/32".
 */
export function checkReservable(state: RouterWireGuard, iface: string, host: string): void {
  const subnets = interfaceSubnets(state, iface);
  const shown = withoutHostPrefix(host);
  if (subnets.length === 0) {
    throw new AppError('CONFLICT', `${iface} has no IP address, so WireDesk hands out no addresses there and there is nothing to reserve. Add an address to the interface first (for example 10.20.0.1/24).`, { reason: 'no-address' });
  }
  const placed = subnets.flatMap((subnet) => {
    const place = placeInPool(subnet, host);
    return place.ok && place.value !== 'other-family' ? [{ subnet, place: place.value }] : [];
  });
  const here = placed[0];
  if (!here) throw invalid('address', `${iface} has no subnet of ${shown}'s IP version (it has ${subnets.join(', ')}). Reserve an address inside one of them.`);
  if (here.place === 'outside') {
    throw invalid('address', `${shown} is outside ${iface}'s subnet ${here.subnet}, so WireDesk would never hand it out. Reserve an address inside that subnet.`);
  }
  if (here.place !== 'assignable') throw invalid('address', `${shown} ${NOT_HANDED_OUT[here.place]} ${here.subnet} on ${iface}; it is never handed out to a peer.`);
  const target = parseCidr(host);
  const subnetPrefix = parseCidr(here.subnet, { allowHostBits: true });
  if (!target.ok || !subnetPrefix.ok) return;
  // Wider entries (0.0.0.0/0 of a site peer) are routes, not assignments; the address picker ignores them too.
  const user = state.peers.find((peer) =>
    peerAddresses(peer).some((entry) => {
      const cidr = parseCidr(entry, { allowHostBits: true });
      return cidr.ok && cidr.value.prefix >= subnetPrefix.value.prefix && rangeContains(cidr.value, target.value);
    }),
  );
  if (user) {
    throw new AppError('CONFLICT', `${shown} is already used by peer "${peerLabel(user)}" on ${user.interface}; a reservation is for an address no peer has yet.`, { field: 'address', reason: 'in-use' });
  }
}
