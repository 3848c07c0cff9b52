// The router changes of a site-to-site link as one change plan per router: its peer for the other side, then
// the routes to the other side's LANs (a route into an interface without the peer would black-hole traffic).
// Each step has its undo (remove by public key, or by destination, gateway and comment), so the plan runner
// backs each router up, guards it with the router's own rollback, verifies it, and undoes it as a whole.
import { parseEndpoint } from '../../../../src/domain/index.ts';
import { IP_ROUTE_PATH } from '../../../routeros/menus/ip-route.ts';
import { peerParams } from '../../../routeros/menus/wireguard-peers.ts';
import type { ParamValue } from '../../../routeros/text.ts';
import { planPeerAdd } from '../../changes/peer-plans.ts';
import { combinePlans, SECRET_FIELDS, type ChangePlan, type PlanItem, type PlanStep } from '../../changes/plan.ts';
import { newPeerInput } from '../../management/peer-input.ts';
import type { Preview } from './plan.ts';
import type { Side } from './side.ts';

/** What the report and the audit log call each step of a side's plan, in the plan's order. */
export interface StepInfo {
  readonly action: 'add-peer' | 'add-route';
  readonly objectType: 'peer' | 'route';
  readonly object: string;
  /** Key-free view for the audit log. */
  readonly view: Record<string, unknown>;
}

export interface SidePlan {
  readonly side: Side;
  readonly plan: ChangePlan;
  readonly info: readonly StepInfo[];
}

function peerPlan(side: Side, p: Preview['a'], comment: string): { plan: ChangePlan; info: StepInfo } {
  const { version } = side.ctx;
  const peer = p.peer;
  const endpoint = peer.endpoint ? parseEndpoint(peer.endpoint) : null;
  const built = newPeerInput({
    iface: side.iface.name,
    name: peer.name,
    comment,
    allowedAddress: peer.allowedAddress,
    publicKey: peer.publicKey,
    presharedKey: undefined,
    keepaliveSec: peer.keepaliveSec,
    // No client settings: they describe a road-warrior device's config; a router on the other end has none.
    endpoint: endpoint?.ok ? endpoint.value : undefined,
  }, version);
  const plan = planPeerAdd({ routerId: side.ctx.routerId, params: peerParams(built.input, version), label: { name: peer.name }, iface: side.iface.name, warnings: [] });
  return {
    plan,
    info: {
      action: 'add-peer', objectType: 'peer', object: peer.name,
      view: { interface: side.iface.name, name: peer.name, publicKey: peer.publicKey, allowedAddress: peer.allowedAddress, endpoint: peer.endpoint, persistentKeepaliveSec: peer.keepaliveSec, comment },
    },
  };
}

function routeStep(side: Side, route: Preview['a']['routes'][number], comment: string): { step: PlanStep; info: StepInfo } {
  const object = `${route.dstAddress} via ${route.gateway}`;
  const item: PlanItem = { type: 'address', key: `route:${route.dstAddress}@${route.gateway}`, label: object };
  const params: Array<[string, ParamValue]> = [['dst-address', route.dstAddress], ['gateway', route.gateway], ['comment', comment]];
  const find: Array<[string, string]> = [['dst-address', route.dstAddress], ['gateway', route.gateway], ['comment', comment]];
  return {
    step: {
      menu: IP_ROUTE_PATH, verb: 'add', target: null, params, item, label: `Adding route ${object} on ${side.ctx.routerName}`,
      undo: { menu: IP_ROUTE_PATH, verb: 'remove', target: { id: '', find }, params: [], item, label: `Removing route ${object} again`, undo: null },
    },
    info: { action: 'add-route', objectType: 'route', object, view: { dstAddress: route.dstAddress, gateway: route.gateway, comment } },
  };
}

function sidePlan(side: Side, p: Preview['a'], comment: string): SidePlan {
  const peer = peerPlan(side, p, comment);
  const routes = p.routes.map((r) => routeStep(side, r, comment));
  const routesPlan: ChangePlan = { ...peer.plan, steps: routes.map((r) => r.step), diff: routes.map((r) => ({ item: r.step.item, change: 'add' as const, before: null, after: Object.fromEntries(r.step.params.map(([k, v]) => [k, String(v)])) })), secretFields: SECRET_FIELDS };
  const plan = combinePlans('site.link', peer.plan.subject, [peer.plan, routesPlan]);
  return { side, plan, info: [peer.info, ...routes.map((r) => r.info)] };
}

/** A's plan, then B's. */
export function linkPlans(a: Side, b: Side, preview: Preview): [SidePlan, SidePlan] {
  return [sidePlan(a, preview.a, `WireDesk site link to ${b.ctx.routerName}`), sidePlan(b, preview.b, `WireDesk site link to ${a.ctx.routerName}`)];
}
