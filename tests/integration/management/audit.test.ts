// Every change sent to a router is in the audit log with outcome, before/after and never a key; the log can
// be filtered by router, action, object type, text and time, and paged.
import { afterEach, expect, it } from 'vitest';
import { managedRouter, tableRows, testKey, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

it('records each change with before/after and outcome, filters and pages, and keeps keys out', async () => {
  m = await managedRouter({ peers: 2 });
  const routerId = m.routerId;
  const iface = await m.call('interfaces:create', { routerId, name: 'wg-audit', listenPort: 13260, address: '10.60.0.1/24' });
  const made = await m.call('peers:create', { routerId, interface: 'wg-audit', name: 'audited', presharedKey: true });
  const peerId = made.peer.id;
  await m.call('peers:update', { routerId, peerId, comment: 'after edit' });
  await m.call('peers:setDisabled', { routerId, peerId, disabled: true });
  await m.call('peers:setDisabled', { routerId, peerId, disabled: false });
  const rotated = await m.call('peers:rotateKeys', { routerId, peerId });
  // A key the router already has on a peer WireDesk has not heard of (WinBox, a moment ago): the router refuses it.
  m.sim.faults.refuse('/interface/wireguard/peers/add', 'failure: entry already exists');
  await m.fail('peers:create', { routerId, interface: 'wg-audit', name: 'dup', publicKey: testKey(92) });
  m.sim.faults.reset();
  await m.call('peers:delete', { routerId, peerId });
  await m.call('interfaces:setDisabled', { routerId, interfaceId: iface.interface.id, disabled: true });

  const all = await m.call('audit:list', { routerId });
  expect(all.entries.map((e) => `${e.action} ${e.objectType} ${e.outcome}`)).toEqual([
    'disable interface ok',
    'delete peer ok',
    'create peer failed',
    'rotate-keys peer ok',
    'enable peer ok',
    'disable peer ok',
    'edit peer ok',
    'create peer ok',
    'create interface ok',
  ]);
  const edit = all.entries.find((e) => e.action === 'edit')!;
  expect(edit).toMatchObject({ routerName: `Router ${m.sim.port}`, objectId: peerId, objectName: 'audited', before: { comment: '', psk: 'set' }, after: { comment: 'after edit' } });
  expect(all.entries.find((e) => e.action === 'create' && e.objectType === 'interface')!.after).toMatchObject({ name: 'wg-audit', listenPort: 13260, addresses: ['10.60.0.1/24'] });

  expect((await m.call('audit:list', { routerId, actions: ['create'] })).total).toBe(3);
  expect((await m.call('audit:list', { routerId, objectType: 'interface' })).total).toBe(2);
  expect((await m.call('audit:list', { text: 'entry already exists' })).entries.map((e) => e.objectName)).toEqual(['dup']);
  expect((await m.call('audit:list', { routerId: 'another-router' })).total).toBe(0);
  const pivot = all.entries[4]!.at;
  expect((await m.call('audit:list', { routerId, from: pivot })).total).toBe(all.entries.filter((e) => e.at >= pivot).length);
  expect((await m.call('audit:list', { routerId, to: pivot })).total).toBe(all.entries.filter((e) => e.at < pivot).length);
  const page = await m.call('audit:list', { routerId, limit: 2, offset: 2 });
  expect(page).toEqual({ entries: all.entries.slice(2, 4), total: all.total });
  expect((await m.fail('audit:list', { from: 10, to: 5 })).message).toMatch(/ends before it starts/);

  const raw = JSON.stringify(tableRows(m.dataDir, 'SELECT * FROM audit'));
  for (const secret of [made.secret!.privateKey!, made.secret!.presharedKey!, rotated.secret!.privateKey!]) expect(raw).not.toContain(secret);
});
