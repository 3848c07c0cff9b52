// /interface/list and /interface/list/member: named sets of interfaces that firewall rules match with
// in-interface-list/out-interface-list. Sources: the manual's "Interface Lists" page
// (help.mikrotik.com/docs/display/ROS/Interface+Lists); field names from Ansible community.routeros
// plugins/module_utils/_api_data.py, ('interface', 'list') and ('interface', 'list', 'member'), plus the read-only
// builtin/dynamic flags RouterOS prints; the seeded lists and members are the RouterOS default configuration as
// `/export` prints it on a hAP (`/interface list add comment=defconf name=WAN`, `add comment=defconf name=LAN`;
// `/interface list member add comment=defconf interface=bridge list=LAN`, `add comment=defconf interface=ether1
// list=WAN`), after the built-in lists all, none, dynamic and static (seed/base-config.ts).
import type { MenuDefinition } from './spec.ts';
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import { traps } from '../trap.ts';
import { asBoolean, asBytes } from '../values/parse.ts';
import { allInterfaces, resolveInterface } from './interface-names.ts';
import { INTERFACE_LIST_MATCHERS } from './firewall-rules.ts';

export const INTERFACE_LISTS = '/interface/list';
export const LIST_MEMBERS = '/interface/list/member';

/** Lists every router has; they print as dynamic and builtin and cannot be changed. */
export const BUILTIN_LISTS: readonly string[] = ['all', 'none', 'dynamic', 'static'];

const listRows = (state: RouterState): readonly Row[] => state.table(INTERFACE_LISTS).rows;

/** A list name as written (exact, else a unique prefix) -> the list's name, else `input does not match any value of X`. */
function resolveList(state: RouterState, input: Buffer, argument: string): Buffer {
  return Buffer.from(resolveInterface(listRows(state), input, argument).values.get('name')!);
}

/** `include`/`exclude`: a comma list of list names, each resolved; empty clears it. */
function resolveListNames(state: RouterState, input: Buffer, argument: string): Buffer {
  if (input.length === 0) return input;
  const names = input.toString('latin1').split(',').map((part) => resolveList(state, Buffer.from(part, 'latin1'), argument));
  return Buffer.concat(names.flatMap((name, i) => (i === 0 ? [name] : [Buffer.from(','), name])));
}

/** Replaces `from` by `to` in a comma list of names, keeping a leading `!` (firewall matchers). */
function renameIn(value: Buffer, from: Buffer, to: Buffer): Buffer | undefined {
  let changed = false;
  const parts = value.toString('latin1').split(',').map((part) => {
    const negated = part.startsWith('!');
    const name = Buffer.from(negated ? part.slice(1) : part, 'latin1');
    if (!name.equals(from)) return Buffer.from(part, 'latin1');
    changed = true;
    return Buffer.concat([Buffer.from(negated ? '!' : ''), to]);
  });
  return changed ? Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [p] : [Buffer.from(','), p]))) : undefined;
}

/** A renamed list: members, other lists' include/exclude and firewall rules follow (they hold a reference). */
function followListRename(state: RouterState, before: ReadonlyMap<string, Buffer>, row: Row): void {
  const from = before.get('name');
  const to = row.values.get('name');
  if (!from || !to || from.equals(to)) return;
  const fieldsOf: ReadonlyArray<[string, readonly string[]]> = [
    [LIST_MEMBERS, ['list']],
    [INTERFACE_LISTS, ['include', 'exclude']],
    ['/ip/firewall/filter', INTERFACE_LIST_MATCHERS],
    ['/ip/firewall/nat', INTERFACE_LIST_MATCHERS],
  ];
  for (const [path, fields] of fieldsOf) {
    if (!state.hasTable(path)) continue;
    const table = state.table(path);
    for (const ref of table.rows) {
      const changes = new Map<string, Buffer>();
      for (const field of fields) {
        const value = ref.values.get(field);
        const renamed = value && renameIn(value, from, to);
        if (renamed) changes.set(field, renamed);
      }
      if (changes.size > 0) table.update(ref, changes);
    }
  }
}

export const interfaceListMenu: MenuDefinition = {
  path: INTERFACE_LISTS,
  kind: 'list',
  nameField: 'name',
  fields: [
    { name: 'name', required: true, parse: asBytes },
    { name: 'include', parse: asBytes, optional: true },
    { name: 'exclude', parse: asBytes, optional: true },
    { name: 'builtin', readOnly: true, initial: () => 'false' },
    { name: 'dynamic', readOnly: true, compute: (row) => String(row.dynamic) },
    { name: 'comment', parse: asBytes, optional: true },
  ],
  prepare: ({ state, values, written, existing }) => {
    const name = values.get('name')!;
    if (name.length === 0) throw traps.invalidValue('name');
    if (listRows(state).some((r) => r !== existing && r.values.get('name')?.equals(name))) throw traps.exists();
    for (const field of ['include', 'exclude']) {
      if (written.has(field)) values.set(field, resolveListNames(state, values.get(field)!, field));
    }
  },
  afterSet: (row, before, state) => followListRename(state, before, row),
};

export const interfaceListMemberMenu: MenuDefinition = {
  path: LIST_MEMBERS,
  kind: 'list',
  fields: [
    { name: 'list', required: true, parse: asBytes },
    { name: 'interface', required: true, parse: asBytes },
    { name: 'dynamic', readOnly: true, compute: (row) => String(row.dynamic) },
    { name: 'disabled', parse: asBoolean, initial: () => 'false' },
    { name: 'comment', parse: asBytes, optional: true },
  ],
  prepare: ({ state, values, written }) => {
    if (written.has('list')) values.set('list', resolveList(state, values.get('list')!, 'list'));
    if (written.has('interface')) {
      const target = resolveInterface(allInterfaces(state).map((ref) => ref.row), values.get('interface')!, 'interface');
      values.set('interface', Buffer.from(target.values.get('name')!));
    }
  },
};
