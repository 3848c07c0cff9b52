import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateKeyPair,
  generatePresharedKey,
  keyToBytes,
  parseWireGuardKey,
  publicKeyFromPrivate,
} from '../../../src/domain/keys.ts';

const hexToBase64 = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

function expectError(result: { ok: boolean; message?: string }, fragment: string): void {
  expect(result.ok).toBe(false);
  expect(result.message).toContain(fragment);
}

describe('publicKeyFromPrivate', () => {
  it('matches the RFC 7748 section 6.1 X25519 test vectors', () => {
    const alicePrivate = hexToBase64('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const alicePublic = hexToBase64('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    const bobPrivate = hexToBase64('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
    const bobPublic = hexToBase64('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    expect(publicKeyFromPrivate(alicePrivate)).toEqual({ ok: true, value: alicePublic });
    expect(publicKeyFromPrivate(bobPrivate)).toEqual({ ok: true, value: bobPublic });
  });

  it('matches the key pair from the wg(8) documentation, as `wg pubkey` computes it', () => {
    expect(publicKeyFromPrivate('yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=')).toEqual({
      ok: true,
      value: 'HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=',
    });
  });

  it('accepts a key with surrounding whitespace from a paste', () => {
    expect(publicKeyFromPrivate('  yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\n')).toEqual({
      ok: true,
      value: 'HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=',
    });
  });

  it('labels its error as the private key', () => {
    expectError(publicKeyFromPrivate('abc'), 'Private key must be exactly 44 characters; got 3.');
  });
});

describe('generateKeyPair', () => {
  it('produces a clamped private key and its matching public key', () => {
    for (let i = 0; i < 20; i++) {
      const pair = generateKeyPair();
      expect(parseWireGuardKey(pair.privateKey).ok).toBe(true);
      expect(parseWireGuardKey(pair.publicKey).ok).toBe(true);
      const bytes = Buffer.from(pair.privateKey, 'base64');
      expect(bytes[0]! & 7).toBe(0);
      expect(bytes[31]! & 128).toBe(0);
      expect(bytes[31]! & 64).toBe(64);
      expect(publicKeyFromPrivate(pair.privateKey)).toEqual({ ok: true, value: pair.publicKey });
    }
  });

  it('agrees with an independent X25519 implementation (node:crypto)', () => {
    const pair = generateKeyPair();
    // PKCS#8 prefix for a raw X25519 private key (RFC 8410).
    const der = Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), Buffer.from(pair.privateKey, 'base64')]);
    const publicDer = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
    expect(publicDer.subarray(-32).toString('base64')).toBe(pair.publicKey);
  });

  it('never repeats', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateKeyPair().privateKey));
    expect(keys.size).toBe(50);
  });
});

describe('generatePresharedKey', () => {
  it('is a valid 32-byte key and random', () => {
    const a = generatePresharedKey();
    const b = generatePresharedKey();
    expect(parseWireGuardKey(a).ok).toBe(true);
    expect(Buffer.from(a, 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('parseWireGuardKey', () => {
  const good = 'HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=';

  it('accepts a valid key and trims outer whitespace', () => {
    expect(parseWireGuardKey(good)).toEqual({ ok: true, value: good });
    expect(parseWireGuardKey(`\t${good} \r\n`)).toEqual({ ok: true, value: good });
  });

  it('rejects an empty key', () => {
    expectError(parseWireGuardKey('   '), 'Key is empty. Paste the 44-character WireGuard key.');
  });

  it('explains spaces and line breaks inside the key', () => {
    expectError(parseWireGuardKey(`${good.slice(0, 20)} ${good.slice(20)}`), 'contains spaces or line breaks inside it');
    expectError(parseWireGuardKey(`${good.slice(0, 20)}\n${good.slice(20)}`), 'one unbroken 44-character line');
  });

  it('names the characters that do not belong', () => {
    expectError(parseWireGuardKey('HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8yk#!'), 'cannot appear in a WireGuard key: "#", "!"');
  });

  it('hints at URL-safe base64', () => {
    expectError(parseWireGuardKey('HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8yk-_'), 'URL-safe base64');
  });

  it('reports the wrong length and a missing "="', () => {
    expectError(parseWireGuardKey(good.slice(0, 43)), 'must be exactly 44 characters; got 43. The final "=" may be missing.');
    expectError(parseWireGuardKey(good.slice(0, 30)), 'got 30. Part of it may be missing or duplicated.');
    expectError(parseWireGuardKey(good + good), 'got 88');
  });

  it('rejects misplaced padding', () => {
    expectError(parseWireGuardKey('HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8yk=='), 'must end with exactly one "="');
    expectError(parseWireGuardKey('HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykwA'), 'must end with exactly one "="');
  });

  it('rejects a non-canonical last character, as wg does', () => {
    expectError(parseWireGuardKey('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB='), 'last character before "=" is impossible');
    expect(parseWireGuardKey('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE=').ok).toBe(true);
  });

  it('recognises a hex key', () => {
    expectError(parseWireGuardKey('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'), 'looks like hexadecimal');
  });

  it('uses the given label', () => {
    expectError(parseWireGuardKey('', 'Public key'), 'Public key is empty.');
  });
});

describe('keyToBytes', () => {
  it('decodes to 32 bytes', () => {
    const bytes = keyToBytes('HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=');
    expect(bytes.ok && bytes.value.length).toBe(32);
    expect(keyToBytes('nope').ok).toBe(false);
  });
});
