// Before/after of an audit entry as a readable list of changes: nested objects become dotted keys
// ("client.dns"), lists of plain values are joined, lists of objects are summarised by their names, and
// each key says whether it was added, removed, changed or kept. Pure: unit-tested.

export type Change = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  key: string;
  before: string | null;
  after: string | null;
  change: Change;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function summarise(item: unknown): string {
  if (isPlainObject(item)) {
    const name = item['name'] ?? item['objectName'] ?? item['id'];
    const address = Array.isArray(item['allowedAddress']) ? ` (${(item['allowedAddress'] as unknown[]).join(', ')})` : '';
    return typeof name === 'string' && name !== '' ? `${name}${address}` : JSON.stringify(item);
  }
  return text(item);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(summarise).join(', ');
  return JSON.stringify(value);
}

/** Flattens an audit view into "key -> shown text" pairs, in the object's own key order. */
export function flatten(value: unknown, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  if (value === null || value === undefined) return out;
  if (!isPlainObject(value)) {
    out.set(prefix || 'value', text(value));
    return out;
  }
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(inner)) flatten(inner, path, out);
    else out.set(path, text(inner));
  }
  return out;
}

/** Every key of before and after, each with its change; the order follows `after`, then what only `before` had. */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  return keys.map((key) => {
    const was = a.get(key) ?? null;
    const now = b.get(key) ?? null;
    let change: Change;
    if (was === now) change = 'same';
    else if (!hasBefore || (was === null && now !== null)) change = 'added';
    else if (!hasAfter || (now === null && was !== null)) change = 'removed';
    else change = 'changed';
    return { key, before: was, after: now, change };
  });
}

/** The rows worth showing first: what changed. A create or delete shows everything it had. */
export function changedRows(rows: readonly DiffRow[]): DiffRow[] {
  return rows.filter((r) => r.change !== 'same');
}
