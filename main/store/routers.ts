// The routers the technician manages: how to reach each one and what it told us last time.
// There is deliberately no password here: RouterCredentials keeps it in the OS keychain.
import { randomUUID } from 'node:crypto';
import type { Database as Db, Statement } from 'better-sqlite3';
import { systemClock, type Clock } from './clock.ts';
import { StoreError, errorCode } from './errors.ts';
import { transaction } from './transaction.ts';

export type Transport = 'api' | 'api-ssl';

export interface Router {
  id: string;
  name: string;
  host: string;
  port: number;
  transport: Transport;
  username: string;
  /** SHA-256 of the pinned TLS certificate, lower-case hex; null until one is pinned. */
  tlsFingerprint: string | null;
  /** The technician accepted RouterOS's anonymous-DH TLS (encrypted, but the router is not authenticated). */
  allowAnonymousTls: boolean;
  routerosVersion: string | null;
  identity: string | null;
  board: string | null;
  createdAt: number;
  updatedAt: number;
  lastConnectedAt: number | null;
  sortOrder: number;
}

export interface NewRouter {
  /** Normally generated; RouterCredentials passes one so the keychain entry can be written first. */
  id?: string;
  name: string;
  host: string;
  port: number;
  transport: Transport;
  username: string;
  tlsFingerprint?: string | null;
  allowAnonymousTls?: boolean;
}

export type RouterPatch = Partial<Pick<Router, 'name' | 'host' | 'port' | 'transport' | 'username' | 'tlsFingerprint' | 'allowAnonymousTls'>>;

export interface RouterFacts {
  routerosVersion: string | null;
  identity: string | null;
  board: string | null;
}

interface RouterRow {
  id: string;
  name: string;
  host: string;
  port: number;
  transport: Transport;
  username: string;
  tls_fingerprint: string | null;
  allow_anonymous_tls: number;
  routeros_version: string | null;
  identity: string | null;
  board: string | null;
  created_at: number;
  updated_at: number;
  last_connected_at: number | null;
  sort_order: number;
}

const COLUMNS = 'id, name, host, port, transport, username, tls_fingerprint, allow_anonymous_tls, routeros_version, identity, board, created_at, updated_at, last_connected_at, sort_order';

export class RoutersRepository {
  readonly #db: Db;
  readonly #now: Clock;
  readonly #newId: () => string;
  readonly #insert: Statement<[RouterRow]>;
  readonly #update: Statement<[RouterRow]>;
  readonly #byId: Statement<[string], RouterRow>;
  readonly #byName: Statement<[string], RouterRow>;
  readonly #all: Statement<[], RouterRow>;
  readonly #nextOrder: Statement<[], number>;
  readonly #setOrder: Statement<[number, string]>;
  readonly #connected: Statement<[{ id: string; at: number; routeros_version: string | null; identity: string | null; board: string | null }]>;
  readonly #delete: Statement<[string]>;

  constructor(db: Db, options: { now?: Clock; newId?: () => string } = {}) {
    this.#db = db;
    this.#now = options.now ?? systemClock;
    this.#newId = options.newId ?? randomUUID;
    this.#insert = db.prepare(`INSERT INTO routers (${COLUMNS}) VALUES (@id, @name, @host, @port, @transport, @username, @tls_fingerprint, @allow_anonymous_tls, @routeros_version, @identity, @board, @created_at, @updated_at, @last_connected_at, @sort_order)`);
    this.#update = db.prepare(`UPDATE routers SET name = @name, host = @host, port = @port, transport = @transport, username = @username, tls_fingerprint = @tls_fingerprint, allow_anonymous_tls = @allow_anonymous_tls, updated_at = @updated_at WHERE id = @id`);
    this.#byId = db.prepare(`SELECT ${COLUMNS} FROM routers WHERE id = ?`);
    this.#byName = db.prepare(`SELECT ${COLUMNS} FROM routers WHERE name = ?`);
    this.#all = db.prepare(`SELECT ${COLUMNS} FROM routers ORDER BY sort_order, name`);
    this.#nextOrder = db.prepare<[], number>('SELECT coalesce(max(sort_order) + 1, 0) FROM routers').pluck();
    this.#setOrder = db.prepare('UPDATE routers SET sort_order = ? WHERE id = ?');
    this.#connected = db.prepare('UPDATE routers SET last_connected_at = @at, routeros_version = @routeros_version, identity = @identity, board = @board WHERE id = @id');
    this.#delete = db.prepare('DELETE FROM routers WHERE id = ?');
  }

  create(input: NewRouter): Router {
    const at = this.#now();
    const fields = validate({ ...input, tlsFingerprint: input.tlsFingerprint ?? null, allowAnonymousTls: input.allowAnonymousTls ?? false });
    return transaction(this.#db, () => {
      const row: RouterRow = {
        id: input.id ?? this.#newId(),
        ...toColumns(fields),
        routeros_version: null,
        identity: null,
        board: null,
        created_at: at,
        updated_at: at,
        last_connected_at: null,
        sort_order: this.#nextOrder.get() ?? 0,
      };
      this.#write(() => this.#insert.run(row), fields.name);
      return toRouter(row);
    });
  }

  get(id: string): Router | null {
    const row = this.#byId.get(id);
    return row ? toRouter(row) : null;
  }

  /** Names are unique without regard to case. */
  getByName(name: string): Router | null {
    const row = this.#byName.get(name.trim());
    return row ? toRouter(row) : null;
  }

  list(): Router[] {
    return this.#all.all().map(toRouter);
  }

  update(id: string, patch: RouterPatch): Router {
    return transaction(this.#db, () => {
      const current = this.#require(id);
      const fields = validate({ ...current, ...patch });
      const row: RouterRow = { ...toRow(current), ...toColumns(fields), updated_at: this.#now() };
      this.#write(() => this.#update.run(row), fields.name);
      return toRouter(row);
    });
  }

  /** Remembers what the router reported on a successful login (shown in the offline view). */
  recordConnection(id: string, facts: RouterFacts): Router {
    const info = this.#connected.run({ id, at: this.#now(), routeros_version: facts.routerosVersion, identity: facts.identity, board: facts.board });
    if (info.changes === 0) throw notFound(id);
    return this.#require(id);
  }

  /** Puts the routers in the given order; ids not listed keep their relative order after them. */
  reorder(ids: readonly string[]): void {
    transaction(this.#db, () => {
      const rest = this.#all.all().filter((r) => !ids.includes(r.id)).map((r) => r.id);
      [...ids, ...rest].forEach((id, index) => this.#setOrder.run(index, id));
    });
  }

  /** Deletes the router; its snapshots, keys, reservations, endpoints, client routes and import jobs go with it. Audit rows stay. */
  remove(id: string): boolean {
    return this.#delete.run(id).changes > 0;
  }

  #require(id: string): Router {
    const router = this.get(id);
    if (!router) throw notFound(id);
    return router;
  }

  #write(run: () => unknown, name: string): void {
    try {
      run();
    } catch (err) {
      if (errorCode(err) === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new StoreError('ROUTER_NAME_TAKEN', `A router named "${name}" already exists. Choose another name.`, { cause: err });
      }
      throw err;
    }
  }
}

type EditableFields = Required<Omit<NewRouter, 'id'>>;

function validate(input: EditableFields): EditableFields {
  const name = input.name.trim();
  const host = input.host.trim();
  const username = input.username.trim();
  if (!name) throw invalid('The router needs a name.');
  if (!host) throw invalid(`The router "${name}" needs a host name or IP address.`);
  if (!username) throw invalid(`The router "${name}" needs a RouterOS user name.`);
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535) throw invalid(`Port ${input.port} is not valid: use a number from 1 to 65535.`);
  if (input.transport !== 'api' && input.transport !== 'api-ssl') throw invalid(`Transport "${String(input.transport)}" is not valid: use "api" or "api-ssl".`);
  return { ...input, name, host, username, tlsFingerprint: normaliseFingerprint(input.tlsFingerprint) };
}

/** Accepts "AB:CD:..." as shown by browsers and openssl, stores plain lower-case hex. */
function normaliseFingerprint(value: string | null): string | null {
  if (value === null) return null;
  const hex = value.replace(/[:\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw invalid('The TLS fingerprint must be a SHA-256 hash: 64 hexadecimal digits, colons allowed.');
  return hex;
}

function toColumns(f: EditableFields): Pick<RouterRow, 'name' | 'host' | 'port' | 'transport' | 'username' | 'tls_fingerprint' | 'allow_anonymous_tls'> {
  return { name: f.name, host: f.host, port: f.port, transport: f.transport, username: f.username, tls_fingerprint: f.tlsFingerprint, allow_anonymous_tls: f.allowAnonymousTls ? 1 : 0 };
}

function toRouter(row: RouterRow): Router {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    transport: row.transport,
    username: row.username,
    tlsFingerprint: row.tls_fingerprint,
    allowAnonymousTls: row.allow_anonymous_tls === 1,
    routerosVersion: row.routeros_version,
    identity: row.identity,
    board: row.board,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastConnectedAt: row.last_connected_at,
    sortOrder: row.sort_order,
  };
}

function toRow(r: Router): RouterRow {
  return {
    id: r.id,
    ...toColumns(r),
    routeros_version: r.routerosVersion,
    identity: r.identity,
    board: r.board,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    last_connected_at: r.lastConnectedAt,
    sort_order: r.sortOrder,
  };
}

function invalid(message: string): StoreError {
  return new StoreError('INVALID_INPUT', message);
}

function notFound(id: string): StoreError {
  return new StoreError('NOT_FOUND', `No router with id ${id} is saved; it may have been removed in another window.`);
}
