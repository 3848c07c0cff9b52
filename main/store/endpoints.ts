// The public host and port clients should dial for a router's WireGuard interface. RouterOS does not
// know its own public address behind NAT, so WireDesk remembers what the technician typed.
import type { Database as Db, Statement } from 'better-sqlite3';
import { systemClock, type Clock } from './clock.ts';
import { StoreError, errorCode } from './errors.ts';

export interface Endpoint {
  host: string;
  port: number;
  updatedAt: number;
}

interface Row {
  host: string;
  port: number;
  updated_at: number;
}

type Key = { routerId: string; interface: string };

export class EndpointsRepository {
  readonly #now: Clock;
  readonly #upsert: Statement<[Key & { host: string; port: number; at: number }]>;
  readonly #get: Statement<[Key], Row>;
  readonly #delete: Statement<[Key]>;

  constructor(db: Db, options: { now?: Clock } = {}) {
    this.#now = options.now ?? systemClock;
    this.#upsert = db.prepare(`INSERT INTO endpoints (router_id, interface, host, port, updated_at) VALUES (@routerId, @interface, @host, @port, @at)
      ON CONFLICT (router_id, interface) DO UPDATE SET host = excluded.host, port = excluded.port, updated_at = excluded.updated_at`);
    this.#get = db.prepare('SELECT host, port, updated_at FROM endpoints WHERE router_id = @routerId AND interface = @interface');
    this.#delete = db.prepare('DELETE FROM endpoints WHERE router_id = @routerId AND interface = @interface');
  }

  get(routerId: string, iface: string): Endpoint | null {
    const row = this.#get.get({ routerId, interface: iface });
    return row ? { host: row.host, port: row.port, updatedAt: row.updated_at } : null;
  }

  set(routerId: string, iface: string, endpoint: { host: string; port: number }): Endpoint {
    const host = endpoint.host.trim();
    if (!host) throw new StoreError('INVALID_INPUT', 'The public endpoint needs a host name or IP address.');
    if (!Number.isInteger(endpoint.port) || endpoint.port < 1 || endpoint.port > 65535) {
      throw new StoreError('INVALID_INPUT', `Port ${endpoint.port} is not valid: use a number from 1 to 65535.`);
    }
    const at = this.#now();
    try {
      this.#upsert.run({ routerId, interface: iface, host, port: endpoint.port, at });
    } catch (err) {
      if (errorCode(err) === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('NOT_FOUND', `No router with id ${routerId} is saved; the endpoint was not remembered.`, { cause: err });
      throw err;
    }
    return { host, port: endpoint.port, updatedAt: at };
  }

  clear(routerId: string, iface: string): boolean {
    return this.#delete.run({ routerId, interface: iface }).changes > 0;
  }
}
