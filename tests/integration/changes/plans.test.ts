// Change plans against the simulator over TCP: the preview's commands are exactly the words the router
// received; the diff matches the model after applying; the backup and the journal entry are written before
// the first command; a preview the router outdated is refused; a refusal undoes what was done; a verification
// that fails undoes the change; and a change that cuts WireDesk off is undone by the router itself.
import { afterEach, describe, expect, it } from 'vitest';
import { managedRouter, PEERS, tableRows as rawRows, testKey, type Managed } from '../management/support.ts';
import type { ReceivedCommand } from '../../../main/sim/server/command-log.ts';
import { apiWords, changeWrites, expectSent } from './sent-words.ts';
import { statusWhere } from '../services/support.ts';

const tableRows = (dataDir: string, sql: string) => rawRows(dataDir, sql) as Array<Record<string, unknown>>;

const open: Managed[] = [];
async function router(options: Parameters<typeof managedRouter>[0] = {}) {
  const m = await managedRouter(options);
  open.push(m);
  return m;
}
afterEach(async () => {
  for (const m of open.splice(0)) await m.close();
});

/** The API commands the router received for WireGuard peers, in order (not the reads, not the scheduler). */
function peerWrites(entries: readonly ReceivedCommand[]): Array<{ command: string; words: readonly string[] }> {
  return entries.filter((e) => e.command.startsWith(PEERS) && !e.command.endsWith('/print') && !e.command.endsWith('/listen')).map((e) => ({ command: e.command, words: e.words }));
}

function sameWords(preview: string[], sent: readonly string[]): boolean {
  if (preview.length !== sent.length) return false;
  return preview.every((w, i) => (w.endsWith('=<hidden>') ? sent[i]!.startsWith(w.slice(0, -'<hidden>'.length)) : w === sent[i]));
}

describe('a plan shows exactly what is sent', () => {
  it('peer create: preview, apply with its id, the same words on the router, the diff in the model', async () => {
    const m = await router();
    const preview = await m.call('changes:preview', { kind: 'peer.create', input: { routerId: m.routerId, interface: 'wg-office', name: 'plan-ali', presharedKey: true, comment: 'Ali "saha" laptopu' } });
    expect(preview.commands).toHaveLength(1);
    expect(preview.commands[0]).toMatch(/^\/interface wireguard peers add interface=wg-office public-key="[^"]+" allowed-address=10\.10\.0\.2\/32 preshared-key=<hidden> /);
    expect(preview.rollback.script[1]).toMatch(/^\/interface wireguard peers remove \[find public-key="/);
    m.sim.commands.start();
    const created = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'plan-ali', presharedKey: true, comment: 'Ali "saha" laptopu', planId: preview.planId });
    const writes = peerWrites(m.sim.commands.stop());
    expect(writes).toHaveLength(1);
    const expected = apiWords(preview.commands[0]!);
    expect(writes[0]!.command).toBe(expected.command);
    expect(sameWords(expected.words, writes[0]!.words)).toBe(true);
    expect(created.report).toMatchObject({ outcome: 'applied', rollback: { state: 'removed' }, differences: [] });
    expect(created.report!.steps).toEqual([expect.objectContaining({ state: 'done' })]);

    // The diff's "after" is what the model (and the router) now has.
    const after = preview.diff[0]!.after!;
    const row = m.rows().find((r) => r['name'] === 'plan-ali')!;
    for (const [field, value] of Object.entries(after)) {
      if (value === '<hidden>') expect(row[field]).not.toBe('');
      else if (field === 'persistent-keepalive' || field === 'client-keepalive') expect(row[field]).toBe(value);
      else if (field === 'responder') expect(row[field]).toBe('true');
      else expect(row[field]).toBe(value);
    }
    // The rollback entry was armed before the add and removed after it was confirmed.
    expect(m.rows('/system/scheduler')).toEqual([]);
  });

  it('peer edit, disable, enable, new keys and delete: each preview equals what was sent', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'kiosk' });
    const cases = [
      { kind: 'peer.update' as const, input: { routerId: m.routerId, peerId: peer.id, comment: 'Lobi, 2. kat', allowedAddress: '10.10.0.40/32', persistentKeepaliveSec: 0 }, apply: 'peers:update' as const },
      { kind: 'peer.setDisabled' as const, input: { routerId: m.routerId, peerId: peer.id, disabled: true }, apply: 'peers:setDisabled' as const },
      { kind: 'peer.setDisabled' as const, input: { routerId: m.routerId, peerId: peer.id, disabled: false }, apply: 'peers:setDisabled' as const },
      // New keys: the preview's public key (made in main, kept with the preview) is the one sent.
      { kind: 'peer.rotateKeys' as const, input: { routerId: m.routerId, peerId: peer.id, custody: 'stored' as const, presharedKey: 'generate' as const }, apply: 'peers:rotateKeys' as const },
      { kind: 'peer.delete' as const, input: { routerId: m.routerId, peerId: peer.id }, apply: 'peers:delete' as const },
    ];
    for (const c of cases) {
      const preview = await m.call('changes:preview', { kind: c.kind, input: c.input } as never);
      m.sim.commands.start();
      const result = await m.call(c.apply, { ...c.input, planId: preview.planId } as never) as { report?: { outcome: string } };
      const writes = peerWrites(m.sim.commands.stop());
      expect(writes, c.kind).toHaveLength(preview.commands.length);
      preview.commands.forEach((line, i) => {
        const expected = apiWords(line);
        expect(writes[i]!.command).toBe(expected.command);
        expect(sameWords(expected.words, writes[i]!.words), `${line} vs ${writes[i]!.words.join(' ')}`).toBe(true);
      });
      expect(result.report?.outcome).toBe('applied');
      const diff = preview.diff[0]!;
      const row = m.rows().find((r) => r['.id'] === peer.id);
      if (diff.change === 'remove') expect(row).toBeUndefined();
      else {
        for (const [field, value] of Object.entries(diff.after!)) {
          // A secret is <hidden> in the diff: the router holds one (its value is not shown anywhere).
          if (value === '<hidden>') expect(row![field], field).toMatch(/^[A-Za-z0-9+/]{43}=$/);
          else expect(field === 'disabled' ? (row![field] === 'true' ? 'yes' : 'no') : row![field] ?? '0s', field).toBe(value);
        }
      }
    }
  });
});

describe('a bulk action shows exactly what is sent', () => {
  it('disables three peers with the words the preview showed, and the diff is the router after', async () => {
    const m = await router({ peers: 6 });
    const ids = m.rows().filter((r) => r['dynamic'] === 'false' && r['disabled'] === 'false').slice(0, 3).map((r) => r['.id']!);
    const preview = await m.call('changes:preview', { kind: 'peer.bulk', input: { routerId: m.routerId, action: 'disable', peerIds: ids } });
    m.sim.commands.start();
    const result = await m.call('peers:bulk', { routerId: m.routerId, action: 'disable', peerIds: ids, planId: preview.planId });
    expectSent(preview.commands, changeWrites(m.sim.commands.stop()));
    expect(result.succeeded).toBe(3);
    for (const d of preview.diff) expect(m.rows().find((r) => r['public-key'] === d.item.key)?.['disabled'], d.item.label).toBe(d.after!['disabled'] === 'yes' ? 'true' : 'false');
  });
});

describe('a CSV import shows exactly what is sent', () => {
  it('previews every row\'s add with keys made once; applying sends those words in parts; a changed router refuses it', async () => {
    const m = await router();
    const { routerId } = m;
    // 60 rows: two parts (50 + 10), each its own plan on the router; one row refused at the check.
    const csv = ['name;address', ...Array.from({ length: 60 }, (_, i) => `csv-${i};`), 'bozuk;999.1.1.1'].join('\n');
    const input = { routerId, interface: 'wg-office', csv, sourceName: 'saha.csv', presharedKey: true };
    const preview = await m.call('changes:preview', { kind: 'peer.import', input });
    expect(preview.commands).toHaveLength(60);
    expect(preview.diff.map((d) => [d.item.label, d.change])).toEqual(Array.from({ length: 60 }, (_, i) => [`csv-${i}`, 'add']));
    expect(preview.commands.every((c) => /^\/interface wireguard peers add interface=wg-office public-key="[^"]+" allowed-address=\S+ preshared-key=<hidden> /.test(c))).toBe(true);
    m.sim.commands.start();
    const applied = await m.call('peers:importApply', { ...input, planId: preview.planId });
    const writes = peerWrites(m.sim.commands.stop());
    expect(applied.counts).toMatchObject({ applied: 60, skipped: 1, failed: 0 });
    expect(writes).toHaveLength(60);
    preview.commands.forEach((line, i) => {
      const expected = apiWords(line);
      expect(writes[i]!.command).toBe(expected.command);
      expect(sameWords(expected.words, writes[i]!.words), `${line} vs ${writes[i]!.words.join(' ')}`).toBe(true);
    });
    // The key the preview showed is the one on the router, with the preshared key the plan hid.
    const shown = /public-key="([^"]+)"/.exec(preview.commands[0]!)![1];
    expect(m.rows().find((r) => r['name'] === 'csv-0')).toMatchObject({ 'public-key': shown, 'preshared-key': expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    // In parts of at most 50, each with its own backup, as the preview step says.
    expect((await m.call('changes:history', { routerId })).filter((e) => e.subject?.code === 'peer.import')).toHaveLength(2);

    // A second preview, then an address it gave away is taken on the router: Apply is refused, nothing sent.
    const next = await m.call('changes:preview', { kind: 'peer.import', input: { ...input, csv: 'name\nsonraki' } });
    const address = /allowed-address=(\S+)/.exec(next.commands[0]!)![1]!;
    m.sim.state.add(PEERS, { interface: 'wg-office', name: 'winbox', 'public-key': testKey(9), 'allowed-address': address });
    await m.settle();
    m.sim.commands.start();
    const refused = await m.fail('peers:importApply', { ...input, csv: 'name\nsonraki', planId: next.planId });
    expect(refused.code).toBe('PLAN_STALE');
    expect(peerWrites(m.sim.commands.stop())).toEqual([]);
  });
});

describe('verifying a plan', () => {
  it('reads the items a plan touched back with one print per menu, asking for just their ids', async () => {
    const m = await router();
    const ids: string[] = [];
    for (const name of ['v1', 'v2', 'v3', 'v4']) ids.push((await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name })).peer.id);
    m.sim.commands.start();
    await m.call('peers:bulk', { routerId: m.routerId, action: 'disable', peerIds: ids });
    const log = m.sim.commands.stop().filter((e) => e.source === 'api');
    const lastWrite = log.map((e) => e.command).lastIndexOf(`${PEERS}/set`);
    const reads = log.slice(lastWrite + 1).filter((e) => e.command === `${PEERS}/print`);
    // The first peer print after the last write is the read-back: the four ids, or-ed, in one query.
    expect(reads[0]!.words.filter((w) => w.startsWith('?'))).toEqual([...ids.map((id) => `?.id=${id}`), '?#|||']);
    for (const id of ids) expect(m.rows().find((r) => r['.id'] === id)!['disabled']).toBe('true');
  });
});

describe('backups and the journal', () => {
  it('writes the backup and the journal entry before the first command, without any key', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'with-psk', presharedKey: true });
    const psk = m.rows().find((r) => r['name'] === 'with-psk')!['preshared-key']!;
    const ifacePrivate = m.rows('/interface/wireguard').map((r) => r['private-key']!);
    const done = await m.call('peers:setDisabled', { routerId: m.routerId, peerId: peer.id, disabled: true });
    const [backup] = tableRows(m.dataDir, `SELECT * FROM router_backups WHERE id = ${done.report!.backupId}`);
    expect(backup).toMatchObject({ title: 'Disable peer "with-psk"' });
    const rsc = String(backup!['rsc']);
    expect(rsc).toContain('/interface wireguard peers');
    expect(rsc).toContain(`public-key="${peer.publicKey}"`);
    expect(rsc).toContain('No private or preshared key is in this file');
    const everything = JSON.stringify(tableRows(m.dataDir, 'SELECT * FROM router_backups')) + JSON.stringify(tableRows(m.dataDir, 'SELECT * FROM change_plans'));
    expect(everything).not.toContain(psk);
    for (const key of ifacePrivate) expect(everything).not.toContain(key);
    const [journal] = tableRows(m.dataDir, `SELECT * FROM change_plans WHERE plan_id = '${done.report!.planId}'`);
    expect(journal).toMatchObject({ state: 'applied', backup_id: done.report!.backupId });
  });
});

describe('bad input and failures', () => {
  it('refuses a preview the router outdated, with both versions of the commands; nothing is sent', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'moving' });
    const preview = await m.call('changes:preview', { kind: 'peer.update', input: { routerId: m.routerId, peerId: peer.id, comment: 'new' } });
    const id = m.rows().find((r) => r['name'] === 'moving')!['.id']!;
    m.sim.state.remove(PEERS, id);
    m.sim.state.add(PEERS, { interface: 'wg-office', name: 'moving', 'public-key': peer.publicKey, 'allowed-address': '10.10.0.2/32' });
    await m.settle();
    const error = await m.fail('peers:update', { routerId: m.routerId, peerId: peer.id, comment: 'new', planId: preview.planId });
    // The old .id is gone: the peer itself is not found any more (a re-read shows the new one).
    expect(['NOT_FOUND', 'PLAN_STALE']).toContain(error.code);

    const fresh = (await m.call('peers:listManaged', { routerId: m.routerId })).rows.find((p) => p.name === 'moving')!;
    const second = await m.call('changes:preview', { kind: 'peer.update', input: { routerId: m.routerId, peerId: fresh.id, allowedAddress: '10.10.0.50/32' } });
    m.sim.state.add(PEERS, { interface: 'wg-office', name: 'squatter', 'public-key': testKey(9), 'allowed-address': '10.10.0.60/32' });
    m.sim.state.set(PEERS, fresh.id, { 'allowed-address': '10.10.0.51/32' });
    await m.settle();
    m.sim.commands.start();
    const stale = await m.fail('peers:update', { routerId: m.routerId, peerId: fresh.id, allowedAddress: '10.10.0.50/32', planId: second.planId });
    expect(peerWrites(m.sim.commands.stop())).toEqual([]);
    expect(stale.code).toBe('PLAN_STALE');
    expect(stale.details).toMatchObject({ reason: 'changed', previewed: second.commands });
  });

  it('a preview expires or belongs to one change only', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'once' });
    const preview = await m.call('changes:preview', { kind: 'peer.setDisabled', input: { routerId: m.routerId, peerId: peer.id, disabled: true } });
    await m.call('peers:setDisabled', { routerId: m.routerId, peerId: peer.id, disabled: true, planId: preview.planId });
    const again = await m.fail('peers:setDisabled', { routerId: m.routerId, peerId: peer.id, disabled: false, planId: preview.planId });
    expect(again.code).toBe('PLAN_STALE');
    expect(again.details).toMatchObject({ reason: 'expired' });
  });

  it('a refused step is reported with the router\'s words; the rollback entry is removed', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'refused' });
    m.sim.faults.refuse('/interface/wireguard/peers/set', 'not enough permissions (9)');
    const error = await m.fail('peers:setDisabled', { routerId: m.routerId, peerId: peer.id, disabled: true });
    expect(error.code).toBe('TRAP');
    expect(error.message).toContain('not enough permissions (9)');
    expect(error.details).toMatchObject({ report: { outcome: 'failed', steps: [{ state: 'failed' }], rollback: { state: 'removed' } } });
    expect(m.rows('/system/scheduler')).toEqual([]);
  });
});

describe('the router undoes a change that cuts WireDesk off', () => {
  it('rollback pending, then the router puts the peer back; after reconnecting the model equals the backup', async () => {
    const m = await router();
    m.s.settings.update({ rollbackDelaySec: 10 });
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'uplink', allowedAddress: '10.10.0.30/32' });
    const events: unknown[] = [];
    m.s.events.subscribe((name, payload) => {
      if (name === 'changes:rollback') events.push(payload);
    });
    m.sim.faults.cutLinkAfter('/interface/wireguard/peers/set');
    const started = Date.now();
    const error = await m.fail('peers:update', { routerId: m.routerId, peerId: peer.id, allowedAddress: '10.10.0.31/32' });
    expect(['CONNECTION_LOST', 'TIMEOUT']).toContain(error.code);
    expect(error.details).toMatchObject({ report: { outcome: 'rollback-pending', rollback: { state: 'pending' } } });
    expect(events).toContainEqual(expect.objectContaining({ state: 'pending', title: 'Edit peer "uplink" on wg-office' }));
    // The router runs the undo by itself at the time the entry says; the link comes back with it.
    await statusWhere(m.s, m.routerId, (st) => st.state === 'online', 40_000);
    await expect.poll(() => events.map((e) => (e as { state: string }).state), { timeout: 30_000 }).toContain('rolled-back');
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
    expect(m.rows().find((r) => r['public-key'] === peer.publicKey)!['allowed-address']).toBe('10.10.0.30/32');
    const list = await m.call('peers:listManaged', { routerId: m.routerId });
    expect(list.rows.find((p) => p.publicKey === peer.publicKey)!.allowedAddress).toEqual(['10.10.0.30/32']);
    const [journal] = tableRows(m.dataDir, `SELECT state FROM change_plans WHERE kind = 'peer.update'`);
    expect(journal).toEqual({ state: 'rolled-back' });
    expect(m.rows('/system/scheduler')).toEqual([]);
  }, 90_000);
});

describe('Safe Mode (RouterOS 7.18+)', () => {
  it('a change the verification does not confirm is unrolled by Safe Mode, and says which check failed', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'locked-out' });
    // The verifying second login fails (as behind a firewall rule that lets only established sessions through).
    m.sim.faults.refuse('/system/resource/print');
    m.sim.commands.start();
    const error = await m.fail('peers:setDisabled', { routerId: m.routerId, peerId: peer.id, disabled: true });
    const sent = m.sim.commands.stop().filter((e) => !e.command.endsWith('/print')).map((e) => e.command);
    m.sim.faults.reset();
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ report: { outcome: 'undone', safeMode: 'used', steps: [{ state: 'undone' }], differences: [{ field: 'connection' }] } });
    expect(sent).toEqual(['/system/scheduler/add', '/safe-mode/take', '/interface/wireguard/peers/set', '/safe-mode/unroll', '/system/scheduler/remove']);
    expect(m.rows().find((r) => r['public-key'] === peer.publicKey)!['disabled']).toBe('false');
    const listed = (await m.call('peers:listManaged', { routerId: m.routerId })).rows.find((p) => p.id === peer.id)!;
    expect(listed.disabled).toBe(false);
  });

  it('a session that drops mid-change is unrolled by the router at once; WireDesk confirms it on reconnect', async () => {
    const m = await router();
    const { peer } = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'dropped', allowedAddress: '10.10.0.33/32' });
    const events: Array<{ state: string }> = [];
    m.s.events.subscribe((name, payload) => {
      if (name === 'changes:rollback') events.push(payload as { state: string });
    });
    m.sim.faults.cutLinkAfter('/interface/wireguard/peers/set');
    const failing = m.fail('peers:update', { routerId: m.routerId, peerId: peer.id, allowedAddress: '10.10.0.34/32' });
    await expect.poll(() => m.sim.faults.linkCut).toBe(true);
    expect(m.rows().find((r) => r['public-key'] === peer.publicKey)!['allowed-address']).toBe('10.10.0.34/32');
    // The TCP session ends without /quit: the router unrolls what was done in Safe Mode.
    m.sim.faults.dropAfter(0);
    m.sim.faults.liftCut();
    const error = await failing;
    expect(['CONNECTION_LOST', 'CLOSED', 'TIMEOUT']).toContain(error.code);
    expect(m.rows().find((r) => r['public-key'] === peer.publicKey)!['allowed-address']).toBe('10.10.0.33/32');
    await statusWhere(m.s, m.routerId, (st) => st.state === 'online', 30_000);
    await expect.poll(() => events.map((e) => e.state), { timeout: 20_000 }).toContain('rolled-back');
    // The rollback entry was disarmed on reconnect, before it could run on top of Safe Mode's unroll.
    expect(m.rows('/system/scheduler')).toEqual([]);
  }, 60_000);

  it('without Safe Mode (7.17) the router\'s rollback entry alone guards a change, and undoes a deleted interface with its key and peers', async () => {
    const m = await router({ version: '7.17' });
    m.s.settings.update({ rollbackDelaySec: 10 });
    const ifaces = '/interface/wireguard';
    const before = m.rows(ifaces).find((r) => r['name'] === 'wg-office')!;
    const peersBefore = m.rows().filter((r) => r['interface'] === 'wg-office').map((r) => r['public-key']).sort();
    const preview = await m.call('interfaces:deletePreview', { routerId: m.routerId, interfaceId: before['.id']! });
    expect(preview.plan.rollback.script.slice(1).every((l) => l.startsWith(':do { '))).toBe(true);
    m.sim.faults.cutLinkAfter('/interface/wireguard/remove');
    const error = await m.fail('interfaces:delete', { routerId: m.routerId, interfaceId: before['.id']!, confirmName: 'wg-office', planId: preview.plan.planId });
    expect(error.details).toMatchObject({ report: { outcome: 'rollback-pending', safeMode: 'not-supported' } });
    await expect.poll(() => m.sim.faults.linkCut, { timeout: 20_000 }).toBe(false);
    const after = m.rows(ifaces).find((r) => r['name'] === 'wg-office')!;
    expect(after).toMatchObject({ 'listen-port': before['listen-port'], 'private-key': before['private-key'], 'public-key': before['public-key'] });
    expect(m.rows().filter((r) => r['interface'] === 'wg-office').map((r) => r['public-key']).sort()).toEqual(peersBefore);
    expect(m.rows('/ip/address').some((a) => a['interface'] === 'wg-office' && a['address'] === '10.10.0.1/24')).toBe(true);
  }, 60_000);
});
