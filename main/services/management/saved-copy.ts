// WireDesk's copy of a router's WireGuard set-up as saved at the last successful read (interfaces with their
// addresses, peers): what configs are built from while the router is unreachable, and what local records
// such as address reservations are checked against without a round trip to the router.
import { toIpAddress } from '../../routeros/menus/ip-address.ts';
import { toWireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { Row } from '../../routeros/rows.ts';
import type { SnapshotsRepository } from '../../store/snapshots.ts';
import { PSK_MARKER, storedAddresses } from '../wireguard-read.ts';
import { toRouterInterface, type RouterWireGuard } from './router-read.ts';

export interface SavedCopy {
  /** When the router was last read successfully. */
  readonly seenAt: number;
  readonly state: RouterWireGuard;
  /** The saved peer rows by RouterOS id, with the PSK_MARKER field that says whether a preshared key is set. */
  readonly peerRows: Map<string, Row>;
}

/** The saved copy without vanished rows; null when WireDesk has never read this router. */
export function savedCopy(snapshots: SnapshotsRepository, routerId: string): SavedCopy | null {
  const seenAt = snapshots.lastSeenAt(routerId);
  if (seenAt === null) return null;
  const ifaces = snapshots.listInterfaces(routerId, { includeVanished: false });
  const rows = snapshots.listPeers(routerId, { includeVanished: false }).map((p) => {
    const row = { ...(p.raw as Row) };
    // "No preshared key" is known from the last read; an actual key is never kept locally.
    if (row[PSK_MARKER] === 'none') row['preshared-key'] = '';
    return row;
  });
  return {
    seenAt,
    state: {
      interfaces: ifaces.map((i) => toRouterInterface(i.raw as Row)),
      addresses: ifaces.flatMap((i) => storedAddresses(i.raw).map((address) => toIpAddress({ '.id': '*0', address, interface: i.name }))),
      peers: rows.map(toWireGuardPeer),
    },
    peerRows: new Map(rows.map((r) => [r['.id'] ?? '', r])),
  };
}
