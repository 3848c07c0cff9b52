// IPv4/IPv6 addresses and prefixes, normalised the way RouterOS prints them.
import { isIPv4, isIPv6 } from 'node:net';

export interface Prefix {
  family: 4 | 6;
  /** Address as written (host bits kept), canonical text. */
  address: string;
  length: number;
  /** Network address (host bits cleared), canonical text. */
  network: string;
}

export function ipv4ToNumber(text: string): number {
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

function ipv6ToBigInt(text: string): bigint {
  const [head = '', tail] = text.split('::');
  const parse = (s: string): string[] => (s === '' ? [] : s.split(':'));
  let groups = parse(head);
  if (tail !== undefined) {
    const right = parse(tail);
    groups = [...groups, ...Array<string>(8 - groups.length - right.length).fill('0'), ...right];
  }
  return groups.reduce((n, g) => (n << 16n) + BigInt(parseInt(g, 16)), 0n);
}

function bigIntToIpv6(n: bigint): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((n >> BigInt(i * 16)) & 0xffffn).toString(16));
  return canonicalIpv6(groups.join(':'));
}

/** Compressed lower-case form (`fd00::1`). */
export function canonicalIpv6(text: string): string {
  return new URL(`http://[${text}]`).hostname.slice(1, -1);
}

export function isIp(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

/** Parses `a.b.c.d[/n]` or `v6[/n]`; a missing length means a single host (/32, /128). */
export function parsePrefix(text: string): Prefix | null {
  const slash = text.indexOf('/');
  const addr = slash === -1 ? text : text.slice(0, slash);
  const lengthText = slash === -1 ? undefined : text.slice(slash + 1);
  if (lengthText !== undefined && !/^\d{1,3}$/.test(lengthText)) return null;
  if (isIPv4(addr)) {
    const length = lengthText === undefined ? 32 : Number(lengthText);
    if (length > 32) return null;
    const value = ipv4ToNumber(addr);
    const size = 2 ** (32 - length);
    return { family: 4, address: numberToIpv4(value), length, network: numberToIpv4(Math.floor(value / size) * size) };
  }
  if (isIPv6(addr) && !addr.includes('%')) {
    const length = lengthText === undefined ? 128 : Number(lengthText);
    if (length > 128) return null;
    const value = ipv6ToBigInt(canonicalIpv6(addr));
    const mask = length === 0 ? 0n : ((1n << BigInt(length)) - 1n) << BigInt(128 - length);
    return { family: 6, address: canonicalIpv6(addr), length, network: bigIntToIpv6(value & mask) };
  }
  return null;
}

/** fe80::/10, the addresses a link gives itself. */
export function isLinkLocalIpv6(address: string): boolean {
  return isIPv6(address) && ipv6ToBigInt(canonicalIpv6(address)) >> 118n === 0x3fan;
}

/**
 * The address with its last 64 bits replaced by the modified EUI-64 interface id of `mac` (RFC 4291 appendix A:
 * ff:fe in the middle, the universal/local bit flipped), as RouterOS's `eui-64=yes` builds it.
 */
export function withEui64(address: string, mac: string): string {
  const bytes = mac.split(/[:-]/).map((part) => parseInt(part, 16));
  const id = [bytes[0]! ^ 0x02, bytes[1]!, bytes[2]!, 0xff, 0xfe, bytes[3]!, bytes[4]!, bytes[5]!]
    .reduce((n, b) => (n << 8n) + BigInt(b), 0n);
  const upper = ipv6ToBigInt(canonicalIpv6(address)) & ~((1n << 64n) - 1n);
  return bigIntToIpv6(upper | id);
}

/** A MAC address as RouterOS prints it (`48:A9:8A:41:3E:50`). */
export function isMacAddress(text: string): boolean {
  return /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(text);
}

/** True when the single address `ip` lies inside `prefix`. */
export function prefixContains(prefix: Prefix, ip: string): boolean {
  const probe = parsePrefix(`${ip}/${prefix.length}`);
  return probe !== null && probe.family === prefix.family && probe.network === prefix.network;
}

/** Private, loopback, link-local, CGNAT, benchmarking or documentation space: nothing answers from "the internet". */
export function isNonPublicIpv4(ip: string): boolean {
  const n = ipv4ToNumber(ip);
  const inRange = (base: string, length: number): boolean => {
    const size = 2 ** (32 - length);
    return Math.floor(n / size) === Math.floor(ipv4ToNumber(base) / size);
  };
  return [
    ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['127.0.0.0', 8], ['169.254.0.0', 16],
    ['100.64.0.0', 10], ['198.18.0.0', 15], ['0.0.0.0', 8], ['224.0.0.0', 3],
  ].some(([base, length]) => inRange(base as string, length as number));
}
