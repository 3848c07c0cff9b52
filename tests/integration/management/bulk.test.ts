// Bulk enable/disable/delete: peers that cannot be changed are settled before anything is sent, the rest go
// through plans (a refusal undoes its whole part), a bulk:progress event per settled peer, and an audit entry
// per change sent.
import { afterEach, expect, it } from 'vitest';
import { collect, managedRouter, tableRows, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

it('disables many peers with per-peer results and progress, then deletes some', async () => {
  m = await managedRouter({ peers: 12 });
  const routerId = m.routerId;
  const progress = collect(m.s, 'bulk:progress');
  const normal = m.rows().filter((r) => r['dynamic'] === 'false').map((r) => r['.id']!);
  const alreadyDisabled = m.rows().filter((r) => r['dynamic'] === 'false' && r['disabled'] === 'true').length;
  const dynamic = m.rows().find((r) => r['dynamic'] === 'true')!['.id']!;
  const peerIds = [...normal, dynamic, '*FFFF'];

  const result = await m.call('peers:bulk', { routerId, action: 'disable', peerIds, operationId: 'op-1' });
  expect(result).toMatchObject({ operationId: 'op-1', total: peerIds.length, succeeded: normal.length, failed: 2 });
  expect(result.results.map((r) => r.peerId)).toEqual(peerIds);
  expect(result.results.find((r) => r.peerId === dynamic)!.error).toMatch(/made by the router itself .* read-only/);
  expect(result.results.find((r) => r.peerId === '*FFFF')!.error).toMatch(/no longer on the router/);
  expect(m.rows().filter((r) => normal.includes(r['.id']!)).every((r) => r['disabled'] === 'true')).toBe(true);
  expect(m.rows().find((r) => r['.id'] === dynamic)!['disabled']).toBe('false');

  expect(progress).toHaveLength(peerIds.length);
  expect(progress.map((p) => (p as { done: number }).done)).toEqual(peerIds.map((_, i) => i + 1));
  expect(progress.at(-1)).toEqual({ operationId: 'op-1', routerId, action: 'disable', done: peerIds.length, total: peerIds.length, failed: 2 });
  // One entry per change sent: a peer that was disabled already needed none.
  const audit = await m.call('audit:list', { routerId, actions: ['disable'] });
  expect(audit.total).toBe(normal.length - alreadyDisabled);

  const doomed = normal.slice(0, 3);
  const deleted = await m.call('peers:bulk', { routerId, action: 'delete', peerIds: doomed });
  expect(deleted).toMatchObject({ succeeded: 3, failed: 0 });
  expect(m.rows().filter((r) => doomed.includes(r['.id']!))).toEqual([]);
  expect((await m.call('audit:list', { routerId, actions: ['delete'] })).total).toBe(3);
  // Deleted by WireDesk: gone from the list, not kept as "removed on the router" (that is for WinBox changes).
  const listed = await m.call('peers:listManaged', { routerId });
  expect(listed.rows.filter((r) => doomed.includes(r.id))).toEqual([]);
});

it('a refused bulk plan leaves nothing half-done and no rollback entry behind; the preview lists every command', async () => {
  m = await managedRouter({ peers: 6 });
  const routerId = m.routerId;
  const ids = m.rows().filter((r) => r['dynamic'] === 'false' && r['disabled'] === 'false').map((r) => r['.id']!);
  const preview = await m.call('changes:preview', { kind: 'peer.bulk', input: { routerId, action: 'disable', peerIds: ids } });
  expect(preview.commands).toEqual(ids.map((id) => `/interface wireguard peers set ${id} disabled=yes`));
  // The router refuses the change.
  m.sim.faults.refuse('/interface/wireguard/peers/set', 'failure: could not set (test)');
  const refused = await m.call('peers:bulk', { routerId, action: 'disable', peerIds: ids, planId: preview.planId });
  m.sim.faults.reset();
  expect(refused.succeeded).toBe(0);
  expect(refused.results.every((r) => !r.ok && /could not set/.test(r.error ?? ''))).toBe(true);
  expect(m.rows().filter((r) => ids.includes(r['.id']!)).every((r) => r['disabled'] === 'false')).toBe(true);
  expect(m.rows('/system/scheduler')).toEqual([]);
});

it('goes in parts of at most 50 peers, each with its own backup and rollback entry', async () => {
  m = await managedRouter({ peers: 70 });
  const routerId = m.routerId;
  const ids = m.rows().filter((r) => r['dynamic'] === 'false' && r['disabled'] === 'false').map((r) => r['.id']!);
  expect(ids.length).toBeGreaterThan(50);
  m.sim.commands.start();
  const result = await m.call('peers:bulk', { routerId, action: 'disable', peerIds: ids });
  const log = m.sim.commands.stop();
  expect(result.succeeded).toBe(ids.length);
  expect(log.filter((e) => e.command === '/system/scheduler/add')).toHaveLength(Math.ceil(ids.length / 50));
  expect(log.filter((e) => e.command === '/interface/wireguard/peers/set')).toHaveLength(ids.length);
  const backups = tableRows(m.dataDir, 'SELECT title FROM router_backups') as Array<{ title: string }>;
  expect(backups.map((b) => b.title)).toEqual([`Disable ${ids.length} peers (1-50)`, `Disable ${ids.length} peers (51-${ids.length})`]);
});
