// Bulk enable/disable/delete: a result per peer (a refusal settles only its own peer), a bulk:progress event
// per finished peer, and an audit entry per change sent.
import { afterEach, expect, it } from 'vitest';
import { collect, managedRouter, type Managed } from './support.ts';

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
  const audit = await m.call('audit:list', { routerId, actions: ['disable'] });
  expect(audit.total).toBe(normal.length);

  const doomed = normal.slice(0, 3);
  const deleted = await m.call('peers:bulk', { routerId, action: 'delete', peerIds: doomed });
  expect(deleted).toMatchObject({ succeeded: 3, failed: 0 });
  expect(m.rows().filter((r) => doomed.includes(r['.id']!))).toEqual([]);
  expect((await m.call('audit:list', { routerId, actions: ['delete'] })).total).toBe(3);
  // Deleted by WireDesk: gone from the list, not kept as "removed on the router" (that is for WinBox changes).
  const listed = await m.call('peers:listManaged', { routerId });
  expect(listed.rows.filter((r) => doomed.includes(r.id))).toEqual([]);
});
