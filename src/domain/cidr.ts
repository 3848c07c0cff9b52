// CIDR prefixes such as 10.8.0.0/24 or fd00::/64, the unit of WireGuard allowed-address.
import { FAMILY_BITS, formatIp, parseIp, type IpFamily } from './ip.ts';
import { err, ok, show, type Result } from './result.ts';

export interface IpRange {
  readonly family: IpFamily;
  readonly first: bigint;
  readonly last: bigint;
}

export interface Cidr extends IpRange {
  /** The address as written, host bits included (matters for interface addresses like 10.8.0.1/24). */
  readonly address: bigint;
  readonly prefix: number;
  /** Network form as RouterOS prints it: 10.8.0.0/24, fd00::/64, 10.8.0.2/32. */
  readonly text: string;
}

export interface ParseCidrOptions {
  /** Accept 10.8.0.1/24 (an interface address) instead of asking for 10.8.0.0/24 or /32. */
  readonly allowHostBits?: boolean;
  /** Names the field in messages, e.g. "Allowed address". */
  readonly label?: string;
}

export function hostMask(family: IpFamily, prefix: number): bigint {
  return (1n << BigInt(FAMILY_BITS[family] - prefix)) - 1n;
}

export function makeCidr(family: IpFamily, address: bigint, prefix: number): Cidr {
  const mask = hostMask(family, prefix);
  const first = address & ~mask;
  return { family, address, prefix, first, last: first | mask, text: `${formatIp(family, first)}/${prefix}` };
}

/** Parse "10.8.0.0/24", "fd00::/64" or a bare host ("10.8.0.2" means /32, "fd00::2" means /128). */
export function parseCidr(input: string, options: ParseCidrOptions = {}): Result<Cidr> {
  const label = options.label ?? 'Address';
  const text = input.trim();
  const slash = text.indexOf('/');
  const ipPart = slash === -1 ? text : text.slice(0, slash);
  const ip = parseIp(ipPart, label);
  if (!ip.ok) return ip;
  const bits = FAMILY_BITS[ip.value.family];
  let prefix = bits;
  if (slash !== -1) {
    const prefixText = text.slice(slash + 1);
    prefix = Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText) || prefix > bits) {
      return err(`${label} ${show(text)} has an invalid prefix length: after "/" write a whole number from 0 to ${bits} for IPv${ip.value.family}.`);
    }
  }
  const cidr = makeCidr(ip.value.family, ip.value.value, prefix);
  if (!options.allowHostBits && cidr.first !== cidr.address) {
    const host = `${ip.value.text}/${bits}`;
    return err(`${label} ${show(text)} is not a network address: write ${cidr.text} for the whole subnet, or ${host} for that single address.`);
  }
  return ok(cidr);
}

export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

export function rangeSize(range: IpRange): bigint {
  return range.last - range.first + 1n;
}

/** "10.20.0.50/32" -> "10.20.0.50" (and "/128" for IPv6): a single address shown as people write it. */
export function withoutHostPrefix(text: string): string {
  return text.replace(/\/(32|128)$/, '');
}

/** Host form, keeping host bits: "10.8.0.2/24" stays as written (canonicalised), unlike `text`. */
export function formatHostCidr(cidr: Cidr): string {
  return `${formatIp(cidr.family, cidr.address)}/${cidr.prefix}`;
}
