// WireGuard keys: Curve25519 (X25519) key pairs and 256-bit preshared keys, exchanged as
// base64 of exactly 32 bytes (44 characters ending in '='), the format of `wg genkey`.
import { x25519 } from '@noble/curves/ed25519.js';
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { err, ok, type Result } from './result.ts';

export const KEY_BYTES = 32;
export const KEY_BASE64_LENGTH = 44;

export interface KeyPair {
  readonly privateKey: string;
  readonly publicKey: string;
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

/**
 * Clamp as `wg genkey` does (RFC 7748 decodeScalar25519). X25519 clamps internally anyway;
 * storing the clamped form means our keys are byte-identical to what wg tools would produce.
 */
function clamp(secret: Uint8Array): Uint8Array {
  const k = Uint8Array.from(secret);
  k[0] = (k[0] ?? 0) & 248;
  k[31] = ((k[31] ?? 0) & 127) | 64;
  return k;
}

export function generateKeyPair(): KeyPair {
  const secret = clamp(randomBytes(KEY_BYTES));
  return { privateKey: bytesToBase64(secret), publicKey: bytesToBase64(x25519.getPublicKey(secret)) };
}

/** A preshared key is plain randomness: no clamping, it never acts as a curve scalar. */
export function generatePresharedKey(): string {
  return bytesToBase64(randomBytes(KEY_BYTES));
}

export function publicKeyFromPrivate(privateKey: string): Result<string> {
  const parsed = parseWireGuardKey(privateKey, 'Private key');
  if (!parsed.ok) return parsed;
  return ok(bytesToBase64(x25519.getPublicKey(base64ToBytes(parsed.value))));
}

const BASE64_CHAR = /[A-Za-z0-9+/=]/;

/**
 * Check a pasted key and return it trimmed. Surrounding whitespace is dropped silently (copy
 * artefact); anything else wrong gets a message naming the exact problem, because "invalid
 * key" alone leaves a technician staring at 44 random characters.
 * `label` names the field in messages, e.g. "Public key".
 */
export function parseWireGuardKey(input: string, label = 'Key'): Result<string> {
  const key = input.trim();
  if (key === '') return err(`${label} is empty. Paste the 44-character WireGuard key.`);
  if (/\s/.test(key)) {
    return err(`${label} contains spaces or line breaks inside it; it was probably split when copied. Remove them so the key is one unbroken 44-character line.`);
  }
  if (/^[0-9a-fA-F]{64}$/.test(key)) {
    return err(`${label} looks like hexadecimal. WireGuard keys are base64: 44 characters ending in "=", as printed by "wg genkey" or RouterOS.`);
  }
  const bad = [...new Set([...key].filter((c) => !BASE64_CHAR.test(c)))];
  if (bad.length > 0) {
    const hint = bad.some((c) => c === '-' || c === '_') ? ' It may be URL-safe base64: use "+" for "-" and "/" for "_".' : '';
    return err(`${label} contains characters that cannot appear in a WireGuard key: ${bad.map((c) => `"${c}"`).join(', ')}. Only A-Z, a-z, 0-9, "+", "/" and a final "=" are allowed.${hint}`);
  }
  if (key.length !== KEY_BASE64_LENGTH) {
    const hint = key.length === KEY_BASE64_LENGTH - 1 && !key.endsWith('=') ? ' The final "=" may be missing.' : ' Part of it may be missing or duplicated.';
    return err(`${label} must be exactly ${KEY_BASE64_LENGTH} characters; got ${key.length}.${hint}`);
  }
  if (!/^[A-Za-z0-9+/]{43}=$/.test(key)) {
    return err(`${label} must end with exactly one "=" and have no "=" elsewhere.`);
  }
  // 43 characters carry 258 bits for 256 bits of key, so the last one has 2 spare bits that
  // must be zero. wg and RouterOS reject keys where they are not: it means a typo.
  if (bytesToBase64(base64ToBytes(key)) !== key) {
    return err(`${label} is not a valid WireGuard key: its last character before "=" is impossible for a 32-byte key. Check that character for a typo.`);
  }
  return ok(key);
}

/** Decode a key that parseWireGuardKey accepted. */
export function keyToBytes(key: string): Result<Uint8Array> {
  const parsed = parseWireGuardKey(key);
  return parsed.ok ? ok(base64ToBytes(parsed.value)) : parsed;
}
