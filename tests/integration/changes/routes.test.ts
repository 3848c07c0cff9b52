// Static routes through WireGuard (what a site-to-site link adds) are part of a backup: kept in its items and
// its .rsc, put back or removed by a restore through a plan, named in a diff; a route through another
// gateway is left out. The router's words for what was sent are the plan's.
import { afterEach, describe, expect, it } from 'vitest';
import { managedRouter, tableRows, type Managed } from '../management/support.ts';
import type { ScopeSnapshot } from '../../../main/services/changes/backup.ts';

const ROUTE = '/ip/route';
const open: Managed[] = [];
afterEach(async () => {
  for (const m of open.splice(0)) await m.close();
});

describe('routes in backups', () => {
  it('backs up the static routes through WireGuard and restores them through a plan', async () => {
    const m = await managedRouter({ peers: 2 });
    open.push(m);
    const routerId = m.routerId;
    // Another admin's routes: one through the tunnel (a site link), one through the LAN gateway.
    m.sim.state.add(ROUTE, { 'dst-address': '192.168.50.0/24', gateway: 'wg-office', comment: 'site izmir' });
    m.sim.state.add(ROUTE, { 'dst-address': '0.0.0.0/0', gateway: '192.0.2.1' });
    const [peer] = (await m.call('peers:listManaged', { routerId })).rows.filter((p) => p.interface === 'wg-office' && !p.dynamic);
    const first = await m.call('peers:update', { routerId, peerId: peer!.id, comment: 'before the route went' });
    const backupId = first.report!.backupId!;

    const [row] = tableRows(m.dataDir, `SELECT snapshot_json, rsc FROM router_backups WHERE id = ${backupId}`) as Array<{ snapshot_json: string; rsc: string }>;
    const snapshot = JSON.parse(row!.snapshot_json) as ScopeSnapshot;
    expect(snapshot.routes).toEqual([{ 'dst-address': '192.168.50.0/24', gateway: 'wg-office', comment: 'site izmir' }]);
    expect(row!.rsc).toContain('/ip route\nadd dst-address=192.168.50.0/24 gateway=wg-office comment="site izmir"');
    expect(row!.rsc).not.toContain('0.0.0.0/0');
    expect((await m.call('backups:list', { routerId }))[0]!.counts.routes).toBe(1);

    // The route is removed and another added behind WireDesk's back; the diff against now names both.
    const id = m.rows(ROUTE).find((r) => r['dst-address'] === '192.168.50.0/24')!['.id']!;
    m.sim.state.remove(ROUTE, id);
    m.sim.state.add(ROUTE, { 'dst-address': '192.168.60.0/24', gateway: 'wg-office' });
    const vsNow = await m.call('backups:diff', { routerId, from: backupId, to: null });
    expect(vsNow.diff.filter((d) => d.item.type === 'route').map((d) => [d.item.label, d.change]).sort()).toEqual([
      ['192.168.50.0/24 via wg-office', 'remove'], ['192.168.60.0/24 via wg-office', 'add'],
    ]);

    const preview = await m.call('changes:preview', { kind: 'backup.restore', input: { routerId, backupId } });
    const routeLines = preview.commands.filter((c) => c.startsWith('/ip route'));
    expect(routeLines).toEqual([
      '/ip route add dst-address=192.168.50.0/24 gateway=wg-office comment="site izmir"',
      expect.stringMatching(/^\/ip route remove \*[0-9A-F]+$/),
    ]);
    m.sim.commands.start();
    const restored = await m.call('backups:restore', { routerId, backupId, planId: preview.planId });
    const sent = m.sim.commands.stop().filter((e) => e.source === 'api' && e.command.startsWith(`${ROUTE}/`) && !e.command.endsWith('/print'));
    expect(sent.map((e) => e.command)).toEqual([`${ROUTE}/add`, `${ROUTE}/remove`]);
    expect(restored.report.outcome).toBe('applied');
    expect(m.rows(ROUTE).map((r) => [r['dst-address'], r['gateway']]).sort()).toEqual([['0.0.0.0/0', '192.0.2.1'], ['192.168.50.0/24', 'wg-office']]);
  });
});
