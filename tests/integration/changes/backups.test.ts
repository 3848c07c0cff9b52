// Backups and undo over TCP: a backup restores, through a plan, to the model it was taken from; the diff
// between two backups names the items that changed; no key is in any backup; an applied change is undone
// back to its before-state, and an undo over an item changed since is refused with what changed.
import { afterEach, describe, expect, it } from 'vitest';
import { managedRouter, PEERS, tableRows, testKey, type Managed } from '../management/support.ts';
import { scopeDifferences } from '../../../main/services/changes/rollback-watch.ts';
import type { ScopeSnapshot } from '../../../main/services/changes/backup.ts';
import { changeWrites, expectSent } from './sent-words.ts';

const open: Managed[] = [];
async function router() {
  const m = await managedRouter({ peers: 5 });
  open.push(m);
  return m;
}
afterEach(async () => {
  for (const m of open.splice(0)) await m.close();
});

const esc = (s: string): string => s.replace(/[*]/g, '\\*');

function snapshotOf(m: Managed, backupId: number): ScopeSnapshot {
  const [row] = tableRows(m.dataDir, `SELECT snapshot_json FROM router_backups WHERE id = ${backupId}`) as Array<{ snapshot_json: string }>;
  return JSON.parse(row!.snapshot_json) as ScopeSnapshot;
}

describe('backups', () => {
  it('restores a backup through a plan to the model it was taken from, and diffs two backups', async () => {
    const m = await router();
    const routerId = m.routerId;
    const peers = (await m.call('peers:listManaged', { routerId })).rows.filter((p) => !p.dynamic && p.interface === 'wg-office');
    const [a, b] = peers;
    const first = await m.call('peers:update', { routerId, peerId: a!.id, comment: 'first change' });
    const backupId = first.report!.backupId!;
    // More changes after it: a new peer, a deleted one, an edited one, and one made in WinBox.
    const created = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'later' });
    await m.call('peers:delete', { routerId, peerId: b!.id });
    const edited = await m.call('peers:update', { routerId, peerId: a!.id, allowedAddress: '10.10.0.99/32' });
    m.sim.state.add(PEERS, { interface: 'wg-office', name: 'winbox-made', 'public-key': testKey(5), 'allowed-address': '10.10.0.77/32' });
    await m.settle();

    const list = await m.call('backups:list', { routerId });
    expect(list.map((x) => x.title)).toEqual([
      'Edit peer "' + a!.name + '" on wg-office', 'Delete peer "' + b!.name + '" from wg-office', 'Add peer "later" on wg-office', 'Edit peer "' + a!.name + '" on wg-office',
    ]);
    const diff = await m.call('backups:diff', { routerId, from: backupId, to: edited.report!.backupId! });
    expect(diff.diff.map((d) => [d.item.label, d.change])).toEqual(expect.arrayContaining([[a!.name, 'edit'], [b!.name, 'remove'], ['later', 'add']]));
    expect(diff.diff.find((d) => d.item.label === a!.name)).toMatchObject({ before: { comment: a!.comment }, after: { comment: 'first change' } });
    const vsNow = await m.call('backups:diff', { routerId, from: backupId, to: null });
    expect(vsNow.diff.map((d) => d.item.label)).toEqual(expect.arrayContaining(['winbox-made', 'later', b!.name, a!.name]));

    const preview = await m.call('changes:preview', { kind: 'backup.restore', input: { routerId, backupId } });
    expect(preview.commands).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^/interface wireguard peers set ${esc(a!.id)} `)),
      expect.stringMatching(/^\/interface wireguard peers add interface=wg-office /),
      `/interface wireguard peers remove ${created.peer.id}`,
    ]));
    expect(preview.warnings.map((w) => w.message).join(' ')).toMatch(/without a preshared key/);
    m.sim.commands.start();
    const restored = await m.call('backups:restore', { routerId, backupId, planId: preview.planId });
    expectSent(preview.commands, changeWrites(m.sim.commands.stop()));
    expect(restored.report.outcome).toBe('applied');
    await m.settle();
    const nowScope = (await m.call('backups:diff', { routerId, from: backupId, to: null })).diff;
    expect(nowScope).toEqual([]);
    // The restore was itself backed up first, and nothing in any backup is a key.
    const everything = JSON.stringify(tableRows(m.dataDir, 'SELECT * FROM router_backups'));
    for (const row of m.rows('/interface/wireguard')) expect(everything).not.toContain(row['private-key']);
    for (const row of m.rows()) if (row['preshared-key']) expect(everything).not.toContain(row['preshared-key']);
    expect(scopeDifferences(snapshotOf(m, backupId), snapshotOf(m, restored.report.backupId!)).length).toBeGreaterThan(0);
    const rsc = await m.call('backups:get', { routerId, backupId });
    expect(rsc.rsc).toMatch(/^# WireDesk backup of router /);
    expect(rsc.rsc).not.toMatch(/private-key=|preshared-key=/);

    // Firewall rules for WireGuard changed in WinBox since: one added, the backup's accept removed. The restore
    // removes the new one and puts the accept back in its place, before the rule after it in the backup.
    const port = m.rows('/interface/wireguard').find((r) => r['name'] === 'wg-office')!['listen-port']!;
    const FILTER = '/ip/firewall/filter';
    const accept = m.rows(FILTER).find((r) => r['chain'] === 'input' && r['dst-port'] === port && r['action'] === 'accept')!;
    const order = () => m.rows(FILTER).filter((r) => r['chain'] === 'input').map((r) => r['comment'] || `${r['action']} ${r['dst-port'] ?? ''}`.trim());
    const before = order();
    m.sim.state.remove(FILTER, accept['.id']!);
    m.sim.state.add(FILTER, { chain: 'input', action: 'drop', protocol: 'udp', 'dst-port': port, comment: 'el ile' });
    await m.settle();
    expect((await m.call('backups:diff', { routerId, from: backupId, to: null })).diff.map((d) => [d.item.type, d.change]).sort()).toEqual([['firewall', 'add'], ['firewall', 'remove']]);
    const rules = await m.call('changes:preview', { kind: 'backup.restore', input: { routerId, backupId } });
    expect(rules.commands).toEqual([
      expect.stringMatching(new RegExp(`^/ip firewall filter add chain=input action=accept protocol=udp dst-port=${port} .*place-before=\\*`)),
      expect.stringMatching(/^\/ip firewall filter remove \*/),
    ]);
    m.sim.commands.start();
    await m.call('backups:restore', { routerId, backupId, planId: rules.planId });
    expectSent(rules.commands, changeWrites(m.sim.commands.stop()));
    expect(order()).toEqual(before);
    expect((await m.call('backups:diff', { routerId, from: backupId, to: null })).diff).toEqual([]);
  });
});

describe('undo from the change history', () => {
  it('undoes an applied change back to its before-state, and refuses one whose item changed since', async () => {
    const m = await router();
    const routerId = m.routerId;
    const peer = (await m.call('peers:listManaged', { routerId })).rows.find((p) => !p.dynamic && p.interface === 'wg-office')!;
    const before = m.rows().find((r) => r['.id'] === peer.id)!;
    await m.call('peers:update', { routerId, peerId: peer.id, comment: 'to undo', persistentKeepaliveSec: 60 });
    const [entry] = await m.call('changes:history', { routerId });
    expect(entry).toMatchObject({ state: 'applied', undoable: true, title: `Edit peer "${peer.name}" on wg-office` });
    const preview = await m.call('changes:preview', { kind: 'change.undo', input: { routerId, planId: entry!.planId } });
    expect(preview.commands).toHaveLength(1);
    expect(preview.commands[0]).toMatch(new RegExp(`^/interface wireguard peers set ${esc(peer.id)} `));
    m.sim.commands.start();
    const undone = await m.call('changes:undo', { routerId, planId: entry!.planId, previewId: preview.planId });
    expectSent(preview.commands, changeWrites(m.sim.commands.stop()));
    expect(undone.report.outcome).toBe('applied');
    const after = m.rows().find((r) => r['.id'] === peer.id)!;
    expect([after['comment'] ?? '', after['persistent-keepalive']]).toEqual([before['comment'] ?? '', before['persistent-keepalive']]);
    // The activity log names each change's plan (its Undo… button), and the undo is an entry of its own;
    // the undone change is not offered for undo again.
    const log = (await m.call('audit:list', { routerId })).entries;
    expect(log.slice(0, 2).map((e) => [e.action, e.objectType, e.objectId, e.planId])).toEqual([
      ['undo', 'change', entry!.planId, preview.planId],
      ['edit', 'peer', peer.id, entry!.planId],
    ]);
    const history = await m.call('changes:history', { routerId });
    expect(history.find((e) => e.planId === entry!.planId)).toMatchObject({ state: 'undone', undoable: false, undoProblem: 'not-applied' });
    expect((await m.fail('changes:preview', { kind: 'change.undo', input: { routerId, planId: entry!.planId } })).code).toBe('CONFLICT');

    // A change, then the same peer edited in WinBox: undo would overwrite that, so it is refused with the reason.
    const created = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'changed-since' });
    const [add] = await m.call('changes:history', { routerId });
    m.sim.state.set(PEERS, created.peer.id, { comment: 'edited in WinBox' });
    await m.settle();
    const refused = await m.fail('changes:preview', { kind: 'change.undo', input: { routerId, planId: add!.planId } });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/changed-since: comment is now "edited in WinBox"/);
    expect(m.rows().some((r) => r['.id'] === created.peer.id)).toBe(true);
  });
});
