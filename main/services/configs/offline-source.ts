// Configs while the router is unreachable: the same inputs, from the router model's last-known copy and the
// keys kept in the vault. Preshared keys are never stored locally, so a peer that has one gets its config
// only while the router is online (PSK_NEEDS_ROUTER).
import { AppError, type ConfigWarning } from '../../../src/contract/index.ts';
import type { ConfigDeps } from './deps.ts';
import type { ConfigSource } from './peer-config.ts';
import { withoutKeys } from './router-state.ts';

export async function offlineConfigSource(d: ConfigDeps, routerId: string): Promise<ConfigSource> {
  const saved = await d.models.state(routerId);
  if (saved.seenAt === null) throw new AppError('OFFLINE', 'The router is unreachable and WireDesk has never read it, so there is no saved copy to build a config from.');
  const copyWarning: ConfigWarning = {
    code: 'OFFLINE_COPY',
    message: `The router is unreachable: this config was built from WireDesk's copy of the router saved at ${new Date(saved.seenAt).toISOString().replace('T', ' ').slice(0, 16)} UTC.`,
  };
  return {
    routerId,
    state: withoutKeys(saved),
    keys: d.keys,
    clientRoutes: (iface) => d.clientRoutes.get(routerId, iface.name)?.routes ?? null,
    suggestion: async (iface) => {
      const remembered = d.endpoints.get(routerId, iface.name);
      return remembered ? { host: remembered.host, port: remembered.port, source: 'remembered', warnings: [] } : { host: null, port: null, source: null, warnings: [] };
    },
    interfaceWarnings: async () => [copyWarning],
  };
}
