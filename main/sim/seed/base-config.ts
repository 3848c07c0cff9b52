// What a router out of the box (defconf) plus an ISP uplink looks like: ports, bridge, interface lists, addresses,
// firewall filter and NAT.
import type { RouterState } from '../state/router-state.ts';
import { Rng, hashUnit } from '../rng.ts';
import { BUILTIN_LISTS } from '../menus/interface-lists.ts';
import { MIKROTIK_OUIS, macAddress } from './hardware.ts';

type Rule = Record<string, string>;

/** RouterOS 7 default firewall, with an input accept for WireGuard before the final drop. */
function defaultFilterRules(wireguardPorts: readonly number[]): Rule[] {
  const rules: Rule[] = [
    { chain: 'input', action: 'accept', 'connection-state': 'established,related,untracked', comment: 'defconf: accept established,related,untracked' },
    { chain: 'input', action: 'drop', 'connection-state': 'invalid', comment: 'defconf: drop invalid' },
    { chain: 'input', action: 'accept', protocol: 'icmp', comment: 'defconf: accept ICMP' },
    { chain: 'input', action: 'accept', 'dst-address': '127.0.0.1', comment: 'defconf: accept to local loopback (for CAPsMAN)' },
  ];
  if (wireguardPorts.length > 0) {
    rules.push({ chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': wireguardPorts.join(','), comment: 'WireGuard' });
  }
  rules.push(
    { chain: 'input', action: 'drop', 'in-interface-list': '!LAN', comment: 'defconf: drop all not coming from LAN' },
    { chain: 'forward', action: 'accept', 'ipsec-policy': 'in,ipsec', comment: 'defconf: accept in ipsec policy' },
    { chain: 'forward', action: 'accept', 'ipsec-policy': 'out,ipsec', comment: 'defconf: accept out ipsec policy' },
    { chain: 'forward', action: 'fasttrack-connection', 'connection-state': 'established,related', 'hw-offload': 'yes', comment: 'defconf: fasttrack' },
    { chain: 'forward', action: 'accept', 'connection-state': 'established,related,untracked', comment: 'defconf: accept established,related, untracked' },
    { chain: 'forward', action: 'drop', 'connection-state': 'invalid', comment: 'defconf: drop invalid' },
    { chain: 'forward', action: 'drop', 'connection-state': 'new', 'connection-nat-state': '!dstnat', 'in-interface-list': 'WAN', comment: 'defconf: drop all from WAN not DSTNATed' },
  );
  return rules;
}

/** RouterOS 7 default NAT (`/export` on a hAP): masquerade what leaves through the WAN list, except IPsec. */
const DEFAULT_NAT_RULES: readonly Rule[] = [
  { chain: 'srcnat', action: 'masquerade', 'out-interface-list': 'WAN', 'ipsec-policy': 'out,none', comment: 'defconf: masquerade' },
];

/** Built-in lists (dynamic, builtin=true), then defconf's WAN and LAN with ether1 in WAN and the bridge in LAN. */
function seedInterfaceLists(state: RouterState): void {
  const lists = state.table('/interface/list');
  for (const name of BUILTIN_LISTS) {
    const row = state.add('/interface/list', { name }, { dynamic: true });
    lists.update(row, new Map([['builtin', Buffer.from('true')]]));
  }
  state.add('/interface/list', { name: 'WAN', comment: 'defconf' });
  state.add('/interface/list', { name: 'LAN', comment: 'defconf' });
  state.add('/interface/list/member', { list: 'LAN', interface: 'bridge', comment: 'defconf' });
  state.add('/interface/list/member', { list: 'WAN', interface: 'ether1', comment: 'defconf' });
}

/** Adds rules in order with plausible counters. */
function seedRules(state: RouterState, rng: Rng, path: string, rules: readonly Rule[]): void {
  const table = state.table(path);
  for (const rule of rules) {
    const row = state.add(path, rule);
    const packets = rng.int(0, 5_000_000);
    table.update(row, new Map([
      ['packets', Buffer.from(String(packets))],
      ['bytes', Buffer.from(String(packets * rng.int(60, 900)))],
    ]));
  }
}

export interface BaseConfigOptions {
  /** The uplink address on ether1: static when the data plane gives one, else a DHCP (dynamic) public address. */
  uplinkAddress: string | undefined;
  wireguardPorts: readonly number[];
}

export function seedBaseConfig(state: RouterState, rng: Rng, options: BaseConfigOptions): void {
  const oui = rng.pick(MIKROTIK_OUIS);
  for (let n = 1; n <= 5; n++) {
    const row = state.add('/interface/ethernet', { name: `ether${n}` });
    const mac = macAddress(rng, oui);
    state.table('/interface/ethernet').update(row, new Map([
      ['default-name', Buffer.from(`ether${n}`)],
      ['mac-address', Buffer.from(mac)],
      ['orig-mac-address', Buffer.from(mac)],
      // Nothing plugged into the last port.
      ...(n === 5 ? [['.link', Buffer.from('down')] as [string, Buffer]] : []),
    ]));
  }
  const bridge = state.add('/interface/bridge', { name: 'bridge', comment: 'defconf' });
  state.table('/interface/bridge').update(bridge, new Map([['mac-address', Buffer.from(macAddress(rng, oui))]]));
  seedInterfaceLists(state);
  state.add('/ip/address', { address: '192.168.88.1/24', interface: 'bridge', comment: 'defconf' });
  if (options.uplinkAddress) state.add('/ip/address', { address: options.uplinkAddress, interface: 'ether1' });
  else state.add('/ip/address', { address: `${state.hardware.publicAddress}/24`, interface: 'ether1' }, { dynamic: true });

  const filter = state.table('/ip/firewall/filter');
  filter.insert(new Map([
    ['chain', Buffer.from('forward')], ['action', Buffer.from('passthrough')], ['log', Buffer.from('false')],
    ['log-prefix', Buffer.from('')], ['bytes', Buffer.from('0')], ['packets', Buffer.from('0')],
    ['disabled', Buffer.from('false')], ['comment', Buffer.from('special dummy rule to show fasttrack counters')],
  ]), { dynamic: true });
  seedRules(state, rng, '/ip/firewall/filter', defaultFilterRules(options.wireguardPorts));
  // Counters from a side stream of the seed, so that the rest of the seeded router stays as it was before NAT.
  seedRules(state, new Rng(hashUnit(state.seed, 0x4e4154) * 2 ** 32), '/ip/firewall/nat', DEFAULT_NAT_RULES);
}
