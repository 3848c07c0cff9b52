// What a site-to-site link would add, and what stands in its way, from both routers' current state. On each
// router: a peer for the other site (its interface public key; allowed = its tunnel address + its LANs;
// the endpoint where it can be dialed; keepalive 25) and routes to the other site's LANs via the WireGuard
// interface. Problems block the link; warnings do not.
import type { ConfigWarning, InvokeOutput } from '../../../../src/contract/index.ts';
import { findConflicts, findOverlaps, formatEndpoint, isPrivateOrLocalAddress, parseCidr, rangeContains } from '../../../../src/domain/index.ts';
import { hostRoute, interfaceSubnets } from '../../management/allocation.ts';
import { takenNames } from '../../management/peer-names.ts';
import { peerLabel } from '../../management/router-read.ts';
import { lanOptions, parseLans } from '../lans.ts';
import { requestedEndpoint } from '../peer-config.ts';
import type { Side } from './side.ts';

export type Preview = InvokeOutput<'sites:preview'>;
type SidePreview = Preview['a'];
type Problem = Preview['problems'][number];

export const SITE_KEEPALIVE_SEC = 25;

interface Basics {
  tunnel: string | null;
  lans: string[];
  endpoint: SidePreview['endpoint'];
}

function basics(side: Side, label: 'a' | 'b'): Basics {
  const tunnel = interfaceSubnets(side.state, side.iface.name)[0] ?? null;
  const lans = side.input.lans !== undefined
    ? parseLans(side.input.lans, `${label}.lans`)
    : lanOptions(side.state).filter((l) => l.private).map((l) => l.network);
  let endpoint: SidePreview['endpoint'] = null;
  if (typeof side.input.endpoint === 'string') endpoint = { ...requestedEndpoint(side.input.endpoint, side.iface.listenPort), source: 'request' };
  else if (side.input.endpoint === undefined && side.suggestion.host && side.suggestion.port && side.suggestion.source) {
    endpoint = { host: side.suggestion.host, port: side.suggestion.port, source: side.suggestion.source };
  }
  return { tunnel, lans, endpoint };
}

function defaultPeerName(routerName: string): string {
  return `site-${routerName}`.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 63);
}

/** The remote tunnel address needs its own route only when it is outside this router's tunnel subnet. */
function tunnelRoute(localTunnel: string | null, remoteHost: string): string[] {
  const local = localTunnel ? parseCidr(localTunnel, { allowHostBits: true }) : null;
  const remote = parseCidr(remoteHost);
  return local?.ok && remote.ok && rangeContains(local.value, remote.value) ? [] : [remoteHost];
}

function sidePreview(me: Side, mine: Basics, other: Side, theirs: Basics): SidePreview {
  const remoteHost = theirs.tunnel ? hostRoute(theirs.tunnel) : null;
  const allowed = [...(remoteHost ? [remoteHost] : []), ...theirs.lans];
  const dsts = [...(remoteHost ? tunnelRoute(mine.tunnel, remoteHost) : []), ...theirs.lans];
  return {
    routerId: me.ctx.routerId,
    routerName: me.ctx.routerName,
    interface: me.iface.name,
    publicKey: me.iface.publicKey,
    listenPort: me.iface.listenPort,
    tunnelAddress: mine.tunnel,
    lanOptions: lanOptions(me.state),
    lans: mine.lans,
    endpoint: mine.endpoint,
    endpointSuggestion: me.suggestion,
    peer: {
      name: other.input.peerName ?? defaultPeerName(other.ctx.routerName),
      publicKey: other.iface.publicKey,
      allowedAddress: allowed,
      endpoint: theirs.endpoint ? formatEndpoint(theirs.endpoint.host, theirs.endpoint.port) : null,
      keepaliveSec: SITE_KEEPALIVE_SEC,
    },
    routes: dsts.map((dstAddress) => ({ dstAddress, gateway: me.iface.name })),
  };
}

/** Checks on the router that receives `p` (this side's new peer and routes). */
function sideProblems(me: Side, mine: Basics, p: SidePreview, other: Side, theirs: Basics): Problem[] {
  const problems: Problem[] = [];
  const who = me.ctx.routerName;
  if (!mine.tunnel) {
    problems.push({ code: 'NO_TUNNEL_ADDRESS', message: `${me.iface.name} on ${who} has no IP address, so the other site has no tunnel address to reach. Add one, for example 10.255.0.1/24.` });
  }
  // The other site's LANs against this router's networks that are not this site's chosen LANs (those pairs are LAN_OVERLAP).
  const local = me.state.addresses.filter((a) => !a.disabled).flatMap((a) => {
    const cidr = parseCidr(a.address, { allowHostBits: true });
    return cidr.ok && !mine.lans.includes(cidr.value.text) ? [{ network: cidr.value.text, iface: a.interface }] : [];
  });
  for (const o of findOverlaps(theirs.lans, local.map((l) => l.network))) {
    const where = local.find((l) => l.network === o.b)!;
    problems.push({ code: 'LAN_IS_LOCAL', message: `${o.a} of ${other.ctx.routerName} overlaps ${o.b} on ${who} (${where.iface}): ${who} would keep that traffic instead of sending it into the tunnel. Leave it out or renumber one of them.` });
  }
  const peers = me.state.peers.filter((x) => x.interface === me.iface.name);
  const linked = peers.find((x) => x.publicKey === p.peer.publicKey);
  if (linked) {
    problems.push({ code: 'ALREADY_LINKED', message: `${me.iface.name} on ${who} already has peer "${peerLabel(linked)}" with the public key of ${other.ctx.routerName}'s ${other.iface.name}: these sites are already linked. Remove that peer first to link them again.` });
  } else {
    for (const c of findConflicts(p.peer.allowedAddress, peers.map((x) => ({ peer: x.id, allowedAddress: x.allowedAddress })))) {
      const owner = peers.find((x) => x.id === c.peer);
      problems.push({ code: 'ADDRESS_CONFLICT', message: `${c.entry} overlaps ${c.peerEntry} of peer "${owner ? peerLabel(owner) : c.peer}" on ${who}'s ${me.iface.name}: on one interface an address can route to only one peer.` });
    }
  }
  if (takenNames(me.state).has(p.peer.name.toLocaleLowerCase('en-US'))) {
    problems.push({ code: 'NAME_TAKEN', message: `A peer named "${p.peer.name}" already exists on ${who}; choose another name for the link.` });
  }
  return problems;
}

function sideWarnings(me: Side, mine: Basics, p: SidePreview, other: Side): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  for (const r of p.routes) {
    const existing = me.routes.find((x) => x.dstAddress === r.dstAddress && !x.disabled);
    if (existing) warnings.push({ code: 'ROUTE_EXISTS', message: `${me.ctx.routerName} already has a route to ${r.dstAddress} (via ${existing.gateway}); with the new one both compete. Remove the old one if the tunnel should carry it.` });
  }
  if (mine.endpoint) {
    warnings.push(...me.firewall);
    const host = mine.endpoint.host;
    if (isPrivateOrLocalAddress(host)) {
      warnings.push({ code: 'PRIVATE_ENDPOINT', message: `${other.ctx.routerName} would dial ${me.ctx.routerName} at ${host}, a private or local address: a router outside that network will not reach it.` });
    }
    if (mine.endpoint.source !== 'request' && mine.endpoint.source !== 'remembered') {
      warnings.push(...me.suggestion.warnings.map((w) => ({ code: w.code, message: `${me.ctx.routerName}: ${w.message}` })));
    }
  }
  return warnings;
}

export function planLink(a: Side, b: Side): Preview {
  const ba = basics(a, 'a');
  const bb = basics(b, 'b');
  const pa = sidePreview(a, ba, b, bb);
  const pb = sidePreview(b, bb, a, ba);
  const problems: Problem[] = [];
  if (!ba.endpoint && !bb.endpoint) {
    problems.push({ code: 'NO_ENDPOINT', message: `Neither router can be dialed: give the public address (host:port) of ${a.ctx.routerName} or ${b.ctx.routerName}, so one can reach the other.` });
  }
  for (const o of findOverlaps(ba.lans, bb.lans)) {
    problems.push({ code: 'LAN_OVERLAP', message: `${o.a} on ${a.ctx.routerName} and ${o.b} on ${b.ctx.routerName} overlap: a router cannot route to a network it has itself. Renumber one LAN (every MikroTik starts with 192.168.88.0/24) or leave it out.` });
  }
  const hostA = ba.tunnel ? hostRoute(ba.tunnel) : null;
  if (hostA && bb.tunnel && hostA === hostRoute(bb.tunnel)) {
    problems.push({ code: 'ADDRESS_CONFLICT', message: `Both routers use ${hostA} as their tunnel address; give one another address in the same subnet.` });
  }
  problems.push(...sideProblems(a, ba, pa, b, bb), ...sideProblems(b, bb, pb, a, ba));
  const warnings = [...sideWarnings(a, ba, pa, b), ...sideWarnings(b, bb, pb, a)];
  return { a: pa, b: pb, problems, warnings, ready: problems.length === 0 };
}
