import { expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, simulators } from './helpers/sim.ts';

const start = simulators();

it('/ip/route: adds a static route via an interface or an address, normalises dst-address, refuses an unknown gateway', async () => {
  const sim = await start({ peers: 2 });
  const api = await login(sim);
  const added = await api.call(['/ip/route/add', '=dst-address=192.168.20.1/24', '=gateway=wg-office', '=comment=site B']);
  expect(added.at(-1)!.head).toBe('!done');
  await api.call(['/ip/route/add', '=dst-address=0.0.0.0/0', '=gateway=203.0.113.1']);
  expect(await api.rows(['/ip/route/print'])).toEqual([
    expect.objectContaining({ 'dst-address': '192.168.20.0/24', gateway: 'wg-office', distance: '1', 'routing-table': 'main', active: 'true', dynamic: 'false', comment: 'site B' }),
    expect.objectContaining({ 'dst-address': '0.0.0.0/0', gateway: '203.0.113.1', active: 'true' }),
  ]);
  expect(summary(await api.call(['/ip/route/add', '=dst-address=10.1.0.0/16', '=gateway=wg-nowhere']))).toEqual(['!trap 1 input does not match any value of gateway', '!done']);
  expect(summary(await api.call(['/ip/route/add', '=gateway=wg-office']))).toEqual(['!trap 1 missing value(s) of argument(s) dst-address', '!done']);
});
