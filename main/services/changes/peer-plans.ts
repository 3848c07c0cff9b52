// Plans for one peer: add, set (edit, enable, disable, key rotation) and remove, each with its undo and its
// diff. The caller has checked the change against the model; these only turn it into steps. A peer is found
// in scripts by its public key (an `.id` changes when a peer is re-added), and an undo of a remove re-adds it
// with every field it had, secrets included when the caller read them (they are sent, never shown).
import type { ManagementWarning } from '../../../src/contract/index.ts';
import { PEERS_PATH, type WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { Params } from '../../routeros/client.ts';
import type { Row } from '../../routeros/rows.ts';
import type { ParamValue } from '../../routeros/text.ts';
import { PEER_TRAP_HINTS } from '../management/errors.ts';
import { peerLabel } from '../management/router-read.ts';
import { HIDDEN } from './cli.ts';
import { peerConfigFields, peerFieldValue } from './fields.ts';
import { printValue, SECRET_FIELDS, type ChangeKind, type ChangePlan, type ItemFields, type PlanItem, type PlanStep } from './plan.ts';

export function peerItem(peer: Pick<WireGuardPeer, 'name' | 'comment' | 'publicKey'>): PlanItem {
  return { type: 'peer', key: peer.publicKey, label: peerLabel(peer) };
}

function entries(params: Params): Array<[string, ParamValue]> {
  return Object.entries(params).filter((e): e is [string, ParamValue] => e[1] !== undefined);
}

/** Printed values; a secret shows as <hidden> when set, empty when cleared. */
function fields(list: ReadonlyArray<readonly [string, ParamValue]>): ItemFields {
  return Object.fromEntries(list.map(([k, v]) => [k, SECRET_FIELDS.has(k) && printValue(v) ? HIDDEN : printValue(v)]));
}

/** The secret fields a peer had, as read for this change (they are not in the model). */
function secretsOf(row: Row | null): Array<[string, string]> {
  if (!row) return [];
  return [...SECRET_FIELDS].flatMap((f): Array<[string, string]> => (row[f] ? [[f, row[f]]] : []));
}

export function planPeerAdd(o: { routerId: string; params: Params; label: { name: string; comment?: string }; iface: string; warnings: readonly ManagementWarning[] }): ChangePlan {
  const params = entries(o.params);
  const publicKey = String(o.params['public-key'] ?? '');
  const item: PlanItem = { type: 'peer', key: publicKey, label: o.label.name || o.label.comment || `${publicKey.slice(0, 8)}…` };
  const find = [['public-key', publicKey]] as const;
  const step: PlanStep = {
    menu: PEERS_PATH,
    verb: 'add',
    target: null,
    params,
    item,
    label: `Adding peer "${item.label}" to ${o.iface}`,
    hints: PEER_TRAP_HINTS,
    undo: { menu: PEERS_PATH, verb: 'remove', target: { id: '', find }, params: [], item, label: `Removing peer "${item.label}" again`, hints: PEER_TRAP_HINTS, undo: null },
  };
  return {
    routerId: o.routerId, kind: 'peer.create', subject: item, steps: [step],
    diff: [{ item, change: 'add', before: null, after: fields(params) }],
    warnings: o.warnings, secretFields: SECRET_FIELDS,
  };
}

/**
 * A `set` of `params` on `peer`. `secretsBefore` is the peer's row as read for this change when the set
 * touches a secret (so the undo can put the old one back); without it such an undo clears the field.
 */
export function planPeerSet(o: {
  routerId: string; kind: ChangeKind; peer: WireGuardPeer & { presharedKeyState?: string }; params: Params; label: string;
  warnings: readonly ManagementWarning[]; secretsBefore?: Row | null;
}): ChangePlan {
  const params = entries(o.params);
  const item = peerItem(o.peer);
  const find = [['public-key', o.peer.publicKey]] as const;
  const secrets = new Map(secretsOf(o.secretsBefore ?? null));
  const undoParams = params.map(([k]): [string, ParamValue] => [k, SECRET_FIELDS.has(k) ? (secrets.get(k) ?? '') : peerFieldValue(o.peer, k)]);
  // After the set, the peer is found by its new key (a key rotation), else by its current one.
  const newKey = o.params['public-key'];
  const undoFind = newKey === undefined ? find : ([['public-key', printValue(newKey)]] as const);
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  for (const [k, v] of params) {
    before[k] = SECRET_FIELDS.has(k) ? (o.peer.presharedKeyState === 'set' || secrets.get(k) ? HIDDEN : '') : printValue(peerFieldValue(o.peer, k));
    after[k] = SECRET_FIELDS.has(k) ? (printValue(v) ? HIDDEN : '') : printValue(v);
  }
  const step: PlanStep = {
    menu: PEERS_PATH,
    verb: 'set',
    target: { id: o.peer.id, find },
    params,
    item,
    label: o.label,
    hints: PEER_TRAP_HINTS,
    undo: { menu: PEERS_PATH, verb: 'set', target: { id: o.peer.id, find: undoFind }, params: undoParams, item, label: `Putting peer "${item.label}" back`, hints: PEER_TRAP_HINTS, undo: null },
  };
  return {
    routerId: o.routerId, kind: o.kind, subject: item, steps: [step],
    diff: [{ item, change: 'edit', before, after }],
    warnings: o.warnings, secretFields: SECRET_FIELDS,
  };
}

export function planPeerRemove(o: { routerId: string; peer: WireGuardPeer; responderParam: string | null; secretsBefore: Row | null }): ChangePlan {
  const item = peerItem(o.peer);
  const find = [['public-key', o.peer.publicKey]] as const;
  const readd: Array<[string, ParamValue]> = [...peerConfigFields(o.peer, o.responderParam), ...secretsOf(o.secretsBefore)];
  const step: PlanStep = {
    menu: PEERS_PATH,
    verb: 'remove',
    target: { id: o.peer.id, find },
    params: [],
    item,
    label: `Deleting peer "${item.label}" from ${o.peer.interface}`,
    hints: PEER_TRAP_HINTS,
    undo: { menu: PEERS_PATH, verb: 'add', target: null, params: readd, item, label: `Adding peer "${item.label}" back`, hints: PEER_TRAP_HINTS, undo: null },
  };
  return {
    routerId: o.routerId, kind: 'peer.delete', subject: item, steps: [step],
    diff: [{ item, change: 'remove', before: fields(readd.filter(([k]) => !SECRET_FIELDS.has(k))), after: null }],
    warnings: [], secretFields: SECRET_FIELDS,
  };
}
