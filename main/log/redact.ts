// Makes any value safe to write to a log: secrets replaced, errors turned into plain data, cycles
// and binary cut. Logs end up attached to support tickets; a password in one is a leak.

export const REDACTED = '[redacted]';

// Matched after lower-casing and dropping '-' and '_', as a substring: newPassword, client_secret,
// authToken and private-key are all caught. Over-redacting a log field costs little.
const SECRET_WORDS = ['password', 'passphrase', 'secret', 'token', 'privatekey', 'presharedkey'];

// "name=value", "name: value", "\"name\":\"value\"" and RouterOS API words "=private-key=<base64>="
// inside free text (error messages, protocol traces).
const SECRET_IN_TEXT = /(password|passphrase|secret|token|private[-_]?key|preshared[-_]?key)("?\s*[=:]\s*"?)([^\s"',;&}\]]+)/gi;

const MAX_DEPTH = 8;

export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_]/g, '');
  return SECRET_WORDS.some((word) => k.includes(word));
}

export function redactText(text: string): string {
  return text.replace(SECRET_IN_TEXT, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`);
}

/** JSON-ready deep copy of `value` with secrets redacted. */
export function redact(value: unknown): unknown {
  return walk(value, new WeakSet(), 0);
}

function walk(value: unknown, ancestors: WeakSet<object>, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return redactText(value);
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
      return null;
    case 'function':
    case 'symbol':
      return `[${typeof value}]`;
  }
  if (value === null) return null;
  const obj = value as object;
  if (ancestors.has(obj)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  // Raw bytes may be key material, and are unreadable in a log anyway.
  if (Buffer.isBuffer(obj) || ArrayBuffer.isView(obj)) return `[${obj.byteLength} bytes]`;

  ancestors.add(obj);
  try {
    if (obj instanceof Error) return serialiseError(obj, ancestors, depth);
    if (obj instanceof Map) return walkEntries([...obj.entries()].map(([k, v]) => [String(k), v]), ancestors, depth);
    if (obj instanceof Set || Array.isArray(obj)) return [...(obj as Iterable<unknown>)].map((item) => walk(item, ancestors, depth + 1));
    return walkEntries(Object.entries(obj), ancestors, depth);
  } finally {
    ancestors.delete(obj);
  }
}

function walkEntries(entries: [string, unknown][], ancestors: WeakSet<object>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) out[key] = isSecretKey(key) ? REDACTED : walk(item, ancestors, depth + 1);
  return out;
}

// name, code, message and stack are not enumerable on Error; extra own fields (errno, syscall,
// address, a RouterOS category...) are kept, redacted like any object.
function serialiseError(err: Error, ancestors: WeakSet<object>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: redactText(err.message) };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = walk(code, ancestors, depth + 1);
  for (const [key, item] of Object.entries(err)) {
    if (!(key in out)) out[key] = isSecretKey(key) ? REDACTED : walk(item, ancestors, depth + 1);
  }
  if (err.stack) out.stack = redactText(err.stack);
  if (err.cause !== undefined) out.cause = walk(err.cause, ancestors, depth + 1);
  return out;
}
