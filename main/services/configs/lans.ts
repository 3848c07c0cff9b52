// Networks behind a router that a technician may send through the tunnel: the router's /ip/address entries
// outside WireGuard, as networks (192.168.88.1/24 -> 192.168.88.0/24). Loopback and link-local are left out.
import { AppError, type LanOption } from '../../../src/contract/index.ts';
import { formatIp, isPrivateOrLocalAddress, parseCidr, splitTunnelAllowedIps } from '../../../src/domain/index.ts';
import { normaliseAllowedAddressList } from '../../../src/domain/allowed-address.ts';
import type { RouterWireGuard } from '../management/router-read.ts';
import { configProblem } from './errors.ts';

const NEVER = /^(127\.|169\.254\.|fe80:|::1\/)/i;

export function lanOptions(state: RouterWireGuard): LanOption[] {
  const wireguard = new Set(state.interfaces.map((i) => i.name));
  const seen = new Set<string>();
  const out: LanOption[] = [];
  for (const entry of state.addresses) {
    if (entry.disabled || entry.invalid || wireguard.has(entry.interface)) continue;
    const cidr = parseCidr(entry.address, { allowHostBits: true });
    if (!cidr.ok || NEVER.test(cidr.value.text) || seen.has(cidr.value.text)) continue;
    seen.add(cidr.value.text);
    out.push({
      network: cidr.value.text,
      address: entry.address,
      interface: entry.interface,
      comment: entry.comment,
      private: isPrivateOrLocalAddress(formatIp(cidr.value.family, cidr.value.address)),
    });
  }
  return out;
}

/** Networks as typed ("192.168.88.1/24, 10.1.0.0/16"), as networks; a VALIDATION error names the bad one. */
export function parseLans(input: string | readonly string[] | undefined, field: string): string[] {
  if (input === undefined) return [];
  const parsed = normaliseAllowedAddressList(input, { label: 'LAN', allowEmpty: true, allowHostBits: true });
  if (!parsed.ok) throw new AppError('VALIDATION', parsed.message, { field });
  return parsed.value;
}

/** Split tunnel: the interface's subnets (IPv4 first, then IPv6) plus the chosen LANs, shortest list. */
export function splitAllowedIps(subnets: readonly string[], lans: readonly string[], iface: string): string[] {
  const [first, ...rest] = subnets;
  if (!first) {
    throw configProblem('NO_TUNNEL_SUBNET', `${iface} has no IP address, so split tunnel has no tunnel subnet to send. Add one to the interface (for example 10.20.0.1/24), or use full tunnel.`);
  }
  const result = splitTunnelAllowedIps(first, [...rest, ...lans]);
  if (!result.ok) throw new AppError('VALIDATION', result.message, { field: 'lans' });
  return result.value;
}
