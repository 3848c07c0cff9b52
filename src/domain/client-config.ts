// The wg-quick configuration file a technician hands to a client device (file or QR code).
import { parseAllowedAddressList, removeContained } from './allowed-address.ts';
import { formatHostCidr, parseCidr } from './cidr.ts';
import { formatEndpoint, parseEndpointHost, parsePort } from './endpoint.ts';
import { parseWireGuardKey } from './keys.ts';
import { err, ok, type Result } from './result.ts';
import { validateDnsServers, validateKeepalive, validateMtu } from './validation.ts';

/** NAT mappings on home routers and mobile carriers expire after about 30 s; 25 s keeps them open. */
export const DEFAULT_PERSISTENT_KEEPALIVE = 25;

export interface ClientConfigInput {
  /** The client's own private key. */
  readonly privateKey: string;
  /** The client's tunnel addresses, e.g. ["10.8.0.2/32"]; a bare address means a single host. */
  readonly addresses: readonly string[];
  readonly dns?: readonly string[];
  readonly mtu?: number;
  /** Public key of the router's WireGuard interface. */
  readonly serverPublicKey: string;
  /** Empty string or undefined: no PresharedKey line. */
  readonly presharedKey?: string;
  /** What the client sends into the tunnel, e.g. fullTunnelAllowedIps(). */
  readonly allowedIps: readonly string[];
  readonly endpointHost: string;
  readonly endpointPort: number;
  /** Seconds; defaults to 25, 0 leaves the line out (wg-quick then sends no keepalives). */
  readonly persistentKeepalive?: number;
}

function parseClientAddresses(addresses: readonly string[]): Result<string[]> {
  if (addresses.length === 0) return err('Client address is missing. Allocate one from the interface pool, like 10.8.0.2/32.');
  const out: string[] = [];
  for (const entry of addresses) {
    const cidr = parseCidr(entry, { allowHostBits: true, label: 'Client address' });
    if (!cidr.ok) return cidr;
    out.push(formatHostCidr(cidr.value));
  }
  return ok(out);
}

export function buildClientConfig(input: ClientConfigInput): Result<string> {
  const privateKey = parseWireGuardKey(input.privateKey, 'Client private key');
  if (!privateKey.ok) return privateKey;
  const addresses = parseClientAddresses(input.addresses);
  if (!addresses.ok) return addresses;
  const dns = validateDnsServers(input.dns ?? []);
  if (!dns.ok) return dns;
  const mtu = input.mtu === undefined ? undefined : validateMtu(input.mtu);
  if (mtu && !mtu.ok) return mtu;
  const publicKey = parseWireGuardKey(input.serverPublicKey, 'Router public key');
  if (!publicKey.ok) return publicKey;
  const psk = input.presharedKey?.trim() ? parseWireGuardKey(input.presharedKey, 'Preshared key') : undefined;
  if (psk && !psk.ok) return psk;
  const allowed = parseAllowedAddressList(input.allowedIps, { label: 'Allowed IPs' });
  if (!allowed.ok) return allowed;
  const host = parseEndpointHost(input.endpointHost);
  if (!host.ok) return host;
  const port = parsePort(input.endpointPort, 'Endpoint port');
  if (!port.ok) return port;
  const keepalive = validateKeepalive(input.persistentKeepalive ?? DEFAULT_PERSISTENT_KEEPALIVE);
  if (!keepalive.ok) return keepalive;

  const lines = ['[Interface]', `PrivateKey = ${privateKey.value}`, `Address = ${addresses.value.join(', ')}`];
  if (dns.value.length > 0) lines.push(`DNS = ${dns.value.join(', ')}`);
  if (mtu) lines.push(`MTU = ${mtu.value}`);
  lines.push('', '[Peer]', `PublicKey = ${publicKey.value}`);
  if (psk) lines.push(`PresharedKey = ${psk.value}`);
  lines.push(`AllowedIPs = ${allowed.value.map((c) => c.text).join(', ')}`);
  lines.push(`Endpoint = ${formatEndpoint(host.value.host, port.value)}`);
  if (keepalive.value > 0) lines.push(`PersistentKeepalive = ${keepalive.value}`);
  return ok(`${lines.join('\n')}\n`);
}

/** Send everything through the tunnel, IPv4 and IPv6 alike (IPv6 would otherwise leak around it). */
export function fullTunnelAllowedIps(): string[] {
  return ['0.0.0.0/0', '::/0'];
}

/**
 * Only the tunnel subnet and the given LANs go through the tunnel. Host bits are dropped
 * ("10.8.0.1/24" from the interface address becomes 10.8.0.0/24), duplicates removed and ranges already covered by
 * a wider one are left out, so the list stays short enough to read on a phone.
 */
export function splitTunnelAllowedIps(wgSubnet: string, lans: readonly string[]): Result<string[]> {
  const subnet = parseCidr(wgSubnet, { allowHostBits: true, label: 'Tunnel subnet' });
  if (!subnet.ok) return subnet;
  // LANs usually come from the router's /ip/address list, which holds host addresses (192.168.88.1/24).
  const lanCidrs = parseAllowedAddressList(lans, { label: 'LAN', allowEmpty: true, allowHostBits: true });
  if (!lanCidrs.ok) return lanCidrs;
  return ok(removeContained([subnet.value, ...lanCidrs.value]).map((c) => c.text));
}
