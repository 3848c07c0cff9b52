// Opens the app's SQLite file with the settings every repository relies on, then brings the schema
// up to date. Everything else in main/store receives the returned handle.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { StoreError, errorCode } from './errors.ts';
import { migrate, type Migration } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';

export type { Db };
export { transaction } from './transaction.ts';

export interface OpenDatabaseOptions {
  /** Schema steps to apply; tests pass their own, the app uses the built-in list. */
  migrations?: readonly Migration[];
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const inMemory = file === ':memory:';
  if (!inMemory) createPrivateFile(file);

  let db: Db;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
  } catch (err) {
    throw new StoreError('DB_OPEN_FAILED', `Cannot open the WireDesk database at ${file}: ${describe(err)}`, { cause: err });
  }
  try {
    applyPragmas(db, busyTimeoutMs, inMemory);
    migrate(db, options.migrations ?? MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    const code = errorCode(err);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StoreError('DB_OPEN_FAILED', `The file ${file} is not a readable WireDesk database (it is damaged or is some other file). Move it aside and restart WireDesk to start with an empty database.`, { cause: err });
    }
    throw new StoreError('DB_OPEN_FAILED', `Cannot prepare the WireDesk database at ${file}: ${describe(err)}`, { cause: err });
  }
}

function applyPragmas(db: Db, busyTimeoutMs: number, inMemory: boolean): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // WAL lets readers work while a sync writes, and a killed process leaves the file consistent.
  if (!inMemory && mode !== 'wal') {
    throw new StoreError('DB_OPEN_FAILED', `The database could not switch to WAL journaling (got "${String(mode)}"); is it on a network share or read-only medium?`);
  }
  // NORMAL is crash-safe in WAL mode; only a power cut may drop the last commits, never corrupt.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  // Deleted rows (removed routers, their hosts and encrypted keys) are zeroed, not left in free pages.
  db.pragma('secure_delete = ON');
}

/**
 * The file holds router addresses and encrypted keys: create it (and its folder) readable by the
 * user only. SQLite gives the -wal and -shm files the same mode as the database file.
 */
function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') {
      throw new StoreError('DB_OPEN_FAILED', `Cannot create the WireDesk database at ${file}: ${describe(err)}`, { cause: err });
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
