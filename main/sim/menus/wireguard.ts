// /interface/wireguard: the router's WireGuard interfaces. The private key is generated when omitted; the public
// key is always derived from it.
import type { MenuDefinition } from './spec.ts';
import type { RouterState } from '../state/router-state.ts';
import { SimTrap, traps } from '../trap.ts';
import { decodeKey, generateKeyPair, publicKeyFor } from '../keys.ts';
import { asBoolean, asBytes, asKey, integerIn, oneOf } from '../values/parse.ts';
import { ADDRESS_MENUS, checkInterfaceName, followRename } from './interface-names.ts';

export const DEFAULT_LISTEN_PORT = 13231;

function usedPorts(state: RouterState): Set<string> {
  return new Set(state.table('/interface/wireguard').rows.map((r) => r.get('listen-port') ?? ''));
}

function freeName(state: RouterState): string {
  const names = new Set(state.table('/interface/wireguard').rows.map((r) => r.get('name')));
  let n = 1;
  while (names.has(`wireguard${n}`)) n++;
  return `wireguard${n}`;
}

export const wireguardMenu: MenuDefinition = {
  path: '/interface/wireguard',
  since: '7.1',
  kind: 'list',
  nameField: 'name',
  fields: [
    { name: 'name', parse: asBytes, initial: freeName },
    { name: 'mtu', parse: integerIn(1, 65536), initial: () => '1420' },
    {
      name: 'listen-port',
      parse: integerIn(1, 65535),
      initial: (state) => {
        const used = usedPorts(state);
        let port = DEFAULT_LISTEN_PORT;
        while (used.has(String(port))) port++;
        return String(port);
      },
    },
    { name: 'private-key', parse: asKey, sensitive: true, initial: () => generateKeyPair().privateKey.toString('base64') },
    { name: 'public-key', readOnly: true },
    { name: 'vrf', since: '7.21', parse: oneOf(['main']), initial: () => 'main' },
    {
      name: 'running',
      readOnly: true,
      compute: (row, state) => String(!row.isDisabled() && (state.dataPlane?.interfaceRunning(row) ?? true)),
    },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
  prepare: ({ state, values, written, existing }) => {
    checkInterfaceName(state, values, existing);
    if (written.has('listen-port')) {
      const port = values.get('listen-port')!;
      const clash = state.table('/interface/wireguard').rows.find((r) => r !== existing && r.values.get('listen-port')?.equals(port));
      if (clash) throw new SimTrap('failure: port already in use');
    }
    const key = decodeKey(values.get('private-key')?.toString('latin1') ?? '');
    if (key === null) throw traps.invalidValue('private-key');
    values.set('public-key', Buffer.from(publicKeyFor(key).toString('base64')));
  },
  afterSet: (row, before, state) => followRename(state, before, row),
  afterRemove: (row, state) => {
    // Peers and addresses of a removed interface go with it.
    const name = row.values.get('name')!;
    for (const path of ['/interface/wireguard/peers', ...ADDRESS_MENUS]) {
      if (!state.hasTable(path)) continue;
      const table = state.table(path);
      for (const ref of table.rows.filter((r) => r.values.get('interface')?.equals(name))) table.delete(ref);
    }
  },
};
