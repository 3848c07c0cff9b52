// Against the real OS keychain (Secret Service on Linux). Run with a throw-away keyring:
//   dbus-run-session -- bash -c 'export HOME=$(mktemp -d); eval "$(printf wiredesk-test | gnome-keyring-daemon --unlock --components=secrets)"; npx vitest run tests/integration/secrets'
// Without a reachable keychain these tests FAIL, so a broken CI set-up cannot pass silently;
// WIREDESK_SKIP_KEYCHAIN_TESTS=1 skips them instead, saying so.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyVault } from '../../../main/secrets/key-vault.ts';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store.ts';
import { RouterCredentials } from '../../../main/secrets/router-credentials.ts';
import { routerPasswordAccount, VAULT_MASTER_KEY_ACCOUNT } from '../../../main/secrets/secret-store.ts';
import { openDatabase, type Db } from '../../../main/store/db.ts';
import { PeerKeysRepository } from '../../../main/store/peer-keys.ts';
import { RoutersRepository } from '../../../main/store/routers.ts';
import { rawBytes } from '../store/helpers.ts';

const SKIP = process.env.WIREDESK_SKIP_KEYCHAIN_TESTS === '1';
const SKIP_NOTE = 'WIREDESK_SKIP_KEYCHAIN_TESTS=1 is set: real-keychain tests skipped';
const HOW_TO_RUN = [
  'These tests need a running, unlocked OS keychain (Secret Service on Linux). Run them as:',
  `  dbus-run-session -- bash -c 'export HOME=$(mktemp -d); eval "$(printf wiredesk-test | gnome-keyring-daemon --unlock --components=secrets)"; npx vitest run tests/integration/secrets'`,
  'or set WIREDESK_SKIP_KEYCHAIN_TESTS=1 to skip them.',
].join('\n');

if (SKIP) console.warn(`[keychain tests] ${SKIP_NOTE}.`);

// A service name of its own: never touches real WireDesk entries on a developer's desktop.
const store = new KeytarSecretStore({ service: `WireDesk-test-${randomUUID()}`, timeoutMs: 20_000 });
const created = new Set<string>();
let dir: string;
let db: Db;

describe.skipIf(SKIP)(`real OS keychain${SKIP ? ` (${SKIP_NOTE})` : ''}`, () => {
  beforeAll(async () => {
    const probe = await store.probe();
    if (!probe.ok) throw new Error(`No usable OS keychain: ${probe.message}\n\n${HOW_TO_RUN}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-keychain-'));
    db = openDatabase(path.join(dir, 'wiredesk.sqlite'));
  });

  afterAll(async () => {
    db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    for (const account of created) await store.delete(account).catch(() => false);
  });

  it('sets, gets, overwrites and deletes a secret', async () => {
    const account = `roundtrip-${randomUUID()}`;
    created.add(account);
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'pässwörd with ünïcode & spaces 🔑');
    expect(await store.get(account)).toBe('pässwörd with ünïcode & spaces 🔑');
    await store.set(account, 'second');
    expect(await store.get(account)).toBe('second');
    expect(await store.delete(account)).toBe(true);
    expect(await store.delete(account)).toBe(false);
    expect(await store.get(account)).toBeNull();
  });

  it('probe() writes, reads and removes a throw-away entry', async () => {
    expect(await store.probe()).toEqual({ ok: true });
  });

  it('RouterCredentials keeps the password in the keychain and removes it with the router', async () => {
    const creds = new RouterCredentials(new RoutersRepository(db), store);
    const router = await creds.add({ name: `kc-${randomUUID()}`, host: '192.0.2.1', port: 8729, transport: 'api-ssl', username: 'admin' }, 'first-password');
    const account = routerPasswordAccount(router.id);
    created.add(account);
    expect(await store.get(account)).toBe('first-password');

    await creds.update(router.id, { port: 18729 }, 'second-password');
    expect(await store.get(account)).toBe('second-password');
    expect(await creds.getPassword(router.id)).toBe('second-password');

    expect(await creds.remove(router.id)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(new RoutersRepository(db).get(router.id)).toBeNull();
    for (const password of ['first-password', 'second-password']) expect(rawBytes(db.name).includes(password), password).toBe(false);
  });

  it('RouterCredentials takes the keychain entry back when the database refuses the router', async () => {
    const ids = [randomUUID(), randomUUID()];
    const creds = new RouterCredentials(new RoutersRepository(db), store, { newId: () => ids.shift() ?? randomUUID() });
    const name = `dup-${randomUUID()}`;
    const first = await creds.add({ name, host: '192.0.2.2', port: 8728, transport: 'api', username: 'admin' }, 'kept');
    created.add(routerPasswordAccount(first.id));
    const secondId = ids[0] ?? '';
    created.add(routerPasswordAccount(secondId));
    await expect(creds.add({ name, host: '192.0.2.3', port: 8728, transport: 'api', username: 'admin' }, 'rolled-back')).rejects.toMatchObject({ code: 'ROUTER_NAME_TAKEN' });
    expect(await store.get(routerPasswordAccount(secondId))).toBeNull();
    expect(await creds.getPassword(first.id)).toBe('kept');
  });

  it('KeyVault keeps its master key in the keychain, where a restarted app finds it', async () => {
    const account = `${VAULT_MASTER_KEY_ACCOUNT}-${randomUUID()}`;
    created.add(account);
    const router = new RoutersRepository(db).create({ name: `vault-${randomUUID()}`, host: '192.0.2.4', port: 8728, transport: 'api', username: 'admin' });
    const publicKey = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';
    const privateKey = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
    await new PeerKeysRepository(db, new KeyVault(store, { account })).store(router.id, publicKey, privateKey);

    const master = await store.get(account);
    expect(Buffer.from(master ?? '', 'base64')).toHaveLength(32);
    const restarted = new PeerKeysRepository(db, new KeyVault(store, { account }));
    expect(await restarted.getPrivateKey(router.id, publicKey)).toBe(privateKey);
  });
});

// A locked keyring in a D-Bus session of its own, so the developer's real keyring is never locked.
describe.skipIf(SKIP)(`locked OS keychain${SKIP ? ` (${SKIP_NOTE})` : ''}`, () => {
  it('is reported as locked, not as a lost password or lost vault key', () => {
    const missing = ['dbus-run-session', 'gnome-keyring-daemon', 'gdbus'].filter((tool) => {
      try {
        execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
        return false;
      } catch {
        return true;
      }
    });
    if (missing.length > 0) throw new Error(`Missing ${missing.join(', ')} (Debian: dbus, gnome-keyring, libglib2.0-bin).\n\n${HOW_TO_RUN}`);

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-locked-'));
    const fixture = fileURLToPath(new URL('./fixtures/locked-keyring.ts', import.meta.url));
    const node = `"${process.execPath}" --experimental-strip-types --disable-warning=ExperimentalWarning "${fixture}"`;
    const script = [
      'set -e',
      `export HOME="${work}"`,
      `export XDG_DATA_HOME="${work}/data"`,
      'eval "$(printf wiredesk-test | gnome-keyring-daemon --unlock --components=secrets)"',
      `${node} seal "${work}/sealed"`,
      "gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets --method org.freedesktop.Secret.Service.Lock \"['/org/freedesktop/secrets/collection/login']\" >/dev/null",
      `${node} read "${work}/sealed"`,
    ].join('\n');
    try {
      const out = execFileSync('dbus-run-session', ['--', 'bash', '-c', script], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
      const result = JSON.parse(out) as Record<string, { reason?: string; code?: string } | { ok: boolean }>;
      expect(result.password).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', reason: 'locked' });
      expect(result.vault).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', reason: 'locked' });
      expect(result.probe).toMatchObject({ ok: false, message: expect.stringMatching(/keychain is locked/) });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
