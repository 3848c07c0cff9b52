// One connection per router, shared by every screen; closed cleanly on quit.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../../main/sim/index.ts';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store.ts';
import { listInterfaces, listPeers, services, statusWhere } from './support.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('connection manager', () => {
  it('serves many concurrent reads from several screens over one connection', async () => {
    const sim = await startSimulator({ host: '127.0.0.1', port: 0, peers: 40, seed: 5 });
    cleanups.push(() => sim.close());
    let connections = 0;
    const app = await services({
      secretStore: new MemorySecretStore(),
      open: async (target, password, signal) => {
        connections += 1;
        const { createOpenRouter } = await import('../../../main/services/open-router.ts');
        return createOpenRouter()(target, password, signal);
      },
    });
    cleanups.push(app.close);
    const profile = await app.s.routers.add({ name: 'Hub', host: '127.0.0.1', port: sim.port, transport: 'api', username: 'admin', password: '', tlsFingerprint: null, allowAnonymousTls: false });
    await statusWhere(app.s, profile.id, (st) => st.state === 'online');

    const reads = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0 ? listPeers(app.s, profile.id) : i % 3 === 1 ? listInterfaces(app.s, profile.id) : app.s.health(profile.id),
    );
    const results = await Promise.all(reads);
    expect(results).toHaveLength(30);
    const peerCount = sim.state.table('/interface/wireguard/peers').rows.length;
    results.forEach((result, i) => {
      if (i % 3 === 0) expect((result as { rows: unknown[] }).rows).toHaveLength(peerCount);
      if (i % 3 === 2) expect(result).toMatchObject({ version: expect.stringMatching(/^7\./) });
    });
    expect(connections).toBe(1);
  });

  it('closes router connections on shutdown', async () => {
    const sim = await startSimulator({ host: '127.0.0.1', port: 0, peers: 3 });
    cleanups.push(() => sim.close());
    const opened: Array<{ isOpen: boolean }> = [];
    const { createOpenRouter } = await import('../../../main/services/open-router.ts');
    const app = await services({
      secretStore: new MemorySecretStore(),
      open: async (target, password, signal) => {
        const result = await createOpenRouter()(target, password, signal);
        opened.push(result.client);
        return result;
      },
    });
    cleanups.push(app.close);
    const profile = await app.s.routers.add({ name: 'Hub', host: '127.0.0.1', port: sim.port, transport: 'api', username: 'admin', password: '', tlsFingerprint: null, allowAnonymousTls: false });
    await statusWhere(app.s, profile.id, (st) => st.state === 'online');
    expect(opened.map((c) => c.isOpen)).toEqual([true]);
    await app.s.shutdown();
    expect(opened.map((c) => c.isOpen)).toEqual([false]);
    // A second shutdown (e.g. quit after a crash handler) is harmless.
    await app.s.shutdown();
  });
});
