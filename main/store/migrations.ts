// The schema, as an append-only list: never edit a shipped step, add a new one. STRICT tables make
// SQLite reject values of the wrong type instead of silently storing them.
import type { Migration } from './migrate.ts';

const V1_INITIAL = `
CREATE TABLE routers (
  id                  TEXT PRIMARY KEY NOT NULL,
  name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
  host                TEXT NOT NULL,
  port                INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  transport           TEXT NOT NULL CHECK (transport IN ('api', 'api-ssl')),
  username            TEXT NOT NULL,
  -- SHA-256 of the pinned certificate, lower-case hex without separators.
  tls_fingerprint     TEXT CHECK (tls_fingerprint IS NULL OR (length(tls_fingerprint) = 64 AND tls_fingerprint NOT GLOB '*[^0-9a-f]*')),
  -- The technician accepted RouterOS's unauthenticated anonymous-DH TLS for this router.
  allow_anonymous_tls INTEGER NOT NULL DEFAULT 0 CHECK (allow_anonymous_tls IN (0, 1)),
  routeros_version    TEXT,
  identity            TEXT,
  board               TEXT,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  last_connected_at   INTEGER,
  sort_order          INTEGER NOT NULL DEFAULT 0
  -- No password column, ever: passwords live in the OS keychain (main/secrets).
) STRICT;

CREATE TABLE interfaces (
  router_id     TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  ros_id        TEXT NOT NULL,
  name          TEXT NOT NULL,
  public_key    TEXT,
  raw_json      TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  vanished_at   INTEGER,
  PRIMARY KEY (router_id, ros_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE peers (
  router_id     TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  ros_id        TEXT NOT NULL,
  interface     TEXT NOT NULL,
  public_key    TEXT NOT NULL,
  name          TEXT,
  raw_json      TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  vanished_at   INTEGER,
  PRIMARY KEY (router_id, ros_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX peers_by_key ON peers (router_id, public_key);
CREATE INDEX peers_by_interface ON peers (router_id, interface);

CREATE TABLE peer_keys (
  router_id             TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  public_key            TEXT NOT NULL,
  custody               TEXT NOT NULL CHECK (custody IN ('stored', 'shown-once')),
  -- KeyVault output ("v1.<kid>.<iv>.<tag>.<ct>"); the CHECK refuses anything that is not.
  encrypted_private_key TEXT CHECK (encrypted_private_key IS NULL OR encrypted_private_key GLOB 'v[0-9]*.*.*.*.*'),
  created_at            INTEGER NOT NULL,
  PRIMARY KEY (router_id, public_key),
  CHECK ((custody = 'stored') = (encrypted_private_key IS NOT NULL))
) STRICT;

CREATE TABLE reservations (
  id         INTEGER PRIMARY KEY,
  router_id  TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  interface  TEXT NOT NULL,
  address    TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (router_id, interface, address)
) STRICT;

CREATE TABLE endpoints (
  router_id  TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  interface  TEXT NOT NULL,
  host       TEXT NOT NULL,
  port       INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (router_id, interface)
) STRICT;

-- No foreign key on router_id: the history must outlive the router it talks about.
CREATE TABLE audit (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  router_id   TEXT,
  router_name TEXT,
  action      TEXT NOT NULL CHECK (action IN ('create', 'edit', 'delete', 'enable', 'disable', 'import', 'rotate-keys')),
  object_type TEXT NOT NULL,
  object_id   TEXT,
  object_name TEXT,
  before_json TEXT,
  after_json  TEXT,
  outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
  error       TEXT
) STRICT;
CREATE INDEX audit_by_time ON audit (at, id);
CREATE INDEX audit_by_router ON audit (router_id, at, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE settings (
  key        TEXT PRIMARY KEY NOT NULL,
  value_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE import_jobs (
  id          TEXT PRIMARY KEY NOT NULL,
  router_id   TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  interface   TEXT NOT NULL,
  source_name TEXT,
  status      TEXT NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'cancelled')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX import_jobs_by_router ON import_jobs (router_id, created_at);

CREATE TABLE import_job_rows (
  job_id       TEXT NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  row_no       INTEGER NOT NULL,
  payload_json TEXT NOT NULL,
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'failed', 'skipped')),
  ros_id       TEXT,
  error        TEXT,
  -- Set before a row is sent to the router: a pending row with a date may already exist there.
  attempted_at INTEGER,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (job_id, row_no)
) STRICT, WITHOUT ROWID;
`;

// Traffic history (main/monitoring). The high-volume tables carry small integer ids (rid, sid) instead
// of the router's UUID and a 44-character public key, and minute/hour buckets as counts since the epoch
// (4 and 3 bytes on disk) instead of millisecond timestamps (6 bytes).
const V2_TRAFFIC_HISTORY = `
CREATE TABLE mon_routers (
  rid             INTEGER PRIMARY KEY,
  router_id       TEXT NOT NULL UNIQUE REFERENCES routers(id) ON DELETE CASCADE,
  reachability    TEXT CHECK (reachability IN ('reachable', 'unreachable')),
  reachability_at INTEGER,
  -- End (ms) of the newest recorded poll interval: a later interval may not start before it.
  last_poll_at    INTEGER NOT NULL DEFAULT 0,
  -- Rollup watermarks (ms, bucket-aligned): raw rows before rolled_minute are summed into mon_minute,
  -- minute rows before rolled_hour into mon_hour. Queries read the finer tier past a watermark.
  rolled_minute   INTEGER NOT NULL DEFAULT 0,
  rolled_hour     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- One row per traffic series: a peer, keyed by public key (it survives re-creation, .id does not), or
-- an interface (public_key '', the sum of its peers, stored so interface graphs read one series).
CREATE TABLE mon_series (
  sid        INTEGER PRIMARY KEY,
  rid        INTEGER NOT NULL REFERENCES mon_routers(rid) ON DELETE CASCADE,
  interface  TEXT NOT NULL,
  public_key TEXT NOT NULL,
  name       TEXT NOT NULL DEFAULT '',
  comment    TEXT NOT NULL DEFAULT '',
  first_seen INTEGER NOT NULL,
  status     TEXT CHECK (status IN ('online', 'offline', 'never-connected', 'disabled')),
  status_at  INTEGER,
  UNIQUE (rid, interface, public_key)
) STRICT;

-- One row per recorded poll interval (t - ms, t]. Time without a row is a gap: router unreachable or app closed.
CREATE TABLE mon_polls (
  rid INTEGER NOT NULL REFERENCES mon_routers(rid) ON DELETE CASCADE,
  t   INTEGER NOT NULL,
  ms  INTEGER NOT NULL CHECK (ms > 0),
  PRIMARY KEY (rid, t)
) STRICT, WITHOUT ROWID;

-- Bytes per series per poll, only when non-zero (a recorded poll without a row means 0 bytes). Keyed
-- time-first so a poll appends at the end of the B-tree instead of dirtying one page per peer.
CREATE TABLE mon_raw (
  rid INTEGER NOT NULL REFERENCES mon_routers(rid) ON DELETE CASCADE,
  t   INTEGER NOT NULL,
  sid INTEGER NOT NULL,
  rx  INTEGER NOT NULL CHECK (rx >= 0),
  tx  INTEGER NOT NULL CHECK (tx >= 0),
  PRIMARY KEY (rid, t, sid)
) STRICT, WITHOUT ROWID;

-- Rollups, written once per closed bucket and keyed series-first so one graph reads one contiguous range.
CREATE TABLE mon_minute (
  sid    INTEGER NOT NULL REFERENCES mon_series(sid) ON DELETE CASCADE,
  minute INTEGER NOT NULL,
  rx     INTEGER NOT NULL CHECK (rx >= 0),
  tx     INTEGER NOT NULL CHECK (tx >= 0),
  PRIMARY KEY (sid, minute)
) STRICT, WITHOUT ROWID;

CREATE TABLE mon_hour (
  sid  INTEGER NOT NULL REFERENCES mon_series(sid) ON DELETE CASCADE,
  hour INTEGER NOT NULL,
  rx   INTEGER NOT NULL CHECK (rx >= 0),
  tx   INTEGER NOT NULL CHECK (tx >= 0),
  PRIMARY KEY (sid, hour)
) STRICT, WITHOUT ROWID;

-- Milliseconds of recorded polls per bucket: a rate is bytes over covered time, and no row is a gap.
CREATE TABLE mon_cover_minute (
  rid    INTEGER NOT NULL REFERENCES mon_routers(rid) ON DELETE CASCADE,
  minute INTEGER NOT NULL,
  ms     INTEGER NOT NULL CHECK (ms > 0),
  PRIMARY KEY (rid, minute)
) STRICT, WITHOUT ROWID;

CREATE TABLE mon_cover_hour (
  rid  INTEGER NOT NULL REFERENCES mon_routers(rid) ON DELETE CASCADE,
  hour INTEGER NOT NULL,
  ms   INTEGER NOT NULL CHECK (ms > 0),
  PRIMARY KEY (rid, hour)
) STRICT, WITHOUT ROWID;

-- Status transitions of peers (sid set) and of the router itself (sid NULL: reachable / unreachable).
CREATE TABLE mon_events (
  id          INTEGER PRIMARY KEY,
  rid         INTEGER NOT NULL REFERENCES mon_routers(rid) ON DELETE CASCADE,
  sid         INTEGER REFERENCES mon_series(sid) ON DELETE CASCADE,
  at          INTEGER NOT NULL,
  from_status TEXT NOT NULL,
  to_status   TEXT NOT NULL,
  detail      TEXT
) STRICT;
CREATE INDEX mon_events_by_router ON mon_events (rid, at);
CREATE INDEX mon_events_by_series ON mon_events (sid, at);
`;

// The audit log also records config files handed out (action 'export'). SQLite cannot change a CHECK in
// place, so the table is rebuilt: rows copied with their ids (AUTOINCREMENT carries on after the highest),
// then the indexes and the append-only triggers made again. DROP TABLE fires no DELETE trigger.
const V3_AUDIT_EXPORT = `
CREATE TABLE audit_v3 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  router_id   TEXT,
  router_name TEXT,
  action      TEXT NOT NULL CHECK (action IN ('create', 'edit', 'delete', 'enable', 'disable', 'import', 'rotate-keys', 'export')),
  object_type TEXT NOT NULL,
  object_id   TEXT,
  object_name TEXT,
  before_json TEXT,
  after_json  TEXT,
  outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
  error       TEXT
) STRICT;
INSERT INTO audit_v3 (id, at, router_id, router_name, action, object_type, object_id, object_name, before_json, after_json, outcome, error)
  SELECT id, at, router_id, router_name, action, object_type, object_id, object_name, before_json, after_json, outcome, error FROM audit ORDER BY id;
DROP TABLE audit;
ALTER TABLE audit_v3 RENAME TO audit;
CREATE INDEX audit_by_time ON audit (at, id);
CREATE INDEX audit_by_router ON audit (router_id, at, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

// The local copy of each router (its offline view) gets typed columns for what the app reads back:
// a peer's status and whether it has a preshared key, an interface's addresses and dynamic flag. They
// used to ride inside raw_json as 'wiredesk-*' marker fields mixed into the RouterOS row; those move out
// here. router_copies holds when each router was last read: rows are written only when they change, so
// a row's last_seen_at no longer says that.
const V4_LOCAL_COPY = `
ALTER TABLE interfaces ADD COLUMN addresses_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(addresses_json) AND json_type(addresses_json) = 'array');
ALTER TABLE interfaces ADD COLUMN dynamic INTEGER NOT NULL DEFAULT 0 CHECK (dynamic IN (0, 1));
ALTER TABLE peers ADD COLUMN status TEXT NOT NULL DEFAULT 'never-connected' CHECK (status IN ('online', 'offline', 'never-connected', 'disabled'));
ALTER TABLE peers ADD COLUMN preshared_key TEXT NOT NULL DEFAULT 'hidden' CHECK (preshared_key IN ('set', 'none', 'hidden'));

UPDATE interfaces SET
  addresses_json = coalesce(json_extract(raw_json, '$."wiredesk-addresses"'), '[]'),
  dynamic = CASE WHEN json_extract(raw_json, '$.dynamic') IN ('true', 'yes') THEN 1 ELSE 0 END,
  raw_json = json_remove(raw_json, '$."wiredesk-addresses"');
UPDATE peers SET
  status = coalesce(json_extract(raw_json, '$."wiredesk-status"'), 'never-connected'),
  preshared_key = coalesce(json_extract(raw_json, '$."wiredesk-psk"'), 'hidden'),
  raw_json = json_remove(raw_json, '$."wiredesk-status"', '$."wiredesk-psk"');

CREATE TABLE router_copies (
  router_id TEXT PRIMARY KEY NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  seen_at   INTEGER NOT NULL
) STRICT;
INSERT INTO router_copies (router_id, seen_at)
  SELECT router_id, max(t) FROM (
    SELECT router_id, max(last_seen_at) AS t FROM interfaces GROUP BY router_id
    UNION ALL SELECT router_id, max(last_seen_at) FROM peers GROUP BY router_id)
  GROUP BY router_id;
`;

// Safe changes (issue 10): a backup of each router's WireGuard scope before every applied plan, and the
// journal of plans. Backups stay after their router is removed (a technician may want the script later);
// router_name is copied for that reason, as in the audit log.
const V5_SAFE_CHANGES = `
CREATE TABLE router_backups (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  router_id     TEXT NOT NULL,
  router_name   TEXT NOT NULL,
  taken_at      INTEGER NOT NULL,
  plan_id       TEXT NOT NULL,
  title         TEXT NOT NULL,
  rsc           TEXT NOT NULL,
  snapshot_json TEXT NOT NULL CHECK (json_valid(snapshot_json))
) STRICT;
CREATE INDEX router_backups_by_router ON router_backups (router_id, taken_at);

CREATE TABLE change_plans (
  plan_id       TEXT PRIMARY KEY NOT NULL,
  router_id     TEXT NOT NULL,
  kind          TEXT NOT NULL,
  title         TEXT NOT NULL,
  commands_json TEXT NOT NULL CHECK (json_valid(commands_json)),
  rollback_name TEXT,
  state         TEXT NOT NULL CHECK (state IN ('applying', 'applied', 'undone', 'failed', 'rollback-pending', 'rolled-back', 'unknown')),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  backup_id     INTEGER REFERENCES router_backups(id),
  rollback_at   INTEGER,
  report_json   TEXT CHECK (report_json IS NULL OR json_valid(report_json)),
  diff_json     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(diff_json))
) STRICT;
CREATE INDEX change_plans_by_state ON change_plans (router_id, state, created_at);
`;

// The local copy's peers table is rebuilt with the same columns, rows and key; only two things change.
// status and preshared_key are checked with OR chains instead of IN lists: SQLite evaluates an IN list of
// more than two constants by filling a temporary index each time a statement that sets the column runs,
// so every refreshed peer paid about 3.7 us for its two checks (bench/scale.bench.ts: the write of 100
// changed peers of 10,000 went from 1.7x to 1.35x its baseline with this alone). Same allowed values. And peers_by_interface is not rebuilt: no query reads it (the
// copy is loaded by router_id through the primary key), and every new or renamed peer paid for it.
const V6_PEER_CHECKS = `
CREATE TABLE peers_v6 (
  router_id     TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  ros_id        TEXT NOT NULL,
  interface     TEXT NOT NULL,
  public_key    TEXT NOT NULL,
  name          TEXT,
  raw_json      TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  vanished_at   INTEGER,
  status        TEXT NOT NULL DEFAULT 'never-connected' CHECK (status = 'online' OR status = 'offline' OR status = 'never-connected' OR status = 'disabled'),
  preshared_key TEXT NOT NULL DEFAULT 'hidden' CHECK (preshared_key = 'set' OR preshared_key = 'none' OR preshared_key = 'hidden'),
  PRIMARY KEY (router_id, ros_id)
) STRICT, WITHOUT ROWID;
INSERT INTO peers_v6 (router_id, ros_id, interface, public_key, name, raw_json, first_seen_at, last_seen_at, vanished_at, status, preshared_key)
  SELECT router_id, ros_id, interface, public_key, name, raw_json, first_seen_at, last_seen_at, vanished_at, status, preshared_key FROM peers;
DROP TABLE peers;
ALTER TABLE peers_v6 RENAME TO peers;
CREATE INDEX peers_by_key ON peers (router_id, public_key);
`;

// What each change was, as a code with parameters (src/contract/changes.ts ChangeSubject), so the app words it
// in the user's language; the title column keeps the English words the router's side shows. Null on rows
// written before this.
const V7_CHANGE_SUBJECTS = `
ALTER TABLE router_backups ADD COLUMN subject_json TEXT CHECK (subject_json IS NULL OR json_valid(subject_json));
ALTER TABLE change_plans ADD COLUMN subject_json TEXT CHECK (subject_json IS NULL OR json_valid(subject_json));
`;

// Each audit entry of a change sent through a plan names that plan (plan_id), so the activity log can offer
// its undo; restoring a backup and undoing a change are audit actions of their own. The CHECK on action
// changes, so the table is rebuilt as in V3 (ids, and so the order, kept).
const V8_AUDIT_PLANS = `
CREATE TABLE audit_v8 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          INTEGER NOT NULL,
  router_id   TEXT,
  router_name TEXT,
  action      TEXT NOT NULL CHECK (action IN ('create', 'edit', 'delete', 'enable', 'disable', 'import', 'rotate-keys', 'export', 'restore', 'undo')),
  object_type TEXT NOT NULL,
  object_id   TEXT,
  object_name TEXT,
  before_json TEXT,
  after_json  TEXT,
  outcome     TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
  error       TEXT,
  plan_id     TEXT
) STRICT;
INSERT INTO audit_v8 (id, at, router_id, router_name, action, object_type, object_id, object_name, before_json, after_json, outcome, error)
  SELECT id, at, router_id, router_name, action, object_type, object_id, object_name, before_json, after_json, outcome, error FROM audit ORDER BY id;
DROP TABLE audit;
ALTER TABLE audit_v8 RENAME TO audit;
CREATE INDEX audit_by_time ON audit (at, id);
CREATE INDEX audit_by_router ON audit (router_id, at, id);
CREATE INDEX audit_by_plan ON audit (plan_id) WHERE plan_id IS NOT NULL;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

// The AllowedIPs each interface's client configs get, remembered like its public endpoint: the set-up wizard's
// split tunnel (or one the technician set), so every later peer, Config & QR and CSV import route the same
// networks. No row means the full tunnel. Filed under the interface name, as the endpoints are.
const V9_CLIENT_ROUTES = `
CREATE TABLE client_routes (
  router_id   TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  interface   TEXT NOT NULL,
  routes_json TEXT NOT NULL CHECK (json_valid(routes_json) AND json_type(routes_json) = 'array' AND json_array_length(routes_json) > 0),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (router_id, interface)
) STRICT;
`;

// A change whose answer was lost (the link dropped after the router took it) is found out later, once:
//  - each plan keeps the checks that tell, read back from the router, whether each step stands (checks_json:
//    menus, find fields and printed values, never a secret);
//  - its activity-log entry, written "failed" when the link dropped, gets its resolution (applied, not applied,
//    unknown) set once; nothing else in the log can change, as before;
//  - a private key that was to be shown once is sealed ('held') until the technician has seen it, so a lost
//    answer cannot leave a peer on the router whose key no one has. peer_keys is rebuilt for its CHECKs.
const V10_LOST_ANSWERS = `
ALTER TABLE change_plans ADD COLUMN checks_json TEXT CHECK (checks_json IS NULL OR json_valid(checks_json));
ALTER TABLE audit ADD COLUMN resolution TEXT CHECK (resolution IS NULL OR resolution IN ('applied', 'not-applied', 'unknown'));
ALTER TABLE audit ADD COLUMN resolved_at INTEGER;
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  WHEN NOT (OLD.resolution IS NULL AND NEW.resolution IS NOT NULL AND NEW.resolved_at IS NOT NULL AND OLD.outcome = 'failed'
    AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.router_id IS OLD.router_id AND NEW.router_name IS OLD.router_name
    AND NEW.action IS OLD.action AND NEW.object_type IS OLD.object_type AND NEW.object_id IS OLD.object_id
    AND NEW.object_name IS OLD.object_name AND NEW.before_json IS OLD.before_json AND NEW.after_json IS OLD.after_json
    AND NEW.outcome IS OLD.outcome AND NEW.error IS OLD.error AND NEW.plan_id IS OLD.plan_id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TABLE peer_keys_v10 (
  router_id             TEXT NOT NULL REFERENCES routers(id) ON DELETE CASCADE,
  public_key            TEXT NOT NULL,
  custody               TEXT NOT NULL CHECK (custody IN ('stored', 'shown-once', 'held')),
  encrypted_private_key TEXT CHECK (encrypted_private_key IS NULL OR encrypted_private_key GLOB 'v[0-9]*.*.*.*.*'),
  created_at            INTEGER NOT NULL,
  PRIMARY KEY (router_id, public_key),
  CHECK ((custody = 'shown-once') = (encrypted_private_key IS NULL))
) STRICT;
INSERT INTO peer_keys_v10 (router_id, public_key, custody, encrypted_private_key, created_at)
  SELECT router_id, public_key, custody, encrypted_private_key, created_at FROM peer_keys;
DROP TABLE peer_keys;
ALTER TABLE peer_keys_v10 RENAME TO peer_keys;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => void db.exec(V1_INITIAL) },
  { version: 2, name: 'traffic history', up: (db) => void db.exec(V2_TRAFFIC_HISTORY) },
  { version: 3, name: 'config exports in the audit log', up: (db) => void db.exec(V3_AUDIT_EXPORT) },
  { version: 4, name: 'typed columns for the local router copy', up: (db) => void db.exec(V4_LOCAL_COPY) },
  { version: 5, name: 'router backups and the change journal', up: (db) => void db.exec(V5_SAFE_CHANGES) },
  { version: 6, name: 'cheaper checks on the local copy of peers', up: (db) => void db.exec(V6_PEER_CHECKS) },
  { version: 7, name: 'change subjects as codes', up: (db) => void db.exec(V7_CHANGE_SUBJECTS) },
  { version: 8, name: 'audit entries name their change plan', up: (db) => void db.exec(V8_AUDIT_PLANS) },
  { version: 9, name: 'client routes per interface', up: (db) => void db.exec(V9_CLIENT_ROUTES) },
  { version: 10, name: 'lost answers found out later', up: (db) => void db.exec(V10_LOST_ANSWERS) },
];
