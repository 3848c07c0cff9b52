import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyVault, KeyVaultError } from '../../../main/secrets/key-vault.ts';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store.ts';
import { PeerKeysRepository } from '../../../main/store/peer-keys.ts';
import { addRouter, fakeClock, rawBytes, tempDb, type TempDb } from './helpers.ts';

const PUB_A = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
const PUB_B = 'HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=';
const PRIV_A = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';

let t: TempDb;
let keys: PeerKeysRepository;
let routerId: string;
beforeEach(() => {
  t = tempDb();
  keys = new PeerKeysRepository(t.db, new KeyVault(new MemorySecretStore()), { now: fakeClock().now });
  routerId = addRouter(t.db).id;
});
afterEach(() => t.cleanup());

describe('PeerKeysRepository', () => {
  it('stores only ciphertext and gives the key back', async () => {
    const record = await keys.store(routerId, PUB_A, PRIV_A);
    expect(record).toEqual({ routerId, publicKey: PUB_A, custody: 'stored', createdAt: 1_700_000_000_000 });
    const column = t.db.prepare('SELECT encrypted_private_key FROM peer_keys').pluck().get() as string;
    expect(column).toMatch(/^v1\./);
    expect(column).not.toContain(PRIV_A);
    expect(await keys.getPrivateKey(routerId, PUB_A)).toBe(PRIV_A);

    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(rawBytes(t.file).includes(PRIV_A)).toBe(false);
    expect(rawBytes(t.file).includes(Buffer.from(PRIV_A, 'base64'))).toBe(false);
  });

  it('records shown-once keys without any key material', async () => {
    keys.recordShownOnce(routerId, PUB_B);
    expect(keys.get(routerId, PUB_B)?.custody).toBe('shown-once');
    expect(await keys.getPrivateKey(routerId, PUB_B)).toBeNull();
    expect(await keys.getPrivateKey(routerId, 'unknown')).toBeNull();
    expect(keys.listForRouter(routerId).map((k) => k.publicKey)).toEqual([PUB_B]);
    expect(keys.delete(routerId, PUB_B)).toBe(true);
  });

  it('refuses a ciphertext copied onto another peer row', async () => {
    await keys.store(routerId, PUB_A, PRIV_A);
    keys.recordShownOnce(routerId, PUB_B);
    t.db.prepare("UPDATE peer_keys SET custody = 'stored', encrypted_private_key = (SELECT encrypted_private_key FROM peer_keys WHERE public_key = ?) WHERE public_key = ?").run(PUB_A, PUB_B);
    const err = await keys.getPrivateKey(routerId, PUB_B).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeyVaultError);
    expect((err as KeyVaultError).code).toBe('VAULT_DECRYPT_FAILED');
  });

  it('holds a key to be shown once sealed, then keeps only the fact once it was shown', async () => {
    const held = await keys.store(routerId, PUB_A, PRIV_A, 'held');
    expect(held.custody).toBe('held');
    expect(t.db.prepare('SELECT encrypted_private_key FROM peer_keys').pluck().get()).toMatch(/^v1\./);
    expect(await keys.getPrivateKey(routerId, PUB_A)).toBe(PRIV_A);
    keys.recordShownOnce(routerId, PUB_A);
    expect(t.db.prepare('SELECT custody, encrypted_private_key AS sealed FROM peer_keys').all()).toEqual([{ custody: 'shown-once', sealed: null }]);
    // The table refuses a held key without its ciphertext, and a shown-once one with it.
    expect(() => t.db.prepare("INSERT INTO peer_keys VALUES (?, ?, 'held', NULL, 0)").run(routerId, PUB_B)).toThrow(/CHECK constraint/);
    expect(() => t.db.prepare("UPDATE peer_keys SET encrypted_private_key = 'v1.a.b.c.d' WHERE public_key = ?").run(PUB_A)).toThrow(/CHECK constraint/);
  });

  it('the table itself refuses plaintext', () => {
    expect(() => t.db.prepare("INSERT INTO peer_keys VALUES (?, ?, 'stored', ?, 0)").run(routerId, PUB_A, PRIV_A)).toThrow(/CHECK constraint/);
  });
});
