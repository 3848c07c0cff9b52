import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, simulators } from './helpers/sim.ts';

const start = simulators();

describe('/ipv6/address', () => {
  it('adds an address to an interface and prints it with the RouterOS fields', async () => {
    const sim = await start({ peers: 0 });
    const api = await login(sim);
    expect(await api.rows(['/ipv6/address/print'])).toEqual([]);
    const added = await api.call(['/ipv6/address/add', '=address=FD12:3456:789A:1:0::1/64', '=interface=bridge', '=comment=LAN v6']);
    expect(summary(added)).toEqual(['!done']);
    const id = added[0]!.get('ret');
    const rows = await api.rows(['/ipv6/address/print']);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual([
      '.id', 'address', 'from-pool', 'interface', 'actual-interface', 'eui-64', 'advertise', 'no-dad', 'invalid', 'dynamic',
      'global', 'link-local', 'deprecated', 'disabled', 'comment',
    ]);
    expect(rows[0]).toEqual({
      '.id': id, address: 'fd12:3456:789a:1::1/64', 'from-pool': '', interface: 'bridge', 'actual-interface': 'bridge',
      'eui-64': 'false', advertise: 'true', 'no-dad': 'false', invalid: 'false', dynamic: 'false', global: 'true',
      'link-local': 'false', deprecated: 'false', disabled: 'false', comment: 'LAN v6',
    });
  });

  it('prints a bare address as /128 (not advertised) and a link-local one as link-local', async () => {
    const sim = await start({ peers: 0 });
    const api = await login(sim);
    await api.call(['/ipv6/address/add', '=address=2001:db8::7', '=interface=ether2']);
    await api.call(['/ipv6/address/add', '=address=fe80::1/64', '=interface=ether3', '=advertise=no']);
    const rows = await api.rows(['/ipv6/address/print']);
    expect(rows.map((r) => [r.address, r.advertise, r.global, r['link-local']])).toEqual([
      ['2001:db8::7/128', 'false', 'true', 'false'],
      ['fe80::1/64', 'false', 'false', 'true'],
    ]);
  });

  it('refuses an IPv4 value, and /ip/address refuses an IPv6 one', async () => {
    const sim = await start({ peers: 0 });
    const api = await login(sim);
    expect(summary(await api.call(['/ipv6/address/add', '=address=192.168.50.1/24', '=interface=ether2'])))
      .toEqual(['!trap 1 invalid value for argument address', '!done']);
    expect(summary(await api.call(['/ipv6/address/add', '=address=fd00::1/129', '=interface=ether2'])))
      .toEqual(['!trap 1 invalid value for argument address', '!done']);
    expect(summary(await api.call(['/ip/address/add', '=address=fd00::1/64', '=interface=ether2'])))
      .toEqual(['!trap 1 invalid value for argument address', '!done']);
    expect(await api.rows(['/ipv6/address/print'])).toEqual([]);
    expect((await api.rows(['/ip/address/print'])).some((r) => r.address!.includes(':'))).toBe(false);
  });

  it('refuses the same address twice on one interface, not on another', async () => {
    const sim = await start({ peers: 0 });
    const api = await login(sim);
    const add = (iface: string) => api.call(['/ipv6/address/add', '=address=fd00:1::1/64', `=interface=${iface}`]);
    expect(summary(await add('ether2'))).toEqual(['!done']);
    expect(summary(await add('ether2'))).toEqual(['!trap - failure: already have such address', '!done']);
    expect(summary(await add('ether3'))).toEqual(['!done']);
    const [second] = await api.rows(['/ipv6/address/print', '?interface=ether3']);
    expect(summary(await api.call(['/ipv6/address/set', `=.id=${second!['.id']}`, '=interface=ether2'])))
      .toEqual(['!trap - failure: already have such address', '!done']);
  });

  it('refuses an unknown interface and a pool that does not exist; completes a unique prefix', async () => {
    const sim = await start({ peers: 0 });
    const api = await login(sim);
    expect(summary(await api.call(['/ipv6/address/add', '=address=fd00::1/64', '=interface=asdf'])))
      .toEqual(['!trap 1 input does not match any value of interface', '!done']);
    expect(summary(await api.call(['/ipv6/address/add', '=address=fd00::1/64', '=interface=ether'])))
      .toEqual(['!trap 1 ambiguous value of interface, more than one possible value matches input', '!done']);
    expect(summary(await api.call(['/ipv6/address/add', '=address=::1/64', '=interface=bridge', '=from-pool=pool6'])))
      .toEqual(['!trap 1 input does not match any value of from-pool', '!done']);
    expect(summary(await api.call(['/ipv6/address/add', '=address=fd00::1/64']))).toEqual(['!trap 1 missing value(s) of argument(s) interface', '!done']);
    expect(summary(await api.call(['/ipv6/address/add', '=address=fd00::1/64', '=interface=brid']))).toEqual(['!done']);
    expect((await api.rows(['/ipv6/address/print']))[0]).toMatchObject({ interface: 'bridge' });
  });

  it('follows an interface rename, goes with a removed WireGuard interface and marks a disabled one invalid', async () => {
    const sim = await start({ peers: 0 });
    const api = await login(sim);
    await api.call(['/interface/wireguard/add', '=name=wg-v6']);
    await api.call(['/ipv6/address/add', '=address=fd00:8::1/64', '=interface=wg-v6']);
    await api.call(['/ipv6/address/add', '=address=fd00:9::1/64', '=interface=ether4']);
    await api.call(['/interface/ethernet/set', '=.id=ether4', '=name=lan4']);
    await api.call(['/interface/wireguard/set', '=.id=wg-v6', '=name=wg-six']);
    expect((await api.rows(['/ipv6/address/print'])).map((r) => [r.address, r.interface, r['actual-interface']])).toEqual([
      ['fd00:8::1/64', 'wg-six', 'wg-six'],
      ['fd00:9::1/64', 'lan4', 'lan4'],
    ]);
    await api.call(['/interface/ethernet/disable', '=.id=lan4']);
    expect((await api.rows(['/ipv6/address/print', '?interface=lan4']))[0]).toMatchObject({ invalid: 'true' });
    await api.call(['/interface/wireguard/remove', '=.id=wg-six']);
    expect((await api.rows(['/ipv6/address/print'])).map((r) => r.interface)).toEqual(['lan4']);
  });

  it('builds the last 64 bits from the MAC address with eui-64', async () => {
    const sim = await start({ peers: 0 });
    const api = await login(sim);
    const [ether2] = await api.rows(['/interface/ethernet/print', '?name=ether2']);
    const mac = ether2!['mac-address']!.split(':').map((b) => parseInt(b, 16));
    const id = [mac[0]! ^ 2, mac[1]!, mac[2]!, 0xff, 0xfe, mac[3]!, mac[4]!, mac[5]!];
    const groups = [0, 2, 4, 6].map((i) => ((id[i]! << 8) | id[i + 1]!).toString(16)).join(':');
    await api.call(['/ipv6/address/add', '=address=fc00:3::/64', '=interface=ether2', '=eui-64=yes']);
    expect((await api.rows(['/ipv6/address/print']))[0]).toMatchObject({ address: `fc00:3::${groups}/64`, 'eui-64': 'true' });
  });

  it('does not exist on RouterOS 6 (the ipv6 package is off by default)', async () => {
    const sim = await start({ version: '6.49.10' });
    const api = await login(sim);
    expect(summary(await api.call(['/ipv6/address/print']))).toEqual([
      '!trap 0 no such command or directory (ipv6)', '!trap - no such command prefix', '!done',
    ]);
  });
});
