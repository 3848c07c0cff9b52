// Last-known WireGuard interfaces and peers per router, so the app can show a router it cannot reach.
// A sync upserts what the router returned and marks the rest vanished: rows are never deleted here,
// so the technician can still see a peer that disappeared from the router (and when).
import type { Database as Db, Statement } from 'better-sqlite3';
import { stripSecrets } from './strip-secrets.ts';
import { transaction } from './transaction.ts';

/** RouterOS print fields as returned by the API ("allowed-address", "endpoint-port", ...). */
export type RawFields = Record<string, unknown>;

export interface InterfaceSnapshotInput {
  /** RouterOS internal id (".id", e.g. "*1"): stable while the router's configuration is not reset. */
  rosId: string;
  name: string;
  publicKey: string | null;
  raw: RawFields;
}

export interface PeerSnapshotInput {
  rosId: string;
  interface: string;
  publicKey: string;
  /** RouterOS 7.15+ peers have a name; older ones only a comment. */
  name: string | null;
  raw: RawFields;
}

export interface SeenTimes {
  firstSeenAt: number;
  lastSeenAt: number;
  /** When a sync first found the row missing on the router; null while it is present. */
  vanishedAt: number | null;
}

export type InterfaceSnapshot = InterfaceSnapshotInput & SeenTimes;
export type PeerSnapshot = PeerSnapshotInput & SeenTimes;

export interface SyncResult {
  /** Rows the router returned (inserted or refreshed). */
  present: number;
  /** Rows newly marked vanished by this sync. */
  vanished: number;
}

export interface ListOptions {
  /** Default true: the offline view shows vanished rows, marked. */
  includeVanished?: boolean;
}

interface SeenColumns {
  raw_json: string;
  first_seen_at: number;
  last_seen_at: number;
  vanished_at: number | null;
}
interface InterfaceRow extends SeenColumns { ros_id: string; name: string; public_key: string | null }
interface PeerRow extends SeenColumns { ros_id: string; interface: string; public_key: string; name: string | null }

// first_seen_at restarts when a ros_id comes back holding a different key: after a configuration
// reset RouterOS reuses ids, and that is a new peer, not the old one returning.
const UPSERT_PEER = `
INSERT INTO peers (router_id, ros_id, interface, public_key, name, raw_json, first_seen_at, last_seen_at, vanished_at)
VALUES (@routerId, @rosId, @interface, @publicKey, @name, @raw, @seen, @seen, NULL)
ON CONFLICT (router_id, ros_id) DO UPDATE SET
  interface = excluded.interface, public_key = excluded.public_key, name = excluded.name, raw_json = excluded.raw_json,
  first_seen_at = CASE WHEN peers.public_key = excluded.public_key THEN peers.first_seen_at ELSE excluded.first_seen_at END,
  last_seen_at = excluded.last_seen_at, vanished_at = NULL`;

const UPSERT_INTERFACE = `
INSERT INTO interfaces (router_id, ros_id, name, public_key, raw_json, first_seen_at, last_seen_at, vanished_at)
VALUES (@routerId, @rosId, @name, @publicKey, @raw, @seen, @seen, NULL)
ON CONFLICT (router_id, ros_id) DO UPDATE SET
  name = excluded.name, public_key = excluded.public_key, raw_json = excluded.raw_json,
  first_seen_at = CASE WHEN interfaces.public_key IS excluded.public_key THEN interfaces.first_seen_at ELSE excluded.first_seen_at END,
  last_seen_at = excluded.last_seen_at, vanished_at = NULL`;

// The present ids travel as one JSON array parameter: one statement whatever the peer count.
const VANISH_PEERS = `UPDATE peers SET vanished_at = @seen
WHERE router_id = @routerId AND vanished_at IS NULL AND (@interface IS NULL OR interface = @interface)
  AND ros_id NOT IN (SELECT value FROM json_each(@present))`;
const VANISH_INTERFACES = `UPDATE interfaces SET vanished_at = @seen
WHERE router_id = @routerId AND vanished_at IS NULL AND ros_id NOT IN (SELECT value FROM json_each(@present))`;

type UpsertParams = { routerId: string; rosId: string; name: string | null; publicKey: string | null; raw: string; seen: number; interface?: string };
type VanishParams = { routerId: string; seen: number; present: string; interface?: string | null };

export class SnapshotsRepository {
  readonly #db: Db;
  readonly #upsertPeer: Statement<[UpsertParams]>;
  readonly #upsertInterface: Statement<[UpsertParams]>;
  readonly #vanishPeers: Statement<[VanishParams]>;
  readonly #vanishInterfaces: Statement<[VanishParams]>;
  readonly #forgetPeer: Statement<[string, string]>;
  readonly #peers: Statement<[{ routerId: string; interface: string | null; all: number }], PeerRow>;
  readonly #interfaces: Statement<[{ routerId: string; all: number }], InterfaceRow>;
  readonly #lastSeen: Statement<[{ routerId: string }], number | null>;

  constructor(db: Db) {
    this.#db = db;
    this.#upsertPeer = db.prepare(UPSERT_PEER);
    this.#upsertInterface = db.prepare(UPSERT_INTERFACE);
    this.#vanishPeers = db.prepare(VANISH_PEERS);
    this.#vanishInterfaces = db.prepare(VANISH_INTERFACES);
    this.#forgetPeer = db.prepare('DELETE FROM peers WHERE router_id = ? AND public_key = ?');
    this.#peers = db.prepare(`SELECT ros_id, interface, public_key, name, raw_json, first_seen_at, last_seen_at, vanished_at FROM peers
      WHERE router_id = @routerId AND (@interface IS NULL OR interface = @interface) AND (@all = 1 OR vanished_at IS NULL)
      ORDER BY interface, vanished_at IS NOT NULL, name, public_key`);
    this.#interfaces = db.prepare(`SELECT ros_id, name, public_key, raw_json, first_seen_at, last_seen_at, vanished_at FROM interfaces
      WHERE router_id = @routerId AND (@all = 1 OR vanished_at IS NULL) ORDER BY name`);
    this.#lastSeen = db.prepare<[{ routerId: string }], number | null>(`SELECT max(t) FROM (
      SELECT max(last_seen_at) AS t FROM interfaces WHERE router_id = @routerId
      UNION ALL SELECT max(last_seen_at) FROM peers WHERE router_id = @routerId)`).pluck();
  }

  /** Records the router's full WireGuard interface list as seen at `seenAt`. */
  replaceInterfaces(routerId: string, rows: readonly InterfaceSnapshotInput[], seenAt: number): SyncResult {
    return transaction(this.#db, () => {
      for (const row of rows) {
        this.#upsertInterface.run({ routerId, rosId: row.rosId, name: row.name, publicKey: row.publicKey, raw: rawJson(row.raw), seen: seenAt });
      }
      const present = JSON.stringify(rows.map((r) => r.rosId));
      const vanished = this.#vanishInterfaces.run({ routerId, seen: seenAt, present }).changes;
      return { present: rows.length, vanished };
    });
  }

  /**
   * Records the router's peer list as seen at `seenAt`. Pass `scope.interface` when `rows` holds
   * only that interface's peers, so other interfaces' peers are not marked vanished.
   */
  syncPeers(routerId: string, rows: readonly PeerSnapshotInput[], seenAt: number, scope: { interface?: string } = {}): SyncResult {
    return transaction(this.#db, () => {
      for (const row of rows) {
        this.#upsertPeer.run({ routerId, rosId: row.rosId, interface: row.interface, publicKey: row.publicKey, name: row.name, raw: rawJson(row.raw), seen: seenAt });
      }
      const present = JSON.stringify(rows.map((r) => r.rosId));
      const vanished = this.#vanishPeers.run({ routerId, seen: seenAt, present, interface: scope.interface ?? null }).changes;
      return { present: rows.length, vanished };
    });
  }

  listInterfaces(routerId: string, options: ListOptions = {}): InterfaceSnapshot[] {
    return this.#interfaces.all({ routerId, all: options.includeVanished === false ? 0 : 1 }).map((r) => ({
      rosId: r.ros_id,
      name: r.name,
      publicKey: r.public_key,
      raw: JSON.parse(r.raw_json) as RawFields,
      ...seenTimes(r),
    }));
  }

  listPeers(routerId: string, options: ListOptions & { interface?: string } = {}): PeerSnapshot[] {
    return this.#peers.all({ routerId, interface: options.interface ?? null, all: options.includeVanished === false ? 0 : 1 }).map((r) => ({
      rosId: r.ros_id,
      interface: r.interface,
      publicKey: r.public_key,
      name: r.name,
      raw: JSON.parse(r.raw_json) as RawFields,
      ...seenTimes(r),
    }));
  }

  /**
   * Drops a peer WireDesk itself deleted from the router: "vanished" marks only changes made elsewhere
   * (WinBox), which the technician should see; our own deletions are already in the audit log.
   */
  forgetPeer(routerId: string, publicKey: string): void {
    this.#forgetPeer.run(routerId, publicKey);
  }

  /** When anything of this router was last seen live: the "data as of" shown in the offline view. */
  lastSeenAt(routerId: string): number | null {
    return this.#lastSeen.get({ routerId }) ?? null;
  }
}

// RouterOS prints private-key for interfaces (and, since 7.15, for peers) and preshared-key for peers.
function rawJson(raw: RawFields): string {
  return JSON.stringify(stripSecrets(raw));
}

function seenTimes(r: SeenColumns): SeenTimes {
  return { firstSeenAt: r.first_seen_at, lastSeenAt: r.last_seen_at, vanishedAt: r.vanished_at };
}
