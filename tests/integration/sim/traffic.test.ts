import { describe, expect, it } from 'vitest';
import { login, manualClock, simulators, testKey } from './helpers/sim.ts';

const start = simulators();
const MINUTE = 60_000;

describe('simulated traffic', () => {
  it('is deterministic for a seed and clock', async () => {
    const a = await start({ peers: 30, seed: 42, clock: manualClock() });
    const b = await start({ peers: 30, seed: 42, clock: manualClock() });
    const c = await start({ peers: 30, seed: 43, clock: manualClock() });
    const print = async (sim: typeof a) => (await login(sim)).rows(['/interface/wireguard/peers/print']);
    expect(await print(a)).toEqual(await print(b));
    expect(await print(a)).not.toEqual(await print(c));
  });

  it('grows counters of online peers and renews their handshakes as the clock moves', async () => {
    const clock = manualClock();
    const sim = await start({ peers: 40, seed: 7, clock });
    const api = await login(sim);
    const online = (await api.rows(['/interface/wireguard/peers/print', '?last-handshake', '?disabled=false', '?dynamic=false']))
      .filter((r) => !/[hdw]/.test(r['last-handshake']!) && !/^[3-9]m|^\d\dm/.test(r['last-handshake']!));
    expect(online.length).toBeGreaterThan(0);
    const before = online[0]!;
    clock.advance(3 * MINUTE);
    const [after] = await api.rows(['/interface/wireguard/peers/print', `?.id=${before['.id']}`]);
    expect(Number(after!.rx) + Number(after!.tx)).toBeGreaterThanOrEqual(Number(before.rx) + Number(before.tx));
    expect(after!['last-handshake']).toBeDefined();
    // Over a simulated day some peers go offline or come back.
    const status = async () => (await api.rows(['/interface/wireguard/peers/print', '=.proplist=.id,last-handshake']))
      .map((r) => r['last-handshake'] !== undefined && !/[hdw]/.test(r['last-handshake']) && !/^([3-9]|\d\d)m/.test(r['last-handshake']));
    const s1 = await status();
    clock.advance(24 * 60 * MINUTE);
    expect(await status()).not.toEqual(s1);
  });

  it('gives a new peer no handshake, empty endpoint and zero counters', async () => {
    const sim = await start({ clock: manualClock() });
    sim.state.add('/interface/wireguard', { name: 'wg0' });
    const peer = sim.state.add('/interface/wireguard/peers', { interface: 'wg0', 'public-key': testKey(5), 'allowed-address': '10.0.0.2/32' });
    const [row] = await (await login(sim)).rows(['/interface/wireguard/peers/print', `?.id=${peer.idText}`]);
    expect(row).toMatchObject({ rx: '0', tx: '0', 'current-endpoint-address': '', 'current-endpoint-port': '0' });
    expect(row).not.toHaveProperty('last-handshake');
  });

  it('lets a test pin exact counters and handshake age, and reset counters', async () => {
    const clock = manualClock();
    const sim = await start({ peers: 5, clock });
    const api = await login(sim);
    const id = sim.state.table('/interface/wireguard/peers').rows[0]!.idText;
    sim.state.setPeerTraffic(id, { rx: 1234, tx: 5678, handshakeAgeSeconds: 95, endpoint: { address: '198.51.100.7', port: 51820 } });
    let [row] = await api.rows(['/interface/wireguard/peers/print', `?.id=${id}`]);
    expect(row).toMatchObject({ rx: '1234', tx: '5678', 'last-handshake': '1m35s', 'current-endpoint-address': '198.51.100.7', 'current-endpoint-port': '51820' });
    clock.advance(10 * MINUTE);
    [row] = await api.rows(['/interface/wireguard/peers/print', `?.id=${id}`]);
    expect(row).toMatchObject({ rx: '1234', 'last-handshake': '11m35s' });
    sim.state.setPeerTraffic(id, { handshakeAgeSeconds: null, rxRate: 100 });
    clock.advance(10_000);
    [row] = await api.rows(['/interface/wireguard/peers/print', `?.id=${id}`]);
    expect(row).toMatchObject({ rx: '2234' });
    expect(row).not.toHaveProperty('last-handshake');
    sim.state.resetCounters(id);
    [row] = await api.rows(['/interface/wireguard/peers/print', `?.id=${id}`]);
    expect(row).toMatchObject({ rx: '0', tx: '0' });
  });

  it('tick() announces handshake changes to listeners', async () => {
    const clock = manualClock();
    const sim = await start({ peers: 20, seed: 3, clock });
    const api = await login(sim);
    sim.state.tick();
    api.write(['/interface/wireguard/peers/listen', '=.proplist=.id,last-handshake', '.tag=L']);
    await api.call(['/system/identity/print']);
    clock.advance(5 * MINUTE);
    sim.state.tick();
    const events = await api.until(() => (api.tagged('L').length > 0 ? api.tagged('L') : undefined));
    expect(events[0]!.get('last-handshake')).toMatch(/^(\d+m)?\d+s$|^\d+m$/);
  });
});
