// Turns a row into the ordered properties of a `!re` reply.
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import type { MenuSpec } from './spec.ts';

export type Props = Array<[string, Buffer]>;

export function renderRow(menu: MenuSpec, row: Row, state: RouterState, options: { sensitive: boolean }): Props {
  const out: Props = [];
  if (menu.kind === 'list') out.push(['.id', Buffer.from(row.idText)]);
  for (const field of menu.fields) {
    if (field.sensitive && !options.sensitive) continue;
    const raw = field.compute ? field.compute(row, state) : row.values.get(field.name);
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (field.optional && value.length === 0) continue;
    out.push([field.name, value]);
  }
  return out;
}

/** Rendered properties as UTF-8 strings, for test assertions and the CLI. */
export function propsToRecord(props: Props): Record<string, string> {
  return Object.fromEntries(props.map(([k, v]) => [k, v.toString('utf8')]));
}
