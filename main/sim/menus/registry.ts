// The menus this simulator knows, cut down to what exists in the chosen RouterOS version.
import type { MenuDefinition, MenuSpec } from './spec.ts';
import type { RouterVersion } from '../version.ts';
import { availableIn } from '../version.ts';
import { bridgeMenu, ethernetMenu } from './ports.ts';
import { interfaceMenu } from './interface.ts';
import { wireguardMenu } from './wireguard.ts';
import { peersMenu } from './wireguard-peers.ts';
import { ipAddressMenu } from './ip-address.ts';
import { ipv6AddressMenu } from './ipv6-address.ts';
import { firewallFilterMenu } from './firewall-filter.ts';
import { firewallNatMenu } from './firewall-nat.ts';
import { interfaceListMemberMenu, interfaceListMenu } from './interface-lists.ts';
import { identityMenu, resourceMenu } from './system.ts';
import { ipCloudMenu } from './ip-cloud.ts';
import { ipRouteMenu } from './ip-route.ts';
import { userGroupMenu, userMenu } from './users.ts';
import { clockMenu, logMenu, schedulerMenu, scriptMenu } from './scripting.ts';
import { ntpClientMenu } from './ntp-client.ts';

const ALL: readonly MenuDefinition[] = [
  interfaceMenu, ethernetMenu, bridgeMenu, wireguardMenu, peersMenu, interfaceListMenu, interfaceListMemberMenu,
  ipAddressMenu, ipv6AddressMenu, firewallFilterMenu, firewallNatMenu, identityMenu, resourceMenu, ipCloudMenu, ipRouteMenu, userGroupMenu,
  userMenu, clockMenu, ntpClientMenu, schedulerMenu, scriptMenu, logMenu,
];

export function buildMenus(version: RouterVersion): Map<string, MenuSpec> {
  const menus = new Map<string, MenuSpec>();
  for (const definition of ALL) {
    if (!availableIn(version, definition)) continue;
    menus.set(definition.path, { ...definition, fields: definition.fields.filter((f) => availableIn(version, f)) });
  }
  return menus;
}
