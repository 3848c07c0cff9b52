import { describe, expect, it } from 'vitest';
import { KeyVault, KeyVaultError, type KeyContext } from '../../../main/secrets/key-vault.ts';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store.ts';
import { VAULT_MASTER_KEY_ACCOUNT, type SecretStore } from '../../../main/secrets/secret-store.ts';

const PRIV = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const CTX: KeyContext = { routerId: '6f1c7c1e-2d7b-4f53-9a51-1c1b1d1e1f10', publicKey: 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=' };

async function failure(promise: Promise<unknown>): Promise<KeyVaultError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(KeyVaultError);
  return err as KeyVaultError;
}

/** Counts keychain reads, to show the master key is cached. */
function countingStore(inner = new MemorySecretStore()): SecretStore & { gets: number } {
  const store = {
    gets: 0,
    get: (a: string) => (store.gets++, inner.get(a)),
    set: (a: string, s: string) => inner.set(a, s),
    delete: (a: string) => inner.delete(a),
    probe: () => inner.probe(),
  };
  return store;
}

describe('KeyVault', () => {
  it('round-trips, creating a 32-byte master key in the secret store on first use', async () => {
    const store = new MemorySecretStore();
    const vault = new KeyVault(store);
    const sealed = await vault.encrypt(PRIV, CTX);
    expect(sealed).toMatch(/^v1\.[\w-]{8}\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealed).not.toContain(PRIV);
    expect(await vault.decrypt(sealed, CTX)).toBe(PRIV);
    const master = store.entries().get(VAULT_MASTER_KEY_ACCOUNT);
    expect(Buffer.from(master ?? '', 'base64')).toHaveLength(32);
    // A fresh vault (the app restarted) reads the same key back from the store.
    expect(await new KeyVault(store).decrypt(sealed, CTX)).toBe(PRIV);
  });

  it('uses a fresh IV every time', async () => {
    const vault = new KeyVault(new MemorySecretStore());
    const a = await vault.encrypt(PRIV, CTX);
    const b = await vault.encrypt(PRIV, CTX);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(a).not.toBe(b);
  });

  it('detects tampering with ciphertext, tag or IV', async () => {
    const vault = new KeyVault(new MemorySecretStore());
    const sealed = await vault.encrypt(PRIV, CTX);
    for (const part of [2, 3, 4]) {
      const pieces = sealed.split('.');
      const bytes = Buffer.from(pieces[part] ?? '', 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      pieces[part] = bytes.toString('base64url');
      expect((await failure(vault.decrypt(pieces.join('.'), CTX))).code).toBe('VAULT_DECRYPT_FAILED');
    }
  });

  it('refuses a ciphertext moved to another router, peer or purpose (AAD)', async () => {
    const vault = new KeyVault(new MemorySecretStore());
    const sealed = await vault.encrypt(PRIV, CTX);
    for (const other of [{ ...CTX, routerId: 'another-router' }, { ...CTX, publicKey: 'HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=' }, { ...CTX, purpose: 'preshared-key' as const }]) {
      const err = await failure(vault.decrypt(sealed, other));
      expect(err.code).toBe('VAULT_DECRYPT_FAILED');
      expect(err.message).toMatch(/belongs to another peer or router/);
    }
  });

  it('says the keys are unrecoverable when the master key is gone from the keychain', async () => {
    const store = new MemorySecretStore();
    const sealed = await new KeyVault(store).encrypt(PRIV, CTX);
    await store.delete(VAULT_MASTER_KEY_ACCOUNT); // keychain reset

    const missing = await failure(new KeyVault(store).decrypt(sealed, CTX));
    expect(missing.code).toBe('VAULT_KEY_MISSING');
    expect(missing.message).toMatch(/missing from the OS keychain.*cannot be recovered/);

    // New keys get a new master key; the old ones are then reported as encrypted under another key.
    const vault = new KeyVault(store);
    await vault.encrypt(PRIV, CTX);
    const wrong = await failure(vault.decrypt(sealed, CTX));
    expect(wrong.code).toBe('VAULT_WRONG_KEY');
    expect(wrong.message).toMatch(/different master key.*cannot be recovered/);
  });

  it('refuses a damaged master key or stored value with a clear code', async () => {
    const store = new MemorySecretStore();
    await store.set(VAULT_MASTER_KEY_ACCOUNT, 'dG9vIHNob3J0');
    expect((await failure(new KeyVault(store).encrypt(PRIV, CTX))).code).toBe('VAULT_KEY_INVALID');
    const vault = new KeyVault(new MemorySecretStore());
    await vault.encrypt(PRIV, CTX);
    expect((await failure(vault.decrypt(PRIV, CTX))).code).toBe('VAULT_FORMAT');
    expect((await failure(vault.decrypt('v9.a.b.c.d', CTX))).code).toBe('VAULT_FORMAT');
  });

  it('reads the keychain once, and concurrent first uses share one new master key', async () => {
    const store = countingStore();
    const vault = new KeyVault(store);
    const sealed = await Promise.all(Array.from({ length: 5 }, () => vault.encrypt(PRIV, CTX)));
    for (let i = 0; i < 20; i++) await vault.decrypt(sealed[i % 5] ?? '', CTX);
    // One read at first use, one under the creation lock (another process may have made it meanwhile), one
    // re-read right after writing the key; none for later decrypts.
    expect(store.gets).toBe(3);
    const fresh = new KeyVault(store);
    for (const s of sealed) expect(await fresh.decrypt(s, CTX)).toBe(PRIV);
  });

  it('adopts the key another process wrote at the same moment, so nothing is sealed under a lost key', async () => {
    const store = new MemorySecretStore();
    const theirs = Buffer.alloc(32, 7).toString('base64');
    const realSet = store.set.bind(store);
    // Simulates a second writer whose key lands right after ours.
    store.set = async (account, secret) => {
      await realSet(account, secret);
      await realSet(account, theirs);
    };
    const sealed = await new KeyVault(store).encrypt(PRIV, CTX);
    expect(await new KeyVault(store).decrypt(sealed, CTX)).toBe(PRIV);
  });

  it('never creates a new master key while the keychain is unavailable', async () => {
    const store = new MemorySecretStore();
    store.simulateUnavailable('locked');
    await expect(new KeyVault(store).encrypt(PRIV, CTX)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    store.simulateUnavailable(null);
    expect(store.entries().size).toBe(0);
  });
});
