// Router profiles end to end over the real pieces: RouterOS simulator over TCP and TLS, the OS keychain
// (Secret Service in the test runner's private D-Bus session), SQLite files and log files.
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type InvokeChannel, type InvokeInput, type InvokeOutput } from '../../../src/contract/index.ts';
import { createHandlers } from '../../../main/ipc/handlers.ts';
import { createInvoker } from '../../../main/ipc/invoker.ts';
import { routerPasswordAccount } from '../../../main/secrets/secret-store.ts';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store.ts';
import { startSimulator } from '../../../main/sim/index.ts';
import { tableRows } from '../management/support.ts';
import { allBytesUnder, listInterfaces, listPeers, services, statusWhere } from './support.ts';

type Sim = Awaited<ReturnType<typeof startSimulator>>;
const PASSWORD = 'Gizli-Şifre-42!';
let sims: Sim[] = [];
const cleanups: Array<() => Promise<void>> = [];

async function sim(options: Parameters<typeof startSimulator>[0] = {}): Promise<Sim> {
  const s = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 6, seed: 3, users: [{ name: 'tech', password: PASSWORD }], ...options });
  sims.push(s);
  return s;
}

async function app() {
  const a = await services();
  cleanups.push(a.close);
  return a;
}

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  for (const s of sims) await s.close();
  sims = [];
});

const draft = (port: number, extra: Record<string, unknown> = {}) => ({
  name: `Office ${port}`, host: '127.0.0.1', port, transport: 'api' as const, username: 'tech', password: PASSWORD, tlsFingerprint: null, allowAnonymousTls: false, ...extra,
});

describe('router profiles', () => {
  it('tests a connection before saving: identity, version and board', async () => {
    const router = await sim();
    const { s } = await app();
    const result = await s.routers.test(draft(router.port));
    expect(result).toMatchObject({ version: '7.18.2 (stable)', tls: null });
    expect(result.identity.length).toBeGreaterThan(0);
    expect(result.board.length).toBeGreaterThan(0);
    expect(result.warnings.join(' ')).toMatch(/unencrypted/);
    expect(s.routers.list()).toEqual([]);
  });

  it('keeps the password in the OS keychain only: never in SQLite, logs or any answer', async () => {
    const router = await sim();
    const { s, dataDir } = await app();
    const profile = await s.routers.add(draft(router.port));
    expect(JSON.stringify(profile)).not.toContain(PASSWORD);
    expect((await statusWhere(s, profile.id, (st) => st.state === 'online')).state).toBe('online');
    expect(JSON.stringify(s.routers.list())).not.toContain(PASSWORD);

    const keychain = new KeytarSecretStore();
    expect(await keychain.get(routerPasswordAccount(profile.id))).toBe(PASSWORD);

    await s.shutdown(); // flush WAL and logs before reading the files
    const bytes = allBytesUnder(dataDir);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(PASSWORD, 'utf8'))).toBe(false);
  });

  it('removing a router removes its keychain entry', async () => {
    const router = await sim();
    const { s } = await app();
    const profile = await s.routers.add(draft(router.port));
    await s.routers.remove(profile.id);
    expect(await new KeytarSecretStore().get(routerPasswordAccount(profile.id))).toBeNull();
    expect(s.routers.list()).toEqual([]);
  });

  it('reports a wrong password as such and stops retrying until the user fixes it', async () => {
    const router = await sim();
    const { s } = await app();
    await expect(s.routers.test(draft(router.port, { password: 'wrong' }))).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const profile = await s.routers.add(draft(router.port, { password: 'wrong' }));
    const failed = await statusWhere(s, profile.id, (st) => st.state === 'auth-failed');
    expect(failed.message).toMatch(/invalid user name or password/);
    expect(failed.nextRetryAt).toBeNull();

    await s.routers.update({ id: profile.id, password: PASSWORD });
    expect((await statusWhere(s, profile.id, (st) => st.state === 'online')).lastError).not.toBeNull();
  });

  it('explains which policies a read-only RouterOS user lacks', async () => {
    const router = await sim({ users: [{ name: 'tech', password: PASSWORD, policies: ['local', 'read', 'api', 'winbox'] }] });
    const { s } = await app();
    const result = await s.routers.test(draft(router.port));
    const warning = result.warnings.find((w) => /policies/.test(w));
    expect(warning).toMatch(/lacks the write, test policies/);
    expect(warning).toMatch(/\/user\/group/);
    const full = await sim();
    expect((await s.routers.test(draft(full.port))).warnings.some((w) => /policies/.test(w))).toBe(false);
  });

  it('refuses RouterOS 6 with an explanation (no WireGuard)', async () => {
    const router = await sim({ version: '6.49.10', peers: 0 });
    const { s } = await app();
    const error = await s.routers.test(draft(router.port)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_VERSION', details: { version: '6.49.10 (stable)' } });
    expect((error as AppError).message).toMatch(/RouterOS 6\.49\.10.*7\.1 or newer/);
  });

  it('marks a router offline with the reason when it goes away, and serves last-known peers from the database', async () => {
    const router = await sim();
    const { s } = await app();
    const profile = await s.routers.add(draft(router.port));
    await statusWhere(s, profile.id, (st) => st.state === 'online');
    const live = await listPeers(s, profile.id);
    expect(live.source).toBe('live');
    expect(live.rows.length).toBe(router.state.table('/interface/wireguard/peers').rows.length);

    await router.close();
    sims = sims.filter((x) => x !== router);
    const offline = await statusWhere(s, profile.id, (st) => st.state === 'offline');
    expect(offline.message).toBeTruthy();
    expect(offline.nextRetryAt).toBeGreaterThan(0);

    const cached = await listPeers(s, profile.id);
    expect(cached.source).toBe('cache');
    expect(cached.seenAt).toBe(live.seenAt);
    expect(cached.rows.map((r) => r.publicKey).sort()).toEqual(live.rows.map((r) => r.publicKey).sort());
    await expect(s.health(profile.id)).rejects.toMatchObject({ code: 'OFFLINE', message: expect.stringMatching(/Nothing was sent/) });
  });

  it('keeps the last-known picture, marked, when the link dies in the middle of a poll', async () => {
    const router = await sim();
    const { s } = await app();
    const profile = await s.routers.add(draft(router.port));
    await statusWhere(s, profile.id, (st) => st.state === 'online');
    const live = await listInterfaces(s, profile.id);
    expect(live.source).toBe('live');
    // The connection closes after three reply sentences of the next poll: that poll gets no complete answer.
    router.faults.dropAfter(3);
    await statusWhere(s, profile.id, (st) => st.state !== 'online');
    const cached = await listInterfaces(s, profile.id);
    expect(cached.source).toBe('cache');
    expect(cached.seenAt).toBeGreaterThanOrEqual(live.seenAt!);
    expect(cached.rows.map((r) => r.name)).toContain('wg-office');
  });

  it('shows a router that stops answering (no FIN, no RST) as not online within seconds, not at the 60 s command timeout', async () => {
    const router = await sim();
    const { s } = await app();
    s.settings.update({ pollIntervalSec: 2 });
    const profile = await s.routers.add(draft(router.port));
    await statusWhere(s, profile.id, (st) => st.state === 'online');
    // A firewall on the way starts dropping the app's packets: the open socket hears nothing more.
    router.faults.silence();
    // The next poll waits with nothing coming back: the early probe has 4 s to be answered (3 s + 4 s + a poll).
    const gone = await statusWhere(s, profile.id, (st) => st.state !== 'online', 15_000);
    expect(gone.lastError?.message).toMatch(/stopped answering \(no reply to a keepalive probe within 4000 ms\)/);
  }, 30_000);
});

describe('API-SSL certificates', () => {
  let cert: { cert: string; key: string; fingerprint: string };
  let other: { cert: string; key: string; fingerprint: string };
  beforeAll(async () => {
    const make = async (cn: string) => {
      const pems = await generate([{ name: 'commonName', value: cn }], { keySize: 2048, algorithm: 'sha256' });
      return { cert: pems.cert, key: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
    };
    [cert, other] = await Promise.all([make('router'), make('impostor')]);
  });

  it('shows an unknown certificate by fingerprint, pins it once accepted, and stops hard when it changes', async () => {
    const router = await sim({ tls: { cert: cert.cert, key: cert.key } });
    const { s } = await app();
    const ssl = draft(router.port, { transport: 'api-ssl' });
    const untrusted = await s.routers.test(ssl).catch((e: unknown) => e as AppError);
    expect(untrusted).toMatchObject({ code: 'TLS_UNTRUSTED', details: { fingerprint: cert.fingerprint } });

    const accepted = await s.routers.test({ ...ssl, tlsFingerprint: cert.fingerprint });
    expect(accepted.tls).toEqual({ fingerprint: cert.fingerprint, authenticated: true });
    const profile = await s.routers.add({ ...ssl, tlsFingerprint: cert.fingerprint });
    expect(profile.tlsFingerprint).toBe(cert.fingerprint);
    await statusWhere(s, profile.id, (st) => st.state === 'online');

    // Same address, different certificate: a replaced certificate or someone in the middle.
    const port = router.port;
    await router.close();
    sims = sims.filter((x) => x !== router);
    await sim({ port, tls: { cert: other.cert, key: other.key } });
    await s.routers.reconnect(profile.id);
    const mismatch = await statusWhere(s, profile.id, (st) => st.state === 'certificate-mismatch');
    expect(mismatch.details).toEqual({ expected: cert.fingerprint, actual: other.fingerprint });
    expect(mismatch.nextRetryAt).toBeNull();
  });

  it('connects to a router without a certificate only after the anonymous-TLS warning is accepted', async () => {
    const router = await sim({ tls: { anonymous: true } });
    const { s } = await app();
    const ssl = draft(router.port, { transport: 'api-ssl' });
    await expect(s.routers.test(ssl)).rejects.toMatchObject({ code: 'TLS_ANONYMOUS' });
    const ok = await s.routers.test({ ...ssl, allowAnonymousTls: true });
    expect(ok.tls).toEqual({ fingerprint: null, authenticated: false });
    expect(ok.warnings.join(' ')).toMatch(/not authenticated/);
  });
});

describe('demo router', () => {
  it('starts the built-in simulator and connects to it', async () => {
    const { s } = await app();
    const demo = await s.demo.start();
    expect(demo).toMatchObject({ isDemo: true, host: '127.0.0.1', name: 'Demo router' });
    await statusWhere(s, demo.id, (st) => st.state === 'online');
    const peers = await listPeers(s, demo.id);
    expect(peers.rows.length).toBeGreaterThan(10);
    const ifaces = await listInterfaces(s, demo.id);
    expect(ifaces.rows.some((i) => i.addresses.length > 0 && i.peerCount > 0)).toBe(true);
    // Back To Home is made by the router: marked read-only, unlike the technician's own interface.
    expect(ifaces.rows.find((i) => i.name === 'back-to-home-vpn')?.dynamic).toBe(true);
    expect(ifaces.rows.find((i) => i.name === 'wg-office')?.dynamic).toBe(false);
    // Starting it again reuses the same profile.
    expect((await s.demo.start()).id).toBe(demo.id);
    expect(s.routers.list()).toHaveLength(1);
  });

  it("keeps most sample peers' keys, so their configs and QR codes exist; a few stay keyless like WinBox peers", async () => {
    const { s, dataDir } = await app();
    const invoke = createInvoker(createHandlers(s));
    const call = async <C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>> => {
      const answer = await invoke(channel, input);
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
      return answer.value as InvokeOutput<C>;
    };
    const demo = await call('routers:startDemo', undefined);
    await statusWhere(s, demo.id, (st) => st.state === 'online');
    const managed = (await call('peers:listManaged', { routerId: demo.id })).rows.filter((p) => !p.dynamic);
    const withKey = managed.filter((p) => p.hasPrivateKey);
    const keyless = managed.filter((p) => !p.hasPrivateKey);
    expect(withKey.length).toBeGreaterThan(10);
    expect(keyless.length).toBeGreaterThan(0);
    const peer = withKey[0]!;
    await call('endpoints:set', { routerId: demo.id, interface: peer.interface, host: 'vpn.demo.example', port: 13231 });
    const config = await call('configs:get', { routerId: demo.id, peerId: peer.id });
    expect(config.text).toMatch(/^PrivateKey = [A-Za-z0-9+/]{43}=$/m);
    expect(config.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // Kept encrypted, never in clear, and not adopted twice when the demo starts again.
    const keys = tableRows(dataDir, 'SELECT encrypted_private_key FROM peer_keys');
    expect(keys).toHaveLength(withKey.length);
    expect(JSON.stringify(keys)).not.toContain(config.text.match(/^PrivateKey = (.+)$/m)![1]);
    await call('routers:startDemo', undefined);
    expect(tableRows(dataDir, 'SELECT * FROM peer_keys')).toHaveLength(withKey.length);
  });
});
