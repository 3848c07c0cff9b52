// Private keys WireDesk generated for peers, kept so a configuration can be produced again later.
// Only KeyVault ciphertext reaches the table ("stored", and "held": a key to be shown once, kept sealed until
// it was seen because the router's answer to its add was lost); for "shown-once" peers the key was shown to
// the technician a single time and only that fact is recorded.
import type { Database as Db, Statement } from 'better-sqlite3';
import type { KeyContext } from '../secrets/key-vault.ts';
import { systemClock, type Clock } from './clock.ts';
import { StoreError, errorCode } from './errors.ts';

/**
 * 'held': a key that is to be shown once, sealed until the technician has seen it because the router's answer
 * to the add was lost (the peer may exist with no one holding its key). Shown, it becomes 'shown-once'.
 */
export type KeyCustody = 'stored' | 'shown-once' | 'held';

export interface PeerKeyRecord {
  routerId: string;
  publicKey: string;
  custody: KeyCustody;
  createdAt: number;
}

/** What the repository needs from KeyVault; an interface so tests can count calls. */
export interface PeerKeyCipher {
  encrypt(plaintext: string, context: KeyContext): Promise<string>;
  decrypt(stored: string, context: KeyContext): Promise<string>;
}

interface Row {
  router_id: string;
  public_key: string;
  custody: KeyCustody;
  encrypted_private_key: string | null;
  created_at: number;
}

export class PeerKeysRepository {
  readonly #cipher: PeerKeyCipher;
  readonly #now: Clock;
  readonly #upsert: Statement<[Row]>;
  readonly #get: Statement<[string, string], Row>;
  readonly #list: Statement<[string], Row>;
  readonly #delete: Statement<[string, string]>;

  constructor(db: Db, cipher: PeerKeyCipher, options: { now?: Clock } = {}) {
    this.#cipher = cipher;
    this.#now = options.now ?? systemClock;
    // Saving again for the same public key replaces the row (a retried save, or shown-once turned into stored).
    this.#upsert = db.prepare(`INSERT INTO peer_keys (router_id, public_key, custody, encrypted_private_key, created_at)
      VALUES (@router_id, @public_key, @custody, @encrypted_private_key, @created_at)
      ON CONFLICT (router_id, public_key) DO UPDATE SET custody = excluded.custody,
        encrypted_private_key = excluded.encrypted_private_key, created_at = excluded.created_at`);
    this.#get = db.prepare('SELECT * FROM peer_keys WHERE router_id = ? AND public_key = ?');
    this.#list = db.prepare('SELECT * FROM peer_keys WHERE router_id = ? ORDER BY created_at, public_key');
    this.#delete = db.prepare('DELETE FROM peer_keys WHERE router_id = ? AND public_key = ?');
  }

  /** Encrypts `privateKey` with the vault (bound to this router and public key), then saves it. */
  async store(routerId: string, publicKey: string, privateKey: string, custody: 'stored' | 'held' = 'stored'): Promise<PeerKeyRecord> {
    if (!privateKey) throw new StoreError('INVALID_INPUT', `No private key was given for peer ${publicKey}.`);
    const sealed = await this.#cipher.encrypt(privateKey, { routerId, publicKey });
    if (sealed.includes(privateKey)) {
      // Cannot happen with KeyVault; refuses a misconfigured cipher rather than writing the key in clear.
      throw new StoreError('INVALID_INPUT', 'Refusing to save a peer private key that is not encrypted.');
    }
    return this.#save({ router_id: routerId, public_key: publicKey, custody, encrypted_private_key: sealed, created_at: this.#now() });
  }

  /** Records that the key was shown once and deliberately not kept. */
  recordShownOnce(routerId: string, publicKey: string): PeerKeyRecord {
    return this.#save({ router_id: routerId, public_key: publicKey, custody: 'shown-once', encrypted_private_key: null, created_at: this.#now() });
  }

  get(routerId: string, publicKey: string): PeerKeyRecord | null {
    const row = this.#get.get(routerId, publicKey);
    return row ? toRecord(row) : null;
  }

  listForRouter(routerId: string): PeerKeyRecord[] {
    return this.#list.all(routerId).map(toRecord);
  }

  /** The decrypted private key ('stored' or 'held'); null when none is kept (unknown peer or shown-once). Throws KeyVaultError when it cannot be decrypted. */
  async getPrivateKey(routerId: string, publicKey: string): Promise<string | null> {
    const row = this.#get.get(routerId, publicKey);
    if (!row?.encrypted_private_key) return null;
    return this.#cipher.decrypt(row.encrypted_private_key, { routerId, publicKey });
  }

  delete(routerId: string, publicKey: string): boolean {
    return this.#delete.run(routerId, publicKey).changes > 0;
  }

  #save(row: Row): PeerKeyRecord {
    try {
      this.#upsert.run(row);
    } catch (err) {
      if (errorCode(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new StoreError('NOT_FOUND', `The router this peer key belongs to (${row.router_id}) is no longer saved; the key was not kept.`, { cause: err });
      }
      throw err;
    }
    return toRecord(row);
  }
}

function toRecord(row: Row): PeerKeyRecord {
  return { routerId: row.router_id, publicKey: row.public_key, custody: row.custody, createdAt: row.created_at };
}
