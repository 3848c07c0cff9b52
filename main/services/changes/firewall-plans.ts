// Plans for the input firewall: an accept rule for a WireGuard interface's UDP port, placed before the rule
// that drops the port (RouterOS takes the first rule that matches, and `add` alone puts a rule at the end of the
// chain, after the default configuration's drop). Undone by removing exactly that rule (found by what it
// matches and its comment, or by the id its add answered).
import type { ParamValue } from '../../routeros/text.ts';
import { FILTER_PATH } from '../../routeros/menus/firewall-filter.ts';
import type { Row } from '../../routeros/rows.ts';
import { printValue, SECRET_FIELDS, type ChangePlan, type PlanItem } from './plan.ts';
import { firewallLabel, itemKey } from './restore.ts';
import { describeRule } from '../management/firewall.ts';

export function planPortOpen(o: { routerId: string; iface: string; port: number; blocker: Row }): ChangePlan {
  const fields: Record<string, string> = { chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': String(o.port), comment: `WireGuard ${o.iface}` };
  const item: PlanItem = { type: 'firewall', key: itemKey('firewall', fields), label: firewallLabel(fields) };
  const find = Object.entries(fields);
  const params: Array<[string, ParamValue]> = [...find];
  if (o.blocker['.id']) params.push(['place-before', o.blocker['.id']]);
  return {
    routerId: o.routerId,
    kind: 'interface.openPort',
    subject: item,
    steps: [{
      menu: FILTER_PATH, verb: 'add', target: null, params, item,
      label: `Adding a firewall input rule that accepts UDP port ${o.port} for ${o.iface}, before ${describeRule(o.blocker)}`,
      undo: { menu: FILTER_PATH, verb: 'remove', target: { id: '', find }, params: [], item, label: `Removing the firewall rule for ${o.iface} again`, undo: null },
    }],
    diff: [{ item, change: 'add', before: null, after: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, printValue(v)])) }],
    warnings: [],
    secretFields: SECRET_FIELDS,
  };
}
