// /ip/route: static routes, enough for site-to-site links (dst-address=<remote LAN> gateway=<wg interface>).
// Not modelled: the dynamic connected routes RouterOS derives from /ip/address, ECMP, recursive gateways, and
// the data plane (routes are not installed in the namespace).
import type { MenuDefinition } from './spec.ts';
import { traps } from '../trap.ts';
import { parsePrefix } from '../values/ip.ts';
import { asBoolean, asBytes, integerIn, text, type ValueParser } from '../values/parse.ts';
import { findInterface } from './interface-names.ts';

/** One prefix, stored as its network (`192.168.20.1/24` -> `192.168.20.0/24`). */
const asNetwork: ValueParser = (value, name) => {
  const prefix = parsePrefix(text(value));
  if (prefix === null || text(value).includes(',')) throw traps.invalidValue(name);
  return Buffer.from(`${prefix.network}/${prefix.length}`);
};

export const ipRouteMenu: MenuDefinition = {
  path: '/ip/route',
  kind: 'list',
  fields: [
    { name: 'dst-address', required: true, parse: asNetwork },
    { name: 'gateway', required: true, parse: asBytes },
    { name: 'distance', parse: integerIn(1, 255), initial: () => '1' },
    { name: 'scope', parse: integerIn(0, 255), initial: () => '30' },
    { name: 'target-scope', parse: integerIn(0, 255), initial: () => '10' },
    { name: 'routing-table', parse: asBytes, initial: () => 'main' },
    { name: 'static', readOnly: true, compute: (row) => String(!row.dynamic) },
    { name: 'dynamic', readOnly: true, compute: (row) => String(row.dynamic) },
    {
      name: 'active',
      readOnly: true,
      compute: (row, state) => {
        const gateway = row.get('gateway') ?? '';
        const iface = findInterface(state, gateway);
        return String(!row.isDisabled() && (parsePrefix(gateway) !== null || (iface !== undefined && !iface.row.isDisabled())));
      },
    },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
  prepare: ({ state, values }) => {
    // A gateway is an IP address or an interface name.
    const gateway = values.get('gateway')!;
    const asText = gateway.toString('utf8');
    const isAddress = !asText.includes('/') && parsePrefix(asText) !== null;
    if (!isAddress && !findInterface(state, gateway)) throw traps.noMatch('gateway');
  },
};
