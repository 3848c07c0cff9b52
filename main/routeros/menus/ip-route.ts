// /ip/route: static routes. Site-to-site links add `dst-address=<remote LAN> gateway=<wg interface>` on both
// routers; WireGuard's allowed-address only filters, it does not route.
import type { CommandOptions } from '../client.ts';
import type { Row } from '../rows.ts';
import type { ParamValue } from '../text.ts';
import { bool, id, int, text, type MenuClient } from './values.ts';

export const IP_ROUTE_PATH = '/ip/route';

export interface IpRoute {
  id: string;
  dstAddress: string;
  gateway: string;
  distance: number;
  routingTable: string;
  active: boolean;
  dynamic: boolean;
  disabled: boolean;
  comment: string;
}

export function toIpRoute(row: Row): IpRoute {
  return {
    id: id(row),
    dstAddress: text(row, 'dst-address'),
    gateway: text(row, 'gateway'),
    distance: int(row, 'distance', 1),
    routingTable: text(row, 'routing-table') || 'main',
    active: bool(row, 'active'),
    dynamic: bool(row, 'dynamic'),
    disabled: bool(row, 'disabled'),
    comment: text(row, 'comment'),
  };
}

export async function listIpRoutes(client: MenuClient, options: CommandOptions = {}): Promise<IpRoute[]> {
  return (await client.print(IP_ROUTE_PATH, options)).map(toIpRoute);
}

export function addIpRoute(client: MenuClient, input: { dstAddress: string; gateway: string; distance?: number; comment?: ParamValue }): Promise<string> {
  return client.add(IP_ROUTE_PATH, {
    'dst-address': input.dstAddress,
    gateway: input.gateway,
    distance: input.distance,
    comment: input.comment,
  });
}

export function removeIpRoutes(client: MenuClient, routeIds: string | readonly string[]): Promise<void> {
  return client.remove(IP_ROUTE_PATH, routeIds);
}
