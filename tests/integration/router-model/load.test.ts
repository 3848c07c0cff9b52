// The load WireDesk puts on a router: with any screen open, one peer-table print per poll interval (plus what
// `listen` streams); screens answer from the model. A change answers from its own read of the changed item.
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeChannel } from '../../../src/contract/index.ts';
import { managedRouter, type Managed } from '../management/support.ts';
import { isTablePrint, nextPoll, PEER_TABLE_PRINT } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

const INTERVALS = 5;

/** What each tab reads when main says its router's model changed (renderer/lib: re-read on model:changed). */
const TABS: Record<string, (m: Managed) => Promise<unknown>> = {
  peers: (m) => Promise.all([m.call('peers:listManaged', { routerId: m.routerId }), m.call('interfaces:list', { routerId: m.routerId })]),
  interfaces: (m) => m.call('interfaces:list', { routerId: m.routerId }),
  traffic: async (m) => {
    const peers = await m.call('peers:list', { routerId: m.routerId });
    const peer = peers.rows[0]!;
    return Promise.all([
      m.call('traffic:series', { routerId: m.routerId, interface: peer.interface, publicKey: peer.publicKey, range: '15m' }),
      m.call('traffic:topTalkers', { routerId: m.routerId, range: '24h', limit: 10 }),
    ]);
  },
};

/** Opens a tab: it reads at once and again on every model:changed for its router, as the renderer does. */
function openTab(m: Managed, read: (m: Managed) => Promise<unknown>): { reads: number; close(): Promise<void> } {
  let pending: Promise<unknown> = read(m);
  const tab = { reads: 1, close: async () => { off(); await pending; } };
  const off = m.s.events.subscribe((event, payload) => {
    if (event !== 'model:changed' || (payload as { routerId: string }).routerId !== m.routerId) return;
    tab.reads++;
    pending = pending.then(() => read(m));
  });
  return tab;
}

describe('router load', () => {
  it('makes exactly one peer-table print per poll interval whichever tab is open, and screens read no router table', async () => {
    m = await managedRouter({ peers: 30 });
    await m.call('settings:update', { pollIntervalSec: 2 });
    await nextPoll(m.s, m.routerId);
    for (const [name, read] of Object.entries(TABS)) {
      const tab = openTab(m, read);
      m.sim.commands.start();
      for (let i = 0; i < INTERVALS; i++) await nextPoll(m.s, m.routerId);
      const log = m.sim.commands.stop();
      await tab.close();
      expect(tab.reads, `${name}: the tab re-read on every poll`).toBeGreaterThan(INTERVALS);
      const tablePrints = log.filter((e) => e.command === PEER_TABLE_PRINT && isTablePrint(e));
      expect(tablePrints, `${name}: peer-table prints in ${INTERVALS} poll intervals`).toHaveLength(INTERVALS);
      // Each of them is the poller's, with its .proplist; nothing else was asked of the router.
      for (const e of tablePrints) expect(e.words.some((w) => w.startsWith('=.proplist='))).toBe(true);
      expect(log.map((e) => e.command).filter((c) => c !== PEER_TABLE_PRINT), name).toEqual([]);
    }
  }, 60_000);

  it('answers a change from one read of the changed peer', async () => {
    m = await managedRouter({ peers: 6 });
    const peer = (await m.call('peers:list', { routerId: m.routerId })).rows.find((p) => !p.dynamic && !p.disabled)!;
    m.sim.commands.start();
    const changed = await m.call('peers:setDisabled', { routerId: m.routerId, peerId: peer.id, disabled: true });
    const log = m.sim.commands.stop();
    expect(changed.peer).toMatchObject({ id: peer.id, disabled: true, status: 'disabled' });
    const reads = log.filter((e) => e.command.endsWith('/print'));
    // The sync before the change (a one-field identity print), the router's clock for the rollback entry,
    // the login of the verifying second connection (its facts), then the peer read by its .id: no table print.
    expect(reads.filter((e) => e.command === PEER_TABLE_PRINT).map((e) => e.words.filter((w) => w.startsWith('?')))).toEqual([[`?.id=${peer.id}`]]);
    expect(reads[0]).toMatchObject({ command: '/system/identity/print', words: ['=.proplist=name'] });
    expect(reads.map((e) => e.command)).toContain('/system/clock/print');
    // The change itself, in Safe Mode (7.18), between the rollback entry armed before it and removed after it was confirmed.
    expect(log.filter((e) => !e.command.endsWith('/print')).map((e) => e.command)).toEqual([
      '/system/scheduler/add', '/safe-mode/take', '/interface/wireguard/peers/set', '/safe-mode/release', '/system/scheduler/remove',
    ]);
    // Every screen shows the change at once, from the model.
    const listed = (await m.call('peers:listManaged', { routerId: m.routerId })).rows.find((p) => p.id === peer.id);
    expect(listed).toMatchObject({ disabled: true, status: 'disabled' });
  });

  it.each<[InvokeChannel, Record<string, unknown>]>([
    ['peers:precheck', { interface: 'wg-office' }],
    ['peers:nextAddress', { interface: 'wg-office' }],
  ])('%s reads the model: one sync round trip, no table print', async (channel, input) => {
    m = await managedRouter({ peers: 6 });
    await m.settle();
    m.sim.commands.start();
    await m.call(channel, { routerId: m.routerId, ...input } as never);
    const log = m.sim.commands.stop();
    expect(log.map((e) => e.command)).toEqual(['/system/identity/print']);
  });
});
