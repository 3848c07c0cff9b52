// /interface: every interface of the router in one list (ports, bridge, WireGuard), print only.
import type { FieldSpec, MenuDefinition } from './spec.ts';
import { Row } from '../state/row.ts';
import { renderRow } from './render.ts';
import { allInterfaces } from './interface-names.ts';

/** Print order; the values are copied from each interface's own menu. */
const PRINTED: FieldSpec[] = [
  { name: 'name' },
  { name: 'default-name', optional: true },
  { name: 'type' },
  { name: 'mtu' },
  { name: 'actual-mtu' },
  { name: 'l2mtu', optional: true },
  { name: 'mac-address', optional: true },
  { name: 'running' },
  { name: 'disabled' },
  { name: 'dynamic', compute: (row) => String(row.dynamic) },
  { name: 'comment', optional: true },
];
const FIELDS = PRINTED.map((field) => ({ ...field, readOnly: true }));

const COPIED = new Set(FIELDS.map((f) => f.name));

export const interfaceMenu: MenuDefinition = {
  path: '/interface',
  kind: 'list',
  nameField: 'name',
  readOnly: true,
  fields: FIELDS,
  rows: (state) =>
    allInterfaces(state).map(({ row, path, type }) => {
      const source = renderRow(state.menu(path)!, row, state, { sensitive: false });
      const values = new Map(source.filter(([k]) => COPIED.has(k)));
      values.set('type', Buffer.from(type));
      const mtu = values.get('mtu')?.toString() ?? '';
      if (!values.has('actual-mtu')) values.set('actual-mtu', Buffer.from(/^\d+$/.test(mtu) ? mtu : '1500'));
      return new Row(row.id, values, row.dynamic);
    }),
};
