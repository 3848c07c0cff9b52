// WireGuard keys are raw 32-byte X25519 keys in base64. node:crypto does the curve math.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';

/** DER header of a PKCS#8 X25519 private key; the raw 32 key bytes follow it. */
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export interface KeyPair {
  privateKey: Buffer;
  publicKey: Buffer;
}

export function publicKeyFor(privateKey: Buffer): Buffer {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, privateKey]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return Buffer.from(spki.subarray(spki.length - 32));
}

export function generateKeyPair(): KeyPair {
  const pair = generateKeyPairSync('x25519');
  const jwk = pair.privateKey.export({ format: 'jwk' });
  return { privateKey: Buffer.from(jwk.d ?? '', 'base64url'), publicKey: Buffer.from(jwk.x ?? '', 'base64url') };
}

/** Key pair from given bytes (a seeded generator), clamped the way `wg genkey` clamps. */
export function keyPairFromBytes(bytes: Buffer): KeyPair {
  const privateKey = Buffer.from(bytes.subarray(0, 32));
  privateKey[0]! &= 248;
  privateKey[31]! &= 127;
  privateKey[31]! |= 64;
  return { privateKey, publicKey: publicKeyFor(privateKey) };
}

export function randomKey(): Buffer {
  return randomBytes(32);
}

/** Decodes a canonical base64 32-byte key, or null. */
export function decodeKey(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 32 && bytes.toString('base64') === text ? bytes : null;
}
