// Restoring a backup is a plan like any other change, never a replay of its script: computed from the
// router model as it is now against the backup's items, it adds what is missing, sets the fields that differ
// and removes what the backup did not have, on the WireGuard interfaces the backup holds. Undo of an applied
// change is the same computation, limited to the items that change touched, after checking that they are
// still as the change left them.
//
// Scope: WireGuard interfaces (added or changed, never removed: an interface made after the backup may carry
// other peers the technician wants; it is named in a warning instead), their IP addresses, their peers, the
// static routes through them, and the firewall rules that mention them (added back in their place, never
// reordered).
import type { ManagementWarning } from '../../../src/contract/index.ts';
import { addressPath } from '../../routeros/menus/ip-address.ts';
import { IP_ROUTE_PATH } from '../../routeros/menus/ip-route.ts';
import { PEERS_PATH } from '../../routeros/menus/wireguard-peers.ts';
import { WIREGUARD_PATH } from '../../routeros/menus/wireguard.ts';
import type { ParamValue } from '../../routeros/text.ts';
import { INTERFACE_TRAP_HINTS, PEER_TRAP_HINTS } from '../management/errors.ts';
import type { RouterState } from '../router-model/index.ts';
import { firewallFields, routeInterfaces, snapshotScope, type ScopeSnapshot } from './backup.ts';
import { FILTER_PATH } from '../../routeros/menus/firewall-filter.ts';
import { blockingRuleRow } from '../management/firewall.ts';
import { canonical } from './fields.ts';
import { SECRET_FIELDS, type ChangeKind, type ChangePlan, type ItemDiff, type ItemFields, type PlanItem, type PlanStep } from './plan.ts';

/** The fields that say what a firewall rule is; the rest (disabled, log...) are its settings. */
const RULE_IDENTITY = ['chain', 'action', 'protocol', 'dst-port', 'in-interface', 'src-address', 'comment'] as const;

/**
 * How an item is found again: interfaces by name, addresses by address and interface, peers by public key,
 * routes by destination, gateway and table, firewall rules by what they match and do (and their comment).
 */
export function itemKey(type: 'interface' | 'address' | 'peer' | 'route' | 'firewall', f: ItemFields): string {
  if (type === 'interface') return f['name'] ?? '';
  if (type === 'firewall') return RULE_IDENTITY.map((k) => f[k] ? `${k}=${f[k]}` : '').filter(Boolean).join(' ');
  if (type === 'address') return `${f['address'] ?? ''}@${f['interface'] ?? ''}`;
  if (type === 'route') return `${f['dst-address'] ?? ''} via ${f['gateway'] ?? ''}${f['routing-table'] && f['routing-table'] !== 'main' ? ` (${f['routing-table']})` : ''}`;
  return f['public-key'] ?? '';
}

/** A firewall rule as the technician knows it: its comment, or what it does. */
export function firewallLabel(f: ItemFields): string {
  return f['comment'] || `${f['chain'] ?? ''} ${f['action'] ?? ''} ${f['protocol'] ?? ''} ${f['dst-port'] ?? ''}`.replace(/\s+/g, ' ').trim();
}

/** Fields of `want` that `have` does not show the same (by meaning), as values to send. */
function differing(want: ItemFields, have: ItemFields, skip: ReadonlySet<string>): Array<[string, ParamValue]> {
  const out: Array<[string, ParamValue]> = [];
  const fields = new Set([...Object.keys(want), ...Object.keys(have)]);
  for (const f of fields) {
    if (skip.has(f) || SECRET_FIELDS.has(f)) continue;
    if (canonical(f, want[f] ?? emptyOf(f)) !== canonical(f, have[f] ?? emptyOf(f))) out.push([f, want[f] ?? emptyOf(f)]);
  }
  return out;
}

/** What a field absent from a snapshot means: the router's default (off, empty). */
export function emptyOf(field: string): string {
  return field === 'disabled' ? 'no' : field === 'persistent-keepalive' ? '0s' : '';
}

const entries = (f: ItemFields): Array<[string, ParamValue]> => Object.entries(f);

export interface RestoreOptions {
  readonly routerId: string;
  readonly kind: ChangeKind;
  readonly responderParam: string | null;
  /** Only these items (`type:key`), for an undo; all of the backup's scope when omitted. */
  readonly only?: ReadonlySet<string>;
}

export function planRestore(backup: ScopeSnapshot, state: RouterState, o: RestoreOptions): ChangePlan {
  const now = snapshotScope(state, o.responderParam);
  const wanted = (type: string, key: string): boolean => !o.only || o.only.has(`${type}:${key}`);
  const steps: PlanStep[] = [];
  const diff: ItemDiff[] = [];
  const warnings: ManagementWarning[] = [];
  const ids = {
    interface: new Map(state.interfaces.map((i) => [i.name, i.id])),
    address: new Map(state.addresses.map((a) => [`${a.address}@${a.interface}`, a.id])),
    peer: new Map(state.peers.map((p) => [p.publicKey, p.id])),
    route: new Map(state.routes.map((r) => [itemKey('route', { 'dst-address': r['dst-address'] ?? '', gateway: r['gateway'] ?? '', 'routing-table': r['routing-table'] ?? 'main' }), r['.id'] ?? ''])),
    firewall: new Map(state.firewall.map((r) => [itemKey('firewall', firewallFields(r)), r['.id'] ?? ''])),
  };
  type Type = 'interface' | 'address' | 'peer' | 'route' | 'firewall';
  const names = new Set(backup.interfaces.map((i) => i['name'] ?? ''));

  const step = (type: Type, menu: string, verb: PlanStep['verb'], key: string, label: string, params: Array<[string, ParamValue]>, before: ItemFields | null, after: ItemFields | null, find: Array<[string, string]>, undo: PlanStep | null): void => {
    const item: PlanItem = { type, key, label };
    const hints = type === 'peer' ? PEER_TRAP_HINTS : INTERFACE_TRAP_HINTS;
    const verbText = verb === 'add' ? 'Adding' : verb === 'set' ? 'Putting back' : 'Removing';
    steps.push({ menu, verb, target: verb === 'add' ? null : { id: ids[type].get(key) ?? '', find }, params, item, label: `${verbText} ${type} ${label} (restore)`, hints, undo: undo ? { ...undo, item, hints } : null });
    diff.push({ item, change: verb === 'add' ? 'add' : verb === 'set' ? 'edit' : 'remove', before, after });
  };
  const removal = (menu: string, type: Type, key: string, find: Array<[string, string]>, label: string): PlanStep =>
    ({ menu, verb: 'remove', target: { id: '', find }, params: [], item: { type, key, label }, label: `Removing ${type} ${label} again`, undo: null });
  const readd = (menu: string, type: Type, key: string, fields: ItemFields, label: string): PlanStep =>
    ({ menu, verb: 'add', target: null, params: entries(fields), item: { type, key, label }, label: `Adding ${type} ${label} back`, undo: null });
  const setBack = (menu: string, type: Type, key: string, params: Array<[string, ParamValue]>, find: Array<[string, string]>, label: string): PlanStep =>
    ({ menu, verb: 'set', target: { id: ids[type].get(key) ?? '', find }, params, item: { type, key, label }, label: `Putting ${type} ${label} back`, undo: null });

  // Interfaces: added or put back.
  const ifaceNow = new Map(now.interfaces.map((f) => [itemKey('interface', f), f]));
  for (const b of backup.interfaces) {
    const key = itemKey('interface', b);
    if (!wanted('interface', key)) continue;
    const cur = ifaceNow.get(key);
    const find: Array<[string, string]> = [['name', key]];
    if (!cur) {
      step('interface', WIREGUARD_PATH, 'add', key, key, entries(b), null, b, find, removal(WIREGUARD_PATH, 'interface', key, find, key));
      warnings.push({ code: 'FIELD_UNSUPPORTED', message: `Interface ${key} is re-created with a new key pair (backups hold no private key): every client of it needs a new config.` });
    } else {
      const params = differing(b, cur, new Set(['name']));
      if (params.length > 0) step('interface', WIREGUARD_PATH, 'set', key, key, params, pick(cur, params), pick(b, params), find, setBack(WIREGUARD_PATH, 'interface', key, params.map(([f]) => [f, cur[f] ?? emptyOf(f)]), find, key));
    }
  }
  if (!o.only) {
    for (const cur of now.interfaces) {
      if (!names.has(cur['name'] ?? '')) warnings.push({ code: 'FIELD_UNSUPPORTED', message: `Interface ${cur['name']} was made after this backup; a restore leaves it and its peers as they are.` });
    }
  }

  // Addresses on the backed-up interfaces.
  const addrNow = new Map(now.addresses.filter((a) => names.has(a['interface'] ?? '')).map((f) => [itemKey('address', f), f]));
  const addrBackup = new Map(backup.addresses.map((f) => [itemKey('address', f), f]));
  for (const [key, b] of addrBackup) {
    if (!wanted('address', key) || addrNow.has(key)) continue;
    const find: Array<[string, string]> = [['address', b['address'] ?? ''], ['interface', b['interface'] ?? '']];
    const menu = addressPath(b['address'] ?? '');
    step('address', menu, 'add', key, key.replace('@', ' on '), entries(b), null, b, find, removal(menu, 'address', key, find, key));
  }

  // Peers on the backed-up interfaces: added, put back, or removed.
  const peersNow = new Map(now.peers.filter((p) => names.has(p['interface'] ?? '')).map((f) => [itemKey('peer', f), f]));
  const label = (f: ItemFields): string => f['name'] || f['comment'] || `${(f['public-key'] ?? '').slice(0, 8)}…`;
  let pskLost = 0;
  for (const b of backup.peers) {
    const key = itemKey('peer', b);
    if (!wanted('peer', key)) continue;
    const cur = peersNow.get(key);
    const find: Array<[string, string]> = [['public-key', key]];
    if (!cur) {
      step('peer', PEERS_PATH, 'add', key, label(b), entries(b), null, b, find, removal(PEERS_PATH, 'peer', key, find, label(b)));
      pskLost++;
    } else {
      const params = differing(b, cur, new Set(['public-key']));
      if (params.length > 0) step('peer', PEERS_PATH, 'set', key, label(b), params, pick(cur, params), pick(b, params), find, setBack(PEERS_PATH, 'peer', key, params.map(([f]) => [f, cur[f] ?? emptyOf(f)]), find, label(b)));
    }
  }
  const backupPeers = new Set(backup.peers.map((f) => itemKey('peer', f)));
  for (const [key, cur] of peersNow) {
    if (backupPeers.has(key) || !wanted('peer', key)) continue;
    const find: Array<[string, string]> = [['public-key', key]];
    step('peer', PEERS_PATH, 'remove', key, label(cur), [], cur, null, find, readd(PEERS_PATH, 'peer', key, cur, label(cur)));
  }
  for (const [key, cur] of addrNow) {
    if (addrBackup.has(key) || !wanted('address', key)) continue;
    const find: Array<[string, string]> = [['address', cur['address'] ?? ''], ['interface', cur['interface'] ?? '']];
    const menu = addressPath(cur['address'] ?? '');
    step('address', menu, 'remove', key, key.replace('@', ' on '), [], cur, null, find, readd(menu, 'address', key, cur, key));
  }
  // Static routes through the backed-up interfaces (site-to-site), when the backup holds them: added back or
  // removed; one through an interface made after the backup stays, as that interface does.
  if (backup.routes) {
    const routeFind = (f: ItemFields): Array<[string, string]> => [['dst-address', f['dst-address'] ?? ''], ['gateway', f['gateway'] ?? '']];
    const routesNow = new Map((now.routes ?? []).filter((f) => routeInterfaces(f).some((n) => names.has(n))).map((f) => [itemKey('route', f), f]));
    const routesBackup = new Map(backup.routes.map((f) => [itemKey('route', f), f]));
    for (const [key, b] of routesBackup) {
      if (!wanted('route', key)) continue;
      const cur = routesNow.get(key);
      if (!cur) step('route', IP_ROUTE_PATH, 'add', key, key, entries(b), null, b, routeFind(b), removal(IP_ROUTE_PATH, 'route', key, routeFind(b), key));
      else {
        const params = differing(b, cur, new Set(['dst-address', 'gateway', 'routing-table']));
        if (params.length > 0) step('route', IP_ROUTE_PATH, 'set', key, key, params, pick(cur, params), pick(b, params), routeFind(b), setBack(IP_ROUTE_PATH, 'route', key, params.map(([f]) => [f, cur[f] ?? emptyOf(f)]), routeFind(b), key));
      }
    }
    for (const [key, cur] of routesNow) {
      if (routesBackup.has(key) || !wanted('route', key)) continue;
      step('route', IP_ROUTE_PATH, 'remove', key, key, [], cur, null, routeFind(cur), readd(IP_ROUTE_PATH, 'route', key, cur, key));
    }
  }
  // Firewall rules that mention the backed-up interfaces or their ports: added back in their place (before the
  // backup's next rule that is still there; an accept for a port, before the rule that drops that port), their
  // settings put back, rules the backup did not have removed. Rules on both sides keep their order: a restore
  // does not move rules (a rule moved by hand shows in the Backups tab's comparison only if it changed).
  const rulesNow = new Map(now.firewall.map((f) => [itemKey('firewall', f), f]));
  const rulesBackup = new Set(backup.firewall.map((f) => itemKey('firewall', f)));
  const ruleFind = (f: ItemFields): Array<[string, string]> => RULE_IDENTITY.flatMap((k): Array<[string, string]> => (f[k] ? [[k, f[k]]] : []));
  backup.firewall.forEach((b, i) => {
    const key = itemKey('firewall', b);
    if (!wanted('firewall', key)) return;
    const cur = rulesNow.get(key);
    if (cur) {
      const params = differing(b, cur, new Set(RULE_IDENTITY));
      if (params.length > 0) step('firewall', FILTER_PATH, 'set', key, firewallLabel(b), params, pick(cur, params), pick(b, params), ruleFind(b), setBack(FILTER_PATH, 'firewall', key, params.map(([f]) => [f, cur[f] ?? emptyOf(f)]), ruleFind(b), firewallLabel(b)));
      return;
    }
    const next = backup.firewall.slice(i + 1).map((f) => itemKey('firewall', f)).find((k) => rulesNow.has(k));
    const port = Number(b['dst-port']);
    const blocker = b['chain'] === 'input' && b['action'] === 'accept' && Number.isInteger(port) ? blockingRuleRow(state.firewall, port) : null;
    const before = next ? ids.firewall.get(next) : blocker?.['.id'];
    const params: Array<[string, ParamValue]> = [...entries(b), ...(before ? [['place-before', before] as [string, ParamValue]] : [])];
    step('firewall', FILTER_PATH, 'add', key, firewallLabel(b), params, null, b, ruleFind(b), removal(FILTER_PATH, 'firewall', key, ruleFind(b), firewallLabel(b)));
  });
  for (const [key, cur] of rulesNow) {
    if (rulesBackup.has(key) || !wanted('firewall', key)) continue;
    step('firewall', FILTER_PATH, 'remove', key, firewallLabel(cur), [], cur, null, ruleFind(cur), readd(FILTER_PATH, 'firewall', key, cur, firewallLabel(cur)));
  }
  if (pskLost > 0) warnings.push({ code: 'FIELD_UNSUPPORTED', message: `${pskLost} peer(s) are added back without a preshared key (backups hold none): set a new one where the device used one.` });

  return { routerId: o.routerId, kind: o.kind, subject: { type: 'interface', key: 'backup', label: 'backup' }, steps, diff, warnings, secretFields: SECRET_FIELDS };
}

function pick(f: ItemFields, params: ReadonlyArray<readonly [string, ParamValue]>): ItemFields {
  return Object.fromEntries(params.map(([k]) => [k, f[k] ?? emptyOf(k)]));
}
