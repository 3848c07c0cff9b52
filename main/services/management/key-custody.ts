// Private keys WireDesk generates for peers. 'stored': sealed with the KeyVault (master key in the OS
// keychain) and saved BEFORE the router sees the public key, so a peer never exists whose key we promised to
// keep but could not (locked keychain); undone when the router refuses. 'shown-once': only the fact is
// recorded, after the router accepted; the key itself lives in the one response that shows it.
import { publicKeyFromPrivate, type KeyPair } from '../../../src/domain/index.ts';
import { KeyVaultError } from '../../secrets/key-vault.ts';
import type { KeyCustody, PeerKeysRepository } from '../../store/peer-keys.ts';

export interface KeyHandle {
  readonly custody: KeyCustody;
  /** The router accepted the public key. */
  commit(): void;
  /** The router refused it: keep nothing for a peer that does not exist. */
  rollback(): void;
}

export class KeyCustodian {
  readonly #keys: PeerKeysRepository;

  constructor(keys: PeerKeysRepository) {
    this.#keys = keys;
  }

  async prepare(routerId: string, pair: KeyPair, custody: KeyCustody): Promise<KeyHandle> {
    if (custody === 'stored') await this.#keys.store(routerId, pair.publicKey, pair.privateKey);
    return {
      custody,
      commit: () => {
        if (custody === 'shown-once') this.#keys.recordShownOnce(routerId, pair.publicKey);
      },
      rollback: () => {
        this.#keys.delete(routerId, pair.publicKey);
      },
    };
  }

  custodyByKey(routerId: string): Map<string, KeyCustody> {
    return new Map(this.#keys.listForRouter(routerId).map((r) => [r.publicKey, r.custody]));
  }

  custodyOf(routerId: string, publicKey: string): KeyCustody | null {
    return this.#keys.get(routerId, publicKey)?.custody ?? null;
  }

  /**
   * Whether the key WireDesk keeps for this public key still makes it: 'none' when no key is kept (created
   * elsewhere, or shown once), 'mismatch' when it cannot be read or makes another public key (a config from
   * it would never connect).
   */
  async check(routerId: string, publicKey: string): Promise<'matches' | 'mismatch' | 'none'> {
    let privateKey: string | null;
    try {
      privateKey = await this.#keys.getPrivateKey(routerId, publicKey);
    } catch (error) {
      if (error instanceof KeyVaultError) return 'mismatch';
      throw error;
    }
    if (privateKey === null) return 'none';
    const derived = publicKeyFromPrivate(privateKey);
    return derived.ok && derived.value === publicKey ? 'matches' : 'mismatch';
  }

  /** The peer is gone (deleted by WireDesk, or its key was replaced): its key is of no use any more. */
  forget(routerId: string, publicKey: string): void {
    this.#keys.delete(routerId, publicKey);
  }
}
