// How a RouterOS menu is described: its fields (with the versions they exist in), write checks and extra commands.
// The generic print/add/set/remove/listen commands work from this description.
import type { RouterState } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import type { ValueParser } from '../values/parse.ts';
import type { CommandHandler } from '../commands/context.ts';

export interface FieldSpec {
  name: string;
  /** First version that has the field (inclusive). */
  since?: string;
  /** First version that no longer has it (exclusive); older/newer routers answer `unknown parameter`. */
  until?: string;
  /** Maintained by the router; writing it is an unknown parameter, as on a real router. */
  readOnly?: boolean;
  required?: boolean;
  /** Validates and normalises a written value; default: bytes stored as sent. */
  parse?: ValueParser;
  /** Value stored when `add` leaves the field out. */
  initial?: (state: RouterState) => Buffer | string | undefined;
  /** Computed at print time; undefined leaves the property out of the row. */
  compute?: (row: Row, state: RouterState) => Buffer | string | undefined;
  /** Left out of print when absent or empty (comment, persistent-keepalive when off). */
  optional?: boolean;
  /** Hidden from users without the `sensitive` policy (keys). */
  sensitive?: boolean;
}

/** What a write is about to store; `prepare` may check it against the rest of the router or add derived values. */
export interface WriteContext {
  state: RouterState;
  /** The row's values after this write (for `set`: the stored values merged with the changes). */
  values: Map<string, Buffer>;
  /** Field names this write sets. */
  written: ReadonlySet<string>;
  /** The row being changed (`set`), undefined for `add`. */
  existing: Row | undefined;
}

export interface MenuSpec {
  path: string;
  kind: 'list' | 'singleton';
  /** In print order; already filtered to the router's version by the registry. */
  fields: FieldSpec[];
  /** Field that `=.id=` may name instead of `*1A` (interface name, peer name). */
  nameField?: string;
  /** Print/listen only. */
  readOnly?: boolean;
  /** Accepts `place-before` on add (rule lists). */
  ordered?: boolean;
  /** Cross-field checks and derived values before a write is stored; throws SimTrap. */
  prepare?: (ctx: WriteContext) => void;
  /** After a set was stored (renames ripple into other menus). */
  afterSet?: (row: Row, before: ReadonlyMap<string, Buffer>, state: RouterState) => void;
  /** After a row was removed (cascades). */
  afterRemove?: (row: Row, state: RouterState) => void;
  /** Rows of a menu that only mirrors others (/interface). */
  rows?: (state: RouterState) => readonly Row[];
  /** Menu-specific commands besides the generic ones. */
  commands?: Readonly<Record<string, CommandHandler>>;
}

/** A menu as written in its module: fields may carry version ranges; the registry filters them. */
export interface MenuDefinition extends MenuSpec {
  since?: string;
}
