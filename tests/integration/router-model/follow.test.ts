// How the model stays true between polls and through faults: changes made elsewhere arrive by `listen` with
// no print; a menu the router will not stream is caught by the poll; a refused optional read leaves that part
// unknown and the rest visible; an unreachable router keeps its last-known picture, across a restart too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../main/services/app-services.ts';
import { startSimulator } from '../../../main/sim/index.ts';
import { managedRouter, PEERS, testKey, type Managed } from '../management/support.ts';
import { listInterfaces, listPeers, statusWhere } from '../services/support.ts';
import { nextChange, nextPoll } from './support.ts';

let m: Managed | undefined;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await m?.close();
  m = undefined;
  for (const c of cleanups.splice(0)) await c();
});

describe('following the router', () => {
  it('takes changes made in WinBox from the stream, without printing anything', async () => {
    m = await managedRouter({ peers: 4 });
    await m.call('settings:update', { pollIntervalSec: 300 }); // no poll during the test
    await m.settle();
    m.sim.commands.start();
    const changed = nextChange(m.s, m.routerId, 'peers');
    const added = m.sim.state.add(PEERS, { interface: 'wg-office', name: 'kamera', 'public-key': testKey(3), 'allowed-address': '10.10.0.90/32' });
    await changed;
    const renamedIface = nextChange(m.s, m.routerId, 'interfaces');
    const office = m.rows('/interface/wireguard').find((r) => r['name'] === 'wg-office')!;
    m.sim.state.set('/interface/wireguard', office['.id']!, { comment: 'HQ' });
    await renamedIface;
    const firewall = nextChange(m.s, m.routerId, 'firewall');
    m.sim.state.add('/ip/firewall/filter', { chain: 'input', action: 'drop', comment: 'drop all' });
    await firewall;
    const log = m.sim.commands.stop();

    expect((await listPeers(m.s, m.routerId)).rows.find((p) => p.id === added.idText)).toMatchObject({ name: 'kamera', allowedAddress: ['10.10.0.90/32'], status: 'never-connected' });
    expect((await listInterfaces(m.s, m.routerId)).rows.find((i) => i.name === 'wg-office')?.comment).toBe('HQ');
    // A new rule's place in the chain decides, so the chain was read again (once); nothing else was.
    expect(log.map((e) => e.command)).toEqual(['/ip/firewall/filter/print']);
    expect((await m.s.models.state(m.routerId)).firewall.map((r) => r['comment'])).toContain('drop all');
  });

  it('without a peer stream, notices a change elsewhere by the next poll and reads the table again', async () => {
    const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 4, seed: 5 });
    sim.faults.refuse('/interface/wireguard/peers/listen', 'no such command');
    cleanups.push(() => sim.close());
    const app = await appFor(sim.port);
    await app.s.settings.update({ pollIntervalSec: 2 });
    await nextPoll(app.s, app.id);
    const added = sim.state.add(PEERS, { interface: 'wg-office', name: 'yazici', 'public-key': testKey(4), 'allowed-address': '10.10.0.91/32' });
    await expect.poll(async () => (await listPeers(app.s, app.id)).rows.some((p) => p.id === added.idText), { timeout: 10_000 }).toBe(true);
  });
});

describe('partial reads', () => {
  it('shows interfaces, peers and traffic when the router refuses /interface, the firewall and /ip/cloud, naming each refused part', async () => {
    const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 5, seed: 6 });
    sim.faults.refuse('/interface/print');
    sim.faults.refuse('/ip/firewall/filter/print');
    sim.faults.refuse('/ip/cloud/print', 'no such command prefix');
    cleanups.push(() => sim.close());
    const app = await appFor(sim.port);
    await app.s.settings.update({ pollIntervalSec: 2 });
    await nextPoll(app.s, app.id);

    const ifaces = await listInterfaces(app.s, app.id);
    const peers = await listPeers(app.s, app.id);
    expect(ifaces.source).toBe('live');
    expect(ifaces.rows.map((i) => i.name)).toContain('wg-office');
    expect(peers.rows.length).toBe(sim.state.table(PEERS).rows.length);
    const unknown = [
      { part: 'dynamic', code: 'REFUSED', message: 'not enough permissions (9)', command: '/interface/print' },
      { part: 'firewall', code: 'REFUSED', message: 'not enough permissions (9)', command: '/ip/firewall/filter/print' },
      { part: 'cloud', code: 'REFUSED', message: 'no such command prefix', command: '/ip/cloud/print' },
    ];
    expect(ifaces.unknown).toEqual(unknown);
    expect(peers.unknown).toEqual(unknown);
    // The header agrees: the router is connected.
    expect(app.s.connections.status(app.id).state).toBe('online');
    // Traffic is polled as usual.
    const peer = peers.rows[0]!;
    await nextPoll(app.s, app.id);
    expect(app.s.monitoring.series({ routerId: app.id, interface: peer.interface, publicKey: peer.publicKey, range: '15m' }).points.length).toBeGreaterThan(0);
    // Checks that needed a refused part say so instead of guessing.
    const precheck = await app.s.management.planning.precheck({ routerId: app.id, interface: 'wg-office' });
    expect(precheck.warnings.find((w) => w.code === 'FIREWALL_UNKNOWN')?.message).toMatch(/could not check whether the firewall lets UDP port 13231 in: the router refused \/ip\/firewall\/filter\/print \(not enough permissions \(9\)\)/);
    expect(precheck.warnings.map((w) => w.code)).not.toContain('FIREWALL_CLOSED');

    // Once the router lets WireDesk read them (a policy added), the next full read fills them in.
    sim.faults.reset();
    await app.s.connections.reconnect(app.id);
    await statusWhere(app.s, app.id, (st) => st.state === 'online');
    await expect.poll(async () => (await listInterfaces(app.s, app.id)).unknown, { timeout: 10_000 }).toEqual([]);
  });
});

describe('unreachable', () => {
  it('keeps the last-known peers with their status, marked as the copy, and brings them back after a restart', async () => {
    const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 6, seed: 8 });
    const dataDir = mkdtempSync(join(tmpdir(), 'wiredesk-model-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    let app = await appFor(sim.port, dataDir);
    await app.s.settings.update({ pollIntervalSec: 2 });
    await nextPoll(app.s, app.id);
    const live = await listPeers(app.s, app.id);
    const liveIfaces = await listInterfaces(app.s, app.id);
    expect(live.rows.some((p) => p.status === 'online')).toBe(true);

    await sim.close();
    await statusWhere(app.s, app.id, (st) => st.state !== 'online');
    const cached = await listPeers(app.s, app.id);
    expect(cached.source).toBe('cache');
    expect(cached.seenAt).toBeGreaterThanOrEqual(live.seenAt!);
    expect(cached.rows.map((p) => [p.publicKey, p.status])).toEqual(live.rows.map((p) => [p.publicKey, p.status]));

    // A restart with the router still gone: the same picture, from the local copy.
    await app.close();
    app = await appFor(sim.port, dataDir, { reuse: true });
    const restored = await listPeers(app.s, app.id);
    expect(restored.source).toBe('cache');
    const byKey = (rows: typeof cached.rows) => rows.map((p) => [p.publicKey, p.status, p.rx, p.allowedAddress]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byKey(restored.rows)).toEqual(byKey(cached.rows));
    const ifaces = await listInterfaces(app.s, app.id);
    const byName = (rows: typeof ifaces.rows) => rows.map((i) => [i.name, i.addresses, i.dynamic, i.onlinePeerCount]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byName(ifaces.rows)).toEqual(byName(liveIfaces.rows));
  });
});

/** The real services over `dataDir` with one router on the simulator's port (added once, found again on reuse). */
async function appFor(port: number, dataDir?: string, options: { reuse?: boolean } = {}): Promise<{ s: AppServices; id: string; close(): Promise<void> }> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'wiredesk-model-'));
  const s = await createAppServices({ dataDir: dir, appVersion: 'test', platform: process.platform, notify: () => {}, autoDemo: false });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await s.shutdown();
    if (!dataDir) rmSync(dir, { recursive: true, force: true });
  };
  cleanups.push(close);
  if (options.reuse) return { s, id: s.routers.list()[0]!.profile.id, close };
  const profile = await s.routers.add({ name: `Sim ${port}`, host: '127.0.0.1', port, transport: 'api', username: 'admin', password: '', tlsFingerprint: null, allowAnonymousTls: false });
  await statusWhere(s, profile.id, (st) => st.state === 'online');
  return { s, id: profile.id, close };
}
