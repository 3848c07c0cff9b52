// Plans for static routes (/ip route): an add, undone by removing the route again. A route is found in scripts by
// its destination, gateway and comment (an `.id` changes when a route is re-added); the comment is what marks it
// as WireDesk's, so a route the technician made by hand to the same place is never the one removed.
import type { ManagementWarning } from '../../../src/contract/index.ts';
import { IP_ROUTE_PATH } from '../../routeros/menus/ip-route.ts';
import type { ParamValue } from '../../routeros/text.ts';
import { printValue, SECRET_FIELDS, type ChangeKind, type ChangePlan, type PlanItem, type PlanStep } from './plan.ts';

export interface RouteToAdd {
  readonly dstAddress: string;
  readonly gateway: string;
  readonly comment: string;
}

export function routeItem(route: Pick<RouteToAdd, 'dstAddress' | 'gateway'>): PlanItem {
  return { type: 'route', key: `${route.dstAddress}@${route.gateway}`, label: `${route.dstAddress} via ${route.gateway}` };
}

/** One step per route, in order; each undone by removing exactly that route (destination, gateway, comment). */
export function planRouteAdd(o: { routerId: string; kind: ChangeKind; routes: readonly RouteToAdd[]; routerName?: string; warnings?: readonly ManagementWarning[] }): ChangePlan {
  const first = o.routes[0];
  if (!first) throw new RangeError('planRouteAdd needs at least one route');
  const where = o.routerName ? ` on ${o.routerName}` : '';
  const steps: PlanStep[] = o.routes.map((route) => {
    const item = routeItem(route);
    const params: Array<[string, ParamValue]> = [['dst-address', route.dstAddress], ['gateway', route.gateway], ['comment', route.comment]];
    const find: Array<[string, string]> = [['dst-address', route.dstAddress], ['gateway', route.gateway], ['comment', route.comment]];
    return {
      menu: IP_ROUTE_PATH, verb: 'add', target: null, params, item, label: `Adding route ${item.label}${where}`,
      undo: { menu: IP_ROUTE_PATH, verb: 'remove', target: { id: '', find }, params: [], item, label: `Removing route ${item.label} again`, undo: null },
    };
  });
  return {
    routerId: o.routerId, kind: o.kind, subject: routeItem(first), steps,
    diff: steps.map((s) => ({ item: s.item, change: 'add' as const, before: null, after: Object.fromEntries(s.params.map(([k, v]) => [k, printValue(v)])) })),
    warnings: o.warnings ?? [], secretFields: SECRET_FIELDS,
  };
}
