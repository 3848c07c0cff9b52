// The filter as the data plane enforces it: the router's rule list written as one nft table, rule for rule. Read
// here as text on a simulator without a data plane; dataplane.test.ts shows the same table dropping and counting
// real packets.
import { describe, expect, it } from 'vitest';
import { nftRuleset } from '../../../main/sim/dataplane/firewall.ts';
import { simulators } from './helpers/sim.ts';

const start = simulators();

describe('the filter as nftables', () => {
  it("writes RouterOS's default input chain in order, each rule counted and tagged with its row", async () => {
    const sim = await start({ peers: 0 });
    const { script, rules } = nftRuleset(sim.state, (name) => (name === 'wg0' ? 'wds1' : name));
    const input = script.split('\n').filter((l) => l.startsWith('    ') && !l.includes('type filter'));
    const byComment = new Map(sim.state.table('/ip/firewall/filter').rows.map((r) => [`r${r.id}`, r.get('comment')]));
    const lines = input.map((l) => [l.trim().replace(/ comment "r\d+"$/, ''), byComment.get(/"(r\d+)"$/.exec(l)![1]!)]);
    expect(lines.slice(0, 6)).toEqual([
      ['ct state { established, related, untracked } counter accept', 'defconf: accept established,related,untracked'],
      ['ct state invalid counter drop', 'defconf: drop invalid'],
      ['meta l4proto icmp counter accept', 'defconf: accept ICMP'],
      ['ip daddr 127.0.0.1 counter accept', 'defconf: accept to local loopback (for CAPsMAN)'],
      ['meta l4proto udp udp dport 13231 counter accept', 'WireGuard'],
      ['iifname != "bridge" counter drop', 'defconf: drop all not coming from LAN'],
    ]);
    // Forward: the ipsec-policy accepts are not translated (they match nothing here); the rest is.
    expect(lines.slice(6).map(([, comment]) => comment)).toEqual([
      'special dummy rule to show fasttrack counters', 'defconf: fasttrack', 'defconf: accept established,related, untracked',
      'defconf: drop invalid', 'defconf: drop all from WAN not DSTNATed',
    ]);
    expect(lines.at(-1)![0]).toBe('iifname "ether1" ct state new ct status & (dnat) == 0 counter drop');
    expect(rules.size).toBe(lines.length);
  });

  it('leaves out disabled rules and follows lists, jumps and WireGuard device names', async () => {
    const sim = await start({ peers: 0 });
    sim.state.add('/interface/wireguard', { name: 'wg0', 'listen-port': '51820' });
    sim.state.add('/interface/list', { name: 'VPN', include: 'LAN' });
    sim.state.add('/interface/list/member', { list: 'VPN', interface: 'wg0' });
    sim.state.add('/ip/firewall/filter', { chain: 'input', action: 'jump', 'jump-target': 'vpn', 'in-interface-list': 'VPN' });
    sim.state.add('/ip/firewall/filter', { chain: 'vpn', action: 'accept', 'src-address': '10.0.0.0/24', protocol: 'tcp', 'dst-port': '22,8291' });
    sim.state.add('/ip/firewall/filter', { chain: 'vpn', action: 'return' });
    sim.state.add('/ip/firewall/filter', { chain: 'input', action: 'drop', disabled: 'yes', comment: 'off' });
    const { script } = nftRuleset(sim.state, (name) => (name === 'wg0' ? 'wds1' : name));
    expect(script).toContain('iifname { "wds1", "bridge" } counter jump c3');
    expect(script).toMatch(/chain c3 \{\n {4}meta l4proto tcp ip saddr 10\.0\.0\.0\/24 tcp dport \{ 22, 8291 \} counter accept comment "r\d+"\n {4}counter return comment "r\d+"\n {2}\}/);
    expect(script).not.toContain('"off"');
  });
});
