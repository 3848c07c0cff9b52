// A lookup from a derived key to its row, kept current from the table's own events. Uniqueness checks on
// 10,000-row menus (peer public keys) would otherwise scan the whole table on every add.
import type { Row } from './row.ts';
import type { Table } from './table.ts';

export class KeyIndex {
  private readonly byKey = new Map<string, Row>();
  private readonly keyOf = new Map<Row, string>();
  private readonly key: (row: Row) => string | undefined;

  constructor(table: Table, key: (row: Row) => string | undefined) {
    this.key = key;
    for (const row of table.rows) this.put(row);
    table.subscribe(({ kind, row }) => {
      this.drop(row);
      if (kind !== 'remove') this.put(row);
    });
  }

  get(key: string): Row | undefined {
    return this.byKey.get(key);
  }

  private put(row: Row): void {
    const key = this.key(row);
    if (key === undefined) return;
    this.byKey.set(key, row);
    this.keyOf.set(row, key);
  }

  private drop(row: Row): void {
    const key = this.keyOf.get(row);
    if (key === undefined) return;
    this.keyOf.delete(row);
    if (this.byKey.get(key) === row) this.byKey.delete(key);
  }
}

const indexes = new WeakMap<Table, Map<string, KeyIndex>>();

/** The index named `name` on `table`, built on first use. */
export function keyIndex(table: Table, name: string, key: (row: Row) => string | undefined): KeyIndex {
  let byName = indexes.get(table);
  if (!byName) indexes.set(table, (byName = new Map()));
  let index = byName.get(name);
  if (!index) byName.set(name, (index = new KeyIndex(table, key)));
  return index;
}
