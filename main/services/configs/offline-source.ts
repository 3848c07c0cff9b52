// Configs while the router is unreachable: the same inputs, taken from the local copy of the router's
// interfaces and peers (saved at the last successful read) and the keys kept in the vault. Preshared keys
// are never stored locally, so a peer that has one can only get its config while the router is online.
import { AppError, type ConfigWarning } from '../../../src/contract/index.ts';
import { savedCopy } from '../management/saved-copy.ts';
import { PSK_MARKER } from '../wireguard-read.ts';
import type { ConfigDeps } from './deps.ts';
import type { ConfigSource } from './peer-config.ts';
import type { ConfigState } from './router-state.ts';

export function offlineConfigSource(d: ConfigDeps, routerId: string, peerIds: readonly string[]): ConfigSource {
  const copy = savedCopy(d.snapshots, routerId);
  if (copy === null) throw new AppError('OFFLINE', 'The router is unreachable and WireDesk has never read it, so there is no saved copy to build a config from.');
  const { seenAt, state: saved, peerRows } = copy;
  // One peer asked for: its PSK is the answer. In a ZIP or PDF such a peer is left out with its reason instead.
  if (peerIds.length === 1 && peerRows.get(peerIds[0]!)?.[PSK_MARKER] === 'set') {
    throw new AppError('OFFLINE', 'This peer uses a preshared key, which WireDesk does not keep on this computer; its config can be shown again once the router is reachable.', { reason: 'PSK_NEEDS_ROUTER' });
  }
  const state: ConfigState = { ...saved, peerRows };
  const copyWarning: ConfigWarning = {
    code: 'OFFLINE_COPY',
    message: `The router is unreachable: this config was built from WireDesk's copy of the router saved at ${new Date(seenAt).toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
  };
  return {
    routerId,
    state,
    keys: d.keys,
    suggestion: async (iface) => {
      const remembered = d.endpoints.get(routerId, iface.name);
      return remembered ? { host: remembered.host, port: remembered.port, source: 'remembered', warnings: [] } : { host: null, port: null, source: null, warnings: [] };
    },
    interfaceWarnings: async () => [copyWarning],
  };
}
