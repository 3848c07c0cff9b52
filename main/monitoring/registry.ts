// Small integer ids for a router (rid) and its series (sid), so the sample tables never repeat a UUID or
// a public key. A router's series are loaded once and cached: a poll only writes when something is new.
import type { Database as Db, Statement } from 'better-sqlite3';
import type { PeerStatus } from './types.ts';

export interface SeriesInfo {
  readonly sid: number;
  readonly interface: string;
  /** '' for the interface series. */
  readonly publicKey: string;
  name: string;
  comment: string;
  status: PeerStatus | null;
  statusAt: number | null;
}

interface SeriesRow {
  sid: number;
  interface: string;
  public_key: string;
  name: string;
  comment: string;
  status: PeerStatus | null;
  status_at: number | null;
}

/** The router's rid, creating its row on first use. */
export function routerRid(db: Db, routerId: string): number {
  const known = db.prepare<[string], number>('SELECT rid FROM mon_routers WHERE router_id = ?').pluck();
  const rid = known.get(routerId);
  if (rid !== undefined) return rid;
  // History belongs to a configured router and goes with it (ON DELETE CASCADE), so it must exist.
  if (db.prepare('SELECT 1 FROM routers WHERE id = ?').get(routerId) === undefined) {
    throw new Error(`Cannot monitor router ${routerId}: it is not in the routers table (add the router first).`);
  }
  return Number(db.prepare('INSERT INTO mon_routers (router_id) VALUES (?)').run(routerId).lastInsertRowid);
}

/**
 * Bumped whenever a series is added or renamed (or the cache re-read) on this database: readers may keep
 * what they read of mon_series (sid, interface, key, name, comment) while it stands. Only this registry
 * writes those columns.
 */
export function seriesRevision(db: Db): number {
  return revisions.get(db) ?? 0;
}

const revisions = new WeakMap<Db, number>();

function bump(db: Db): void {
  revisions.set(db, seriesRevision(db) + 1);
}

export function seriesKey(iface: string, publicKey: string): string {
  return `${iface}\n${publicKey}`;
}

export class SeriesRegistry {
  readonly rid: number;
  readonly #db: Db;
  readonly #byKey = new Map<string, SeriesInfo>();
  readonly #insert: Statement<[number, string, string, string, string, number], number>;
  readonly #rename: Statement<[string, string, number]>;
  readonly #setStatus: Statement<[PeerStatus, number, number]>;
  readonly #all: Statement<[number], SeriesRow>;

  constructor(db: Db, routerId: string) {
    this.#db = db;
    this.rid = routerRid(db, routerId);
    this.#insert = db
      .prepare<[number, string, string, string, string, number], number>(
        'INSERT INTO mon_series (rid, interface, public_key, name, comment, first_seen) VALUES (?, ?, ?, ?, ?, ?) RETURNING sid',
      )
      .pluck();
    this.#rename = db.prepare('UPDATE mon_series SET name = ?, comment = ? WHERE sid = ?');
    this.#setStatus = db.prepare('UPDATE mon_series SET status = ?, status_at = ? WHERE sid = ?');
    this.#all = db.prepare('SELECT sid, interface, public_key, name, comment, status, status_at FROM mon_series WHERE rid = ?');
    this.reload();
  }

  /** The series for a peer (or, with publicKey '', an interface); call inside the poll's transaction. */
  ensure(iface: string, publicKey: string, name: string, comment: string, seenAt: number): SeriesInfo {
    const key = seriesKey(iface, publicKey);
    const known = this.#byKey.get(key);
    if (known) {
      if (known.name !== name || known.comment !== comment) {
        this.#rename.run(name, comment, known.sid);
        known.name = name;
        known.comment = comment;
        bump(this.#db);
      }
      return known;
    }
    const sid = this.#insert.get(this.rid, iface, publicKey, name, comment, seenAt)!;
    const info: SeriesInfo = { sid, interface: iface, publicKey, name, comment, status: null, statusAt: null };
    this.#byKey.set(key, info);
    bump(this.#db);
    return info;
  }

  /** The series of a peer (or interface) if it was ever polled; no database access. */
  find(iface: string, publicKey: string): SeriesInfo | undefined {
    return this.#byKey.get(seriesKey(iface, publicKey));
  }

  setStatus(info: SeriesInfo, status: PeerStatus, at: number): void {
    this.#setStatus.run(status, at, info.sid);
    info.status = status;
    info.statusAt = at;
  }

  /** Re-reads the cache from the database, after a rolled-back poll left it ahead of what was committed. */
  reload(): void {
    bump(this.#db);
    this.#byKey.clear();
    for (const r of this.#all.all(this.rid)) {
      this.#byKey.set(seriesKey(r.interface, r.public_key), {
        sid: r.sid, interface: r.interface, publicKey: r.public_key, name: r.name, comment: r.comment, status: r.status, statusAt: r.status_at,
      });
    }
  }
}
