// /interface/ethernet and /interface/bridge: the router's own ports, so that addresses have something to sit on.
import type { MenuDefinition, WriteContext } from './spec.ts';
import { asBoolean, asBytes, integerIn } from '../values/parse.ts';
import { checkInterfaceName, followRename, linkRunning } from './interface-names.ts';

const prepare = (ctx: WriteContext): void => checkInterfaceName(ctx.state, ctx.values, ctx.existing);

export const ethernetMenu: MenuDefinition = {
  path: '/interface/ethernet',
  kind: 'list',
  nameField: 'name',
  prepare,
  afterSet: (row, before, state) => followRename(state, before, row),
  fields: [
    { name: 'name', parse: asBytes, required: true },
    { name: 'default-name', readOnly: true },
    { name: 'mtu', parse: integerIn(68, 9578), initial: () => '1500' },
    { name: 'l2mtu', readOnly: true, initial: () => '1514' },
    { name: 'mac-address', readOnly: true },
    { name: 'orig-mac-address', readOnly: true },
    { name: 'arp', initial: () => 'enabled' },
    { name: 'running', readOnly: true, compute: linkRunning },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
};

export const bridgeMenu: MenuDefinition = {
  path: '/interface/bridge',
  kind: 'list',
  nameField: 'name',
  prepare,
  afterSet: (row, before, state) => followRename(state, before, row),
  fields: [
    { name: 'name', parse: asBytes, required: true },
    { name: 'mtu', initial: () => 'auto' },
    { name: 'actual-mtu', readOnly: true, initial: () => '1500' },
    { name: 'l2mtu', readOnly: true, initial: () => '1514' },
    { name: 'arp', initial: () => 'enabled' },
    { name: 'mac-address', readOnly: true },
    { name: 'protocol-mode', initial: () => 'rstp' },
    { name: 'vlan-filtering', parse: asBoolean, initial: () => 'false' },
    { name: 'running', readOnly: true, compute: linkRunning },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
};
