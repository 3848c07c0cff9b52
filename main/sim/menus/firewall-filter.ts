// /ip/firewall/filter: rule list. The seeded rules are RouterOS's default configuration plus an input accept
// for WireGuard, so that a client can check the port is open.
import type { MenuDefinition } from './spec.ts';
import { PACKET_MATCHERS, ruleFields } from './firewall-rules.ts';

const ACTIONS = [
  'accept', 'drop', 'reject', 'jump', 'return', 'passthrough', 'log', 'fasttrack-connection', 'add-src-to-address-list',
  'add-dst-to-address-list', 'tarpit',
];

export const firewallFilterMenu: MenuDefinition = {
  path: '/ip/firewall/filter',
  kind: 'list',
  ordered: true,
  fields: ruleFields(ACTIONS, [
    ...PACKET_MATCHERS, 'connection-state', 'connection-nat-state', 'ipsec-policy', 'hw-offload', 'jump-target', 'reject-with',
  ]),
};
