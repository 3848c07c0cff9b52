// /ipv6/address: IPv6 addresses on interfaces (RouterOS 7; on RouterOS 6 the ipv6 package is off by default).
// Sources:
//  - Ansible community.routeros plugins/module_utils/_api_data.py, ('ipv6', 'address'): address, advertise
//    (default True), comment, disabled (False), eui-64 (False), from-pool (''), interface (required), no-dad (False);
//    also auto-link-local (7.18+) and from-pool-policy (7.23+), not simulated (no default or values given there).
//  - RouterOS manual "IP Addressing" (help.mikrotik.com/docs/display/ROS/IP+Addressing), IPv6 properties: address
//    (netmask 0..128), advertise ("set by default for addresses with prefix length 64", header "Default: no"),
//    eui-64, from-pool, no-dad, interface; read-only actual-interface, dynamic, global, ... ULA addresses "are
//    treated as global unicast"; link-local is fe80::/10.
//  - terraform-provider-routeros resource_ipv6_address.go: read-only actual-interface, dynamic, global, invalid,
//    link-local, and an API print of a row (from-pool printed as "" when unset).
//  - `print detail` as the manual shows it (SLAAC example): address from-pool="" interface actual-interface eui-64
//    advertise no-dad; real prints flag ULA (fd..) addresses G (global) and ::1 not.
// The print order below follows that detail line, then the flags (invalid dynamic global link-local), then
// deprecated (always false here: no lifetimes are simulated), disabled and comment, as /ip/address does.
// advertise: the sources disagree; the default here is yes for a /64 and no otherwise, which fits the manual's
// sentence and, for a /64, Ansible's default. Unconfirmed, as is the from-pool trap text.
import type { MenuDefinition, WriteContext } from './spec.ts';
import { traps } from '../trap.ts';
import { isLinkLocalIpv6, isMacAddress, parsePrefix, withEui64 } from '../values/ip.ts';
import { asBoolean, interfaceAddress, text, type ValueParser } from '../values/parse.ts';
import { findInterface } from './interface-names.ts';
import {
  actualInterfaceField, commentField, disabledField, dynamicField, interfaceField, invalidField, refuseDuplicateAddress,
  resolveAddressInterface,
} from './interface-address.ts';

const PATH = '/ipv6/address';

/** The simulator has no /ipv6/pool, so only the empty value (no pool) names something that exists. */
const asPoolName: ValueParser = (value, name) => {
  if (value.length === 0) return Buffer.alloc(0);
  throw traps.noMatch(name);
};

function hostAddress(row: { get(name: string): string | undefined }): string {
  return (row.get('address') ?? '').split('/')[0] ?? '';
}

/** eui-64=yes: the last 64 bits come from the interface's MAC address (interfaces without one keep the address). */
function applyEui64({ state, values }: WriteContext): void {
  if (values.get('eui-64')?.toString() !== 'true') return;
  const prefix = parsePrefix(values.get('address')!.toString());
  const mac = findInterface(state, values.get('interface')!)?.row.get('mac-address');
  if (!prefix || prefix.length > 64 || mac === undefined || !isMacAddress(mac)) return;
  values.set('address', Buffer.from(`${withEui64(prefix.address, mac)}/${prefix.length}`));
}

export const ipv6AddressMenu: MenuDefinition = {
  path: PATH,
  since: '7.1',
  kind: 'list',
  fields: [
    { name: 'address', required: true, parse: interfaceAddress(6) },
    { name: 'from-pool', parse: asPoolName, initial: () => '' },
    interfaceField,
    actualInterfaceField,
    { name: 'eui-64', parse: asBoolean, initial: () => 'false' },
    // Default set on add from the prefix length (see prepare).
    { name: 'advertise', parse: asBoolean },
    { name: 'no-dad', parse: asBoolean, initial: () => 'false' },
    invalidField,
    dynamicField,
    {
      name: 'global',
      readOnly: true,
      compute: (row) => {
        const host = hostAddress(row);
        return String(!isLinkLocalIpv6(host) && host !== '::1' && host !== '::');
      },
    },
    { name: 'link-local', readOnly: true, compute: (row) => String(isLinkLocalIpv6(hostAddress(row))) },
    { name: 'deprecated', readOnly: true, compute: () => 'false' },
    disabledField,
    commentField,
  ],
  prepare: (ctx) => {
    resolveAddressInterface(ctx);
    applyEui64(ctx);
    if (ctx.existing === undefined && !ctx.written.has('advertise')) {
      const length = parsePrefix(text(ctx.values.get('address')!))?.length;
      ctx.values.set('advertise', Buffer.from(String(length === 64)));
    }
    refuseDuplicateAddress(PATH, ctx);
  },
};
