// /interface/wireguard/peers. Version differences follow the reference notes: client-* settings and the peer
// private-key from 7.12, name from 7.15, is-responder in 7.15-7.16 renamed to responder in 7.17,
// client-allowed-address from 7.21. Statistics (rx, tx, last-handshake, current endpoint) are read-only.
import type { MenuDefinition, WriteContext } from './spec.ts';
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import { SimTrap, traps } from '../trap.ts';
import { decodeKey, generateKeyPair, publicKeyFor, randomKey } from '../keys.ts';
import { formatDuration } from '../values/duration.ts';
import { isIp } from '../values/ip.ts';
import {
  asBoolean, asBytes, asHost, asKey, asPrefixList, durationIn, integerIn, text, type ValueParser,
} from '../values/parse.ts';
import { resolveInterface } from './interface-names.ts';
import { keyIndex } from '../state/key-index.ts';

/** `0`/`0s`/`off` turns keepalive off: RouterOS then leaves the property out. */
const asKeepalive: ValueParser = (value, name) => {
  const v = text(value);
  if (v === '' || v === 'off' || v === 'disabled') return Buffer.alloc(0);
  const parsed = durationIn(0, 65535)(value, name);
  return parsed.toString() === '0s' ? Buffer.alloc(0) : parsed;
};

/** `auto` generates, `none` or empty clears, anything else must be a key. */
const keyOrAuto = (generate: () => Buffer): ValueParser => (value, name) => {
  const v = text(value);
  if (v === 'auto') return Buffer.from(generate().toString('base64'));
  if (v === '' || v === 'none') return Buffer.alloc(0);
  return asKey(value, name);
};

const asIpList: ValueParser = (value, name) => {
  const v = text(value);
  if (v !== '' && !v.split(',').every(isIp)) throw traps.invalidValue(name);
  return Buffer.from(v);
};

function stat(row: Row, state: RouterState) {
  return state.peerStats(row);
}

function nextPeerName(state: RouterState): string {
  const used = new Set(state.table('/interface/wireguard/peers').rows.map((r) => r.get('name')));
  let n = state.table('/interface/wireguard/peers').size + 1;
  while (used.has(`peer${n}`)) n++;
  return `peer${n}`;
}

function prepare({ state, values, written, existing }: WriteContext): void {
  const interfaces = state.table('/interface/wireguard').rows;
  if (written.has('interface')) {
    const target = resolveInterface(interfaces, values.get('interface')!, 'interface');
    values.set('interface', Buffer.from(target.values.get('name')!));
  }
  const privateKey = values.get('private-key');
  if (written.has('private-key') && privateKey && privateKey.length > 0) {
    values.set('public-key', Buffer.from(publicKeyFor(decodeKey(privateKey.toString('latin1'))!).toString('base64')));
  }
  const publicKey = values.get('public-key');
  if (!publicKey || publicKey.length === 0) throw traps.missing(['public-key']);
  const iface = values.get('interface')!;
  // Device-wide: a key on another WireGuard interface is refused too (a MikroTik forum reply quoted in
  // nasnet-panel PR #768; ../shared/reference/routeros-api.md). The packets of one key reach one peer.
  const index = keyIndex(state.table('/interface/wireguard/peers'), 'public-key', (r) => r.raw('public-key')?.toString('latin1'));
  const duplicate = index.get(publicKey.toString('latin1'));
  if (duplicate && duplicate !== existing) throw traps.exists();
  const own = interfaces.find((r) => r.values.get('name')?.equals(iface));
  if (own?.values.get('public-key')?.equals(publicKey)) throw new SimTrap('failure: public key is the same as the interface public key');
}

export const peersMenu: MenuDefinition = {
  path: '/interface/wireguard/peers',
  since: '7.1',
  kind: 'list',
  nameField: 'name',
  prepare,
  fields: [
    { name: 'interface', required: true, parse: asBytes },
    { name: 'name', since: '7.15', parse: asBytes, initial: nextPeerName },
    { name: 'public-key', parse: asKey },
    { name: 'private-key', since: '7.12', sensitive: true, parse: keyOrAuto(() => generateKeyPair().privateKey), initial: () => '' },
    { name: 'endpoint-address', parse: asHost, initial: () => '' },
    { name: 'endpoint-port', parse: integerIn(0, 65535), initial: () => '0' },
    { name: 'current-endpoint-address', readOnly: true, compute: (row, state) => stat(row, state).endpoint?.address ?? '' },
    { name: 'current-endpoint-port', readOnly: true, compute: (row, state) => String(stat(row, state).endpoint?.port ?? 0) },
    { name: 'allowed-address', required: true, parse: asPrefixList },
    { name: 'preshared-key', sensitive: true, parse: keyOrAuto(randomKey), initial: () => '' },
    { name: 'persistent-keepalive', parse: asKeepalive, optional: true },
    { name: 'is-responder', since: '7.15', until: '7.17', parse: asBoolean, initial: () => 'false' },
    { name: 'responder', since: '7.17', parse: asBoolean, initial: () => 'false' },
    { name: 'client-address', since: '7.12', parse: (v, n) => (v.length === 0 ? Buffer.alloc(0) : asPrefixList(v, n)), initial: () => '' },
    { name: 'client-dns', since: '7.12', parse: asIpList, initial: () => '' },
    { name: 'client-endpoint', since: '7.12', parse: asBytes, initial: () => '' },
    { name: 'client-keepalive', since: '7.12', parse: asKeepalive, optional: true },
    { name: 'client-listen-port', since: '7.12', parse: integerIn(0, 65535), optional: true },
    { name: 'client-allowed-address', since: '7.21', parse: asPrefixList, initial: () => '::/0' },
    { name: 'rx', readOnly: true, compute: (row, state) => String(stat(row, state).rx) },
    { name: 'tx', readOnly: true, compute: (row, state) => String(stat(row, state).tx) },
    {
      name: 'last-handshake',
      readOnly: true,
      compute: (row, state) => {
        const at = stat(row, state).lastHandshakeAt;
        return at === undefined ? undefined : formatDuration((state.statsNow() - at) / 1000);
      },
    },
    { name: 'comment', parse: asBytes, optional: true },
    { name: 'dynamic', readOnly: true, compute: (row) => String(row.dynamic) },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
  ],
};
