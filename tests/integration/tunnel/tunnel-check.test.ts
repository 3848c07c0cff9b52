// The Preview step's tunnel check over a real tunnel: the simulator's data plane (wireguard-go in a
// namespace) is the router, a second namespace with its own wireguard-go device is a phone sending traffic.
// With the check on, a change the tunnel survives (the peer's comment) is kept once the phone's traffic is
// seen again; a change it does not (a new listen port the phone does not know) stays silent for the window
// and is undone: the report names the peer, and the router listens on the old port again.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { dataPlaneUnavailableReason } from '../../../main/sim/index.ts';
import { tunnelRouter } from './tunnel-router.ts';
import { nextPoll } from '../router-model/support.ts';

const reason = dataPlaneUnavailableReason();
if (reason) console.warn(`[tunnel check test skipped] ${reason}`);

const PASSWORD = 'Tunnel-Check-5!';
const UPLINK = { hostAddress: '198.18.0.5/30', routerAddress: '198.18.0.6/30' };
const ROUTER_TUNNEL = '10.98.0.1';
const LISTEN_PORT = 51830;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'tunnel check test cleanup failed');
});

it.skipIf(reason !== null)('keeps a change the tunnel survives and undoes one after which the peer stays silent', async () => {
  const { phone, sim, s, routerId, call, envelope } = await tunnelRouter({ name: 'Tunnel check', password: PASSWORD, uplink: UPLINK }, cleanups);
  const open: { ping?: ChildProcess } = {};
  // An 18 s rollback delay leaves an 8 s window for the check (tunnels.ts keeps 10 s for the undo).
  s.settings.update({ rollbackDelaySec: 18 });
  const made = await call('interfaces:create', { routerId, name: 'wg-check', listenPort: LISTEN_PORT, address: `${ROUTER_TUNNEL}/24`, openPort: true });
  await call('endpoints:set', { routerId, interface: 'wg-check', host: UPLINK.routerAddress.split('/')[0]!, port: LISTEN_PORT });
  const peer = (await call('peers:create', { routerId, interface: 'wg-check', name: 'check-phone', custody: 'stored' })).peer;
  const config = await call('configs:get', { routerId, peerId: peer.id });
  await sim.dataPlane!.idle();
  await phone.apply(config.text, [`${ROUTER_TUNNEL}/32`]);
  // The phone keeps talking (5 pings a second, for at most a minute) until the test ends.
  open.ping = spawn('ip', ['netns', 'exec', phone.namespace, 'ping', '-n', '-q', '-i', '0.2', '-w', '60', ROUTER_TUNNEL], { stdio: 'ignore' });
  cleanups.push(async () => void open.ping?.kill('SIGTERM'));
  for (let i = 0; i < 20; i++) {
    await nextPoll(s, routerId);
    if ((await s.models.state(routerId)).peers.find((p) => p.id === peer.id)?.lastHandshakeMs !== undefined) break;
  }

  // 1. A new comment: offered, turned on, kept once the phone's traffic shows.
  const comment = await call('changes:preview', { kind: 'peer.update', input: { routerId, peerId: peer.id, comment: 'saha telefonu' } });
  expect(comment.tunnelCheck).toEqual({ seconds: 8, peers: [{ key: peer.publicKey, label: 'check-phone' }] });
  await call('changes:tunnelCheck', { routerId, planId: comment.planId, on: true });
  const kept = await call('peers:update', { routerId, peerId: peer.id, comment: 'saha telefonu', planId: comment.planId });
  expect(kept.report).toMatchObject({ outcome: 'applied', differences: [] });
  expect(sim.state.print('/interface/wireguard/peers').find((r) => r['.id'] === peer.id)?.['comment']).toBe('saha telefonu');

  // 2. A new listen port the phone does not know: nothing comes back within the window, so it is undone.
  const port = await call('changes:preview', { kind: 'interface.update', input: { routerId, interfaceId: made.interface.id, listenPort: LISTEN_PORT + 1 } });
  expect(port.tunnelCheck?.peers.map((p) => p.label)).toEqual(['check-phone']);
  await call('changes:tunnelCheck', { routerId, planId: port.planId, on: true });
  const refused = await envelope('interfaces:update', { routerId, interfaceId: made.interface.id, listenPort: LISTEN_PORT + 1, planId: port.planId });
  expect(refused.ok).toBe(false);
  const report = (refused as { error: { details?: { report?: { outcome: string; differences: unknown[] } } } }).error.details?.report;
  expect(report?.outcome).toBe('undone');
  expect(report?.differences).toEqual([{ item: { type: 'peer', key: peer.publicKey, label: 'check-phone' }, field: 'tunnel', expected: 'a handshake or traffic within 8 s', actual: 'none' }]);
  expect(sim.state.print('/interface/wireguard').find((r) => r['name'] === 'wg-check')?.['listen-port']).toBe(String(LISTEN_PORT));
  // Not asked: the same change is applied without waiting (the check is the technician's choice).
  const again = await call('changes:preview', { kind: 'interface.update', input: { routerId, interfaceId: made.interface.id, listenPort: LISTEN_PORT + 1 } });
  expect((await call('interfaces:update', { routerId, interfaceId: made.interface.id, listenPort: LISTEN_PORT + 1, planId: again.planId })).report?.outcome).toBe('applied');
}, 60_000);
