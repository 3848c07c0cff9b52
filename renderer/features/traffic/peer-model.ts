// Peers as the Traffic screen needs them: a display name, which addresses a ping can target, a search over
// the router's peers for the scope picker, and the interface to start on. Pure; unit-tested.
import type { WgInterface, WgPeer } from '../../../src/contract/index.ts';
import { shortenKey } from '../../lib/format.ts';

/** Name, else comment, else the shortened public key: never an empty label. */
export function displayName(peer: { name: string; comment: string; publicKey: string }): string {
  return peer.name.trim() || peer.comment.trim() || shortenKey(peer.publicKey);
}

export interface PingTargets {
  /** Single addresses (a /32 or /128 in allowed-address): the peer's tunnel address first. */
  hosts: string[];
  /** Routed networks (site-to-site): the user has to pick an address inside them. */
  networks: string[];
}

/** Splits a peer's allowed-address into pingable host addresses and routed networks; default routes are skipped. */
export function pingTargets(allowedAddress: readonly string[]): PingTargets {
  const hosts: string[] = [];
  const networks: string[] = [];
  for (const raw of allowedAddress) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = '', prefix] = entry.split('/');
    const v6 = address.includes(':');
    const bits = prefix === undefined ? (v6 ? 128 : 32) : Number(prefix);
    if (!Number.isInteger(bits)) continue;
    if (bits === 0) continue; // 0.0.0.0/0 or ::/0: everything, nothing to ping
    if ((v6 && bits === 128) || (!v6 && bits === 32)) hosts.push(address);
    else networks.push(entry);
  }
  return { hosts, networks };
}

/** Lower-cased text a peer is searched in: name, comment, addresses, key, interface. */
export function peerSearchText(peer: WgPeer): string {
  return [peer.name, peer.comment, peer.allowedAddress.join(' '), peer.publicKey, peer.interface].join('\n').toLowerCase();
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * Peers matching every whitespace-separated term, ordered by interface then name, capped at `limit`
 * (a router may have thousands; the picker asks for a narrower search instead of rendering them all).
 */
export function searchPeers(rows: readonly WgPeer[], query: string, limit: number): { matches: WgPeer[]; total: number } {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = terms.length === 0 ? [...rows] : rows.filter((p) => {
    const text = peerSearchText(p);
    return terms.every((term) => text.includes(term));
  });
  // Labels worked out once per peer, not twice per comparison.
  const keyed = found.map((peer) => ({ peer, label: displayName(peer) }));
  keyed.sort((a, b) => collator.compare(a.peer.interface, b.peer.interface) || collator.compare(a.label, b.label));
  return { matches: keyed.slice(0, limit).map((k) => k.peer), total: found.length };
}

/**
 * The WireGuard interfaces to offer: those the router reports, plus any that only peers or stored
 * history still mention (an offline router without a cached interface list). Sorted by name.
 */
export function interfaceNames(interfaces: readonly WgInterface[] | undefined, peers: readonly WgPeer[] | undefined, extra: readonly string[] = []): string[] {
  const names = new Set<string>();
  for (const i of interfaces ?? []) names.add(i.name);
  for (const p of peers ?? []) names.add(p.interface);
  for (const n of extra) if (n) names.add(n);
  return [...names].sort(collator.compare);
}

/** The interface to show first: the one with the most peers (ties: by name), else the first. */
export function defaultInterface(names: readonly string[], peers: readonly WgPeer[] | undefined): string | null {
  if (names.length === 0) return null;
  const counts = new Map<string, number>();
  for (const p of peers ?? []) counts.set(p.interface, (counts.get(p.interface) ?? 0) + 1);
  let best = names[0]!;
  for (const name of names) if ((counts.get(name) ?? 0) > (counts.get(best) ?? 0)) best = name;
  return best;
}
