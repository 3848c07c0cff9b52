// SecretStore in a Map, for tests of modules that need one. It can pretend the keychain is down,
// so callers' handling of SecretStoreUnavailableError can be tested without a real keychain.
import { keychainFailure } from './errors.ts';
import type { KeychainFailure } from './errors.ts';
import type { ProbeResult, SecretStore } from './secret-store.ts';

export class MemorySecretStore implements SecretStore {
  readonly #entries = new Map<string, string>();
  #failure: KeychainFailure | null = null;

  /** Makes every later call fail as the keychain would for `reason`; null restores it. */
  simulateUnavailable(reason: KeychainFailure | null = 'no-secret-service'): void {
    this.#failure = reason;
  }

  /** Snapshot of the entries, for assertions. */
  entries(): Map<string, string> {
    return new Map(this.#entries);
  }

  async get(account: string): Promise<string | null> {
    this.#check();
    return this.#entries.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#check();
    if (!account || !secret) throw new TypeError('The keychain account and secret must be non-empty strings.');
    this.#entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.#check();
    return this.#entries.delete(account);
  }

  async probe(): Promise<ProbeResult> {
    if (this.#failure) return { ok: false, message: keychainFailure(this.#failure, 'simulated').message };
    return { ok: true };
  }

  #check(): void {
    if (this.#failure) throw keychainFailure(this.#failure, 'simulated');
  }
}
