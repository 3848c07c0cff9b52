// Private keys WireDesk generates for peers. 'stored': sealed with the KeyVault (master key in the OS
// keychain) and saved BEFORE the router sees the public key, so a peer never exists whose key we promised to
// keep but could not (locked keychain); undone when the router refuses. 'shown-once': sealed as 'held' before
// the router sees the public key too, and turned into the bare fact 'shown-once' (the key dropped) once the
// response that shows it is on its way. If the router's answer is lost, the key stays held: when the peer
// turns out to exist, the technician is shown it once (reveal), when it turns out not to, it is forgotten.
import { publicKeyFromPrivate, type KeyPair } from '../../../src/domain/index.ts';
import { KeyVaultError } from '../../secrets/key-vault.ts';
import type { KeyCustody, PeerKeysRepository } from '../../store/peer-keys.ts';
import { PEERS_PATH } from '../../routeros/menus/wireguard-peers.ts';
import type { StepCheck } from '../changes/reconcile.ts';
import type { Resolution } from '../changes/rollback-watch.ts';

export interface KeyHandle {
  readonly custody: 'stored' | 'shown-once';
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

  async prepare(routerId: string, pair: KeyPair, custody: 'stored' | 'shown-once'): Promise<KeyHandle> {
    if (custody === 'stored') await this.#keys.store(routerId, pair.publicKey, pair.privateKey);
    else {
      // The held copy is a safety net for a lost answer, not a condition: with the keychain locked or absent the
      // key is shown once as before, only not kept through a dropped link.
      await this.#keys.store(routerId, pair.publicKey, pair.privateKey, 'held').catch(() => undefined);
    }
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

  /** A key held because the router's answer was lost, for the one response that shows it (then call shown()). */
  async held(routerId: string, publicKey: string): Promise<string | null> {
    if (this.#keys.get(routerId, publicKey)?.custody !== 'held') return null;
    return this.#keys.getPrivateKey(routerId, publicKey);
  }

  /** The held key is in the response that shows it: it is not kept any more. */
  shown(routerId: string, publicKey: string): void {
    this.#keys.recordShownOnce(routerId, publicKey);
  }

  /**
   * A plan whose answer was lost was found out: the keys made for it follow. Not applied: a key held for a peer
   * it would have added, or a new key it would have set, belongs to no peer. Applied: the keys it replaced or the
   * peers it removed are gone. A held key of an added peer stays held until it is shown. A stored key of an add
   * that did not happen stays: an import's resume sends that row again with it.
   */
  resolve(routerId: string, checks: readonly StepCheck[], resolution: Resolution, o: { keepStored: boolean }): void {
    if (resolution === 'unknown') return;
    const keyOf = (pairs: StepCheck['findAfter']) => pairs?.find(([k]) => k === 'public-key')?.[1] ?? null;
    for (const c of checks) {
      if (c.menu !== PEERS_PATH) continue;
      const before = keyOf(c.findBefore);
      const after = keyOf(c.findAfter);
      if (c.verb === 'add' && resolution === 'not-applied' && after && (!o.keepStored || this.custodyOf(routerId, after) === 'held')) this.forget(routerId, after);
      if (c.verb === 'remove' && resolution === 'applied' && before) this.forget(routerId, before);
      if (c.verb === 'set' && before && after && before !== after) this.forget(routerId, resolution === 'applied' ? before : after);
    }
  }

  /** The peer is gone (deleted by WireDesk, or its key was replaced): its key is of no use any more. */
  forget(routerId: string, publicKey: string): void {
    this.#keys.delete(routerId, publicKey);
  }
}
