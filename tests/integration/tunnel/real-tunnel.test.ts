// The proof of the whole chain: the simulator with its real data plane (wireguard-go in a namespace) is the
// router; through the app's real services a technician adds it, makes an interface and a stored-key peer,
// and gets the config with configs:get. That config, applied unchanged (wg-quick-only lines aside) in a
// separate namespace with its own wireguard-go device, carries a ping to the router's tunnel address, and
// the listing after the next poll shows the peer online with traffic both ways.
import { afterEach, expect, it } from 'vitest';
import { dataPlaneUnavailableReason } from '../../../main/sim/index.ts';
import { tunnelRouter } from './tunnel-router.ts';
import { nextPoll } from '../router-model/support.ts';

const reason = dataPlaneUnavailableReason();
if (reason) console.warn(`[real tunnel test skipped] ${reason}`);

const PASSWORD = 'Tunnel-Test-5!';
const UPLINK = { hostAddress: '198.18.0.1/30', routerAddress: '198.18.0.2/30' };
const ROUTER_TUNNEL = '10.99.0.1';
const LISTEN_PORT = 51820;

// Undone newest first after every test, also when it failed half-way; each is registered before its
// resource is created, so nothing made is ever missed.
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  const failures: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'real tunnel test cleanup failed');
});

it.skipIf(reason !== null)('a config from configs:get carries a real ping, and the next listing shows the peer online with traffic', async () => {
  const { phone, sim, s, routerId, call } = await tunnelRouter({ name: 'Tunnel router', password: PASSWORD, uplink: UPLINK }, cleanups);
  await call('interfaces:create', { routerId, name: 'wg-tunnel', listenPort: LISTEN_PORT, address: `${ROUTER_TUNNEL}/24`, openPort: true });
  const endpointHost = UPLINK.routerAddress.split('/')[0]!;
  await call('endpoints:set', { routerId, interface: 'wg-tunnel', host: endpointHost, port: LISTEN_PORT });
  const made = await call('peers:create', { routerId, interface: 'wg-tunnel', name: 'test-phone', custody: 'stored' });
  expect(made.peer).toMatchObject({ allowedAddress: ['10.99.0.2/32'], keyCustody: 'stored' });

  const config = await call('configs:get', { routerId, peerId: made.peer.id });
  expect(config.text).toContain(`Endpoint = ${endpointHost}:${LISTEN_PORT}\n`);
  expect(config.text).toContain('Address = 10.99.0.2/32\n');
  // The router's device has the new peer before the phone dials (the simulator applies changes in the background).
  await sim.dataPlane!.idle();
  expect(sim.dataPlane!.errors).toEqual([]);

  await phone.apply(config.text, [`${ROUTER_TUNNEL}/32`]);
  // Bounded: 3 echo requests, 2 s each; exit status 0 means at least one reply came back through the tunnel.
  const ping = await phone.exec(['ping', '-n', '-c', '3', '-W', '2', ROUTER_TUNNEL]);
  expect(ping).toContain(`bytes from ${ROUTER_TUNNEL}`);

  // The next poll (the listing answers from the router model, which the poller feeds), no retries.
  await nextPoll(s, routerId);
  const listing = await call('peers:listManaged', { routerId });
  const peer = listing.rows.find((p) => p.id === made.peer.id)!;
  expect(listing.source).toBe('live');
  expect(peer.status).toBe('online');
  expect(peer.rx).toBeGreaterThan(0);
  expect(peer.tx).toBeGreaterThan(0);
  // The router saw the phone come in over the uplink.
  expect(peer.currentEndpoint).toMatch(/^198\.18\.0\.1:\d+$/);
});
