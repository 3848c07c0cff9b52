// A ConfigSource for one request on one router: the state read once, and per-interface answers (endpoint
// suggestion, firewall and address checks) asked of the router at most once each, however many peers.
import type { ConfigWarning, EndpointSuggestion } from '../../../src/contract/index.ts';
import { interfaceWarnings } from '../management/prechecks.ts';
import type { RouterContext } from '../management/router-session.ts';
import type { RouterInterface } from '../management/router-read.ts';
import type { ConfigDeps } from './deps.ts';
import { suggestEndpoint } from './endpoint-suggest.ts';
import type { ConfigSource } from './peer-config.ts';
import { readConfigState } from './router-state.ts';

function once<T>(make: (iface: RouterInterface) => Promise<T>): (iface: RouterInterface) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (iface) => {
    let value = cache.get(iface.name);
    if (!value) cache.set(iface.name, (value = make(iface)));
    return value;
  };
}

export async function configSource(d: ConfigDeps, ctx: RouterContext, peerIds: readonly string[]): Promise<ConfigSource> {
  const state = await readConfigState(ctx.client, peerIds.length === 1 ? peerIds[0] : undefined);
  return {
    routerId: ctx.routerId,
    state,
    keys: d.keys,
    suggestion: once<EndpointSuggestion>((iface) => suggestEndpoint(d.endpoints, ctx.client, ctx.routerId, iface, state)),
    // Same checks as when the peer was made: a config for a port the firewall drops never connects.
    interfaceWarnings: once<ConfigWarning[]>(async (iface) => (await interfaceWarnings(ctx.client, state, iface)).flatMap((w) =>
      w.code === 'FIREWALL_CLOSED' || w.code === 'NO_ADDRESS' ? [{ code: w.code, message: w.message }] : [])),
  };
}
