// A ConfigSource for one request on one router: the model's picture with the preshared keys of the peers
// asked for (read for this request only), and per-interface answers (endpoint suggestion, firewall and
// address checks) worked out at most once each, however many peers.
import type { ConfigWarning, EndpointSuggestion } from '../../../src/contract/index.ts';
import { interfaceWarnings } from '../management/prechecks.ts';
import type { RouterContext } from '../management/router-session.ts';
import type { RouterInterface } from '../management/router-read.ts';
import type { ConfigDeps } from './deps.ts';
import { suggestEndpoint } from './endpoint-suggest.ts';
import type { ConfigSource } from './peer-config.ts';
import { withPresharedKeys } from './router-state.ts';

function once<T>(make: (iface: RouterInterface) => T): (iface: RouterInterface) => T {
  const cache = new Map<string, T>();
  return (iface) => {
    if (!cache.has(iface.name)) cache.set(iface.name, make(iface));
    return cache.get(iface.name)!;
  };
}

export async function configSource(d: ConfigDeps, ctx: RouterContext, peerIds: readonly string[]): Promise<ConfigSource> {
  const state = await withPresharedKeys(ctx.client, await d.models.live(ctx.routerId), peerIds);
  return {
    routerId: ctx.routerId,
    state,
    keys: d.keys,
    clientRoutes: (iface) => d.clientRoutes.get(ctx.routerId, iface.name)?.routes ?? null,
    suggestion: once<Promise<EndpointSuggestion>>(async (iface) => suggestEndpoint(d.endpoints, ctx.routerId, iface, state)),
    // Same checks as when the peer was made: a config for a port the firewall drops never connects.
    interfaceWarnings: once<Promise<ConfigWarning[]>>(async (iface) => interfaceWarnings(state, iface).flatMap((w) =>
      w.code === 'FIREWALL_CLOSED' || w.code === 'NO_ADDRESS' ? [{ code: w.code, message: w.message }] : [])),
  };
}
