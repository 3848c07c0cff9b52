// The local copy of each router: its WireGuard interfaces and peers as last read. The offline view, configs
// built while the router is unreachable and the router model's start all come from it. It is written from the
// model as a diff (only the rows that changed, in one transaction) and read back through a schema. Typed
// columns hold what the app reads (status, preshared-key presence, addresses, dynamic flag); raw_json holds
// the RouterOS row alone, secrets stripped. Sync never deletes: a peer that disappeared from the router is
// marked vanished (and when), so the technician still sees it; WireDesk's own deletions are forgotten.
import type { Database as Db, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { PeerStatus } from '../../src/domain/peer-status.ts';
import { isSecretKey } from './strip-secrets.ts';
import { transaction } from './transaction.ts';

/** Whether a peer has a preshared key: only the presence is kept; the key itself stays on the router. */
export type PresharedKeyState = 'set' | 'none' | 'hidden';

/** What the local copy must write after a change: only the rows that changed. */
export interface CopyChanges {
  readonly interfaces: { readonly upsert: readonly SavedInterfaceRow[]; readonly vanished: readonly string[] } | null;
  readonly peers: { readonly upsert: readonly SavedPeerRow[]; readonly vanished: readonly string[] };
  readonly seenAt: number | null;
}

export interface SavedInterfaceRow {
  readonly rosId: string;
  readonly row: Record<string, string>;
  readonly addresses: readonly string[];
  readonly dynamic: boolean;
}

export interface SavedPeerRow {
  readonly rosId: string;
  readonly row: Record<string, string>;
  readonly status: PeerStatus;
  readonly presharedKey: PresharedKeyState;
}

/** The local copy as loaded at start (vanished peers included, with when they vanished). */
export interface SavedRouter {
  readonly seenAt: number;
  readonly interfaces: readonly SavedInterfaceRow[];
  readonly peers: ReadonlyArray<SavedPeerRow & { readonly vanishedAt: number | null }>;
}

/** A RouterOS row as stored: every value a string. */
const routerRow = z.record(z.string(), z.string());
const status = z.enum(['online', 'offline', 'never-connected', 'disabled']);

const interfaceColumns = z.object({
  ros_id: z.string(),
  raw_json: z.string(),
  addresses_json: z.string(),
  dynamic: z.union([z.literal(0), z.literal(1)]),
});

const peerColumns = z.object({
  ros_id: z.string(),
  raw_json: z.string(),
  status,
  preshared_key: z.enum(['set', 'none', 'hidden']),
  vanished_at: z.number().nullable(),
});

// first_seen_at restarts when a ros_id comes back holding a different key: after a configuration reset
// RouterOS reuses ids, and that is a new peer, not the old one returning.
const UPSERT_PEER = `
INSERT INTO peers (router_id, ros_id, interface, public_key, name, raw_json, status, preshared_key, first_seen_at, last_seen_at, vanished_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
ON CONFLICT (router_id, ros_id) DO UPDATE SET
  interface = excluded.interface, public_key = excluded.public_key, name = excluded.name, raw_json = excluded.raw_json,
  status = excluded.status, preshared_key = excluded.preshared_key,
  first_seen_at = CASE WHEN peers.public_key = excluded.public_key THEN peers.first_seen_at ELSE excluded.first_seen_at END,
  last_seen_at = excluded.last_seen_at, vanished_at = NULL`;

const UPSERT_INTERFACE = `
INSERT INTO interfaces (router_id, ros_id, name, public_key, raw_json, addresses_json, dynamic, first_seen_at, last_seen_at, vanished_at)
VALUES (@routerId, @rosId, @name, @publicKey, @raw, @addresses, @dynamic, @seen, @seen, NULL)
ON CONFLICT (router_id, ros_id) DO UPDATE SET
  name = excluded.name, public_key = excluded.public_key, raw_json = excluded.raw_json,
  addresses_json = excluded.addresses_json, dynamic = excluded.dynamic,
  first_seen_at = CASE WHEN interfaces.public_key IS excluded.public_key THEN interfaces.first_seen_at ELSE excluded.first_seen_at END,
  last_seen_at = excluded.last_seen_at, vanished_at = NULL`;

// The usual refresh: the same peer (same key, interface and name) with a new status or row. One UPDATE that
// leaves the indexed columns alone; anything else (a new peer, a renamed or re-keyed one) takes the upsert.
const REFRESH_PEER = `
UPDATE peers SET raw_json = ?, status = ?, preshared_key = ?, last_seen_at = ?, vanished_at = NULL
WHERE router_id = ? AND ros_id = ? AND interface = ? AND public_key = ? AND name IS ?`;

// Positional parameters, in each statement's order: binding by name costs a property lookup per value.
type UpsertPeerArgs = [routerId: string, rosId: string, iface: string, publicKey: string, name: string | null, raw: string, status: string, psk: string, firstSeen: number, lastSeen: number];
type RefreshPeerArgs = [raw: string, status: string, psk: string, seen: number, routerId: string, rosId: string, iface: string, publicKey: string, name: string | null];
interface InterfaceParams { routerId: string; rosId: string; name: string; publicKey: string | null; raw: string; addresses: string; dynamic: number; seen: number }
interface VanishParams { routerId: string; rosId: string; seen: number }

export class LocalCopyRepository {
  readonly #db: Db;
  readonly #upsertPeer: Statement<UpsertPeerArgs>;
  readonly #refreshPeer: Statement<RefreshPeerArgs>;
  readonly #upsertInterface: Statement<[InterfaceParams]>;
  readonly #vanishPeer: Statement<[VanishParams]>;
  readonly #vanishInterface: Statement<[VanishParams]>;
  readonly #seen: Statement<[string, number]>;
  readonly #seenAt: Statement<[string], number>;
  readonly #interfaces: Statement<[string], unknown>;
  readonly #peers: Statement<[string], unknown>;
  readonly #forgetPeer: Statement<[string, string]>;

  constructor(db: Db) {
    this.#db = db;
    this.#upsertPeer = db.prepare(UPSERT_PEER);
    this.#refreshPeer = db.prepare(REFRESH_PEER);
    this.#upsertInterface = db.prepare(UPSERT_INTERFACE);
    this.#vanishPeer = db.prepare('UPDATE peers SET vanished_at = @seen WHERE router_id = @routerId AND ros_id = @rosId AND vanished_at IS NULL');
    this.#vanishInterface = db.prepare('UPDATE interfaces SET vanished_at = @seen WHERE router_id = @routerId AND ros_id = @rosId AND vanished_at IS NULL');
    this.#seen = db.prepare('INSERT INTO router_copies (router_id, seen_at) VALUES (?, ?) ON CONFLICT (router_id) DO UPDATE SET seen_at = excluded.seen_at');
    this.#seenAt = db.prepare<[string], number>('SELECT seen_at FROM router_copies WHERE router_id = ?').pluck();
    this.#interfaces = db.prepare('SELECT ros_id, raw_json, addresses_json, dynamic FROM interfaces WHERE router_id = ? AND vanished_at IS NULL ORDER BY length(ros_id), ros_id');
    this.#peers = db.prepare('SELECT ros_id, raw_json, status, preshared_key, vanished_at FROM peers WHERE router_id = ? ORDER BY vanished_at IS NOT NULL, length(ros_id), ros_id');
    this.#forgetPeer = db.prepare('DELETE FROM peers WHERE router_id = ? AND public_key = ?');
  }

  /** The copy as last written, vanished peers included; null when this router was never read. */
  load(routerId: string): SavedRouter | null {
    const seenAt = this.#seenAt.get(routerId);
    if (seenAt === undefined) return null;
    const interfaces = this.#interfaces.all(routerId).flatMap((r): SavedInterfaceRow[] => {
      const c = interfaceColumns.parse(r);
      const row = storedRow(c.raw_json);
      const addresses = z.array(z.string()).safeParse(JSON.parse(c.addresses_json));
      return row && addresses.success ? [{ rosId: c.ros_id, row, addresses: addresses.data, dynamic: c.dynamic === 1 }] : [];
    });
    const peers = this.#peers.all(routerId).flatMap((r) => {
      const c = peerColumns.parse(r);
      const row = storedRow(c.raw_json);
      return row ? [{ rosId: c.ros_id, row, status: c.status, presharedKey: c.preshared_key, vanishedAt: c.vanished_at }] : [];
    });
    return { seenAt, interfaces, peers };
  }

  /** Writes what changed, and when the router was read, as one transaction: all of it or none after a crash. */
  write(routerId: string, changes: CopyChanges): void {
    transaction(this.#db, () => {
      const seen = changes.seenAt ?? 0;
      if (changes.interfaces) {
        for (const i of changes.interfaces.upsert) this.#upsertInterface.run(interfaceParams(routerId, i, seen));
        for (const rosId of changes.interfaces.vanished) this.#vanishInterface.run({ routerId, rosId, seen });
      }
      for (const p of changes.peers.upsert) {
        const iface = p.row['interface'] ?? '';
        const publicKey = p.row['public-key'] ?? '';
        const name = p.row['name'] ?? null;
        const raw = rawJson(p.row);
        if (this.#refreshPeer.run(raw, p.status, p.presharedKey, seen, routerId, p.rosId, iface, publicKey, name).changes === 0) {
          this.#upsertPeer.run(routerId, p.rosId, iface, publicKey, name, raw, p.status, p.presharedKey, seen, seen);
        }
      }
      for (const rosId of changes.peers.vanished) this.#vanishPeer.run({ routerId, rosId, seen });
      if (changes.seenAt !== null) this.#seen.run(routerId, changes.seenAt);
    });
  }

  /**
   * Drops a peer WireDesk itself deleted from the router: "vanished" marks only changes made elsewhere
   * (WinBox), which the technician should see; our own deletions are already in the audit log.
   */
  forgetPeer(routerId: string, publicKey: string): void {
    this.#forgetPeer.run(routerId, publicKey);
  }
}

/** The stored RouterOS row, or null for one that does not read back as one (a damaged file: skipped, re-written on the next read). */
function storedRow(json: string): Record<string, string> | null {
  try {
    const parsed = routerRow.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// The model strips secrets already; this is the store's own guarantee, with the same list of secret names
// as logs (strip-secrets.ts). A RouterOS row is flat, so no deep copy is needed, and a row with no secret
// name in it (every row the model hands over) is written as it is. A row's names come from a short fixed
// set (RouterOS's fields), so each name is judged once; the memo is bounded in case a router sends more.
const secretNames = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 1_000;

function isSecretName(key: string): boolean {
  let secret = secretNames.get(key);
  if (secret === undefined) {
    secret = isSecretKey(key);
    if (secretNames.size < MAX_REMEMBERED_NAMES) secretNames.set(key, secret);
  }
  return secret;
}

function rawJson(row: Record<string, string>): string {
  let clean = true;
  for (const key in row) if (isSecretName(key)) clean = false;
  if (clean) return JSON.stringify(row);
  const kept: Record<string, string> = {};
  for (const key in row) if (!isSecretName(key)) kept[key] = row[key]!;
  return JSON.stringify(kept);
}

function interfaceParams(routerId: string, i: SavedInterfaceRow, seen: number): InterfaceParams {
  return {
    routerId,
    rosId: i.rosId,
    name: i.row['name'] ?? '',
    publicKey: i.row['public-key'] ?? null,
    raw: rawJson(i.row),
    addresses: JSON.stringify(i.addresses),
    dynamic: i.dynamic ? 1 : 0,
    seen,
  };
}
