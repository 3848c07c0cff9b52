// /interface: the generic list of every interface. WireDesk reads one thing from it: which WireGuard
// interfaces the router made itself (Back To Home), since /interface/wireguard does not say so on every
// version. The `dynamic` flag is printed as true/false on v7 (yes/no on older menus).
import type { PrintOptions } from '../client.ts';
import type { Row } from '../rows.ts';
import { bool } from './values.ts';

export const INTERFACE_PATH = '/interface';

/** Only WireGuard links, only the two fields used. */
export const WIREGUARD_LINKS: PrintOptions = { query: ['type=wg'], proplist: ['name', 'dynamic'] };

/** Names of router-made (dynamic) interfaces among `rows`. */
export function dynamicInterfaceNames(rows: readonly Row[]): Set<string> {
  return new Set(rows.filter((r) => bool(r, 'dynamic')).map((r) => r['name'] ?? ''));
}
