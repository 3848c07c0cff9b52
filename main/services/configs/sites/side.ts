// One router of a site-to-site link as read right before planning: its WireGuard state (with the dynamic flag,
// so Back To Home is refused), its routes, where the other router would dial it, and its firewall advice.
import type { ConfigWarning, EndpointSuggestion, InvokeParsedInput } from '../../../../src/contract/index.ts';
import { listIpRoutes, type IpRoute } from '../../../routeros/menus/ip-route.ts';
import { interfaceWarnings } from '../../management/prechecks.ts';
import type { RouterContext } from '../../management/router-session.ts';
import { interfaceByName, readWireGuard, refuseDynamicInterface, type RouterInterface, type RouterWireGuard } from '../../management/router-read.ts';
import type { ConfigDeps } from '../deps.ts';
import { suggestEndpoint } from '../endpoint-suggest.ts';

export type SideInput = InvokeParsedInput<'sites:preview'>['a'];

export interface Side {
  ctx: RouterContext;
  input: SideInput;
  state: RouterWireGuard;
  iface: RouterInterface;
  routes: IpRoute[];
  suggestion: EndpointSuggestion;
  firewall: ConfigWarning[];
}

export async function readSide(d: ConfigDeps, ctx: RouterContext, input: SideInput): Promise<Side> {
  const [state, routes] = await Promise.all([readWireGuard(ctx.client), listIpRoutes(ctx.client)]);
  const iface = interfaceByName(state, input.interface);
  refuseDynamicInterface(iface);
  const [suggestion, checks] = await Promise.all([
    suggestEndpoint(d.endpoints, ctx.client, ctx.routerId, iface, state),
    interfaceWarnings(ctx.client, state, iface),
  ]);
  const firewall = checks.filter((w) => w.code === 'FIREWALL_CLOSED').map((w) => ({ code: 'FIREWALL_CLOSED' as const, message: `${ctx.routerName}: ${w.message}` }));
  return { ctx, input, state, iface, routes, suggestion, firewall };
}
