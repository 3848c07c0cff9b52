import { describe, expect, it } from 'vitest';
import { RawApi, summary } from './helpers/raw-api.ts';
import { login, simulators, testKey } from './helpers/sim.ts';
import type { Simulator } from '../../../main/sim/index.ts';

const start = simulators();
const PEERS = '/interface/wireguard/peers';

async function router(): Promise<{ sim: Simulator; peer: string }> {
  const sim = await start();
  sim.state.add('/interface/wireguard', { name: 'wg1' });
  const peer = sim.state.add(PEERS, { interface: 'wg1', 'public-key': testKey(1), 'allowed-address': '10.0.0.2/32', comment: 'before' });
  return { sim, peer: peer.idText };
}

async function waitFor(condition: () => boolean, ms = 6000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const quiet = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('link-cut fault', () => {
  it('after the matching command runs, nothing answers (sockets stay open); new connections hear nothing; lift delivers what was held', async () => {
    const { sim, peer } = await router();
    const api = await login(sim);
    sim.faults.cutLinkAfter(`${PEERS}/set`, (words) => words.includes('=comment=cut'));
    expect(summary(await api.call([`${PEERS}/set`, `=.id=${peer}`, '=comment=fine']))).toEqual(['!done']);
    api.write([`${PEERS}/set`, `=.id=${peer}`, '=comment=cut', '.tag=cut']);
    await waitFor(() => sim.faults.linkCut);
    expect(sim.state.print(PEERS)[0]!.comment).toBe('cut');
    const fresh = await RawApi.connect({ port: sim.port });
    fresh.write(['/login', '=name=admin', '=password=', '.tag=l']);
    api.write(['/system/identity/print', '.tag=id']);
    await waitFor(() => sim.faults.heldWhileCut >= 2);
    await quiet(100);
    expect(api.tagged('cut')).toEqual([]);
    expect(fresh.received).toEqual([]);
    expect(api.socket.destroyed || fresh.socket.destroyed).toBe(false);
    sim.faults.liftCut();
    await api.until(() => api.tagged('cut').some((r) => r.head === '!done') && api.tagged('id').some((r) => r.head === '!done'));
    await fresh.until(() => fresh.tagged('l').some((r) => r.head === '!done'));
  });

  it('a scheduler script that undoes the change lifts the cut, and keeps running while cut', async () => {
    const { sim, peer } = await router();
    const api = await login(sim);
    const [clock] = await api.rows(['/system/clock/print']);
    const [h, m, s] = clock!.time!.split(':').map(Number) as [number, number, number];
    const at = new Date(Date.UTC(2000, 0, 1, h, m, s) + 2000).toISOString().slice(11, 19);
    const undo = `/system scheduler remove [find name=undo]\n/interface wireguard peers set [find public-key="${testKey(1)}"] comment=before`;
    await api.call(['/system/scheduler/add', '=name=undo', `=start-date=${clock!.date}`, `=start-time=${at}`, `=on-event=${undo}`]);
    sim.commands.start();
    sim.faults.cutLinkAfter(`${PEERS}/set`);
    api.write([`${PEERS}/set`, `=.id=${peer}`, '=comment=locked-out', '.tag=cut']);
    await waitFor(() => sim.faults.linkCut);
    await waitFor(() => !sim.faults.linkCut);
    expect(sim.state.print(PEERS)[0]!.comment).toBe('before');
    expect(sim.state.print('/system/scheduler')).toEqual([]);
    expect(sim.commands.entries.filter((e) => e.source === 'script').map((e) => e.command)).toEqual([
      '/system/scheduler/remove', `${PEERS}/set`,
    ]);
    const again = await login(sim);
    expect(await again.rows(['/system/identity/print'])).toHaveLength(1);
  });

  it('a client gone while cut is not seen by the router until its TCP timeout; then Safe Mode unrolls and the cut lifts', async () => {
    const { sim, peer } = await start118();
    const api = await login(sim);
    await api.call(['/safe-mode/take']);
    sim.faults.cutLinkAfter(`${PEERS}/set`);
    api.write([`${PEERS}/set`, `=.id=${peer}`, '=comment=locked-out']);
    await waitFor(() => sim.faults.linkCut);
    // The client's FIN is dropped like the rest of its packets: the router keeps the session and its Safe Mode.
    sim.faults.tcpTimeoutMs = 400;
    api.socket.destroy();
    await new Promise((r) => setTimeout(r, 150));
    expect(sim.faults.linkCut).toBe(true);
    expect(sim.state.print(PEERS)[0]!.comment).toBe('locked-out');
    await waitFor(() => !sim.faults.linkCut);
    expect(sim.state.print(PEERS)[0]!.comment).toBe('before');
    expect(await (await login(sim)).rows(['/safe-mode/print'])).toEqual([{ enabled: 'false', current: 'false' }]);
  });

  it('a script that changes nothing but the scheduler does not lift it; cutLink() and reset() do what they say', async () => {
    const { sim } = await router();
    sim.faults.cutLink();
    await sim.scripts.run('/system scheduler remove [find name=none]\n:log info still-cut');
    expect(sim.faults.linkCut).toBe(true);
    const api = await RawApi.connect({ port: sim.port });
    api.write(['/login', '=name=admin', '=password=', '.tag=l']);
    await waitFor(() => sim.faults.heldWhileCut === 1);
    sim.faults.reset();
    await api.until(() => api.tagged('l').some((r) => r.head === '!done'));
  });
});

async function start118(): Promise<{ sim: Simulator; peer: string }> {
  const sim = await start({ version: '7.18' });
  sim.state.add('/interface/wireguard', { name: 'wg1' });
  const peer = sim.state.add(PEERS, { interface: 'wg1', 'public-key': testKey(1), 'allowed-address': '10.0.0.2/32', comment: 'before' });
  return { sim, peer: peer.idText };
}
