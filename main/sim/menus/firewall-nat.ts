// /ip/firewall/nat: NAT rule list, ordered like the filter (place-before on add). Sources: the manual's "NAT" page
// (help.mikrotik.com/docs/display/ROS/NAT) for the actions and to-addresses/to-ports; field names from Ansible
// community.routeros plugins/module_utils/_api_data.py, ('ip', 'firewall', 'nat'); the seeded rule is the RouterOS
// default configuration as `/export` prints it on a hAP: `add action=masquerade chain=srcnat
// comment="defconf: masquerade" ipsec-policy=out,none out-interface-list=WAN` (seed/base-config.ts).
import type { MenuDefinition } from './spec.ts';
import { PACKET_MATCHERS, ruleFields } from './firewall-rules.ts';

const ACTIONS = [
  'accept', 'add-dst-to-address-list', 'add-src-to-address-list', 'dst-nat', 'endpoint-independent-nat', 'jump', 'log',
  'masquerade', 'netmap', 'passthrough', 'redirect', 'return', 'same', 'src-nat',
];

export const firewallNatMenu: MenuDefinition = {
  path: '/ip/firewall/nat',
  kind: 'list',
  ordered: true,
  fields: ruleFields(ACTIONS, [...PACKET_MATCHERS, 'ipsec-policy', 'jump-target', 'to-addresses', 'to-ports']),
};
