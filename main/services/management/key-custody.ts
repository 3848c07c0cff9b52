// Private keys WireDesk generates for peers. 'stored': sealed with the KeyVault (master key in the OS
// keychain) and saved BEFORE the router sees the public key, so a peer never exists whose key we promised to
// keep but could not (locked keychain); undone when the router refuses. 'shown-once': only the fact is
// recorded, after the router accepted; the key itself lives in the one response that shows it.
import type { KeyPair } from '../../../src/domain/index.ts';
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

  /** The peer is gone (deleted by WireDesk, or its key was replaced): its key is of no use any more. */
  forget(routerId: string, publicKey: string): void {
    this.#keys.delete(routerId, publicKey);
  }
}
