// What /ip/address and /ipv6/address share: an address held by an interface that is named like /interface names it,
// the read-only fields that follow from that interface, and the refusal of the same address twice on one interface.
import type { FieldSpec, WriteContext } from './spec.ts';
import { SimTrap } from '../trap.ts';
import { asBoolean, asBytes } from '../values/parse.ts';
import { allInterfaces, findInterface, resolveInterface } from './interface-names.ts';

export const interfaceField: FieldSpec = { name: 'interface', required: true, parse: asBytes };

export const actualInterfaceField: FieldSpec = {
  name: 'actual-interface',
  readOnly: true,
  compute: (row) => row.raw('interface'),
};

/** Invalid while its interface is gone or disabled. */
export const invalidField: FieldSpec = {
  name: 'invalid',
  readOnly: true,
  compute: (row, state) => {
    const iface = findInterface(state, row.raw('interface') ?? Buffer.alloc(0));
    return String(!iface || iface.row.isDisabled());
  },
};

export const dynamicField: FieldSpec = { name: 'dynamic', readOnly: true, compute: (row) => String(row.dynamic) };
export const disabledField: FieldSpec = { name: 'disabled', parse: asBoolean, initial: () => 'false' };
export const commentField: FieldSpec = { name: 'comment', parse: asBytes, optional: true };

/** A written interface becomes the full name of the one it names (exact, else a unique prefix, else the trap). */
export function resolveAddressInterface({ state, values, written }: WriteContext): void {
  if (!written.has('interface')) return;
  const target = resolveInterface(allInterfaces(state).map((ref) => ref.row), values.get('interface')!, 'interface');
  values.set('interface', Buffer.from(target.values.get('name')!));
}

/** The same address on the same interface twice is refused (another interface may hold it). */
export function refuseDuplicateAddress(path: string, { state, values, existing }: WriteContext): void {
  const address = values.get('address')!;
  const iface = values.get('interface')!;
  const clash = state.table(path).rows.find(
    (r) => r !== existing && r.values.get('address')?.equals(address) && r.values.get('interface')?.equals(iface),
  );
  if (clash) throw new SimTrap('failure: already have such address');
}
