// Configs while the router is unreachable: the same inputs, taken from the local copy of the router's
// interfaces and peers (saved at the last successful read) and the keys kept in the vault. Preshared keys
// are never stored locally, so a peer that has one can only get its config while the router is online.
import { AppError, type ConfigWarning } from '../../../src/contract/index.ts';
import { toIpAddress } from '../../routeros/menus/ip-address.ts';
import { toWireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { Row } from '../../routeros/rows.ts';
import type { SnapshotsRepository } from '../../store/snapshots.ts';
import { toRouterInterface } from '../management/router-read.ts';
import { PSK_MARKER, storedAddresses } from '../wireguard-read.ts';
import type { ConfigDeps } from './deps.ts';
import type { ConfigSource } from './peer-config.ts';
import type { ConfigState } from './router-state.ts';

export function offlineConfigSource(d: ConfigDeps, snapshots: SnapshotsRepository, routerId: string, peerIds: readonly string[]): ConfigSource & { seenAt: number } {
  const seenAt = snapshots.lastSeenAt(routerId);
  if (seenAt === null) throw new AppError('OFFLINE', 'The router is unreachable and WireDesk has never read it, so there is no saved copy to build a config from.');
  const ifaces = snapshots.listInterfaces(routerId, { includeVanished: false });
  const rows = snapshots.listPeers(routerId, { includeVanished: false }).map((p) => {
    const row = { ...(p.raw as Row) };
    // "No preshared key" is known from the last read; an actual key is not kept here (see above).
    if (row[PSK_MARKER] === 'none') row['preshared-key'] = '';
    return row;
  });
  for (const id of peerIds) {
    const row = rows.find((r) => r['.id'] === id);
    if (row?.[PSK_MARKER] === 'set' && peerIds.length === 1) {
      throw new AppError('OFFLINE', 'This peer uses a preshared key, which WireDesk does not keep on this computer; its config can be shown again once the router is reachable.', { reason: 'PSK_NEEDS_ROUTER' });
    }
  }
  const state: ConfigState = {
    interfaces: ifaces.map((i) => toRouterInterface(i.raw as Row)),
    addresses: ifaces.flatMap((i) => storedAddresses(i.raw).map((address) => toIpAddress({ '.id': '*0', address, interface: i.name }))),
    peers: rows.map(toWireGuardPeer),
    peerRows: new Map(rows.map((r) => [r['.id'] ?? '', r])),
  };
  const copyWarning: ConfigWarning = {
    code: 'OFFLINE_COPY',
    message: `The router is unreachable: this config was built from WireDesk's copy of the router saved at ${new Date(seenAt).toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
  };
  return {
    routerId,
    state,
    keys: d.keys,
    seenAt,
    suggestion: async (iface) => {
      const remembered = d.endpoints.get(routerId, iface.name);
      return remembered ? { host: remembered.host, port: remembered.port, source: 'remembered', warnings: [] } : { host: null, port: null, source: null, warnings: [] };
    },
    interfaceWarnings: async () => [copyWarning],
  };
}
