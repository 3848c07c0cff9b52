// Addresses the technician set aside in WireDesk for a router's WireGuard interface, so the address
// picker does not hand them out; the router itself knows nothing of them.
import type { Database as Db, Statement } from 'better-sqlite3';
import { systemClock, type Clock } from './clock.ts';
import { StoreError, errorCode } from './errors.ts';
import { transaction } from './transaction.ts';

export interface Reservation {
  id: number;
  routerId: string;
  interface: string;
  /** As the address model writes it (e.g. "10.8.0.7/32"); compared as text. */
  address: string;
  note: string;
  createdAt: number;
}

interface Row {
  id: number;
  router_id: string;
  interface: string;
  address: string;
  note: string;
  created_at: number;
}

type Key = { routerId: string; interface: string; address: string };

export class ReservationsRepository {
  readonly #now: Clock;
  readonly #insert: Statement<[Key & { note: string; at: number }], Row>;
  readonly #note: Statement<[Key & { note: string }], Row>;
  readonly #delete: Statement<[Key]>;
  readonly #list: Statement<[{ routerId: string; interface: string | null }], Row>;
  readonly #rename: Statement<[{ routerId: string; from: string; to: string }]>;
  readonly #deleteAll: Statement<[{ routerId: string; interface: string }]>;
  readonly #db: Db;

  constructor(db: Db, options: { now?: Clock } = {}) {
    this.#now = options.now ?? systemClock;
    this.#insert = db.prepare('INSERT INTO reservations (router_id, interface, address, note, created_at) VALUES (@routerId, @interface, @address, @note, @at) RETURNING *');
    this.#note = db.prepare('UPDATE reservations SET note = @note WHERE router_id = @routerId AND interface = @interface AND address = @address RETURNING *');
    this.#delete = db.prepare('DELETE FROM reservations WHERE router_id = @routerId AND interface = @interface AND address = @address');
    this.#list = db.prepare('SELECT * FROM reservations WHERE router_id = @routerId AND (@interface IS NULL OR interface = @interface) ORDER BY interface, address');
    // An address already reserved under the new name keeps that reservation; the old one goes.
    this.#rename = db.prepare('UPDATE OR IGNORE reservations SET interface = @to WHERE router_id = @routerId AND interface = @from');
    this.#deleteAll = db.prepare('DELETE FROM reservations WHERE router_id = @routerId AND interface = @interface');
    this.#db = db;
  }

  reserve(routerId: string, iface: string, address: string, note = ''): Reservation {
    try {
      const row = this.#insert.get({ routerId, interface: iface, address, note, at: this.#now() });
      if (!row) throw new Error('INSERT ... RETURNING returned no row');
      return toReservation(row);
    } catch (err) {
      const code = errorCode(err);
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new StoreError('RESERVATION_TAKEN', `${address} is already reserved on ${iface}.`, { cause: err });
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('NOT_FOUND', `No router with id ${routerId} is saved; the reservation was not made.`, { cause: err });
      throw err;
    }
  }

  setNote(routerId: string, iface: string, address: string, note: string): Reservation {
    const row = this.#note.get({ routerId, interface: iface, address, note });
    if (!row) throw new StoreError('NOT_FOUND', `${address} is not reserved on ${iface}.`);
    return toReservation(row);
  }

  release(routerId: string, iface: string, address: string): boolean {
    return this.#delete.run({ routerId, interface: iface, address }).changes > 0;
  }

  /** The interface was renamed: its reservations follow, keeping their notes and dates. */
  followRename(routerId: string, from: string, to: string): void {
    transaction(this.#db, () => {
      this.#rename.run({ routerId, from, to });
      this.#deleteAll.run({ routerId, interface: from });
    });
  }

  /** The interface is gone: so are its reservations. Returns how many were released. */
  releaseAll(routerId: string, iface: string): number {
    return this.#deleteAll.run({ routerId, interface: iface }).changes;
  }

  /** All reservations of the router, or of one of its interfaces. */
  list(routerId: string, iface?: string): Reservation[] {
    return this.#list.all({ routerId, interface: iface ?? null }).map(toReservation);
  }
}

function toReservation(row: Row): Reservation {
  return { id: row.id, routerId: row.router_id, interface: row.interface, address: row.address, note: row.note, createdAt: row.created_at };
}
