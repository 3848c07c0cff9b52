// Where WireDesk keeps secrets it must be able to read back (router passwords, the key-vault master
// key): the OS keychain in the app, a Map in tests. Nothing secret is ever written to SQLite.
export type ProbeResult = { ok: true } | { ok: false; message: string };

export interface SecretStore {
  /** The stored secret, or null when there is none for this account. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when an entry existed and was removed. */
  delete(account: string): Promise<boolean>;
  /** Writes, reads back and deletes a throw-away entry: true health check, never throws. */
  probe(): Promise<ProbeResult>;
}

/** Keychain "service" every WireDesk entry is filed under (what the user sees in Seahorse/Keychain Access). */
export const SERVICE_NAME = 'WireDesk';

/** Account holding the base64 AES-256 key that encrypts peer private keys (see key-vault.ts). */
export const VAULT_MASTER_KEY_ACCOUNT = 'key-vault-master-key';

/** Account holding the RouterOS password of one router, by its WireDesk id (not its name, which can change). */
export function routerPasswordAccount(routerId: string): string {
  if (!routerId) throw new TypeError('routerPasswordAccount needs a router id.');
  return `router-password:${routerId}`;
}

// The implementations, re-exported so callers need one import path.
export { KeytarSecretStore, type KeytarBackend, type KeytarSecretStoreOptions } from './keytar-secret-store.ts';
export { MemorySecretStore } from './memory-secret-store.ts';
export { SecretStoreUnavailableError, type KeychainFailure } from './errors.ts';
