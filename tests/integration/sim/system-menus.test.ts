import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, manualClock, simulators } from './helpers/sim.ts';

const start = simulators();

describe('system and ip menus', () => {
  it('prints and sets the identity', async () => {
    const sim = await start();
    const api = await login(sim);
    expect(summary(await api.call(['/system/identity/set', '=name=Şube-Ankara']))).toEqual(['!done']);
    expect(await api.rows(['/system/identity/print'])).toEqual([{ name: 'Şube-Ankara' }]);
  });

  it('prints /system/resource with realistic values; uptime follows the clock', async () => {
    const clock = manualClock();
    const sim = await start({ clock });
    const api = await login(sim);
    const [first] = await api.rows(['/system/resource/print']);
    expect(first).toMatchObject({ version: '7.18.2 (stable)', 'cpu-count': expect.stringMatching(/^\d+$/) });
    for (const key of ['uptime', 'build-time', 'free-memory', 'total-memory', 'cpu', 'cpu-frequency', 'cpu-load', 'board-name', 'architecture-name']) {
      expect(first).toHaveProperty(key);
    }
    expect(first!.uptime).toMatch(/^(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/);
    expect(Number(first!['free-memory'])).toBeLessThan(Number(first!['total-memory']));
    clock.advance(3_600_000);
    const [later] = await api.rows(['/system/resource/print']);
    expect(later!.uptime).not.toBe(first!.uptime);
    expect(summary(await api.call(['/system/resource/set', '=cpu=x']))).toEqual([
      '!trap 0 no such command or directory (set)', '!trap - no such command prefix', '!done',
    ]);
  });

  it('prints /ip/cloud with a mynetname.net name', async () => {
    const sim = await start();
    const [cloud] = await (await login(sim)).rows(['/ip/cloud/print']);
    // 7.17 made ddns-enabled `auto | yes`, printed as written (see versions.test.ts).
    expect(cloud).toMatchObject({ 'ddns-enabled': 'yes', status: 'updated' });
    expect(cloud!['dns-name']).toMatch(/^[0-9a-f]{12}\.sn\.mynetname\.net$/);
    expect(cloud!['public-address']).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('seeds the default firewall with an input accept for the WireGuard port before the drop', async () => {
    const sim = await start({ peers: 5 });
    const rules = await (await login(sim)).rows(['/ip/firewall/filter/print']);
    const wg = rules.findIndex((r) => r.chain === 'input' && r.protocol === 'udp' && r['dst-port'] === '13231' && r.action === 'accept');
    const drop = rules.findIndex((r) => r.chain === 'input' && r.action === 'drop' && r['in-interface-list'] === '!LAN');
    expect(wg).toBeGreaterThan(-1);
    expect(wg).toBeLessThan(drop);
  });

  it('adds a firewall rule at a position with place-before', async () => {
    const sim = await start();
    const api = await login(sim);
    const rules = await api.rows(['/ip/firewall/filter/print', '?comment=defconf: drop all not coming from LAN']);
    const id = (await api.call(['/ip/firewall/filter/add', '=chain=input', '=action=accept', '=protocol=udp', '=dst-port=51820', `=place-before=${rules[0]!['.id']}`]))[0]!.get('ret');
    const all = await api.rows(['/ip/firewall/filter/print', '=.proplist=.id']);
    expect(all.findIndex((r) => r['.id'] === id)).toBe(all.findIndex((r) => r['.id'] === rules[0]!['.id']) - 1);
  });

  it('lists every interface under /interface', async () => {
    const sim = await start({ peers: 1 });
    const rows = await (await login(sim)).rows(['/interface/print', '=.proplist=name,type']);
    expect(rows).toContainEqual({ name: 'ether1', type: 'ether' });
    expect(rows).toContainEqual({ name: 'bridge', type: 'bridge' });
    expect(rows).toContainEqual({ name: 'wg-office', type: 'wg' });
  });

  it('pings: an online peer answers, an unknown address times out, loss is counted', async () => {
    const sim = await start({ clock: manualClock() });
    sim.state.add('/interface/wireguard', { name: 'wg0' });
    const online = sim.state.add('/interface/wireguard/peers', { interface: 'wg0', 'public-key': Buffer.alloc(32, 1).toString('base64'), 'allowed-address': '10.0.0.2/32' });
    sim.state.setPeerTraffic(online.idText, { handshakeAgeSeconds: 20 });
    const api = await login(sim);
    const ok = await api.rows(['/ping', '=address=10.0.0.2', '=count=3', '=interval=10ms']);
    expect(ok).toHaveLength(3);
    expect(ok.filter((r) => r.status !== 'timeout').length).toBeGreaterThanOrEqual(2);
    const answered = ok.find((r) => r.status !== 'timeout')!;
    expect(answered).toMatchObject({ host: '10.0.0.2', size: '56', ttl: '64' });
    expect(answered.time).toMatch(/^(\d+ms)?(\d+us)?$/);
    expect(ok.at(-1)).toMatchObject({ sent: '3' });

    const lost = await api.rows(['/ping', '=address=10.0.0.99', '=count=2', '=interval=10ms']);
    expect(lost).toEqual([
      { seq: '0', host: '10.0.0.99', status: 'timeout', sent: '1', received: '0', 'packet-loss': '100' },
      { seq: '1', host: '10.0.0.99', status: 'timeout', sent: '2', received: '0', 'packet-loss': '100' },
    ]);
    expect(summary(await api.call(['/ping', '=address=not-an-ip', '=count=1']))).toEqual(['!trap 1 invalid value for argument address', '!done']);
    expect(summary(await api.call(['/ping', '=address=10.0.0.2', '=interval=0']))).toEqual(['!trap 1 value of interval out of range (10ms..5s)', '!done']);
  });

  it('an offline peer does not answer pings', async () => {
    const sim = await start({ clock: manualClock() });
    sim.state.add('/interface/wireguard', { name: 'wg0' });
    const peer = sim.state.add('/interface/wireguard/peers', { interface: 'wg0', 'public-key': Buffer.alloc(32, 2).toString('base64'), 'allowed-address': '10.0.0.3/32' });
    sim.state.setPeerTraffic(peer.idText, { handshakeAgeSeconds: 600 });
    const rows = await (await login(sim)).rows(['/ping', '=address=10.0.0.3', '=count=1', '=interval=10ms']);
    expect(rows[0]!.status).toBe('timeout');
  });

  it('prints /system/ntp/client (off by default); once on with a server that answers, the router clock follows the internet time', async () => {
    // A router without a battery-backed clock, started at jan/02/1970 (the manual's "Clock" page).
    const clock = manualClock(Date.UTC(1970, 0, 2, 0, 0, 0));
    const sim = await start({ clock });
    const api = await login(sim);
    expect(await api.rows(['/system/ntp/client/print'])).toEqual([{ enabled: 'false', mode: 'unicast', servers: '', vrf: 'main', status: 'stopped' }]);
    expect((await api.rows(['/system/clock/print']))[0]).toMatchObject({ time: '00:00:00', date: '1970-01-02' });
    // Enabled without servers: nothing to ask.
    await api.call(['/system/ntp/client/set', '=enabled=yes']);
    expect((await api.rows(['/system/ntp/client/print']))[0]).toMatchObject({ enabled: 'true', status: 'waiting' });
    expect(summary(await api.call(['/system/ntp/client/set', '=mode=sometimes']))).toEqual(['!trap 1 invalid value for argument mode', '!done']);
    await api.call(['/system/ntp/client/set', '=servers=pool.ntp.org']);
    expect((await api.rows(['/system/ntp/client/print']))[0]).toEqual({
      enabled: 'true', mode: 'unicast', servers: 'pool.ntp.org', vrf: 'main', 'freq-drift': '0.000 PPM', status: 'synchronized',
      'synced-server': 'pool.ntp.org', 'synced-stratum': '2',
    });
    const today = new Date().toISOString().slice(0, 10);
    expect((await api.rows(['/system/clock/print']))[0]!.date).toBe(today);
    // Turned off again, the clock keeps the time NTP set; the traffic model kept the simulator's clock throughout.
    await api.call(['/system/ntp/client/set', '=enabled=no']);
    clock.advance(60_000);
    expect((await api.rows(['/system/clock/print']))[0]!.date).toBe(today);
    expect(sim.state.modelNow()).toBe(Date.UTC(1970, 0, 2, 0, 1, 0));
  });

  it('leaves a router whose NTP servers do not answer waiting, its clock where it was', async () => {
    const clock = manualClock(Date.UTC(1970, 0, 2, 0, 0, 0));
    const sim = await start({ clock, ntpReachable: false });
    const api = await login(sim);
    await api.call(['/system/ntp/client/set', '=enabled=yes', '=servers=192.0.2.123']);
    expect((await api.rows(['/system/ntp/client/print']))[0]).toEqual({ enabled: 'true', mode: 'unicast', servers: '192.0.2.123', vrf: 'main', status: 'waiting' });
    expect((await api.rows(['/system/clock/print']))[0]!.date).toBe('1970-01-02');
  });

  it('has no /system/ntp/client on RouterOS 6 (its SNTP client has other fields)', async () => {
    const sim = await start({ version: '6.49', peers: 0 });
    const api = await login(sim);
    expect(summary(await api.call(['/system/ntp/client/print']))[0]).toMatch(/^!trap/);
  });
});
