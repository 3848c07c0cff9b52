// A menu's rows in print order, with change notifications for `listen` and the data plane.
import { Row, parseId } from './row.ts';

export type TableEvent = { kind: 'add' | 'set' | 'remove'; row: Row };
export type TableListener = (event: TableEvent) => void;
/** Told of every configuration change with the function that undoes it (Safe Mode's journal). */
export type ChangeHook = (table: Table, undo: () => void) => void;

/** Several menus share one id space on a real router (all of /interface/*); tables can share an allocator. */
export class IdAllocator {
  private next: number;

  constructor(first: number) {
    this.next = first;
  }

  take(): number {
    return this.next++;
  }
}

export class Table {
  readonly path: string;
  private readonly ids: IdAllocator;
  private readonly byId = new Map<number, Row>();
  private ordered: Row[] = [];
  private readonly listeners = new Set<TableListener>();
  /** Set by the router state; not called for touch() (computed fields are not configuration). */
  onChange: ChangeHook | undefined;

  constructor(path: string, ids: IdAllocator = new IdAllocator(1)) {
    this.path = path;
    this.ids = ids;
  }

  /** Rows in print order. */
  get rows(): readonly Row[] {
    return this.ordered;
  }

  get size(): number {
    return this.ordered.length;
  }

  insert(values: Map<string, Buffer>, options: { dynamic?: boolean; before?: Row } = {}): Row {
    const row = new Row(this.ids.take(), values, options.dynamic ?? false);
    this.byId.set(row.id, row);
    const at = options.before ? this.ordered.indexOf(options.before) : -1;
    if (at === -1) this.ordered.push(row);
    else this.ordered.splice(at, 0, row);
    this.emit({ kind: 'add', row });
    this.onChange?.(this, () => this.delete(row));
    return row;
  }

  /** Puts a removed row back with its id at its old position (undo of delete). */
  restore(row: Row, index: number): void {
    if (this.byId.has(row.id)) return;
    this.byId.set(row.id, row);
    this.ordered.splice(Math.min(index, this.ordered.length), 0, row);
    this.emit({ kind: 'add', row });
    this.onChange?.(this, () => this.delete(row));
  }

  /** Applies changes; `undefined` removes a value (unset). */
  update(row: Row, changes: ReadonlyMap<string, Buffer | undefined>): void {
    const previous = new Map<string, Buffer | undefined>();
    for (const name of changes.keys()) previous.set(name, row.values.get(name));
    for (const [name, value] of changes) {
      if (value === undefined) row.values.delete(name);
      else row.values.set(name, value);
    }
    this.emit({ kind: 'set', row });
    this.onChange?.(this, () => this.update(row, previous));
  }

  delete(row: Row): void {
    if (!this.byId.delete(row.id)) return;
    const at = this.ordered.indexOf(row);
    if (at !== -1) this.ordered.splice(at, 1);
    this.emit({ kind: 'remove', row });
    this.onChange?.(this, () => this.restore(row, at === -1 ? this.ordered.length : at));
  }

  /** Announces a change of computed fields (handshake, running) to listeners. */
  touch(row: Row): void {
    if (this.byId.has(row.id)) this.emit({ kind: 'set', row });
  }

  get(id: number): Row | undefined {
    return this.byId.get(id);
  }

  /** By `*1A` id text. */
  find(idText: string): Row | undefined {
    const id = parseId(idText);
    return id === null ? undefined : this.byId.get(id);
  }

  /** First row whose stored `field` equals `value` byte for byte. */
  findBy(field: string, value: string | Buffer): Row | undefined {
    const want = typeof value === 'string' ? Buffer.from(value) : value;
    return this.ordered.find((row) => row.values.get(field)?.equals(want));
  }

  subscribe(listener: TableListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: TableEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
