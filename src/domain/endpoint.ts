// Where a client reaches the router: a DNS name, IPv4 or IPv6 literal, plus a UDP port.
import { parseCidr, rangeContains, type Cidr } from './cidr.ts';
import { parseIp, type IpAddress } from './ip.ts';
import { parseWholeNumber } from './numbers.ts';
import { err, ok, show, type Result } from './result.ts';

export type HostKind = 'ipv4' | 'ipv6' | 'dns';

export interface EndpointHost {
  readonly kind: HostKind;
  /** Canonical form: lowercase DNS name without trailing dot, or canonical IP text (no brackets). */
  readonly host: string;
}

export interface Endpoint extends EndpointHost {
  readonly port: number;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function parseDnsName(text: string): Result<EndpointHost> {
  const name = text.toLowerCase().replace(/\.$/, '');
  if (/[^\x20-\x7e]/.test(name)) {
    return err(`Host ${show(text)} contains non-ASCII letters. Use the "xn--" form of an international domain name, or the router's IP address.`);
  }
  if (name.length > 253) return err(`Host name is ${name.length} characters long; DNS names have at most 253.`);
  const labels = name.split('.');
  const badLabel = labels.find((l) => !LABEL.test(l));
  if (badLabel !== undefined) {
    return err(`Host ${show(text)} is not a valid DNS name: each part between dots needs 1 to 63 letters, digits or hyphens, and may not start or end with a hyphen.`);
  }
  // No top-level domain starts with a digit, so "vpn.1" or "10.0.0.1a" is a mistyped IPv4 address.
  if (labels.length > 1 && /^\d/.test(labels[labels.length - 1] ?? '')) {
    return err(`Host ${show(text)} looks like an IPv4 address but is not a valid one. An IPv4 address is four numbers from 0 to 255 separated by dots.`);
  }
  return ok({ kind: 'dns', host: name });
}

function checkReachable(ip: IpAddress, text: string): Result<EndpointHost> {
  const unspecified = ip.value === 0n;
  const multicast = ip.family === 4 ? ip.value >> 28n === 0xen : ip.value >> 120n === 0xffn;
  if (unspecified || multicast) {
    return err(`Host ${show(text)} is a ${unspecified ? 'placeholder' : 'multicast'} address that no client can connect to. Use the router's public IP address or DNS name.`);
  }
  return ok({ kind: ip.family === 4 ? 'ipv4' : 'ipv6', host: ip.text });
}

/** Accepts a bare host; IPv6 may come in brackets ("[2001:db8::1]"), as it would in a URL. */
export function parseEndpointHost(input: string): Result<EndpointHost> {
  const text = input.trim();
  if (text === '') return err('Endpoint host is empty. Enter the router\'s public IP address or DNS name.');
  if (/\s/.test(text)) return err(`Endpoint host ${show(text)} contains spaces; remove them.`);
  const unbracketed = /^\[.*\]$/.test(text) ? text.slice(1, -1) : text;
  if (unbracketed.includes(':') || /^[\d.]+$/.test(unbracketed)) {
    const ip = parseIp(unbracketed, 'Endpoint host');
    return ip.ok ? checkReachable(ip.value, text) : ip;
  }
  return parseDnsName(unbracketed);
}

export function parsePort(value: number | string, label = 'Port'): Result<number> {
  return parseWholeNumber(value, { label, min: 1, max: 65535, hint: 'WireGuard on RouterOS listens on 13231 unless changed.' });
}

/** "vpn.example.com:13231", "203.0.113.7:13231" or "[2001:db8::1]:13231". */
export function parseEndpoint(input: string): Result<Endpoint> {
  const text = input.trim();
  const m = /^\[([^\]]*)\]:(.*)$/.exec(text) ?? /^([^:]*):([^:]*)$/.exec(text);
  if (!m) {
    const hint = (text.match(/:/g) ?? []).length > 1 ? ' Put an IPv6 address in brackets: [2001:db8::1]:13231.' : '';
    return err(`Endpoint ${show(text)} must be host:port, like vpn.example.com:13231.${hint}`);
  }
  const host = parseEndpointHost(m[1] ?? '');
  if (!host.ok) return host;
  const port = parsePort(m[2] ?? '', 'Endpoint port');
  if (!port.ok) return port;
  return ok({ ...host.value, port: port.value });
}

export function formatEndpoint(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function cidrs(list: readonly string[]): Cidr[] {
  return list.map((s) => {
    const c = parseCidr(s);
    if (!c.ok) throw new Error(c.message);
    return c.value;
  });
}

const LOCAL_RANGES = cidrs([
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', // RFC 1918
  '100.64.0.0/10', // carrier-grade NAT (RFC 6598)
  '127.0.0.0/8', '::1/128', // loopback
  '169.254.0.0/16', 'fe80::/10', // link-local
  'fc00::/7', // unique local (RFC 4193)
]);
const IPV4_MAPPED = cidrs(['::ffff:0.0.0.0/96'])[0] as Cidr;

/**
 * True when a client on the internet cannot reach this host: a private, CGNAT, loopback,
 * link-local or ULA address, "localhost", or an mDNS ".local" name. Meant for a warning, not
 * an error: the client may well be on the same LAN. Other DNS names give false.
 */
export function isPrivateOrLocalAddress(host: string): boolean {
  const parsed = parseEndpointHost(host);
  if (!parsed.ok) return false;
  if (parsed.value.kind === 'dns') return parsed.value.host === 'localhost' || parsed.value.host.endsWith('.local');
  const ip = parseCidr(parsed.value.host);
  if (!ip.ok) return false;
  let target = ip.value;
  if (rangeContains(IPV4_MAPPED, target)) {
    const v4 = parseCidr([24n, 16n, 8n, 0n].map((s) => (target.first >> s) & 255n).join('.'));
    if (v4.ok) target = v4.value;
  }
  return LOCAL_RANGES.some((r) => rangeContains(r, target));
}
