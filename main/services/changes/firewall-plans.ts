// Plans for the firewall: an input accept for a WireGuard interface's UDP port, placed before the rule that
// drops the port (RouterOS takes the first rule that matches, and `add` alone puts a rule at the end of the
// chain, after the default configuration's drop), and a source NAT masquerade for a full tunnel. Each is one
// rule added, undone by removing exactly that rule (found by what it matches and its comment, or by the id its
// add answered).
import type { ParamValue } from '../../routeros/text.ts';
import { FILTER_PATH } from '../../routeros/menus/firewall-filter.ts';
import { NAT_PATH } from '../../routeros/menus/firewall-nat.ts';
import type { Row } from '../../routeros/rows.ts';
import { printValue, SECRET_FIELDS, type ChangePlan, type PlanItem } from './plan.ts';
import { firewallLabel, itemKey } from './restore.ts';
import { describeRule } from '../management/firewall.ts';

/** One rule added (before `before` when given), undone by removing it by its fields. */
function planRuleAdd(o: { routerId: string; kind: ChangePlan['kind']; menu: string; fields: Record<string, string>; item: PlanItem; before: string | null; label: string; undoLabel: string }): ChangePlan {
  const find = Object.entries(o.fields);
  const params: Array<[string, ParamValue]> = [...find, ...(o.before ? [['place-before', o.before] as [string, ParamValue]] : [])];
  return {
    routerId: o.routerId,
    kind: o.kind,
    subject: o.item,
    steps: [{
      menu: o.menu, verb: 'add', target: null, params, item: o.item, label: o.label,
      undo: { menu: o.menu, verb: 'remove', target: { id: '', find }, params: [], item: o.item, label: o.undoLabel, undo: null },
    }],
    diff: [{ item: o.item, change: 'add', before: null, after: Object.fromEntries(find.map(([k, v]) => [k, printValue(v)])) }],
    warnings: [],
    secretFields: SECRET_FIELDS,
  };
}

export function planPortOpen(o: { routerId: string; iface: string; port: number; blocker: Row }): ChangePlan {
  const fields: Record<string, string> = { chain: 'input', action: 'accept', protocol: 'udp', 'dst-port': String(o.port), comment: `WireGuard ${o.iface}` };
  return planRuleAdd({
    routerId: o.routerId, kind: 'interface.openPort', menu: FILTER_PATH, fields, before: o.blocker['.id'] ?? null,
    item: { type: 'firewall', key: itemKey('firewall', fields), label: firewallLabel(fields) },
    label: `Adding a firewall input rule that accepts UDP port ${o.port} for ${o.iface}, before ${describeRule(o.blocker)}`,
    undoLabel: `Removing the firewall rule for ${o.iface} again`,
  });
}

/**
 * Masquerade for a tunnel subnet going out of the WAN interface list, so full-tunnel clients reach the internet.
 * Placed before the first srcnat rule that would exempt the subnet (an accept), else at the end of srcnat.
 * Not in a backup's scope: an undo from the activity log leaves it (the router's own rollback removes it).
 */
export function planMasquerade(o: { routerId: string; iface: string; subnet: string; before: string | null }): ChangePlan {
  const fields: Record<string, string> = { chain: 'srcnat', action: 'masquerade', 'src-address': o.subnet, 'out-interface-list': 'WAN', comment: `WireGuard ${o.iface}` };
  return planRuleAdd({
    routerId: o.routerId, kind: 'interface.create', menu: NAT_PATH, fields, before: o.before,
    item: { type: 'nat', key: `srcnat masquerade ${o.subnet}`, label: `masquerade ${o.subnet} (${fields['comment']})` },
    label: `Adding a masquerade for ${o.subnet} out of the WAN interfaces (full-tunnel clients reach the internet)`,
    undoLabel: `Removing the masquerade for ${o.subnet} again`,
  });
}
