// No OS keychain: WireDesk says so and refuses to keep a password anywhere else.
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store.ts';
import { startSimulator } from '../../../main/sim/index.ts';
import { allBytesUnder, services, statusWhere } from './support.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('without an OS keychain', () => {
  it('reports the keychain as unavailable and refuses to save a router password', async () => {
    const secrets = new MemorySecretStore();
    secrets.simulateUnavailable('no-secret-service');
    const app = await services({ secretStore: secrets });
    cleanups.push(app.close);
    const info = await app.s.info();
    expect(info.keychain.ok).toBe(false);
    expect(info.keychain.message).toMatch(/keychain/i);

    const sim = await startSimulator({ host: '127.0.0.1', port: 0, users: [{ name: 'admin', password: 'topsecret-1' }] });
    cleanups.push(() => sim.close());
    const draft = { name: 'Shop', host: '127.0.0.1', port: sim.port, transport: 'api' as const, username: 'admin', password: 'topsecret-1', tlsFingerprint: null, allowAnonymousTls: false };
    await expect(app.s.routers.add(draft)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/clear text/i) });
    expect(app.s.routers.list()).toEqual([]);
    await app.s.shutdown();
    expect(allBytesUnder(app.dataDir).includes(Buffer.from('topsecret-1'))).toBe(false);
  });

  it('shows a saved router as "keychain unavailable" instead of trying without its password', async () => {
    const secrets = new MemorySecretStore();
    const app = await services({ secretStore: secrets });
    cleanups.push(app.close);
    const sim = await startSimulator({ host: '127.0.0.1', port: 0, users: [{ name: 'admin', password: 'pw-1' }] });
    cleanups.push(() => sim.close());
    const profile = await app.s.routers.add({ name: 'Shop', host: '127.0.0.1', port: sim.port, transport: 'api', username: 'admin', password: 'pw-1', tlsFingerprint: null, allowAnonymousTls: false });
    await statusWhere(app.s, profile.id, (st) => st.state === 'online');
    secrets.simulateUnavailable('locked');
    const status = await app.s.routers.reconnect(profile.id);
    expect(status.state).toBe('keychain-unavailable');
    expect(status.message).toMatch(/keychain/i);
  });
});
