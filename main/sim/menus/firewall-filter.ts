// /ip/firewall/filter: rule list. The seeded rules are RouterOS's default configuration plus an input accept
// for WireGuard, so that a client can check the port is open.
import type { MenuDefinition, FieldSpec } from './spec.ts';
import { asBoolean, asBytes, oneOf } from '../values/parse.ts';

const ACTIONS = [
  'accept', 'drop', 'reject', 'jump', 'return', 'passthrough', 'log', 'fasttrack-connection', 'add-src-to-address-list',
  'add-dst-to-address-list', 'tarpit',
];

/** Matchers print only when set. */
const matcher = (name: string): FieldSpec => ({ name, parse: asBytes, optional: true });

export const firewallFilterMenu: MenuDefinition = {
  path: '/ip/firewall/filter',
  kind: 'list',
  ordered: true,
  fields: [
    { name: 'chain', required: true, parse: asBytes },
    { name: 'action', parse: oneOf(ACTIONS), initial: () => 'accept' },
    ...['protocol', 'src-address', 'dst-address', 'src-port', 'dst-port', 'in-interface', 'out-interface',
      'in-interface-list', 'out-interface-list', 'connection-state', 'connection-nat-state', 'ipsec-policy',
      'hw-offload', 'jump-target', 'reject-with'].map(matcher),
    { name: 'log', parse: asBoolean, initial: () => 'false' },
    { name: 'log-prefix', parse: asBytes, initial: () => '' },
    { name: 'bytes', readOnly: true, initial: () => '0' },
    { name: 'packets', readOnly: true, initial: () => '0' },
    { name: 'invalid', readOnly: true, compute: () => 'false' },
    { name: 'dynamic', readOnly: true, compute: (row) => String(row.dynamic) },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
};
