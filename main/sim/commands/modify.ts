// The write path shared by API commands and the programmatic state API: validate each written value against the
// menu's fields, fill defaults, run the menu's cross-field checks, then store. Nothing is stored when a check fails.
import type { MenuSpec, FieldSpec } from '../menus/spec.ts';
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import { parseId } from '../state/row.ts';
import { SimTrap, traps } from '../trap.ts';
import { asBytes } from '../values/parse.ts';

const toBuffer = (v: Buffer | string): Buffer => (typeof v === 'string' ? Buffer.from(v) : v);

function fieldsByName(menu: MenuSpec): Map<string, FieldSpec> {
  return new Map(menu.fields.map((f) => [f.name, f]));
}

/** Parses written attributes; unknown and read-only names are rejected like a router does. */
export function parseWrite(menu: MenuSpec, attrs: ReadonlyMap<string, Buffer>, skip: readonly string[] = []): Map<string, Buffer> {
  const fields = fieldsByName(menu);
  const out = new Map<string, Buffer>();
  for (const [name, value] of attrs) {
    if (skip.includes(name)) continue;
    const field = fields.get(name);
    if (!field || field.readOnly) throw traps.unknownParameter(name);
    out.set(name, (field.parse ?? asBytes)(value, name));
  }
  return out;
}

export function menuRows(state: RouterState, menu: MenuSpec): readonly Row[] {
  return menu.rows ? menu.rows(state) : state.table(menu.path).rows;
}

/** `*1A`, a comma list of ids, or a name where the menu has one. */
export function resolveRows(state: RouterState, menu: MenuSpec, ids: Buffer): Row[] {
  const rows = menuRows(state, menu);
  const out = new Set<Row>();
  for (const part of ids.toString('latin1').split(',')) {
    const id = parseId(part);
    const bytes = Buffer.from(part, 'latin1');
    let row: Row | undefined;
    if (id !== null) row = menu.rows ? rows.find((r) => r.id === id) : state.table(menu.path).get(id);
    else if (menu.nameField) row = rows.find((r) => r.values.get(menu.nameField!)?.equals(bytes));
    if (!row) throw traps.noSuchItem();
    out.add(row);
  }
  return [...out];
}

export function addRow(
  state: RouterState,
  menu: MenuSpec,
  attrs: ReadonlyMap<string, Buffer>,
  options: { dynamic?: boolean; before?: Row; system?: ReadonlyMap<string, Buffer> } = {},
): Row {
  const written = parseWrite(menu, attrs);
  const missing = menu.fields.filter((f) => f.required && !written.has(f.name)).map((f) => f.name);
  if (missing.length > 0) throw traps.missing(missing);
  const values = new Map<string, Buffer>();
  for (const field of menu.fields) {
    const given = written.get(field.name);
    if (given !== undefined) values.set(field.name, given);
    else if (field.initial) {
      const initial = field.initial(state);
      if (initial !== undefined) values.set(field.name, toBuffer(initial));
    }
  }
  // Read-only values the router fills in itself (the `owner` of a script: the user who added it).
  for (const [k, v] of options.system ?? []) values.set(k, v);
  menu.prepare?.({ state, values, written: new Set(written.keys()), existing: undefined });
  return state.table(menu.path).insert(values, options);
}

function applyPlans(state: RouterState, menu: MenuSpec, plans: Array<{ row: Row; values: Map<string, Buffer | undefined> }>): void {
  const table = state.table(menu.path);
  for (const { row, values } of plans) {
    const before = new Map(row.values);
    table.update(row, values);
    menu.afterSet?.(row, before, state);
  }
}

/** Sets the same attributes on every row; all rows are checked before any is changed. */
export function setRows(state: RouterState, menu: MenuSpec, rows: readonly Row[], attrs: ReadonlyMap<string, Buffer>): void {
  const written = parseWrite(menu, attrs, ['.id', 'numbers']);
  const plans = rows.map((row) => {
    if (row.dynamic) throw traps.dynamic();
    const values = new Map(row.values);
    for (const [k, v] of written) values.set(k, v);
    menu.prepare?.({ state, values, written: new Set(written.keys()), existing: row });
    const changes = new Map<string, Buffer | undefined>();
    for (const [k, v] of values) if (!row.values.get(k)?.equals(v)) changes.set(k, v);
    return { row, values: changes };
  });
  applyPlans(state, menu, plans);
}

/** `unset`: optional properties disappear, others return to their default. */
export function unsetField(state: RouterState, menu: MenuSpec, rows: readonly Row[], name: string): void {
  const field = fieldsByName(menu).get(name);
  if (!field || field.readOnly) throw traps.unknownParameter(name);
  if (!field.optional && !field.initial) throw new SimTrap(`failure: can not unset ${name}`);
  const plans = rows.map((row) => {
    if (row.dynamic) throw traps.dynamic();
    const initial = field.optional ? undefined : field.initial?.(state);
    return { row, values: new Map([[name, initial === undefined ? undefined : toBuffer(initial)]]) };
  });
  applyPlans(state, menu, plans);
}

export function removeRows(state: RouterState, menu: MenuSpec, rows: readonly Row[]): void {
  if (rows.some((row) => row.dynamic)) throw traps.dynamic();
  const table = state.table(menu.path);
  for (const row of rows) {
    table.delete(row);
    menu.afterRemove?.(row, state);
  }
}

export function recordToMap(attrs: Readonly<Record<string, string | Buffer | number | boolean>>): Map<string, Buffer> {
  return new Map(Object.entries(attrs).map(([k, v]) => [k, Buffer.isBuffer(v) ? v : Buffer.from(String(v))]));
}
