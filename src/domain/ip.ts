// Single IP addresses as (family, bigint) pairs: one numeric type for IPv4 and IPv6 keeps range
// arithmetic (pools, overlaps) identical for both families and exact for 128-bit values.
import { Address4, Address6 } from 'ip-address';
import { err, ok, show, type Result } from './result.ts';

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
  /** Canonical text: dotted quad, or RFC 5952 compressed lowercase IPv6. */
  readonly text: string;
}

export const FAMILY_BITS: Readonly<Record<IpFamily, number>> = { 4: 32, 6: 128 };

export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 6) return Address6.fromBigInt(value).correctForm();
  const n = Number(value);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function ipv4Hint(text: string): string {
  if (/(^|\.)0\d/.test(text)) return 'Leading zeros are not allowed (they can mean octal); write 10.1.2.3, not 010.001.002.003.';
  return 'An IPv4 address is four numbers from 0 to 255 separated by dots, like 10.8.0.2.';
}

/** Parse one address without prefix. `label` names the field in messages. */
export function parseIp(input: string, label = 'Address'): Result<IpAddress> {
  const text = input.trim();
  if (text === '') return err(`${label} is empty.`);
  if (text.includes('/')) return err(`${label} must be a single IP address without "/prefix"; got ${show(text)}.`);
  if (text.includes('%')) {
    return err(`${label} ${show(text)} has a zone index ("%..."); remove it, zone indexes only mean something on the machine that printed them.`);
  }
  if (text.includes(':')) {
    if (!Address6.isValid(text)) {
      return err(`${label} ${show(text)} is not a valid IPv6 address. Check the groups of hexadecimal digits and that "::" appears at most once, like fd00:8::2.`);
    }
    const a = new Address6(text);
    return ok({ family: 6, value: a.bigInt(), text: a.correctForm() });
  }
  if (/^[\d.]+$/.test(text)) {
    if (!Address4.isValid(text)) return err(`${label} ${show(text)} is not a valid IPv4 address. ${ipv4Hint(text)}`);
    const value = new Address4(text).bigInt();
    return ok({ family: 4, value, text: formatIp(4, value) });
  }
  return err(`${label} ${show(text)} is not an IP address. Use an IPv4 address like 10.8.0.2 or an IPv6 address like fd00:8::2.`);
}
