// /ip/address: addresses on interfaces; the WireGuard server subnet is the address on the wg interface.
// IPv4 only: an IPv6 value is `invalid value for argument address`, as on a router (IPv6 is /ipv6/address).
import type { MenuDefinition } from './spec.ts';
import { parsePrefix } from '../values/ip.ts';
import { interfaceAddress } from '../values/parse.ts';
import {
  actualInterfaceField, commentField, disabledField, dynamicField, interfaceField, invalidField, refuseDuplicateAddress,
  resolveAddressInterface,
} from './interface-address.ts';

export const ipAddressMenu: MenuDefinition = {
  path: '/ip/address',
  kind: 'list',
  fields: [
    { name: 'address', required: true, parse: interfaceAddress(4) },
    {
      name: 'network',
      readOnly: true,
      compute: (row) => parsePrefix(row.get('address') ?? '')?.network,
    },
    interfaceField,
    actualInterfaceField,
    invalidField,
    dynamicField,
    disabledField,
    commentField,
  ],
  prepare: (ctx) => {
    resolveAddressInterface(ctx);
    refuseDuplicateAddress('/ip/address', ctx);
  },
};
