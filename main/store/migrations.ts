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

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => void db.exec(V1_INITIAL) },
];
