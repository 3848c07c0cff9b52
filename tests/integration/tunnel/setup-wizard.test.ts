// The set-up wizard's plan on a bare router, over a real tunnel: the simulator with no WireGuard and the
// default configuration's input drop is the router; the proposal is a free name, port and subnet with the
// port predicted closed; the plan holds the interface, its address and an input accept placed before that
// drop, each previewed word sent as shown. Afterwards a phone namespace with the first peer's config pings the
// router through the new interface, over IPv4 and IPv6, and the connection doctor finds nothing wrong with that peer.
import { afterEach, expect, it } from 'vitest';
import { dataPlaneUnavailableReason } from '../../../main/sim/index.ts';
import { changeWrites, expectSent } from '../changes/sent-words.ts';
import { nextPoll } from '../router-model/support.ts';
import { tunnelRouter } from './tunnel-router.ts';

const reason = dataPlaneUnavailableReason();
if (reason) console.warn(`[set-up wizard test skipped] ${reason}`);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'set-up wizard test cleanup failed');
});

it.skipIf(reason !== null)('sets up a bare router in one plan, and the first peer\'s phone reaches it with nothing for the doctor to find', async () => {
  const UPLINK = { hostAddress: '198.18.0.9/30', routerAddress: '198.18.0.10/30' };
  const { phone, sim, s, routerId, call } = await tunnelRouter({ name: 'Bare router', password: 'Kurulum-Sihirbazi-7!', uplink: UPLINK }, cleanups);
  s.settings.update({ pollIntervalSec: 2 });
  // Bare: RouterOS's default configuration only (the simulator seeds an accept for 13231 for other tests).
  const seeded = sim.state.print('/ip/firewall/filter').find((r) => r['comment'] === 'WireGuard');
  if (seeded) sim.state.remove('/ip/firewall/filter', seeded['.id']!);
  // The model follows the firewall as it changes (RouterOS listen).
  await expect.poll(async () => (await call('setup:propose', { routerId })).firewall.state).toBe('closed');
  const drop = sim.state.print('/ip/firewall/filter').find((r) => r['comment'] === 'defconf: drop all not coming from LAN')!;

  const proposal = await call('setup:propose', { routerId });
  expect(proposal).toMatchObject({ name: 'wg-clients', listenPort: 13231, address: '10.10.0.1/24', firewall: { state: 'closed', blockedBy: { id: drop['.id'], action: 'drop', comment: 'defconf: drop all not coming from LAN' } } });

  // IPv6 alongside, as the technician may ask: the proposal's unique local /64.
  const input = { routerId, name: proposal.name, listenPort: proposal.listenPort, address: proposal.address!, address6: proposal.address6, openPort: true };
  const preview = await call('changes:preview', { kind: 'interface.create', input });
  expect(preview.commands).toEqual([
    '/interface wireguard add name=wg-clients listen-port=13231',
    '/ip address add address=10.10.0.1/24 interface=wg-clients comment=WireGuard',
    `/ipv6 address add address=${proposal.address6} interface=wg-clients advertise=no comment=WireGuard`,
    `/ip firewall filter add chain=input action=accept protocol=udp dst-port=13231 comment="WireGuard wg-clients" place-before=${drop['.id']}`,
  ]);
  sim.commands.start();
  const made = await call('interfaces:create', { ...input, planId: preview.planId });
  expectSent(preview.commands, changeWrites(sim.commands.stop()));
  expect(made.interface.firewall.state).toBe('open');
  const chain = sim.state.print('/ip/firewall/filter').filter((r) => r['chain'] === 'input').map((r) => r['comment']);
  expect(chain.indexOf('WireGuard wg-clients')).toBe(chain.indexOf('defconf: drop all not coming from LAN') - 1);

  // "Add the first peer": its config, applied unchanged on the phone, carries a ping through the new interface.
  await call('endpoints:set', { routerId, interface: 'wg-clients', host: UPLINK.routerAddress.split('/')[0]!, port: 13231 });
  const peer = (await call('peers:create', { routerId, interface: 'wg-clients', name: 'ilk-telefon', custody: 'stored' })).peer;
  const config = await call('configs:get', { routerId, peerId: peer.id });
  await sim.dataPlane!.idle();
  const router6 = proposal.address6.replace('/64', '');
  await phone.apply(config.text, ['10.10.0.1/32', `${router6}/128`]);
  expect(await phone.exec(['ping', '-n', '-c', '3', '-W', '2', '10.10.0.1'])).toContain('bytes from 10.10.0.1');
  // And over IPv6: the phone's /128 in the new prefix reaches the router's address in it.
  expect(config.text).toContain(proposal.address6.replace('::1/64', '::2/128'));
  expect(await phone.exec(['ping', '-n', '-c', '3', '-W', '2', router6])).toContain(`bytes from ${router6}`);

  for (let i = 0; i < 10 && (await s.models.state(routerId)).peer(peer.id)?.status !== 'online'; i++) await nextPoll(s, routerId);
  expect(await call('peers:diagnose', { routerId, peerId: peer.id })).toEqual({ peerId: peer.id, status: 'online', causes: [] });
}, 60_000);
