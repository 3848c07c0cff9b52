// A doctor's fix over a real tunnel: a phone with WireDesk's config pings the router; someone then pastes
// another public key into the router's peer (WinBox), and the tunnel stops. The doctor ranks "its key on the
// router was changed" first with new keys as the fix; once applied through the Preview step, the phone with
// the new config reaches the router again and the doctor finds nothing wrong.
import { afterEach, expect, it } from 'vitest';
import { dataPlaneUnavailableReason } from '../../../main/sim/index.ts';
import { changeWrites, expectSent } from '../changes/sent-words.ts';
import { testKey } from '../management/support.ts';
import { nextPoll } from '../router-model/support.ts';
import { tunnelRouter } from './tunnel-router.ts';

const reason = dataPlaneUnavailableReason();
if (reason) console.warn(`[doctor fix tunnel test skipped] ${reason}`);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'doctor fix tunnel test cleanup failed');
});

const PEERS = '/interface/wireguard/peers';

it.skipIf(reason !== null)('a key changed in WinBox cuts the tunnel; the doctor names it, and its fix brings the phone back', async () => {
  const UPLINK = { hostAddress: '198.18.0.13/30', routerAddress: '198.18.0.14/30' };
  const { phone, sim, s, routerId, call } = await tunnelRouter({ name: 'Doctor router', password: 'Doktor-Tunel-7!', uplink: UPLINK }, cleanups);
  s.settings.update({ pollIntervalSec: 2 });
  const made = await call('interfaces:create', { routerId, name: 'wg-doktor', listenPort: 13231, address: '10.30.0.1/24', openPort: true });
  expect(made.interface.firewall.state).toBe('open');
  await call('endpoints:set', { routerId, interface: 'wg-doktor', host: UPLINK.routerAddress.split('/')[0]!, port: 13231 });
  const peer = (await call('peers:create', { routerId, interface: 'wg-doktor', name: 'telefon', custody: 'stored' })).peer;
  await sim.dataPlane!.idle();
  await phone.apply((await call('configs:get', { routerId, peerId: peer.id })).text, ['10.30.0.1/32']);
  expect(await phone.exec(['ping', '-n', '-c', '2', '-W', '2', '10.30.0.1'])).toContain('bytes from 10.30.0.1');

  // Another public key pasted into the router's peer: the phone's packets no longer belong to any peer.
  sim.state.set(PEERS, peer.id, { 'public-key': testKey(77) });
  await sim.dataPlane!.idle();
  await expect(phone.exec(['ping', '-n', '-c', '2', '-W', '1', '10.30.0.1'])).rejects.toThrow();

  const d = await call('peers:diagnose', { routerId, peerId: peer.id });
  expect(d.causes[0]).toMatchObject({ code: 'key-changed', fix: { kind: 'peer.rotateKeys', input: { peerId: peer.id } } });
  const fix = d.causes[0]!.fix!;
  if (fix.kind !== 'peer.rotateKeys') throw new Error('expected new keys as the fix');
  const preview = await call('changes:preview', fix);
  sim.commands.start();
  await call('peers:rotateKeys', { ...fix.input, planId: preview.planId });
  expectSent(preview.commands, changeWrites(sim.commands.stop()));

  // The phone imports the new config: it reaches the router again, and the doctor has nothing to say.
  await sim.dataPlane!.idle();
  await phone.reconfigure((await call('configs:get', { routerId, peerId: peer.id })).text);
  expect(await phone.exec(['ping', '-n', '-c', '3', '-W', '2', '10.30.0.1'])).toContain('bytes from 10.30.0.1');
  for (let i = 0; i < 10 && (await s.models.state(routerId)).peer(peer.id)?.status !== 'online'; i++) await nextPoll(s, routerId);
  expect(await call('peers:diagnose', { routerId, peerId: peer.id })).toEqual({ peerId: peer.id, status: 'online', causes: [] });
}, 60_000);
