// Address reservations are local records, but only for addresses the picker could hand out and no peer has:
// checked against the router as last read (renewed first while it is online), and still possible offline.
import { afterEach, expect, it } from 'vitest';
import { statusWhere } from '../services/support.ts';
import { managedRouter, PEERS, testKey, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

it('refuses addresses outside the subnet, network, broadcast, the router and addresses a peer has, each with the fix', async () => {
  m = await managedRouter({ peers: 2 });
  const { routerId } = m;
  const reserve = (address: string) => m!.fail('reservations:reserve', { routerId, interface: 'wg-office', address });
  const [iface] = (await m.call('interfaces:list', { routerId })).rows.filter((i) => i.name === 'wg-office');
  expect(iface?.addresses).toEqual(['10.10.0.1/24']);

  expect(await reserve('10.99.0.5')).toMatchObject({ code: 'VALIDATION', details: { field: 'address' }, message: "10.99.0.5 is outside wg-office's subnet 10.10.0.1/24, so WireDesk would never hand it out. Reserve an address inside that subnet." });
  expect((await reserve('10.10.0.0')).message).toBe('10.10.0.0 is the network address of 10.10.0.1/24 on wg-office; it is never handed out to a peer.');
  expect((await reserve('10.10.0.255')).message).toMatch(/^10\.10\.0\.255 is the broadcast address of/);
  expect((await reserve('10.10.0.1')).message).toMatch(/^10\.10\.0\.1 is the router's own address in 10\.10\.0\.1\/24/);
  expect((await reserve('fd00::5')).message).toMatch(/^wg-office has no subnet of fd00::5's IP version \(it has 10\.10\.0\.1\/24\)/);
  expect((await reserve('10.10.0.0/28')).message).toMatch(/is a whole subnet/);

  // A peer added in WinBox a moment ago: the model is synced before the check, so it counts at once.
  m.sim.state.add(PEERS, { interface: 'wg-office', name: 'kamera', 'public-key': testKey(7), 'allowed-address': '10.10.0.77/32' });
  expect(await reserve('10.10.0.77')).toMatchObject({ code: 'CONFLICT', details: { field: 'address', reason: 'in-use' }, message: expect.stringContaining('already used by peer "kamera" on wg-office') });
  // A full-tunnel route (0.0.0.0/0 on a site peer) is not an assignment and blocks nothing.
  m.sim.state.add(PEERS, { interface: 'wg-office', name: 'site', 'public-key': testKey(8), 'allowed-address': '0.0.0.0/0' });
  await m.call('reservations:reserve', { routerId, interface: 'wg-office', address: '10.10.0.78', note: 'yazıcı' });

  expect(await m.fail('reservations:reserve', { routerId, interface: 'wg-nowhere', address: '10.10.0.79' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no WireGuard interface named "wg-nowhere"') });
  expect((await reserve('10.10.0.78')).message).toBe('10.10.0.78/32 is already reserved on wg-office.');
  expect(await m.call('reservations:list', { routerId, interface: 'wg-office' })).toEqual([expect.objectContaining({ address: '10.10.0.78/32', note: 'yazıcı' })]);
  expect((await m.call('peers:nextAddress', { routerId, interface: 'wg-office' })).addresses).not.toContain('10.10.0.78/32');
});

it('reserves and releases offline, checked against the copy saved at the last read', async () => {
  m = await managedRouter({ peers: 2 });
  const { routerId } = m;
  await m.call('peers:list', { routerId });
  const taken = (await m.call('peers:list', { routerId })).rows.find((p) => p.interface === 'wg-office')!.allowedAddress[0]!;
  await m.sim.close();
  await statusWhere(m.s, routerId, (st) => st.state !== 'online');
  expect((await m.call('peers:list', { routerId })).source).toBe('cache');

  expect(await m.fail('reservations:reserve', { routerId, interface: 'wg-office', address: taken.replace('/32', '') })).toMatchObject({ code: 'CONFLICT', details: { reason: 'in-use' } });
  const made = await m.call('reservations:reserve', { routerId, interface: 'wg-office', address: '10.10.0.200', note: 'printer' });
  expect(made).toMatchObject({ address: '10.10.0.200/32', note: 'printer' });
  expect(await m.call('reservations:release', { routerId, interface: 'wg-office', address: '10.10.0.200' })).toEqual({ released: true });
  expect(await m.call('reservations:list', { routerId })).toEqual([]);
  const audit = await m.call('audit:list', { routerId, objectType: 'reservation' });
  expect(audit.entries.map((e) => `${e.action} ${e.objectName}`)).toEqual(['delete 10.10.0.200/32', 'create 10.10.0.200/32']);
});
