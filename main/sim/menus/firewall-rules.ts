// What /ip/firewall/filter and /ip/firewall/nat share: a chain, an action, optional matchers that print only when
// set, then the log settings, the counters and the flags. Which matchers each table has follows Ansible
// community.routeros plugins/module_utils/_api_data.py: the NAT table has no connection-state or
// connection-nat-state (NAT only sees a connection's first packet) and no hw-offload or reject-with.
import type { FieldSpec } from './spec.ts';
import { asBoolean, asBytes, oneOf } from '../values/parse.ts';

/** Matchers both tables have, in print order. */
export const PACKET_MATCHERS: readonly string[] = [
  'protocol', 'src-address', 'dst-address', 'src-port', 'dst-port', 'in-interface', 'out-interface',
  'in-interface-list', 'out-interface-list',
];

/** The fields of a table that name an interface list (they follow a renamed list). */
export const INTERFACE_LIST_MATCHERS: readonly string[] = ['in-interface-list', 'out-interface-list'];

/** An optional property stored as written, left out of print when unset. */
export const optionalField = (name: string): FieldSpec => ({ name, parse: asBytes, optional: true });

/** The fields of a rule list: `optional` are the table's matchers and action arguments, in print order. */
export function ruleFields(actions: readonly string[], optional: readonly string[]): FieldSpec[] {
  return [
    { name: 'chain', required: true, parse: asBytes },
    { name: 'action', parse: oneOf(actions), initial: () => 'accept' },
    ...optional.map(optionalField),
    { name: 'log', parse: asBoolean, initial: () => 'false' },
    { name: 'log-prefix', parse: asBytes, initial: () => '' },
    { name: 'bytes', readOnly: true, initial: () => '0' },
    { name: 'packets', readOnly: true, initial: () => '0' },
    { name: 'invalid', readOnly: true, compute: () => 'false' },
    { name: 'dynamic', readOnly: true, compute: (row) => String(row.dynamic) },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ];
}
