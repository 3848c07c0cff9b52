import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, simulators, testKey } from './helpers/sim.ts';
import type { Simulator } from '../../../main/sim/index.ts';

const start = simulators();
const PEERS = '/interface/wireguard/peers';

async function router(version = '7.18'): Promise<{ sim: Simulator; peer: string }> {
  const sim = await start({ version, users: [{ name: 'admin', password: '' }, { name: 'bob', password: 'b' }] });
  sim.state.add('/interface/wireguard', { name: 'wg1' });
  const peer = sim.state.add(PEERS, { interface: 'wg1', 'public-key': testKey(1), 'allowed-address': '10.0.0.2/32', comment: 'before' });
  return { sim, peer: peer.idText };
}

async function waitFor(condition: () => boolean): Promise<void> {
  const until = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Safe Mode over the API (7.18+)', () => {
  it('release keeps the changes', async () => {
    const { sim, peer } = await router();
    const api = await login(sim);
    expect(summary(await api.call(['/safe-mode/take']))).toEqual(['!done']);
    expect(await api.rows(['/safe-mode/print'])).toEqual([{ enabled: 'true', user: 'admin', current: 'true' }]);
    await api.call([`${PEERS}/set`, `=.id=${peer}`, '=comment=after']);
    expect(summary(await api.call(['/safe-mode/release']))).toEqual(['!done']);
    expect(sim.state.print(PEERS)[0]!.comment).toBe('after');
    expect(await api.rows(['/safe-mode/print'])).toEqual([{ enabled: 'false', current: 'false' }]);
  });

  it('unroll undoes set, add and remove newest first; a removed peer comes back with its id', async () => {
    const { sim, peer } = await router();
    const api = await login(sim);
    await api.call(['/safe-mode/take']);
    await api.call([`${PEERS}/set`, `=.id=${peer}`, '=comment=after', '=allowed-address=10.0.0.9/32']);
    await api.call([`${PEERS}/add`, '=interface=wg1', `=public-key=${testKey(2)}`, '=allowed-address=10.0.0.3/32']);
    await api.call([`${PEERS}/remove`, `=.id=${peer}`]);
    await api.call(['/interface/wireguard/remove', '=.id=wg1']);
    expect(sim.state.table(PEERS).size).toBe(0);
    expect(summary(await api.call(['/safe-mode/unroll']))).toEqual(['!done']);
    expect(sim.state.print(PEERS)).toEqual([expect.objectContaining({ '.id': peer, comment: 'before', 'allowed-address': '10.0.0.2/32' })]);
    expect(sim.state.print('/interface/wireguard').map((i) => i.name)).toEqual(['wg1']);
    expect(summary(await api.call(['/safe-mode/unroll']))).toEqual(['!trap - Safe Mode has not been taken. Action aborted.', '!done']);
  });

  it('a connection that ends without /quit unrolls; /quit keeps the changes', async () => {
    const { sim, peer } = await router();
    const cut = await login(sim);
    await cut.call(['/safe-mode/take']);
    await cut.call([`${PEERS}/set`, `=.id=${peer}`, '=comment=lost']);
    cut.socket.destroy();
    await waitFor(() => sim.state.print(PEERS)[0]!.comment === 'before');

    const polite = await login(sim);
    await polite.call(['/safe-mode/take']);
    await polite.call([`${PEERS}/set`, `=.id=${peer}`, '=comment=kept']);
    polite.write(['/quit']);
    await polite.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.state.print(PEERS)[0]!.comment).toBe('kept');
    expect(await (await login(sim)).rows(['/safe-mode/print'])).toEqual([{ enabled: 'false', current: 'false' }]);
  });

  it('records changes from every session while held (manual: "also from other login sessions")', async () => {
    const { sim, peer } = await router();
    const owner = await login(sim);
    const other = await login(sim, 'bob', 'b');
    await owner.call(['/safe-mode/take']);
    await other.call([`${PEERS}/set`, `=.id=${peer}`, '=comment=by-bob']);
    await owner.call(['/safe-mode/unroll']);
    expect(sim.state.print(PEERS)[0]!.comment).toBe('before');
  });

  it('a second session is refused with the router\'s text and cannot release or unroll', async () => {
    const { sim } = await router();
    const owner = await login(sim);
    const same = await login(sim);
    const bob = await login(sim, 'bob', 'b');
    await owner.call(['/safe-mode/take']);
    expect(summary(await owner.call(['/safe-mode/take']))).toEqual(['!done']);
    expect(summary(await same.call(['/safe-mode/take']))).toEqual(['!trap - Safe Mode is taken by current user in another session. Action aborted.', '!done']);
    expect(summary(await bob.call(['/safe-mode/take']))).toEqual(['!trap - Safe Mode is taken by another user (admin). Action aborted.', '!done']);
    expect(summary(await bob.call(['/safe-mode/release']))).toEqual(['!trap - Safe Mode has not been taken. Action aborted.', '!done']);
    expect(await bob.rows(['/safe-mode/print'])).toEqual([{ enabled: 'true', user: 'admin', current: 'false' }]);
    expect(summary(await owner.call(['/safe-mode/take', '=on-error=maybe']))).toEqual(['!trap 1 invalid value for argument on-error', '!done']);
  });

  it('take on-error=release keeps the changes when the connection drops', async () => {
    const { sim, peer } = await router();
    const api = await login(sim);
    await api.call(['/safe-mode/take', '=on-error=release']);
    await api.call([`${PEERS}/set`, `=.id=${peer}`, '=comment=kept']);
    api.socket.destroy();
    await waitFor(() => sim.state.safeMode.owner === undefined);
    expect(sim.state.print(PEERS)[0]!.comment).toBe('kept');
  });

  it('does not exist before 7.18', async () => {
    const { sim } = await router('7.17');
    expect(summary(await (await login(sim)).call(['/safe-mode/take']))).toEqual([
      '!trap 0 no such command or directory (safe-mode)', '!trap - no such command prefix', '!done',
    ]);
  });
});
