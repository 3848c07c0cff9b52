// SecretStore over the OS keychain through keytar (libsecret/Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows). Every failure becomes a SecretStoreUnavailableError.
import { randomUUID } from 'node:crypto';
import { keychainError, keychainFailure, type SecretStoreUnavailableError } from './errors.ts';
import { SERVICE_NAME, type ProbeResult, type SecretStore } from './secret-store.ts';

/** The three keytar calls we use; tests pass a fake to exercise the error mapping. */
export interface KeytarBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Keychain service name; tests use their own so they never touch real WireDesk entries. */
  service?: string;
  /** Defaults to loading @github/keytar on first use. */
  loadBackend?: () => Promise<KeytarBackend>;
  /** A locked keyring may show an unlock prompt; past this we report it instead of hanging. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

// Loaded lazily: the native addon links libsecret, and a machine without it must still start
// WireDesk and be told what to install instead of crashing on import.
async function loadKeytar(): Promise<KeytarBackend> {
  const mod = await import('@github/keytar');
  return (mod as unknown as { default: KeytarBackend }).default;
}

export class KeytarSecretStore implements SecretStore {
  readonly #service: string;
  readonly #timeoutMs: number;
  readonly #loadBackend: () => Promise<KeytarBackend>;
  #backend: Promise<KeytarBackend> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#service = options.service ?? SERVICE_NAME;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#loadBackend = options.loadBackend ?? loadKeytar;
  }

  get service(): string {
    return this.#service;
  }

  /** Null only when the keychain works and has no such entry: a locked keychain throws. */
  async get(account: string): Promise<string | null> {
    requireText('account', account);
    const secret = await this.#call((k) => k.getPassword(this.#service, account));
    if (secret !== null) return secret;
    // libsecret answers "not found" for items of a locked collection instead of failing. Taken at
    // face value, the key vault would call its master key lost and callers would ask again for a
    // password the keychain still holds; a write test tells "locked" from "absent".
    const failure = await this.#writeTest();
    if (failure) throw failure;
    return null;
  }

  async set(account: string, secret: string): Promise<void> {
    requireText('account', account);
    // keytar refuses empty secrets; saying so here keeps that from looking like a keychain outage.
    requireText('secret', secret);
    return this.#call((k) => k.setPassword(this.#service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    requireText('account', account);
    return this.#call((k) => k.deletePassword(this.#service, account));
  }

  async probe(): Promise<ProbeResult> {
    const failure = await this.#writeTest();
    return failure ? { ok: false, message: failure.message } : { ok: true };
  }

  /** Writes, reads back and deletes a throw-away entry; the failure, if any. */
  async #writeTest(): Promise<SecretStoreUnavailableError | undefined> {
    const account = `probe-${randomUUID()}`;
    const value = randomUUID();
    try {
      await this.#call((k) => k.setPassword(this.#service, account, value));
      let readBack: string | null;
      try {
        readBack = await this.#call((k) => k.getPassword(this.#service, account));
      } catch (err) {
        await this.#call((k) => k.deletePassword(this.#service, account)).catch(() => false); // do not leave it behind
        throw err;
      }
      const deleted = await this.#call((k) => k.deletePassword(this.#service, account));
      return readBack === value && deleted ? undefined : keychainFailure('unreliable');
    } catch (err) {
      return keychainError(err);
    }
  }

  async #call<T>(op: (k: KeytarBackend) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(keychainFailure('timeout', `no answer within ${Math.round(this.#timeoutMs / 1000)} s`)), this.#timeoutMs);
      timer.unref();
    });
    try {
      const backend = await Promise.race([this.#loaded(), timeout]);
      return await Promise.race([op(backend), timeout]);
    } catch (err) {
      throw keychainError(err);
    } finally {
      clearTimeout(timer);
    }
  }

  #loaded(): Promise<KeytarBackend> {
    // A failed load is forgotten so the next call retries (e.g. once libsecret has been installed).
    this.#backend ??= this.#loadBackend().catch((err: unknown) => {
      this.#backend = undefined;
      throw err;
    });
    return this.#backend;
  }
}

function requireText(what: 'account' | 'secret', value: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`The keychain ${what} must be a non-empty string.`);
}
