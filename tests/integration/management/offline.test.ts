// An unreachable router refuses every change with the reason, before anything happens locally: no key is
// stored, no audit entry written, nothing queued to run later. Reading falls back to the last-known copy.
import { afterEach, expect, it } from 'vitest';
import type { InvokeChannel } from '../../../src/contract/index.ts';
import { statusWhere } from '../services/support.ts';
import { managedRouter, tableRows, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

it('refuses every router change with OFFLINE and the reason, and changes nothing locally', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  const peer = (await m.call('peers:listManaged', { routerId })).rows.find((p) => !p.dynamic)!;
  const iface = m.rows('/interface/wireguard').find((r) => r['name'] === 'wg-office')!['.id']!;
  await m.sim.close();
  await statusWhere(m.s, routerId, (st) => st.state === 'offline');
  const keysBefore = tableRows(m.dataDir, 'SELECT * FROM peer_keys');

  const attempts: Array<[InvokeChannel, unknown]> = [
    ['interfaces:create', { routerId, name: 'wg-new', address: '10.50.0.1/24' }],
    ['interfaces:update', { routerId, interfaceId: iface, mtu: 1400 }],
    ['interfaces:setDisabled', { routerId, interfaceId: iface, disabled: true }],
    ['interfaces:delete', { routerId, interfaceId: iface, confirmName: 'wg-office' }],
    ['peers:create', { routerId, interface: 'wg-office', name: 'offline-peer', custody: 'stored' }],
    ['peers:update', { routerId, peerId: peer.id, comment: 'x' }],
    ['peers:setDisabled', { routerId, peerId: peer.id, disabled: true }],
    ['peers:delete', { routerId, peerId: peer.id }],
    ['peers:rotateKeys', { routerId, peerId: peer.id }],
    ['peers:bulk', { routerId, action: 'delete', peerIds: [peer.id] }],
    ['peers:importApply', { routerId, interface: 'wg-office', csv: 'name\nnew-one\n' }],
  ];
  for (const [channel, input] of attempts) {
    const error = await m.fail(channel, input as never);
    expect(error.code, channel).toBe('OFFLINE');
    expect(error.message).toMatch(/is not connected \(.+\)\. Nothing was sent to the router\./);
  }
  expect(tableRows(m.dataDir, 'SELECT * FROM peer_keys')).toEqual(keysBefore);
  expect(tableRows(m.dataDir, 'SELECT * FROM import_jobs')).toEqual([]);
  expect((await m.call('audit:list', { routerId })).total).toBe(0);

  // Reading still works from the last-known copy, flagged as such.
  const cached = await m.call('peers:listManaged', { routerId });
  expect(cached.source).toBe('cache');
  expect(cached.rows.some((p) => p.id === peer.id)).toBe(true);
});
