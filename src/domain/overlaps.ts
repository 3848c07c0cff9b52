// Overlapping allowed-address entries. On one WireGuard interface an address range can route to
// only one peer (longest prefix wins), so an overlap silently steals traffic from another peer.
import { parseCidr, type Cidr } from './cidr.ts';

export interface Overlap {
  /** Entries exactly as given (trimmed), so the UI can highlight what the technician typed. */
  readonly a: string;
  readonly b: string;
}

export interface PeerAddresses {
  /** Whatever identifies the peer to the caller: RouterOS .id, name or public key. */
  readonly peer: string;
  readonly allowedAddress: readonly string[];
}

export interface PeerOverlap {
  readonly peer: string;
  readonly entry: string;
  readonly otherPeer: string;
  readonly otherEntry: string;
}

export interface Conflict {
  /** The candidate entry that clashes. */
  readonly entry: string;
  readonly peer: string;
  /** The existing peer's entry it clashes with. */
  readonly peerEntry: string;
}

interface Item {
  readonly cidr: Cidr;
  readonly owner: number;
  readonly entry: string;
}

function items(owner: number, entries: readonly string[]): Item[] {
  const out: Item[] = [];
  for (const raw of entries) {
    // Router data may hold entries we cannot parse; validation reports those elsewhere and one odd
    // entry must not hide the overlaps between all the others.
    const cidr = parseCidr(raw, { allowHostBits: true });
    if (cidr.ok) out.push({ cidr: cidr.value, owner, entry: raw.trim() });
  }
  return out;
}

/**
 * Every overlapping pair with different owners, as [earlier, later] in sorted order.
 * Sorting by start lets the inner loop stop at the first entry that starts past the current
 * one's end, so the cost is O(n log n + overlaps) even with 10,000 entries.
 */
function overlappingPairs(all: Item[]): Array<[Item, Item]> {
  const sorted = [...all].sort((x, y) =>
    x.cidr.family - y.cidr.family || (x.cidr.first < y.cidr.first ? -1 : x.cidr.first > y.cidr.first ? 1 : x.cidr.prefix - y.cidr.prefix),
  );
  const pairs: Array<[Item, Item]> = [];
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i] as Item;
    for (let j = i + 1; j < sorted.length; j++) {
      const y = sorted[j] as Item;
      if (y.cidr.family !== x.cidr.family || y.cidr.first > x.cidr.last) break;
      if (y.owner !== x.owner) pairs.push([x, y]);
    }
  }
  return pairs;
}

/** Entries of list `a` that overlap entries of list `b`; each result has `a` from the first list. */
export function findOverlaps(a: readonly string[], b: readonly string[]): Overlap[] {
  return overlappingPairs([...items(0, a), ...items(1, b)]).map(([x, y]) =>
    x.owner === 0 ? { a: x.entry, b: y.entry } : { a: y.entry, b: x.entry },
  );
}

/** Overlaps between different peers of one interface; each clashing pair is reported once. */
export function findPeerOverlaps(peers: readonly PeerAddresses[]): PeerOverlap[] {
  const all = peers.flatMap((p, i) => items(i, p.allowedAddress));
  return overlappingPairs(all)
    .map(([x, y]): [Item, Item] => (x.owner <= y.owner ? [x, y] : [y, x]))
    .sort(([a1, a2], [b1, b2]) => a1.owner - b1.owner || a2.owner - b2.owner)
    .map(([first, second]) => ({
      peer: peers[first.owner]?.peer ?? '',
      entry: first.entry,
      otherPeer: peers[second.owner]?.peer ?? '',
      otherEntry: second.entry,
    }));
}

/**
 * Which existing peers a candidate list would clash with, e.g. while editing a peer.
 * Pass the peer being edited as `ignorePeer` so it does not clash with its own old entries.
 */
export function findConflicts(candidate: readonly string[], peers: readonly PeerAddresses[], ignorePeer?: string): Conflict[] {
  const others = peers.filter((p) => p.peer !== ignorePeer);
  const all = [...items(-1, candidate), ...others.flatMap((p, i) => items(i, p.allowedAddress))];
  return overlappingPairs(all)
    .filter(([x, y]) => x.owner === -1 || y.owner === -1)
    .map(([x, y]) => {
      const [mine, theirs] = x.owner === -1 ? [x, y] : [y, x];
      return { entry: mine.entry, peer: others[theirs.owner]?.peer ?? '', peerEntry: theirs.entry };
    });
}
