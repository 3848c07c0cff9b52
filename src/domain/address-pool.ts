// Handing out tunnel addresses from the interface subnet. Works on merged numeric ranges, never on
// per-address sets, so a /16 with 10,000 taken entries (or an IPv6 /64) costs one sort.
import { makeCidr, parseCidr, rangeSize, type Cidr, type IpRange } from './cidr.ts';
import { FAMILY_BITS, formatIp } from './ip.ts';
import { err, ok, show, type Result } from './result.ts';

export interface PoolInput {
  /** The router's address on the WireGuard interface, host and prefix: "10.8.0.1/24". */
  readonly interfaceAddress: string;
  /** Every allowed-address entry of every peer on the router. */
  readonly taken: readonly string[];
  /** Addresses the app has promised but not yet written to the router. */
  readonly reserved?: readonly string[];
  /**
   * Entries wider than the pool itself (0.0.0.0/0 on a client-mode peer, a 10.0.0.0/8 site route)
   * are routes, not address assignments; if they counted, one full-tunnel peer anywhere on the
   * router would make every pool look full. WireGuard picks the longest prefix, so a /32 inside
   * them still routes correctly. Set false to count them anyway.
   */
  readonly ignoreWiderRanges?: boolean;
}

export interface PoolUsage {
  /** Addresses a peer could get: the subnet minus network, broadcast and the router's own address. */
  readonly usable: number;
  readonly used: number;
  readonly free: number;
}

interface Pool {
  readonly subnet: Cidr;
  /** First and last assignable address (network/broadcast already cut off). */
  readonly range: IpRange | undefined;
  readonly router: bigint;
  /** Sorted, disjoint ranges inside `range` that are unavailable, the router's address included. */
  readonly blocked: IpRange[];
}

function assignableRange(subnet: Cidr): IpRange | undefined {
  const bits = FAMILY_BITS[subnet.family];
  if (subnet.prefix === bits) return undefined;
  // /31 and /127 are point-to-point links (RFC 3021, RFC 6164): both addresses are hosts.
  if (subnet.prefix === bits - 1) return subnet;
  // IPv4 loses network and broadcast; IPv6 has no broadcast, but the all-zero address is the
  // subnet-router anycast address (RFC 4291) and must not go to a peer.
  return { family: subnet.family, first: subnet.first + 1n, last: subnet.family === 4 ? subnet.last - 1n : subnet.last };
}

function mergeRanges(ranges: IpRange[]): IpRange[] {
  const sorted = ranges.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: IpRange[] = [];
  for (const r of sorted) {
    const top = merged[merged.length - 1];
    if (top && r.first <= top.last + 1n) {
      if (r.last > top.last) merged[merged.length - 1] = { ...top, last: r.last };
    } else {
      merged.push(r);
    }
  }
  return merged;
}

function buildPool(input: PoolInput): Result<Pool> {
  const iface = parseCidr(input.interfaceAddress, { allowHostBits: true, label: 'Interface address' });
  if (!iface.ok) return iface;
  const subnet = iface.value;
  const range = assignableRange(subnet);
  const ignoreWider = input.ignoreWiderRanges ?? true;
  const blocked: IpRange[] = [];
  if (range) {
    const clip = (r: IpRange): void => {
      const first = r.first > range.first ? r.first : range.first;
      const last = r.last < range.last ? r.last : range.last;
      if (first <= last) blocked.push({ family: subnet.family, first, last });
    };
    clip({ family: subnet.family, first: subnet.address, last: subnet.address });
    for (const entry of [...input.taken, ...(input.reserved ?? [])]) {
      // Router data we cannot parse is skipped: it cannot be inside our subnet in any way we could
      // compute, and it must not block allocation for the whole router.
      const cidr = parseCidr(entry, { allowHostBits: true });
      if (!cidr.ok || cidr.value.family !== subnet.family) continue;
      if (ignoreWider && cidr.value.prefix < subnet.prefix) continue;
      clip(cidr.value);
    }
  }
  return ok({ subnet, range, router: subnet.address, blocked: mergeRanges(blocked) });
}

function usageOf(pool: Pool): { usable: bigint; used: bigint } {
  if (!pool.range) return { usable: 0n, used: 0n };
  const routerInside = pool.range.first <= pool.router && pool.router <= pool.range.last ? 1n : 0n;
  const covered = pool.blocked.reduce((sum, r) => sum + rangeSize(r), 0n);
  return { usable: rangeSize(pool.range) - routerInside, used: covered - routerInside };
}

/**
 * Counts as numbers: exact for any IPv4 pool; for IPv6 pools wider than 2^53 addresses they are
 * rounded, which no display of "free addresses" can tell apart anyway.
 */
export function poolUsage(input: PoolInput): Result<PoolUsage> {
  const pool = buildPool(input);
  if (!pool.ok) return pool;
  const { usable, used } = usageOf(pool.value);
  return ok({ usable: Number(usable), used: Number(used), free: Number(usable - used) });
}

/** The lowest free host address as a host route: "10.8.0.2/32" or "fd00:8::2/128". */
export function allocateAddress(input: PoolInput): Result<string> {
  const built = buildPool(input);
  if (!built.ok) return built;
  const pool = built.value;
  const { subnet, range } = pool;
  const hostPrefix = FAMILY_BITS[subnet.family];
  if (!range) {
    const example = subnet.family === 4 ? `${formatIp(4, subnet.address)}/24` : `${formatIp(6, subnet.address)}/64`;
    return err(`Interface address ${show(input.interfaceAddress.trim())} is a single address, so there is no pool to hand out. Give the interface a subnet, such as ${example}.`);
  }
  // Walk the gaps between blocked ranges: the first gap is the answer, however big the subnet.
  let candidate = range.first;
  for (const b of pool.blocked) {
    if (candidate < b.first) break;
    if (b.last >= candidate) candidate = b.last + 1n;
  }
  if (candidate <= range.last) return ok(makeCidr(subnet.family, candidate, hostPrefix).text);
  const { usable, used } = usageOf(pool);
  return err(`The ${subnet.text} pool is full: ${used} of ${usable} usable addresses are in use. Widen the interface address or free a peer.`);
}

/**
 * Where a single address falls in the pool of an interface address: one a peer could be given, or why
 * not. Used to refuse reservations that the address picker would never hand out anyway.
 */
export type PoolPlace = 'assignable' | 'other-family' | 'outside' | 'network' | 'broadcast' | 'router';

export function placeInPool(interfaceAddress: string, host: string): Result<PoolPlace> {
  const iface = parseCidr(interfaceAddress, { allowHostBits: true, label: 'Interface address' });
  if (!iface.ok) return iface;
  const address = parseCidr(host);
  if (!address.ok) return address;
  const subnet = iface.value;
  const value = address.value.first;
  if (address.value.family !== subnet.family) return ok('other-family');
  if (value < subnet.first || value > subnet.last) return ok('outside');
  if (value === subnet.address) return ok('router');
  const range = assignableRange(subnet);
  if (!range || value < range.first) return ok('network');
  if (value > range.last) return ok('broadcast');
  return ok('assignable');
}
