// Parsers for written values: each takes the raw bytes of one `=name=value` word and returns the bytes to store,
// or throws the trap a real router sends for that mistake.
import { traps } from '../trap.ts';
import { decodeKey } from '../keys.ts';
import { formatDuration, parseDuration } from './duration.ts';
import { parsePrefix } from './ip.ts';

export type ValueParser = (value: Buffer, name: string) => Buffer;

export const text = (value: Buffer): string => value.toString('utf8');

export const asBoolean: ValueParser = (value, name) => {
  const v = text(value);
  if (v === 'true' || v === 'yes') return Buffer.from('true');
  if (v === 'false' || v === 'no') return Buffer.from('false');
  throw traps.invalidValue(name);
};

export function integerIn(min: number, max: number): ValueParser {
  return (value, name) => {
    const v = text(value);
    if (!/^-?\d+$/.test(v)) throw traps.invalidValue(name);
    const n = Number(v);
    if (n < min || n > max) throw traps.outOfRange(name, `${min}..${max}`);
    return Buffer.from(String(n));
  };
}

/** Durations in whole seconds, stored in RouterOS form (`25s`). */
export function durationIn(minSeconds: number, maxSeconds: number): ValueParser {
  return (value, name) => {
    const seconds = parseDuration(text(value));
    if (seconds === null) throw traps.invalidValue(name);
    if (seconds < minSeconds || seconds > maxSeconds) {
      throw traps.outOfRange(name, `${formatDuration(minSeconds)}..${formatDuration(maxSeconds)}`);
    }
    return Buffer.from(formatDuration(seconds));
  };
}

export const asKey: ValueParser = (value, name) => {
  if (decodeKey(text(value)) === null) throw traps.invalidValue(name);
  return Buffer.from(value);
};

/** Comma list of prefixes without spaces, each normalised to its network (`10.0.0.5` -> `10.0.0.5/32`). */
export const asPrefixList: ValueParser = (value, name) => {
  const parts = text(value).split(',');
  const out: string[] = [];
  for (const part of parts) {
    const prefix = parsePrefix(part);
    if (prefix === null) throw traps.invalidValue(name);
    out.push(`${prefix.network}/${prefix.length}`);
  }
  return Buffer.from(out.join(','));
};

/**
 * Address with prefix as written (host bits kept), as /ip/address and /ipv6/address store it; a bare address is a
 * single host (/32, /128). Each menu takes only its own family: the other one is an invalid value, as on a router.
 */
export function interfaceAddress(family: 4 | 6): ValueParser {
  return (value, name) => {
    const prefix = parsePrefix(text(value));
    if (prefix === null || prefix.family !== family) throw traps.invalidValue(name);
    return Buffer.from(`${prefix.address}/${prefix.length}`);
  };
}

/** IP address or DNS name; empty clears it. */
export const asHost: ValueParser = (value, name) => {
  const v = text(value);
  if (v === '') return Buffer.alloc(0);
  if (parsePrefix(v) !== null && !v.includes('/')) return Buffer.from(v);
  if (/^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)*[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(v)) {
    return Buffer.from(v);
  }
  throw traps.invalidValue(name);
};

export function oneOf(values: readonly string[]): ValueParser {
  return (value, name) => {
    if (!values.includes(text(value))) throw traps.invalidValue(name);
    return Buffer.from(value);
  };
}

/** Any bytes: names and comments are stored exactly as sent (UTF-8, cp1251, anything). */
export const asBytes: ValueParser = (value) => Buffer.from(value);

