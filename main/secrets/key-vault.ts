// Encrypts peer private keys (and preshared keys) before they are written to SQLite. The AES-256
// master key lives only in the OS keychain, so a copied database file alone reveals no key.
//
// Stored text: v1.<key id>.<iv>.<tag>.<ciphertext>, all base64url. The key id (a short hash of the
// master key) lets a decrypt failure say "different master key" instead of "tampered".
// The AAD binds each ciphertext to its record (router id + peer public key + purpose): copied onto
// another row, it fails authentication instead of decrypting to the wrong peer's key.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { VAULT_MASTER_KEY_ACCOUNT, type SecretStore } from './secret-store.ts';
import type { VaultLock } from './vault-lock.ts';

export type KeyPurpose = 'private-key' | 'preshared-key';

/** The record a ciphertext belongs to. */
export interface KeyContext {
  routerId: string;
  publicKey: string;
  /** Default 'private-key'; keeps a peer's preshared-key ciphertext from passing as its private key. */
  purpose?: KeyPurpose;
}

export type KeyVaultErrorCode = 'VAULT_KEY_MISSING' | 'VAULT_KEY_INVALID' | 'VAULT_WRONG_KEY' | 'VAULT_FORMAT' | 'VAULT_DECRYPT_FAILED';

export class KeyVaultError extends Error {
  readonly code: KeyVaultErrorCode;

  constructor(code: KeyVaultErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyVaultError';
    this.code = code;
  }
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12; // the GCM standard size: any other length is hashed into one
const TAG_BYTES = 16;
const UNRECOVERABLE = 'Keys stored by WireDesk under the old master key cannot be recovered: generate new keys for the affected peers.';

export class KeyVault {
  readonly #store: SecretStore;
  readonly #account: string;
  #key: Buffer | undefined;
  #loading: Promise<Buffer | null> | undefined;
  #creating: Promise<Buffer> | undefined;
  readonly #lock: VaultLock | undefined;

  /** `lock`: held while the master key is created, so that two processes never make two keys (vault-lock.ts). */
  constructor(store: SecretStore, options: { account?: string; lock?: VaultLock } = {}) {
    this.#store = store;
    this.#account = options.account ?? VAULT_MASTER_KEY_ACCOUNT;
    this.#lock = options.lock;
  }

  /** Encrypts `plaintext` for `context`; creates the master key on first use. */
  async encrypt(plaintext: string, context: KeyContext): Promise<string> {
    const key = await this.#masterKey(true);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(context));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, keyId(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  async decrypt(stored: string, context: KeyContext): Promise<string> {
    const parts = parse(stored);
    const key = await this.#masterKey(false);
    if (parts.keyId !== keyId(key)) {
      throw new KeyVaultError('VAULT_WRONG_KEY', `The stored key of peer ${short(context.publicKey)} was encrypted with a different master key than the one now in the OS keychain (the keychain was reset, or the database comes from another computer). ${UNRECOVERABLE}`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(context));
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.ct), decipher.final()]).toString('utf8');
    } catch (err) {
      throw new KeyVaultError('VAULT_DECRYPT_FAILED', `The stored key of peer ${short(context.publicKey)} failed its integrity check: it was altered, or it belongs to another peer or router. It cannot be used; generate a new key for this peer.`, { cause: err });
    }
  }

  /** Drops the cached master key, so the next use reads the keychain again. */
  forgetCachedKey(): void {
    this.#key = undefined;
  }

  // Loaded once and kept in memory: every decrypt would otherwise be a D-Bus round trip (and
  // possibly an unlock prompt). Concurrent first calls share one load and one creation.
  async #masterKey(createIfMissing: boolean): Promise<Buffer> {
    if (this.#key) return this.#key;
    this.#loading ??= this.#load().finally(() => (this.#loading = undefined));
    const existing = await this.#loading;
    if (existing) return (this.#key = existing);
    if (!createIfMissing) {
      throw new KeyVaultError('VAULT_KEY_MISSING', `The key-vault master key is missing from the OS keychain (the keychain was reset, or the database comes from another computer). ${UNRECOVERABLE}`);
    }
    this.#creating ??= this.#create().finally(() => (this.#creating = undefined));
    return (this.#key = await this.#creating);
  }

  async #load(): Promise<Buffer | null> {
    const encoded = await this.#store.get(this.#account);
    if (encoded === null) return null;
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES || key.toString('base64') !== encoded) {
      throw new KeyVaultError('VAULT_KEY_INVALID', `The key-vault master key in the OS keychain is damaged (entry "${this.#account}" is not a 32-byte base64 key). ${UNRECOVERABLE}`);
    }
    return key;
  }

  async #create(): Promise<Buffer> {
    const release = this.#lock ? await this.#lock() : undefined;
    try {
      // Under the lock: a key another process made while this one waited for it is adopted, never overwritten.
      const made = await this.#load();
      if (made) return made;
      const key = randomBytes(KEY_BYTES);
      await this.#store.set(this.#account, key.toString('base64'));
      // Without a lock (tests, a process on another data directory) someone may have written their own key at the
      // same moment: keep whatever the keychain holds now, so every key sealed from here on opens after a restart.
      return (await this.#load()) ?? key;
    } finally {
      await release?.();
    }
  }
}

function aad({ routerId, publicKey, purpose = 'private-key' }: KeyContext): Buffer {
  // JSON array: unambiguous whatever characters the fields hold.
  return Buffer.from(JSON.stringify(['wiredesk-key-vault', VERSION, purpose, routerId, publicKey]), 'utf8');
}

function keyId(key: Buffer): string {
  return createHash('sha256').update('wiredesk-key-vault-id\0').update(key).digest().subarray(0, 6).toString('base64url');
}

function parse(stored: string): { keyId: string; iv: Buffer; tag: Buffer; ct: Buffer } {
  const parts = stored.split('.');
  const [version, id, iv, tag, ct] = parts;
  if (parts.length !== 5 || version !== VERSION || !id || !iv || !tag || ct === undefined) {
    const seen = parts.length > 1 ? `"${parts[0]}"` : 'none';
    throw new KeyVaultError('VAULT_FORMAT', `A stored key is not in a format this version of WireDesk can read (expected ${VERSION}, found ${seen}); it may come from a newer version or be damaged.`);
  }
  const decoded = { keyId: id, iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), ct: Buffer.from(ct, 'base64url') };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) {
    throw new KeyVaultError('VAULT_FORMAT', 'A stored key is damaged (wrong nonce or tag length) and cannot be used; generate a new key for this peer.');
  }
  return decoded;
}

function short(publicKey: string): string {
  return publicKey.length > 12 ? `${publicKey.slice(0, 8)}…` : publicKey;
}
