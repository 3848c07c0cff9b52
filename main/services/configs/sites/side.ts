// One router of a site-to-site link as read right before planning: its WireGuard state (with the dynamic flag,
// so Back To Home is refused), its routes, where the other router would dial it, and its firewall advice.
import type { ConfigWarning, EndpointSuggestion, InvokeParsedInput } from '../../../../src/contract/index.ts';
import { listIpRoutes, type IpRoute } from '../../../routeros/menus/ip-route.ts';
import { interfaceWarnings } from '../../management/prechecks.ts';
import type { RouterContext } from '../../management/router-session.ts';
import { interfaceByName, refuseDynamicInterface, type RouterInterface } from '../../management/router-read.ts';
import type { RouterState } from '../../router-model/index.ts';
import type { ConfigDeps } from '../deps.ts';
import { suggestEndpoint } from '../endpoint-suggest.ts';

export type SideInput = InvokeParsedInput<'sites:preview'>['a'];

export interface Side {
  ctx: RouterContext;
  input: SideInput;
  state: RouterState;
  iface: RouterInterface;
  routes: IpRoute[];
  suggestion: EndpointSuggestion;
  firewall: ConfigWarning[];
}

export async function readSide(d: ConfigDeps, ctx: RouterContext, input: SideInput): Promise<Side> {
  // Routes are not part of the model (only site-to-site looks at them): read for this plan.
  const [state, routes] = await Promise.all([d.models.live(ctx.routerId), listIpRoutes(ctx.client)]);
  const iface = interfaceByName(state, input.interface);
  refuseDynamicInterface(iface);
  const suggestion = suggestEndpoint(d.endpoints, ctx.routerId, iface, state);
  const checks = interfaceWarnings(state, iface);
  const firewall = checks.filter((w) => w.code === 'FIREWALL_CLOSED').map((w) => ({ code: 'FIREWALL_CLOSED' as const, message: `${ctx.routerName}: ${w.message}` }));
  return { ctx, input, state, iface, routes, suggestion, firewall };
}
