// RouterOS returns every value as a string. These readers turn them into domain values and say clearly
// which field of which item was malformed, because a silent NaN in a dashboard is worse than an error.
import { parseCounter } from '../../../src/domain/counters.ts';
import { parseDuration } from '../../../src/domain/durations.ts';
import { RouterOsError } from '../errors.ts';
import type { RouterOsClient } from '../client.ts';
import { legacyFields, type Row } from '../rows.ts';
import type { RawText } from '../text.ts';

/** What menu helpers need from a client; tests may pass a fake. */
export type MenuClient = Pick<RouterOsClient, 'host' | 'print' | 'call' | 'add' | 'set' | 'remove'>;

/** Non-UTF-8 fields of an item, by RouterOS attribute name: pass them back unchanged to keep the bytes. */
export type LegacyText = Readonly<Record<string, RawText>>;

function malformed(row: Row, key: string, expected: string): RouterOsError {
  const id = row['.id'] ?? row['name'] ?? '?';
  return new RouterOsError('PROTOCOL_ERROR', `item ${id}: ${key}="${row[key] ?? ''}" is not ${expected}`);
}

export function text(row: Row, key: string): string {
  return row[key] ?? '';
}

export function optionalText(row: Row, key: string): string | undefined {
  const value = row[key];
  return value === undefined || value === '' ? undefined : value;
}

/** true/false (v7) and yes/no (older, some menus); absent counts as `fallback`. */
export function bool(row: Row, key: string, fallback = false): boolean {
  const value = row[key];
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  throw malformed(row, key, 'a yes/no value');
}

export function int(row: Row, key: string, fallback = 0): number {
  const value = row[key];
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value)) throw malformed(row, key, 'a whole number');
  return Number(value);
}

/** Byte counters can exceed 2^53 on long-lived links, hence bigint. */
export function bytes(row: Row, key: string): bigint {
  const value = row[key];
  if (value === undefined || value === '') return 0n;
  const parsed = parseCounter(value);
  if (!parsed.ok) throw malformed(row, key, 'a byte count');
  return parsed.value;
}

/** Milliseconds for `1m45s`, `21ms768us`, `00:01:02`; undefined when absent (e.g. no handshake yet). */
export function duration(row: Row, key: string): number | undefined {
  const value = row[key];
  if (value === undefined || value === '') return undefined;
  const parsed = parseDuration(value);
  if (!parsed.ok) throw malformed(row, key, 'a RouterOS duration');
  return parsed.value;
}

/** Comma lists such as allowed-address; an empty value is an empty list. */
export function list(row: Row, key: string): string[] {
  const value = row[key];
  return value ? value.split(',').filter((v) => v.length > 0) : [];
}

/** `.id` of an item: `*` plus hex, e.g. `*1A`. */
export function id(row: Row): string {
  const value = row['.id'];
  if (value === undefined || !/^\*[0-9A-Fa-f]+$/.test(value)) throw malformed(row, '.id', 'an item id like *1A');
  return value;
}

export function legacy(row: Row): LegacyText {
  return legacyFields(row);
}
