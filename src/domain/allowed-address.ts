// Allowed-address lists: RouterOS stores them comma-separated without spaces
// ("10.8.0.2/32,fd00:8::2/128"); technicians paste them with spaces, newlines or trailing commas.
import { parseCidr, rangeContains, type Cidr } from './cidr.ts';
import { err, ok, type Result } from './result.ts';

export interface AllowedAddressOptions {
  readonly label?: string;
  /** A peer may legitimately have no allowed-address (it can connect but receives no traffic). */
  readonly allowEmpty?: boolean;
  /** Mask host bits (192.168.88.1/24 -> 192.168.88.0/24) instead of asking the technician to. */
  readonly allowHostBits?: boolean;
}

export function splitList(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(/[\s,]+/) : input.flatMap((s) => s.split(/[\s,]+/));
  return parts.filter((p) => p !== '');
}

/** Parse, normalise to network form and drop exact duplicates, keeping first-seen order. */
export function parseAllowedAddressList(input: string | readonly string[], options: AllowedAddressOptions = {}): Result<Cidr[]> {
  const label = options.label ?? 'Allowed address';
  const entries = splitList(input);
  if (entries.length === 0 && !options.allowEmpty) {
    return err(`${label} is empty. Enter at least one address, like 10.8.0.2/32.`);
  }
  const seen = new Set<string>();
  const result: Cidr[] = [];
  for (const entry of entries) {
    const cidr = parseCidr(entry, { label, allowHostBits: options.allowHostBits ?? false });
    if (!cidr.ok) return cidr;
    if (seen.has(cidr.value.text)) continue;
    seen.add(cidr.value.text);
    result.push(cidr.value);
  }
  return ok(result);
}

/** The list in RouterOS form, ready to send as the `allowed-address` value. */
export function normaliseAllowedAddressList(input: string | readonly string[], options: AllowedAddressOptions = {}): Result<string[]> {
  const parsed = parseAllowedAddressList(input, options);
  return parsed.ok ? ok(parsed.value.map((c) => c.text)) : parsed;
}

export function formatAllowedAddressList(entries: readonly string[]): string {
  return entries.join(',');
}

/** Drop entries that another entry already covers; the survivors keep their original order. */
export function removeContained(cidrs: readonly Cidr[]): Cidr[] {
  return cidrs.filter((c, i) =>
    !cidrs.some((other, j) => j !== i && rangeContains(other, c) && (other.prefix < c.prefix || j < i)),
  );
}
