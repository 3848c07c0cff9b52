// The "Connect two sites" form: what the technician typed for each side, checked for plain syntax before
// main is asked (main checks everything again), and turned into the sites:preview / sites:connect input.
// Pure: no React, no bridge.
import type { InvokeInput } from '../../../src/contract/index.ts';
import { splitList } from '../configs/config-options.ts';

export type SideKey = 'a' | 'b';
export type SiteInput = InvokeInput<'sites:preview'>;

export interface SideValues {
  routerId: string;
  iface: string;
  /** CIDRs separated by commas, spaces or new lines; empty: the router's private LANs. */
  lans: string;
  /** host:port the other router dials; empty: whatever WireDesk remembers or the router suggests. */
  endpoint: string;
  /** Name of the peer made on the OTHER router for this site; empty: site-<router name>. */
  peerName: string;
}

export type SideField = 'routerId' | 'iface' | 'lans' | 'endpoint' | 'peerName';
/** Keys like "a.lans": the same names main uses in a VALIDATION error's details.field. */
export type SiteErrors = Partial<Record<`${SideKey}.${SideField}`, string>>;

export function emptySide(routerId = ''): SideValues {
  return { routerId, iface: '', lans: '', endpoint: '', peerName: '' };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]+$/;
const HOST_NAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$/;


/** 192.168.10.0/24 or fd00::/64: an address, a slash and a prefix length that fits it. */
export function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash <= 0 || slash !== text.lastIndexOf('/')) return false;
  const address = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const length = Number(prefix);
  if (IPV4.test(address)) return length <= 32;
  return address.includes(':') && IPV6.test(address) && length <= 128;
}

/** host:port, [v6]:port; the host an IPv4 address or a DNS name, the port 1 to 65535. */
export function isEndpoint(text: string): boolean {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text);
  if (!match) return false;
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return false;
  if (match[1] !== undefined) return match[1].includes(':');
  const host = match[2]!;
  return IPV4.test(host) || (HOST_NAME.test(host) && !/^[\d.]+$/.test(host));
}

export interface SiteMessages {
  chooseRouter: string;
  chooseInterface: string;
  badLans: (entries: string) => string;
  badEndpoint: string;
}

/** The input for main, or what is wrong with the form field by field. */
export function toSiteInput(a: SideValues, b: SideValues, messages: SiteMessages): { ok: true; input: SiteInput } | { ok: false; errors: SiteErrors } {
  const errors: SiteErrors = {};
  const side = (key: SideKey, v: SideValues): SiteInput['a'] => {
    if (!v.routerId) errors[`${key}.routerId`] = messages.chooseRouter;
    if (!v.iface) errors[`${key}.iface`] = messages.chooseInterface;
    const lans = splitList(v.lans);
    const bad = lans.filter((l) => !isCidr(l));
    if (bad.length > 0) errors[`${key}.lans`] = messages.badLans(bad.join(', '));
    const endpoint = v.endpoint.trim();
    if (endpoint !== '' && !isEndpoint(endpoint)) errors[`${key}.endpoint`] = messages.badEndpoint;
    const peerName = v.peerName.trim();
    return {
      routerId: v.routerId,
      interface: v.iface,
      ...(lans.length > 0 ? { lans } : {}),
      ...(endpoint !== '' ? { endpoint } : {}),
      ...(peerName !== '' ? { peerName } : {}),
    };
  };
  const input = { a: side('a', a), b: side('b', b) };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

/** The RouterOS command that removes an item a failed rollback left behind, for the technician to paste. */
export function removeCommand(step: { action: 'add-peer' | 'add-route'; object: string }, iface: string | undefined): string {
  if (step.action === 'add-peer') {
    return `/interface wireguard peers remove [find ${iface ? `interface=${iface} ` : ''}name="${step.object}"]`;
  }
  const [dst, gateway] = step.object.split(' via ');
  return `/ip route remove [find dst-address=${dst ?? step.object}${gateway ? ` gateway=${gateway}` : ''}]`;
}
