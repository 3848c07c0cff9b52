// Plans for WireGuard interfaces: create (the interface, and its tunnel address when asked: undone together),
// edit, enable and disable. An interface is found in scripts by its name (after a rename, by the new one).
import type { ManagementWarning } from '../../../src/contract/index.ts';
import type { Params } from '../../routeros/client.ts';
import { addressPath, type IpAddressEntry } from '../../routeros/menus/ip-address.ts';
import type { WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { Row } from '../../routeros/rows.ts';
import { planPeerRemove } from './peer-plans.ts';
import { WIREGUARD_PATH, type WireGuardInterface } from '../../routeros/menus/wireguard.ts';
import type { ParamValue } from '../../routeros/text.ts';
import { INTERFACE_TRAP_HINTS } from '../management/errors.ts';
import { printValue, SECRET_FIELDS, type ChangeKind, type ChangePlan, type PlanItem, type PlanStep } from './plan.ts';

function entries(params: Params): Array<[string, ParamValue]> {
  return Object.entries(params).filter((e): e is [string, ParamValue] => e[1] !== undefined);
}

export function interfaceItem(name: string): PlanItem {
  return { type: 'interface', key: name, label: name };
}

function interfaceValue(iface: WireGuardInterface, field: string): ParamValue {
  switch (field) {
    case 'name': return iface.legacy['name'] ?? iface.name;
    case 'listen-port': return iface.listenPort;
    case 'mtu': return iface.mtu;
    case 'comment': return iface.legacy['comment'] ?? iface.comment;
    case 'disabled': return iface.disabled;
    case 'vrf': return iface.vrf ?? 'main';
    default: throw new RangeError(`a plan cannot write interface field ${field}`);
  }
}

/** `address6`: the IPv6 tunnel address alongside (the wizard, when asked). */
export function planInterfaceCreate(o: { routerId: string; name: string; params: Params; address?: string | undefined; address6?: string | undefined; warnings: readonly ManagementWarning[] }): ChangePlan {
  const item = interfaceItem(o.name);
  const params = entries(o.params);
  const steps: PlanStep[] = [{
    menu: WIREGUARD_PATH, verb: 'add', target: null, params, item, label: `Creating WireGuard interface ${o.name}`, hints: INTERFACE_TRAP_HINTS,
    undo: { menu: WIREGUARD_PATH, verb: 'remove', target: { id: '', find: [['name', o.name]] }, params: [], item, label: `Removing the new interface ${o.name} again`, hints: INTERFACE_TRAP_HINTS, undo: null },
  }];
  const diff: ChangePlan['diff'][number][] = [{ item, change: 'add', before: null, after: Object.fromEntries(params.map(([k, v]) => [k, printValue(v)])) }];
  for (const address of [o.address, o.address6]) {
    if (!address) continue;
    const added = addressAdd(address, o.name);
    steps.push(added.step);
    diff.push(added.diff);
  }
  return { routerId: o.routerId, kind: 'interface.create', subject: item, steps, diff, warnings: o.warnings, secretFields: SECRET_FIELDS };
}

/** The router's tunnel address on an interface: added with the interface, or alone (the fix for an interface without one). */
function addressAdd(address: string, iface: string): { step: PlanStep; diff: ChangePlan['diff'][number] } {
  const item: PlanItem = { type: 'address', key: `${address}@${iface}`, label: `${address} on ${iface}` };
  const menu = addressPath(address);
  // A WireGuard interface has no neighbour discovery: its IPv6 prefix is not advertised (peers get /128s).
  const params: Array<[string, ParamValue]> = [['address', address], ['interface', iface], ...(address.includes(':') ? [['advertise', false] as [string, ParamValue]] : []), ['comment', 'WireGuard']];
  return {
    step: {
      menu, verb: 'add', target: null, params, item, label: `Adding address ${address} to ${iface}`, hints: INTERFACE_TRAP_HINTS,
      undo: { menu, verb: 'remove', target: { id: '', find: [['address', address], ['interface', iface]] }, params: [], item, label: `Removing address ${address} again`, hints: INTERFACE_TRAP_HINTS, undo: null },
    },
    diff: { item, change: 'add', before: null, after: Object.fromEntries(params.map(([k, v]) => [k, printValue(v)])) },
  };
}

export function planAddressAdd(o: { routerId: string; iface: string; address: string }): ChangePlan {
  const { step, diff } = addressAdd(o.address, o.iface);
  return { routerId: o.routerId, kind: 'interface.addAddress', subject: step.item, steps: [step], diff: [diff], warnings: [], secretFields: SECRET_FIELDS };
}

export function planInterfaceSet(o: { routerId: string; kind: ChangeKind; iface: WireGuardInterface; params: Params; label: string; warnings?: readonly ManagementWarning[] }): ChangePlan {
  const item = interfaceItem(o.iface.name);
  const params = entries(o.params);
  const renamed = o.params['name'];
  const undoParams = params.map(([k]): [string, ParamValue] => [k, interfaceValue(o.iface, k)]);
  const step: PlanStep = {
    menu: WIREGUARD_PATH, verb: 'set', target: { id: o.iface.id, find: [['name', o.iface.name]] }, params, item, label: o.label, hints: INTERFACE_TRAP_HINTS,
    undo: {
      menu: WIREGUARD_PATH, verb: 'set', target: { id: o.iface.id, find: [['name', renamed === undefined ? o.iface.name : printValue(renamed)]] },
      params: undoParams, item, label: `Putting interface ${o.iface.name} back`, hints: INTERFACE_TRAP_HINTS, undo: null,
    },
  };
  return {
    routerId: o.routerId, kind: o.kind, subject: item, steps: [step],
    diff: [{ item, change: 'edit', before: Object.fromEntries(undoParams.map(([k, v]) => [k, printValue(v)])), after: Object.fromEntries(params.map(([k, v]) => [k, printValue(v)])) }],
    warnings: o.warnings ?? [], secretFields: SECRET_FIELDS,
  };
}

/**
 * Deleting an interface removes its peers, its addresses, then the interface, each a step of its own, so each
 * has an undo that puts it back: the interface with its own private key (read for this change, so its peers'
 * configs keep working), its addresses, and its peers with every field and secret they had.
 */
export function planInterfaceDelete(o: {
  routerId: string;
  iface: WireGuardInterface;
  privateKey: string | null;
  peers: readonly WireGuardPeer[];
  peerSecrets: ReadonlyMap<string, Row>;
  addresses: readonly IpAddressEntry[];
  responderParam: string | null;
  warnings?: readonly ManagementWarning[];
}): ChangePlan {
  const item = interfaceItem(o.iface.name);
  const steps: PlanStep[] = [];
  const diff: ChangePlan['diff'][number][] = [];
  for (const peer of o.peers) {
    const removal = planPeerRemove({ routerId: o.routerId, peer, responderParam: o.responderParam, secretsBefore: o.peerSecrets.get(peer.id) ?? null });
    steps.push(...removal.steps);
    diff.push(...removal.diff);
  }
  for (const a of o.addresses) {
    const addressItem: PlanItem = { type: 'address', key: `${a.address}@${a.interface}`, label: `${a.address} on ${a.interface}` };
    const readd: Array<[string, ParamValue]> = [['address', a.address], ['interface', a.interface]];
    if (a.comment) readd.push(['comment', a.comment]);
    if (a.disabled) readd.push(['disabled', true]);
    steps.push({
      menu: addressPath(a.address), verb: 'remove', target: { id: a.id, find: [['address', a.address], ['interface', a.interface]] }, params: [], item: addressItem,
      label: `Deleting address ${a.address} of ${a.interface}`, hints: INTERFACE_TRAP_HINTS,
      undo: { menu: addressPath(a.address), verb: 'add', target: null, params: readd, item: addressItem, label: `Adding address ${a.address} back`, hints: INTERFACE_TRAP_HINTS, undo: null },
    });
    diff.push({ item: addressItem, change: 'remove', before: Object.fromEntries(readd.map(([k, v]) => [k, printValue(v)])), after: null });
  }
  const readd: Array<[string, ParamValue]> = [['name', interfaceValue(o.iface, 'name')], ['listen-port', o.iface.listenPort], ['mtu', o.iface.mtu]];
  if (o.iface.comment) readd.push(['comment', interfaceValue(o.iface, 'comment')]);
  if (o.iface.disabled) readd.push(['disabled', true]);
  if (o.privateKey) readd.push(['private-key', o.privateKey]);
  steps.push({
    menu: WIREGUARD_PATH, verb: 'remove', target: { id: o.iface.id, find: [['name', o.iface.name]] }, params: [], item,
    label: `Deleting WireGuard interface ${o.iface.name}`, hints: INTERFACE_TRAP_HINTS,
    undo: { menu: WIREGUARD_PATH, verb: 'add', target: null, params: readd, item, label: `Adding interface ${o.iface.name} back`, hints: INTERFACE_TRAP_HINTS, undo: null },
  });
  diff.push({ item, change: 'remove', before: Object.fromEntries(readd.filter(([k]) => !SECRET_FIELDS.has(k)).map(([k, v]) => [k, printValue(v)])), after: null });
  return { routerId: o.routerId, kind: 'interface.delete', subject: item, steps, diff, warnings: o.warnings ?? [], secretFields: SECRET_FIELDS };
}
