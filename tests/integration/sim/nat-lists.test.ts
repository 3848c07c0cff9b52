import { describe, expect, it } from 'vitest';
import { summary } from './helpers/raw-api.ts';
import { login, simulators } from './helpers/sim.ts';

const start = simulators();

describe('/ip/firewall/nat and /interface/list (defconf)', () => {
  it('seeds the defconf masquerade rule', async () => {
    const sim = await start();
    const rules = await (await login(sim)).rows(['/ip/firewall/nat/print']);
    expect(rules).toHaveLength(1);
    const rule = rules[0]!;
    expect(Object.keys(rule)).toEqual([
      '.id', 'chain', 'action', 'out-interface-list', 'ipsec-policy', 'log', 'log-prefix', 'bytes', 'packets', 'invalid',
      'dynamic', 'disabled', 'comment',
    ]);
    expect(rule).toMatchObject({
      chain: 'srcnat', action: 'masquerade', 'out-interface-list': 'WAN', 'ipsec-policy': 'out,none', log: 'false',
      'log-prefix': '', invalid: 'false', dynamic: 'false', disabled: 'false', comment: 'defconf: masquerade',
    });
    expect(rule.packets).toMatch(/^\d+$/);
    expect(rule.bytes).toMatch(/^\d+$/);
  });

  it('adds a srcnat rule before another with place-before; counters start at 0; refuses an unknown action', async () => {
    const sim = await start({ peers: 1 });
    const api = await login(sim);
    const [masquerade] = await api.rows(['/ip/firewall/nat/print', '?comment=defconf: masquerade']);
    const added = await api.call([
      '/ip/firewall/nat/add', '=chain=srcnat', '=action=src-nat', '=src-address=10.8.0.0/24', '=out-interface=ether1',
      '=to-addresses=203.0.113.7', '=comment=WireGuard clients', `=place-before=${masquerade!['.id']}`,
    ]);
    const id = added[0]!.get('ret');
    expect(summary(added)).toEqual(['!done']);
    const all = await api.rows(['/ip/firewall/nat/print']);
    expect(all.map((r) => r['.id'])).toEqual([id, masquerade!['.id']]);
    expect(all[0]).toEqual({
      '.id': id, chain: 'srcnat', action: 'src-nat', 'src-address': '10.8.0.0/24', 'out-interface': 'ether1',
      'to-addresses': '203.0.113.7', log: 'false', 'log-prefix': '', bytes: '0', packets: '0', invalid: 'false',
      dynamic: 'false', disabled: 'false', comment: 'WireGuard clients',
    });
    expect(summary(await api.call(['/ip/firewall/nat/add', '=chain=srcnat', '=action=drop']))).toEqual(['!trap 1 invalid value for argument action', '!done']);
    expect(summary(await api.call(['/ip/firewall/nat/add', '=chain=srcnat', '=connection-state=new']))).toEqual(['!trap 1 unknown parameter connection-state', '!done']);
  });

  it('prints the built-in and defconf lists and members; refuses a duplicate list name', async () => {
    const sim = await start();
    const api = await login(sim);
    const lists = await api.rows(['/interface/list/print']);
    expect(lists.map(({ '.id': _, ...rest }) => rest)).toEqual([
      { name: 'all', builtin: 'true', dynamic: 'true' },
      { name: 'none', builtin: 'true', dynamic: 'true' },
      { name: 'dynamic', builtin: 'true', dynamic: 'true' },
      { name: 'static', builtin: 'true', dynamic: 'true' },
      { name: 'WAN', builtin: 'false', dynamic: 'false', comment: 'defconf' },
      { name: 'LAN', builtin: 'false', dynamic: 'false', comment: 'defconf' },
    ]);
    const members = await api.rows(['/interface/list/member/print']);
    expect(members.map(({ '.id': _, ...rest }) => rest)).toEqual([
      { list: 'LAN', interface: 'bridge', dynamic: 'false', disabled: 'false', comment: 'defconf' },
      { list: 'WAN', interface: 'ether1', dynamic: 'false', disabled: 'false', comment: 'defconf' },
    ]);
    expect(summary(await api.call(['/interface/list/add', '=name=LAN']))).toEqual(['!trap - failure: entry already exists', '!done']);
    expect(summary(await api.call(['/interface/list/set', '=.id=all', '=comment=x']))).toEqual(['!trap - can not change dynamic', '!done']);
  });

  it('adds a member of an existing list and interface; refuses a missing list or interface', async () => {
    const sim = await start({ peers: 1 });
    const api = await login(sim);
    expect(summary(await api.call(['/interface/list/member/add', '=list=LAN', '=interface=wg-office']))).toEqual(['!done']);
    expect(await api.rows(['/interface/list/member/print', '?interface=wg-office', '=.proplist=list,interface'])).toEqual([{ list: 'LAN', interface: 'wg-office' }]);
    expect(summary(await api.call(['/interface/list/member/add', '=list=VPN', '=interface=ether2']))).toEqual(['!trap 1 input does not match any value of list', '!done']);
    expect(summary(await api.call(['/interface/list/member/add', '=list=LAN', '=interface=ether9']))).toEqual(['!trap 1 input does not match any value of interface', '!done']);
    expect(summary(await api.call(['/interface/list/member/add', '=interface=ether2']))).toEqual(['!trap 1 missing value(s) of argument(s) list', '!done']);
  });

  it('renaming a list or an interface carries into members and firewall rules', async () => {
    const sim = await start();
    const api = await login(sim);
    expect(summary(await api.call(['/interface/list/set', '=.id=WAN', '=name=uplink']))).toEqual(['!done']);
    expect(summary(await api.call(['/interface/ethernet/set', '=.id=ether1', '=name=ether1-isp']))).toEqual(['!done']);
    expect(await api.rows(['/interface/list/member/print', '?list=uplink', '=.proplist=list,interface'])).toEqual([{ list: 'uplink', interface: 'ether1-isp' }]);
    expect((await api.rows(['/ip/firewall/nat/print']))[0]!['out-interface-list']).toBe('uplink');
    const drop = await api.rows(['/ip/firewall/filter/print', '?comment=defconf: drop all from WAN not DSTNATed']);
    expect(drop[0]!['in-interface-list']).toBe('uplink');
  });
});
