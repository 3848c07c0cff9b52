// What a router's WireGuard interface's client configs route into the tunnel (their AllowedIPs): the split
// tunnel the set-up wizard chose, or one the technician set. RouterOS before 7.21 cannot keep it on a peer,
// and never per interface, so WireDesk remembers it. No record means the full tunnel.
import type { Database as Db, Statement } from 'better-sqlite3';
import { systemClock, type Clock } from './clock.ts';
import { StoreError, errorCode } from './errors.ts';
import { transaction } from './transaction.ts';

export interface ClientRoutes {
  /** CIDRs in network form, in the order client configs list them. */
  routes: string[];
  updatedAt: number;
}

interface Row {
  routes_json: string;
  updated_at: number;
}

type Key = { routerId: string; interface: string };

export class ClientRoutesRepository {
  readonly #db: Db;
  readonly #now: Clock;
  readonly #upsert: Statement<[Key & { routes: string; at: number }]>;
  readonly #get: Statement<[Key], Row>;
  readonly #delete: Statement<[Key]>;
  readonly #rename: Statement<[{ routerId: string; from: string; to: string }]>;

  constructor(db: Db, options: { now?: Clock } = {}) {
    this.#db = db;
    this.#now = options.now ?? systemClock;
    this.#upsert = db.prepare(`INSERT INTO client_routes (router_id, interface, routes_json, updated_at) VALUES (@routerId, @interface, @routes, @at)
      ON CONFLICT (router_id, interface) DO UPDATE SET routes_json = excluded.routes_json, updated_at = excluded.updated_at`);
    this.#get = db.prepare('SELECT routes_json, updated_at FROM client_routes WHERE router_id = @routerId AND interface = @interface');
    this.#delete = db.prepare('DELETE FROM client_routes WHERE router_id = @routerId AND interface = @interface');
    this.#rename = db.prepare('UPDATE client_routes SET interface = @to WHERE router_id = @routerId AND interface = @from');
  }

  get(routerId: string, iface: string): ClientRoutes | null {
    const row = this.#get.get({ routerId, interface: iface });
    return row ? { routes: JSON.parse(row.routes_json) as string[], updatedAt: row.updated_at } : null;
  }

  /** `routes` as the caller checked them (main/services normalises CIDRs); stored as given. */
  set(routerId: string, iface: string, routes: readonly string[]): ClientRoutes {
    const list = routes.map((r) => r.trim());
    if (list.length === 0 || list.some((r) => r === '')) {
      throw new StoreError('INVALID_INPUT', 'Client routes need at least one network; forget them instead for a full tunnel.');
    }
    const at = this.#now();
    try {
      this.#upsert.run({ routerId, interface: iface, routes: JSON.stringify(list), at });
    } catch (err) {
      if (errorCode(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('NOT_FOUND', `No router with id ${routerId} is saved; the client routes were not remembered.`, { cause: err });
      throw err;
    }
    return { routes: list, updatedAt: at };
  }

  clear(routerId: string, iface: string): boolean {
    return this.#delete.run({ routerId, interface: iface }).changes > 0;
  }

  /**
   * The interface was renamed: its routes follow, with their date. A record already under the new name can
   * only be left by an interface of that name removed outside WireDesk: it goes, whether or not the renamed
   * interface had routes of its own (none means the full tunnel, and that is its choice).
   */
  followRename(routerId: string, from: string, to: string): void {
    if (from === to) return;
    transaction(this.#db, () => {
      this.#delete.run({ routerId, interface: to });
      this.#rename.run({ routerId, from, to });
    });
  }
}
