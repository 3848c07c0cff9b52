// The router changes of a site-to-site link as one change plan per router: its peer for the other side, then
// the routes to the other side's LANs (a route into an interface without the peer would black-hole traffic).
// Each step has its undo (remove by public key, or by destination, gateway and comment), so the plan runner
// backs each router up, guards it with the router's own rollback, verifies it, and undoes it as a whole.
import { parseEndpoint } from '../../../../src/domain/index.ts';
import { peerParams } from '../../../routeros/menus/wireguard-peers.ts';
import { planPeerAdd } from '../../changes/peer-plans.ts';
import { combinePlans, type ChangePlan } from '../../changes/plan.ts';
import { planRouteAdd } from '../../changes/route-plans.ts';
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

function routeInfo(route: Preview['a']['routes'][number], comment: string): StepInfo {
  const object = `${route.dstAddress} via ${route.gateway}`;
  return { action: 'add-route', objectType: 'route', object, view: { dstAddress: route.dstAddress, gateway: route.gateway, comment } };
}

function sidePlan(side: Side, p: Preview['a'], comment: string): SidePlan {
  const peer = peerPlan(side, p, comment);
  const parts = [peer.plan];
  if (p.routes.length > 0) {
    parts.push(planRouteAdd({ routerId: side.ctx.routerId, kind: 'site.link', routerName: side.ctx.routerName, routes: p.routes.map((r) => ({ dstAddress: r.dstAddress, gateway: r.gateway, comment })) }));
  }
  const plan = combinePlans('site.link', peer.plan.subject, parts);
  return { side, plan, info: [peer.info, ...p.routes.map((r) => routeInfo(r, comment))] };
}

/** A's plan, then B's. */
export function linkPlans(a: Side, b: Side, preview: Preview): [SidePlan, SidePlan] {
  return [sidePlan(a, preview.a, `WireDesk site link to ${b.ctx.routerName}`), sidePlan(b, preview.b, `WireDesk site link to ${a.ctx.routerName}`)];
}
