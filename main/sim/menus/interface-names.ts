// Interface names are one namespace across /interface/* and are referenced by name from other menus.
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import { SimTrap, traps } from '../trap.ts';

export const INTERFACE_MENUS: Readonly<Record<string, string>> = {
  '/interface/ethernet': 'ether',
  '/interface/bridge': 'bridge',
  '/interface/wireguard': 'wg',
};

/** The menus whose rows hold an address on an interface (interface renames and removals reach them). */
export const ADDRESS_MENUS: readonly string[] = ['/ip/address', '/ipv6/address'];

export interface InterfaceRef {
  row: Row;
  path: string;
  type: string;
}

export function allInterfaces(state: RouterState): InterfaceRef[] {
  const out: InterfaceRef[] = [];
  for (const [path, type] of Object.entries(INTERFACE_MENUS)) {
    if (!state.hasTable(path)) continue;
    for (const row of state.table(path).rows) out.push({ row, path, type });
  }
  return out.sort((a, b) => a.row.id - b.row.id);
}

export function findInterface(state: RouterState, name: string | Buffer): InterfaceRef | undefined {
  const want = typeof name === 'string' ? Buffer.from(name) : name;
  return allInterfaces(state).find((ref) => ref.row.values.get('name')?.equals(want));
}

/**
 * Resolves what a client wrote for an interface argument: the exact name, else a unique prefix (RouterOS completes
 * unambiguous input), else the router's trap.
 */
export function resolveInterface(candidates: readonly Row[], input: Buffer, argument: string): Row {
  const exact = candidates.find((row) => row.values.get('name')?.equals(input));
  if (exact) return exact;
  const prefixed = input.length === 0 ? [] : candidates.filter((row) => {
    const name = row.values.get('name');
    return name !== undefined && name.length > input.length && name.subarray(0, input.length).equals(input);
  });
  if (prefixed.length === 1) return prefixed[0]!;
  if (prefixed.length > 1) throw traps.ambiguous(argument);
  throw traps.noMatch(argument);
}

/** `name` must be unique among all interfaces. */
export function checkInterfaceName(state: RouterState, values: Map<string, Buffer>, existing: Row | undefined): void {
  const name = values.get('name');
  if (name === undefined) return;
  if (name.length === 0) throw traps.invalidValue('name');
  const other = findInterface(state, name);
  if (other && other.row !== existing) throw new SimTrap('failure: already have interface with such name');
}

/** After a rename, rows that reference the interface by name follow it (peers, addresses, list members). */
export function followRename(state: RouterState, before: ReadonlyMap<string, Buffer>, row: Row): void {
  const oldName = before.get('name');
  const newName = row.values.get('name');
  if (!oldName || !newName || oldName.equals(newName)) return;
  for (const path of ['/interface/wireguard/peers', ...ADDRESS_MENUS, '/interface/list/member']) {
    if (!state.hasTable(path)) continue;
    const table = state.table(path);
    for (const ref of table.rows.filter((r) => r.values.get('interface')?.equals(oldName))) {
      table.update(ref, new Map([['interface', Buffer.from(newName)]]));
    }
  }
}

/** `running` for plain ports: up unless disabled or (internally) unplugged. */
export function linkRunning(row: Row): string {
  return String(!row.isDisabled() && row.get('.link') !== 'down');
}
