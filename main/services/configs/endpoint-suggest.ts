// Where clients dial a router's WireGuard interface. RouterOS does not know its public address behind NAT, so
// the order is: what the technician remembered, then the router's DDNS name (/ip/cloud, stable across ISP
// address changes), then a public address the router reports. Each comes with what could go wrong.
import type { ConfigWarning, EndpointSuggestion } from '../../../src/contract/index.ts';
import { isPrivateOrLocalAddress, parseCidr, formatIp } from '../../../src/domain/index.ts';
import type { IpCloud } from '../../routeros/menus/ip-cloud.ts';
import type { EndpointsRepository } from '../../store/endpoints.ts';
import type { RouterWireGuard } from '../management/router-read.ts';
import type { RouterState } from '../router-model/index.ts';

export function privateEndpointWarning(host: string): ConfigWarning[] {
  if (!isPrivateOrLocalAddress(host)) return [];
  return [{
    code: 'PRIVATE_ENDPOINT',
    message: `${host} is a private or local address: phones outside this network will not reach it. Use the router's public address or DNS name (for example its IP > Cloud DDNS name).`,
  }];
}

function ownHosts(state: RouterWireGuard): Set<string> {
  const hosts = new Set<string>();
  for (const a of state.addresses) {
    const cidr = parseCidr(a.address, { allowHostBits: true });
    if (cidr.ok) hosts.add(formatIp(cidr.value.family, cidr.value.address));
  }
  return hosts;
}

/** The public addresses on the router's own non-WireGuard interfaces (its uplinks), in the router's order. */
export function publicInterfaceAddresses(state: RouterWireGuard): string[] {
  const wg = new Set(state.interfaces.map((i) => i.name));
  const out: string[] = [];
  for (const a of state.addresses) {
    if (a.disabled || wg.has(a.interface)) continue;
    const cidr = parseCidr(a.address, { allowHostBits: true });
    if (!cidr.ok) continue;
    const host = formatIp(cidr.value.family, cidr.value.address);
    if (!isPrivateOrLocalAddress(host)) out.push(host);
  }
  return out;
}

function natWarning(cloud: IpCloud | null, state: RouterWireGuard, port: number): ConfigWarning[] {
  const seen = cloud?.publicAddress;
  if (!seen || ownHosts(state).has(seen)) return [];
  return [{
    code: 'BEHIND_NAT',
    message: `The internet sees this router as ${seen}, an address none of its interfaces has: it sits behind another router (NAT). Forward UDP port ${port} on that router to this one, or clients will not connect.`,
  }];
}

const notSaved = (host: string, how: string): ConfigWarning => ({
  code: 'ENDPOINT_NOT_SAVED',
  message: `${host} is ${how}, suggested by the router; WireDesk has not saved it for this interface yet. Check it and save it as the endpoint so every config uses it.`,
});

/** From the model: /ip/cloud as last read (null when this router has none, or refused to show it). */
export function suggestEndpoint(
  endpoints: EndpointsRepository,
  routerId: string,
  iface: { name: string; listenPort: number },
  state: RouterState,
): EndpointSuggestion {
  const remembered = endpoints.get(routerId, iface.name);
  if (remembered) return { host: remembered.host, port: remembered.port, source: 'remembered', warnings: privateEndpointWarning(remembered.host) };
  const cloud = state.cloud;
  const port = iface.listenPort;
  if (cloud && cloud.ddnsEnabled !== false && cloud.dnsName) {
    return { host: cloud.dnsName, port, source: 'ddns', warnings: [notSaved(cloud.dnsName, "the router's DDNS name"), ...natWarning(cloud, state, port)] };
  }
  // Off: `no` (before 7.17), or `auto` (7.17+) with no name, which is DDNS not running because Back To Home is off.
  const ddnsOff: ConfigWarning[] = cloud && (cloud.ddnsEnabled === false || (cloud.ddnsEnabled === 'auto' && !cloud.dnsName))
    ? [{ code: 'DDNS_OFF', message: "The router's DDNS is off. Turn on IP > Cloud > DDNS for a name (<serial>.sn.mynetname.net) that stays right when the ISP changes the address." }]
    : [];
  const address = cloud?.publicAddress ?? publicInterfaceAddresses(state)[0];
  if (address) {
    return { host: address, port, source: 'public-address', warnings: [notSaved(address, "the router's public address"), ...ddnsOff, ...natWarning(cloud, state, port)] };
  }
  return {
    host: null,
    port: null,
    source: null,
    warnings: [
      { code: 'NO_ENDPOINT', message: `WireDesk does not know the public address clients dial for ${iface.name}, and the router reports none. Enter the router's public IP address or DNS name and port ${port}.` },
      ...ddnsOff,
    ],
  };
}
