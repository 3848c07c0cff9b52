// How KeytarSecretStore reports keychain trouble, without needing a keychain: a fake keytar for
// each libsecret failure, and the real keytar in a child process that has no D-Bus session.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore, type KeytarBackend } from '../../../main/secrets/keytar-secret-store.ts';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store.ts';
import { SecretStoreUnavailableError, SERVICE_NAME, routerPasswordAccount } from '../../../main/secrets/secret-store.ts';

const NO_KEYCHAIN = 'No OS keychain is available (Secret Service not running). Install and unlock GNOME Keyring or KWallet; WireDesk will not store passwords in clear text.';

function failingBackend(message: string): KeytarBackend {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

async function errorFrom(promise: Promise<unknown>): Promise<SecretStoreUnavailableError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(SecretStoreUnavailableError);
  return err as SecretStoreUnavailableError;
}

/** A working keychain in a Map. */
function mapBackend(): KeytarBackend & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (service, account) => entries.get(`${service}/${account}`) ?? null,
    setPassword: async (service, account, password) => void entries.set(`${service}/${account}`, password),
    deletePassword: async (service, account) => entries.delete(`${service}/${account}`),
  };
}

describe('KeytarSecretStore error mapping', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-dbus', NO_KEYCHAIN],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-secret-service', NO_KEYCHAIN],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'no-keyring', /no default "login" keyring/],
    ['Cannot create an item in a locked collection', 'locked', /keychain is locked\. Unlock your login keyring/],
    ['Something nobody expected', 'unknown', /refused the request \(Something nobody expected\)/],
  ] as const)('%s -> %s', async (text, reason, message) => {
    const store = new KeytarSecretStore({ service: 'x', loadBackend: async () => failingBackend(text) });
    const err = await errorFrom(store.get('a'));
    expect(err).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', reason });
    if (typeof message === 'string') expect(err.message).toBe(message);
    else expect(err.message).toMatch(message);
    expect((err.cause as Error).message).toBe(text);
    expect(await store.probe()).toEqual({ ok: false, message: err.message });
  });

  it('reports a missing libsecret instead of crashing, and retries loading later', async () => {
    let attempts = 0;
    const store = new KeytarSecretStore({
      loadBackend: async () => {
        if (attempts++ === 0) throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
        return { getPassword: async () => 'ok', setPassword: async () => undefined, deletePassword: async () => true };
      },
    });
    expect((await errorFrom(store.get('a'))).reason).toBe('no-library');
    expect(await store.get('a')).toBe('ok');
  });

  it('gives up on a keychain that does not answer (e.g. an unlock prompt nobody sees)', async () => {
    const never = () => new Promise<never>(() => undefined);
    const store = new KeytarSecretStore({ timeoutMs: 50, loadBackend: async () => ({ getPassword: never, setPassword: never, deletePassword: never }) });
    const err = await errorFrom(store.set('a', 'b'));
    expect(err.reason).toBe('timeout');
    expect(err.message).toMatch(/did not answer in time/);
  });

  it('files entries under the "WireDesk" service and refuses empty accounts and secrets', async () => {
    const fake = mapBackend();
    const store = new KeytarSecretStore({ loadBackend: async () => fake });
    expect(SERVICE_NAME).toBe('WireDesk');
    await store.set(routerPasswordAccount('r1'), 'pw');
    expect([...fake.entries.keys()]).toEqual(['WireDesk/router-password:r1']);
    expect(await store.get(routerPasswordAccount('r1'))).toBe('pw');
    expect(await store.get('absent')).toBeNull();
    expect(fake.entries.size).toBe(1); // the write test behind that null left nothing behind
    await expect(store.set('a', '')).rejects.toThrow(TypeError);
    await expect(store.get('')).rejects.toThrow(TypeError);
  });

  it('reports a locked keychain instead of "not found" (libsecret answers null for locked items)', async () => {
    const store = new KeytarSecretStore({
      loadBackend: async () => ({
        getPassword: async () => null,
        setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
        deletePassword: async () => false,
      }),
    });
    expect((await errorFrom(store.get('router-password:r1'))).reason).toBe('locked');
  });

  it('MemorySecretStore simulates the same failures', async () => {
    const store = new MemorySecretStore();
    await store.set('a', 'b');
    store.simulateUnavailable();
    const err = await errorFrom(store.get('a'));
    expect(err.message).toBe(NO_KEYCHAIN);
    expect(await store.probe()).toEqual({ ok: false, message: NO_KEYCHAIN });
    store.simulateUnavailable(null);
    expect(await store.get('a')).toBe('b');
  });

  it('with the real keytar and no D-Bus session, says which keychain is missing', async () => {
    const env = { ...process.env };
    for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'XDG_RUNTIME_DIR']) delete env[name];
    const script = fileURLToPath(new URL('./fixtures/keytar-without-dbus.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', script], { env, timeout: 30_000 });
    const result = JSON.parse(stdout) as { probe: unknown; get: unknown };
    expect(result.get).toEqual({ name: 'SecretStoreUnavailableError', code: 'KEYCHAIN_UNAVAILABLE', reason: 'no-dbus', message: NO_KEYCHAIN });
    expect(result.probe).toEqual({ ok: false, message: NO_KEYCHAIN });
  });
});
