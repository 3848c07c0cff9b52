// /ip/cloud: MikroTik's DDNS (`<serial>.sn.mynetname.net`) and, from 7.12, Back To Home.
import type { MenuDefinition } from './spec.ts';
import { asBoolean, oneOf } from '../values/parse.ts';

export const ipCloudMenu: MenuDefinition = {
  path: '/ip/cloud',
  kind: 'singleton',
  fields: [
    { name: 'ddns-enabled', parse: asBoolean, initial: () => 'true' },
    { name: 'ddns-update-interval', initial: () => 'none' },
    { name: 'update-time', parse: asBoolean, initial: () => 'true' },
    { name: 'back-to-home-vpn', since: '7.12', parse: oneOf(['enabled', 'disabled', 'revoked-and-disabled']), initial: () => 'disabled' },
    {
      name: 'public-address',
      readOnly: true,
      compute: (row, state) => (row.get('ddns-enabled') === 'true' ? state.hardware.publicAddress : undefined),
    },
    {
      name: 'dns-name',
      readOnly: true,
      compute: (row, state) => (row.get('ddns-enabled') === 'true' ? state.hardware.dnsName : undefined),
    },
    { name: 'status', readOnly: true, compute: (row) => (row.get('ddns-enabled') === 'true' ? 'updated' : undefined) },
  ],
  commands: { 'force-update': () => undefined },
};
