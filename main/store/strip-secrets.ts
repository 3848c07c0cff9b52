// Defence in depth: whatever a caller hands the store for JSON columns (audit before/after, import
// payloads, raw RouterOS fields), values under secret-bearing keys never reach the file.
import { isSecretKey } from '../log/redact.ts';

// One list of secret-bearing names for logs and store alike (password, token, private-key,
// presharedKey, ...): see main/log/redact.ts.
export { isSecretKey };

/** Deep copy of `value` without secret-named properties, at any depth, arrays included. */
export function stripSecrets(value: unknown): unknown {
  return strip(value, new WeakSet());
}

// `ancestors` holds the objects on the current path only, so a value shared by two branches is
// copied twice while a real cycle is cut.
function strip(value: unknown, ancestors: WeakSet<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (hasToJson(value)) return strip(value.toJSON(), ancestors);
  if (ancestors.has(value)) return '[circular]';
  ancestors.add(value);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((item) => strip(item, ancestors));
  } else {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (!isSecretKey(key)) copy[key] = strip(item, ancestors);
    }
    out = copy;
  }
  ancestors.delete(value);
  return out;
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** JSON text for a TEXT column, secrets stripped; undefined/null stay SQL NULL. */
export function toStrippedJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(stripSecrets(value));
}
