// Next free address: network/broadcast and the router's own address are never handed out, nor anything a
// peer already routes (on any interface), nor what is reserved in WireDesk; a full pool blocks allocation
// with a clear error and shows as a warning in the pre-check.
import { afterEach, expect, it } from 'vitest';
import { managedRouter, PEERS, testKey, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

it('skips the router address, taken CIDRs, reserved addresses, then reports the /29 pool as exhausted', async () => {
  m = await managedRouter({ peers: 3 });
  const routerId = m.routerId;
  const made = await m.call('interfaces:create', { routerId, name: 'wg-pool', listenPort: 13240, address: '10.99.0.1/29' });
  expect(made.interface.addresses).toEqual(['10.99.0.1/29']);
  // Peers added in WinBox: one on another interface routing 10.99.0.2, one here routing 10.99.0.4-5.
  m.sim.state.add(PEERS, { interface: 'wg-office', name: 'elsewhere', 'public-key': testKey(1), 'allowed-address': '10.99.0.2/32' });
  m.sim.state.add(PEERS, { interface: 'wg-pool', name: 'pair', 'public-key': testKey(2), 'allowed-address': '10.99.0.4/31' });
  await m.call('reservations:reserve', { routerId, interface: 'wg-pool', address: '10.99.0.3', note: 'printer' });

  const next = await m.call('peers:nextAddress', { routerId, interface: 'wg-pool' });
  expect(next.addresses).toEqual(['10.99.0.6/32']);
  expect(next.pools).toEqual([{ subnet: '10.99.0.1/29', usable: 5, used: 4, free: 1 }]);

  const last = await m.call('peers:create', { routerId, interface: 'wg-pool', name: 'last-one' });
  expect(last.peer.allowedAddress).toEqual(['10.99.0.6/32']);
  expect(last.warnings.map((w) => w.code)).toContain('POOL_FULL');

  const full = await m.fail('peers:create', { routerId, interface: 'wg-pool', name: 'one-too-many' });
  expect(full).toMatchObject({ code: 'CONFLICT', details: { reason: 'pool-exhausted' } });
  expect(full.message).toMatch(/The 10\.99\.0\.0\/29 pool is full: 5 of 5 usable addresses are in use\..*reserved in WireDesk count as used/);

  const check = await m.call('peers:precheck', { routerId, interface: 'wg-pool' });
  expect(check.nextAddress).toBeNull();
  expect(check.nextAddressProblem).toMatch(/pool is full/);
  expect(check.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['POOL_FULL']));

  // Releasing the reservation frees its address for the next peer.
  await m.call('reservations:release', { routerId, interface: 'wg-pool', address: '10.99.0.3/32' });
  expect((await m.call('peers:nextAddress', { routerId, interface: 'wg-pool' })).addresses).toEqual(['10.99.0.3/32']);
});

it('a reserved address given by hand is used and its reservation released', async () => {
  m = await managedRouter({ peers: 2 });
  const routerId = m.routerId;
  await m.call('reservations:reserve', { routerId, interface: 'wg-office', address: '10.10.0.50' });
  const made = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'printer', allowedAddress: '10.10.0.50' });
  expect(made.peer.allowedAddress).toEqual(['10.10.0.50/32']);
  expect(made.warnings.find((w) => w.code === 'RESERVATION_USED')?.message).toMatch(/10\.10\.0\.50\/32 was reserved/);
  expect(await m.call('reservations:list', { routerId })).toEqual([]);
});

it('explains an interface without an address instead of guessing a subnet', async () => {
  m = await managedRouter({ peers: 1 });
  const routerId = m.routerId;
  await m.call('interfaces:create', { routerId, name: 'wg-bare', listenPort: 13250 });
  const error = await m.fail('peers:create', { routerId, interface: 'wg-bare', name: 'nowhere' });
  expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'no-address' } });
  expect(error.message).toMatch(/wg-bare has no IP address, .* or enter the peer's address yourself/);
  const check = await m.call('peers:precheck', { routerId, interface: 'wg-bare' });
  expect(check.warnings.map((w) => w.code)).toEqual(['NO_ADDRESS', 'FIREWALL_CLOSED']);
  // With an address given by hand the peer can still be made; the warning stays.
  const made = await m.call('peers:create', { routerId, interface: 'wg-bare', name: 'by-hand', allowedAddress: '10.77.0.2/32' });
  expect(made.warnings.map((w) => w.code)).toContain('NO_ADDRESS');
});

it('suggests the client DNS most peers on the interface have, and none where no peer has one', async () => {
  m = await managedRouter({ peers: 2 });
  const routerId = m.routerId;
  for (const [name, dns] of [['a', '10.10.0.1'], ['b', '1.1.1.1, 9.9.9.9'], ['c', '10.10.0.1'], ['d', '1.1.1.1, 9.9.9.9'], ['e', '1.1.1.1,9.9.9.9']] as const) {
    await m.call('peers:create', { routerId, interface: 'wg-office', name, client: { dns } });
  }
  expect((await m.call('peers:precheck', { routerId, interface: 'wg-office' })).suggestedDns).toEqual(['1.1.1.1', '9.9.9.9']);
  await m.call('interfaces:create', { routerId, name: 'wg-new', listenPort: 13260, address: '10.61.0.1/24' });
  expect((await m.call('peers:precheck', { routerId, interface: 'wg-new' })).suggestedDns).toEqual([]);
});
