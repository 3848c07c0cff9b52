// An item's fields in RouterOS's own names and printed form, from the model's typed peer: the "before" of a
// diff, the values an undo step writes back, and one canonical form for comparing what was sent with what
// the router printed afterwards (`25s` and `00:00:25` are the same keepalive, `yes` and `true` the same flag).
import { parseDuration } from '../../../src/domain/durations.ts';
import type { WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { Row } from '../../routeros/rows.ts';
import type { ParamValue } from '../../routeros/text.ts';
import { HIDDEN } from './cli.ts';
import { printValue, SECRET_FIELDS } from './plan.ts';

const DURATIONS = new Set(['persistent-keepalive', 'client-keepalive']);
const BOOLEANS = new Set(['disabled', 'responder', 'is-responder', 'ddns-enabled', 'advertise', 'enabled']);

function seconds(ms: number | undefined): string {
  return `${Math.round((ms ?? 0) / 1000)}s`;
}

/**
 * The configuration fields of a peer that a plan may set, as values to send. `responder` is written under
 * the version's own name by the caller (`is-responder` on 7.15-7.16).
 */
export function peerConfigFields(peer: WireGuardPeer, responderParam: string | null): Array<[string, ParamValue]> {
  const out: Array<[string, ParamValue]> = [
    ['interface', peer.interface],
    ['public-key', peer.publicKey],
    ['allowed-address', peer.allowedAddress.join(',')],
  ];
  if (peer.endpointAddress) out.push(['endpoint-address', peer.endpointAddress], ['endpoint-port', peer.endpointPort]);
  out.push(['persistent-keepalive', seconds(peer.persistentKeepaliveMs)]);
  if (peer.name !== undefined) out.push(['name', peer.legacy['name'] ?? peer.name]);
  if (peer.comment) out.push(['comment', peer.legacy['comment'] ?? peer.comment]);
  if (peer.disabled) out.push(['disabled', true]);
  if (responderParam && peer.responder !== undefined) out.push([responderParam, peer.responder]);
  const c = peer.client;
  if (c.address !== undefined) out.push(['client-address', c.address]);
  if (c.dns !== undefined) out.push(['client-dns', c.dns]);
  if (c.endpoint !== undefined) out.push(['client-endpoint', c.endpoint]);
  if (c.keepaliveMs !== undefined) out.push(['client-keepalive', seconds(c.keepaliveMs)]);
  if (c.listenPort !== undefined) out.push(['client-listen-port', c.listenPort]);
  if (c.allowedAddress !== undefined) out.push(['client-allowed-address', c.allowedAddress]);
  return out;
}

/** The value a field has on `peer`, as a value to write back (what an undo of a `set` sends). */
export function peerFieldValue(peer: WireGuardPeer, field: string): ParamValue {
  switch (field) {
    case 'interface': return peer.interface;
    case 'public-key': return peer.publicKey;
    case 'allowed-address': return peer.allowedAddress.join(',');
    case 'endpoint-address': return peer.endpointAddress ?? '';
    case 'endpoint-port': return peer.endpointPort;
    case 'persistent-keepalive': return seconds(peer.persistentKeepaliveMs);
    case 'name': return peer.legacy['name'] ?? peer.name ?? '';
    case 'comment': return peer.legacy['comment'] ?? peer.comment;
    case 'disabled': return peer.disabled;
    case 'responder':
    case 'is-responder': return peer.responder ?? false;
    case 'client-address': return peer.client.address ?? '';
    case 'client-dns': return peer.client.dns ?? '';
    case 'client-endpoint': return peer.client.endpoint ?? '';
    case 'client-keepalive': return seconds(peer.client.keepaliveMs);
    case 'client-listen-port': return peer.client.listenPort ?? 0;
    case 'client-allowed-address': return peer.client.allowedAddress ?? '';
    default: throw new RangeError(`a plan cannot write peer field ${field}`);
  }
}

/** One form for a field's value whether it was sent or printed, so a verification compares meaning. */
export function canonical(field: string, value: string | undefined): string {
  const v = value ?? '';
  if (DURATIONS.has(field)) {
    if (v === '') return '0s';
    const parsed = parseDuration(v);
    return parsed.ok ? `${Math.round(parsed.value / 1000)}s` : v;
  }
  if (BOOLEANS.has(field)) return v === 'true' || v === 'yes' ? 'yes' : 'no';
  if (field === 'endpoint-port' || field === 'client-listen-port' || field === 'listen-port' || field === 'mtu') return v === '' ? '0' : String(Number(v));
  if (field === 'allowed-address' || field === 'client-address' || field === 'client-dns' || field === 'client-allowed-address') {
    return v.split(',').map((s) => s.trim()).filter(Boolean).join(',');
  }
  return v;
}

/** Fields of `sent` that the router's row does not show as sent (compared by meaning, secrets by value only). */
export function itemDifferences(sent: ReadonlyArray<readonly [string, ParamValue]>, row: Row): Array<{ field: string; expected: string; actual: string }> {
  const out: Array<{ field: string; expected: string; actual: string }> = [];
  for (const [field, value] of sent) {
    // A user without the `sensitive` policy is not shown secrets: nothing to compare then.
    if (SECRET_FIELDS.has(field) && row[field] === undefined) continue;
    // `auto` and `none` ask the router to make or drop a key; what it prints then is not the word sent.
    if (field === 'private-key' && (value === 'auto' || value === 'none')) continue;
    // Where an added rule goes, not a field of it: the rule list's order shows it, not the row.
    if (field === 'place-before') continue;
    const expected = canonical(field, printValue(value));
    const actual = canonical(field, row[field]);
    if (expected === actual) continue;
    out.push(SECRET_FIELDS.has(field) ? { field, expected: expected ? HIDDEN : '', actual: actual ? HIDDEN : '' } : { field, expected, actual });
  }
  return out;
}
