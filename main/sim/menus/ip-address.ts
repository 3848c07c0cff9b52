// /ip/address: addresses on interfaces; the WireGuard server subnet is the address on the wg interface.
import type { MenuDefinition } from './spec.ts';
import { SimTrap } from '../trap.ts';
import { parsePrefix } from '../values/ip.ts';
import { asBoolean, asBytes, asInterfaceAddress } from '../values/parse.ts';
import { allInterfaces, findInterface, resolveInterface } from './interface-names.ts';

export const ipAddressMenu: MenuDefinition = {
  path: '/ip/address',
  kind: 'list',
  fields: [
    { name: 'address', required: true, parse: asInterfaceAddress },
    {
      name: 'network',
      readOnly: true,
      compute: (row) => parsePrefix(row.get('address') ?? '')?.network,
    },
    { name: 'interface', required: true, parse: asBytes },
    { name: 'actual-interface', readOnly: true, compute: (row) => row.raw('interface') },
    {
      name: 'invalid',
      readOnly: true,
      compute: (row, state) => {
        const iface = findInterface(state, row.raw('interface') ?? Buffer.alloc(0));
        return String(!iface || iface.row.isDisabled());
      },
    },
    { name: 'dynamic', readOnly: true, compute: (row) => String(row.dynamic) },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
  prepare: ({ state, values, written, existing }) => {
    if (written.has('interface')) {
      const target = resolveInterface(allInterfaces(state).map((ref) => ref.row), values.get('interface')!, 'interface');
      values.set('interface', Buffer.from(target.values.get('name')!));
    }
    const address = values.get('address')!;
    const iface = values.get('interface')!;
    const clash = state.table('/ip/address').rows.find(
      (r) => r !== existing && r.values.get('address')?.equals(address) && r.values.get('interface')?.equals(iface),
    );
    if (clash) throw new SimTrap('failure: already have such address');
  },
};
