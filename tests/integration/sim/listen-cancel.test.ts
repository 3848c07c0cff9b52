import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, simulators, testKey } from './helpers/sim.ts';

const start = simulators();

describe('listen and /cancel', () => {
  it('streams a !re per change, removed rows with .dead=true (v7), until cancelled', async () => {
    const sim = await start();
    sim.state.add('/interface/wireguard', { name: 'wg0' });
    const watcher = await login(sim);
    const writer = await login(sim);
    watcher.write(['/interface/wireguard/peers/listen', '.tag=L']);
    // listen has no acknowledgement; a round trip on the same connection proves it is registered.
    await watcher.call(['/system/identity/print']);

    const id = (await writer.call(['/interface/wireguard/peers/add', '=interface=wg0', `=public-key=${testKey(1)}`, '=allowed-address=10.0.0.2/32']))[0]!.get('ret')!;
    await writer.call(['/interface/wireguard/peers/set', `=.id=${id}`, '=comment=hello']);
    await writer.call(['/interface/wireguard/peers/remove', `=.id=${id}`]);

    const events = await watcher.until(() => (watcher.tagged('L').length >= 3 ? watcher.tagged('L') : undefined));
    expect(events.map((e) => e.head)).toEqual(['!re', '!re', '!re']);
    expect(events[0]!.get('.id')).toBe(id);
    expect(events[1]!.get('comment')).toBe('hello');
    expect([events[2]!.get('.id'), events[2]!.get('.dead')]).toEqual([id, 'true']);

    const cancel = await watcher.call(['/cancel', '=tag=L'], 'C');
    expect(summary(cancel)).toEqual(['!done']);
    expect(summary(watcher.tagged('L').slice(3))).toEqual(['!trap 2 interrupted', '!done']);
  });

  it('cancels a streaming ping and leaves other commands alone', async () => {
    const sim = await start({ peers: 3 });
    const api = await login(sim);
    api.write(['/ping', '=address=192.168.88.1', '=interval=10ms', '.tag=P']);
    await api.until(() => api.tagged('P').length >= 2);
    const other = await api.call(['/system/identity/print']);
    expect(other.at(-1)!.head).toBe('!done');
    await api.call(['/cancel', '=tag=P']);
    const ping = api.tagged('P');
    expect(summary(ping.slice(-2))).toEqual(['!trap 2 interrupted', '!done']);
    expect(ping.slice(0, -2).every((r) => r.head === '!re')).toBe(true);
  });

  it('/cancel without a tag interrupts every running command of the connection', async () => {
    const sim = await start();
    const api = await login(sim);
    api.write(['/interface/wireguard/listen', '.tag=a']);
    api.write(['/ip/address/listen', '.tag=b']);
    await api.call(['/cancel']);
    expect(summary(api.tagged('a'))).toEqual(['!trap 2 interrupted', '!done']);
    expect(summary(api.tagged('b'))).toEqual(['!trap 2 interrupted', '!done']);
  });

  it('notifies listeners of singleton menus', async () => {
    const sim = await start();
    const api = await login(sim);
    api.write(['/system/identity/listen', '.tag=id']);
    await api.call(['/system/identity/print']);
    sim.state.set('/system/identity', '', { name: 'Şube-İzmir' });
    const [event] = await api.until(() => (api.tagged('id').length > 0 ? api.tagged('id') : undefined));
    expect(event!.get('name')).toBe('Şube-İzmir');
  });
});
