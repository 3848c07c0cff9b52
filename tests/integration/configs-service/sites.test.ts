// Site-to-site between two simulated routers in one app: overlaps are refused before anything is sent; a link
// makes a peer and routes on both routers; a failure on the second router undoes everything on both.
import { afterEach, expect, it } from 'vitest';
import { SimTrap } from '../../../main/sim/index.ts';
import { managedRouter, PEERS, type Managed, type Sim } from '../management/support.ts';
import { addRouter } from './support.ts';
import { statusWhere } from '../services/support.ts';

const ROUTES = '/ip/route';
let m: Managed | undefined;
let other: Sim | undefined;
afterEach(async () => {
  await m?.close();
  await other?.close();
  m = undefined;
  other = undefined;
});

/** Router A (m) and router B, each with an empty wg-site interface on the same tunnel subnet. */
async function twoSites(version = '7.18') {
  m = await managedRouter({ peers: 0, version });
  const b = await addRouter(m, { version });
  other = b.sim;
  await m.call('interfaces:create', { routerId: m.routerId, name: 'wg-site', listenPort: 13300, address: '10.255.0.1/24' });
  await m.call('interfaces:create', { routerId: b.routerId, name: 'wg-site', listenPort: 13301, address: '10.255.0.2/24' });
  const key = async (routerId: string) => (await m!.call('interfaces:list', { routerId })).rows.find((i) => i.name === 'wg-site')!.publicKey;
  return { mm: m, a: m.routerId, b: b.routerId, simA: m.sim, simB: b.sim, keyA: await key(m.routerId), keyB: await key(b.routerId) };
}

function renumberLan(sim: Sim, address: string): void {
  const lan = sim.state.print('/ip/address').find((r) => r['interface'] === 'bridge')!;
  sim.state.set('/ip/address', lan['.id']!, { address });
}

const wireDeskRows = (sim: Sim, path: string) => sim.state.print(path).filter((r) => (r['comment'] ?? '').startsWith('WireDesk site link'));

it('refuses two sites on the same LAN (every MikroTik starts with 192.168.88.0/24) before sending anything', async () => {
  const { mm, a, b, simA, simB } = await twoSites();
  const input = { a: { routerId: a, interface: 'wg-site', endpoint: 'a.example.net:13300' }, b: { routerId: b, interface: 'wg-site', endpoint: null } };
  const preview = await mm.call('sites:preview', input);
  expect(preview.ready).toBe(false);
  expect(preview.problems.map((p) => p.code)).toContain('LAN_OVERLAP');
  expect(preview.problems.find((p) => p.code === 'LAN_OVERLAP')!.message).toContain('192.168.88.0/24');
  const error = await mm.fail('sites:connect', input);
  expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Nothing was sent to either router') });
  expect([...simA.state.print(PEERS), ...simB.state.print(PEERS), ...simA.state.print(ROUTES), ...simB.state.print(ROUTES)]).toEqual([]);
});

it('links two routers: a peer for the other site and routes to its LAN on both, with audit entries', async () => {
  const { mm, a, b, simA, simB, keyA, keyB } = await twoSites();
  renumberLan(simB, '192.168.20.1/24');
  const input = { a: { routerId: a, interface: 'wg-site', endpoint: 'a.example.net:13300' }, b: { routerId: b, interface: 'wg-site', endpoint: null } };

  const preview = await mm.call('sites:preview', input);
  expect(preview.problems).toEqual([]);
  expect(preview.a.peer).toEqual({ name: `site-Branch-${simB.port}`, publicKey: keyB, allowedAddress: ['10.255.0.2/32', '192.168.20.0/24'], endpoint: null, keepaliveSec: 25 });
  expect(preview.b.peer).toMatchObject({ publicKey: keyA, allowedAddress: ['10.255.0.1/32', '192.168.88.0/24'], endpoint: 'a.example.net:13300' });
  expect(preview.a.routes).toEqual([{ dstAddress: '192.168.20.0/24', gateway: 'wg-site' }]);
  expect(preview.b.routes).toEqual([{ dstAddress: '192.168.88.0/24', gateway: 'wg-site' }]);

  const result = await mm.call('sites:connect', input);
  expect(result.outcome).toBe('connected');
  expect(result.steps.map((s) => [s.action, s.outcome])).toEqual([['add-peer', 'done'], ['add-peer', 'done'], ['add-route', 'done'], ['add-route', 'done']]);

  const [peerOnA] = simA.state.print(PEERS);
  expect(peerOnA).toMatchObject({ 'public-key': keyB, 'allowed-address': '10.255.0.2/32,192.168.20.0/24', 'persistent-keepalive': '25s', 'endpoint-address': '', responder: 'true' });
  const [peerOnB] = simB.state.print(PEERS);
  expect(peerOnB).toMatchObject({ 'public-key': keyA, 'allowed-address': '10.255.0.1/32,192.168.88.0/24', 'endpoint-address': 'a.example.net', 'endpoint-port': '13300', 'persistent-keepalive': '25s' });
  expect(simA.state.print(ROUTES)).toEqual([expect.objectContaining({ 'dst-address': '192.168.20.0/24', gateway: 'wg-site', active: 'true' })]);
  expect(simB.state.print(ROUTES)).toEqual([expect.objectContaining({ 'dst-address': '192.168.88.0/24', gateway: 'wg-site', active: 'true' })]);

  const audit = await mm.call('audit:list', {});
  const made = audit.entries.filter((e) => e.action === 'create' && (e.objectType === 'peer' || e.objectType === 'route'));
  expect(made.map((e) => [e.routerId, e.objectType, e.outcome]).sort()).toEqual([[a, 'peer', 'ok'], [a, 'route', 'ok'], [b, 'peer', 'ok'], [b, 'route', 'ok']].sort());

  // Linked once is enough: a second link is refused.
  expect((await mm.call('sites:preview', input)).problems.map((p) => p.code)).toContain('ALREADY_LINKED');
});

it('undoes everything on both routers when the second router refuses its route', async () => {
  const { mm, a, b, simA, simB } = await twoSites();
  renumberLan(simB, '192.168.20.1/24');
  const routeMenu = simB.state.menu(ROUTES)!;
  const prepare = routeMenu.prepare;
  routeMenu.prepare = () => {
    throw new SimTrap('failure: routing table is full');
  };
  const input = { a: { routerId: a, interface: 'wg-site', lans: '192.168.88.0/24', endpoint: null }, b: { routerId: b, interface: 'wg-site', endpoint: 'b.example.net:13301' } };

  const result = await mm.call('sites:connect', input);
  expect(result.outcome).toBe('rolled-back');
  expect(result.error).toMatchObject({ code: 'TRAP', message: expect.stringContaining('failure: routing table is full') });
  expect(result.steps.map((s) => [s.routerId, s.action, s.outcome])).toEqual([
    [a, 'add-peer', 'undone'],
    [b, 'add-peer', 'undone'],
    [a, 'add-route', 'undone'],
    [b, 'add-route', 'failed'],
  ]);
  for (const [sim, path] of [[simA, PEERS], [simB, PEERS], [simA, ROUTES], [simB, ROUTES]] as const) expect(wireDeskRows(sim, path)).toEqual([]);
  expect([...simA.state.print(PEERS), ...simB.state.print(PEERS)]).toEqual([]);

  const audit = (await mm.call('audit:list', {})).entries.filter((e) => e.objectType === 'peer' || e.objectType === 'route');
  expect(audit.filter((e) => e.action === 'delete').map((e) => e.outcome)).toEqual(['ok', 'ok', 'ok']);
  expect(audit.find((e) => e.action === 'create' && e.outcome === 'failed')).toMatchObject({ routerId: b, objectType: 'route', error: expect.stringContaining('routing table is full') });

  // Nothing was left behind: with the router fixed, the same link goes through.
  routeMenu.prepare = prepare;
  expect((await mm.call('sites:connect', input)).outcome).toBe('connected');
});

it('a lost answer on the first router leaves no half link: that router\'s half is put back, not kept (7.17, no Safe Mode)', async () => {
  const { mm, a, b, simA, simB } = await twoSites('7.17');
  mm.s.settings.update({ rollbackDelaySec: 10 });
  renumberLan(simB, '192.168.20.1/24');
  const input = { a: { routerId: a, interface: 'wg-site', endpoint: 'a.example.net:13300' }, b: { routerId: b, interface: 'wg-site', endpoint: null } };
  const events: Array<{ routerId: string; state: string }> = [];
  mm.s.events.subscribe((name, payload) => {
    if (name === 'changes:rollback') events.push(payload as { routerId: string; state: string });
  });
  // Router A takes its route (its half is complete), and the answer is lost on the way back.
  simA.faults.loseReplyOf('/ip/route/add');
  const result = await mm.call('sites:connect', input);
  expect(result.outcome).toBe('partial');
  expect(result.steps.filter((s) => s.routerId === a).map((s) => s.outcome)).toEqual(['left-behind', 'left-behind']);
  expect(wireDeskRows(simB, PEERS)).toEqual([]);
  // WireDesk is back at once, finds A's half complete, and has A's own rollback put it back (not kept: B has none).
  await statusWhere(mm.s, a, (st) => st.state === 'online', 30_000);
  await expect.poll(() => events.filter((e) => e.routerId === a).map((e) => e.state).at(-1), { timeout: 20_000 }).toBe('rolled-back');
  expect(events.filter((e) => e.routerId === a).map((e) => e.state)).not.toContain('kept');
  for (const [sim, path] of [[simA, PEERS], [simB, PEERS], [simA, ROUTES], [simB, ROUTES]] as const) expect(wireDeskRows(sim, path), `${path}`).toEqual([]);
  expect(simA.state.print('/system/scheduler')).toEqual([]);
  // Nothing stands in the way of trying again.
  expect((await mm.call('sites:connect', input)).outcome).toBe('connected');
}, 60_000);
