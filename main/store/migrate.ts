// Numbered schema steps tracked by SQLite's user_version, each applied in its own transaction so a
// crash or failure leaves the database at the previous version, never half-way.
import type { Database as Db } from 'better-sqlite3';
import { StoreError } from './errors.ts';
import { transaction } from './transaction.ts';

export interface Migration {
  /** 1, 2, 3... in order; the database's user_version equals the last one applied. */
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}

/** Marks the file as WireDesk's (PRAGMA application_id, "WDK1") so we never migrate someone else's SQLite file. */
export const APPLICATION_ID = 0x57444b31;

export interface MigrationResult {
  from: number;
  to: number;
}

export function migrate(db: Db, migrations: readonly Migration[]): MigrationResult {
  checkSequence(migrations);
  const latest = migrations.length;
  const from = userVersion(db);
  checkOwnership(db, from);

  if (from > latest) {
    throw new StoreError(
      'DB_TOO_NEW',
      `This database was written by a newer version of WireDesk (schema ${from}; this version understands up to ${latest}). Update WireDesk to open it. The file was left unchanged.`,
    );
  }

  for (const step of migrations) {
    if (step.version <= from) continue;
    transaction(db, () => {
      // Re-read under the write lock: another process may have applied this step meanwhile.
      if (userVersion(db) >= step.version) return;
      try {
        step.up(db);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new StoreError('DB_MIGRATION_FAILED', `Updating the database to schema ${step.version} (${step.name}) failed and was rolled back: ${why}`, { cause: err });
      }
      if (step.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${step.version}`);
    });
  }
  return { from, to: Math.max(from, latest) };
}

function userVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function checkOwnership(db: Db, version: number): void {
  const appId = Number(db.pragma('application_id', { simple: true }));
  if (appId === APPLICATION_ID) return;
  const hasTables = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined;
  if (appId === 0 && version === 0 && !hasTables) return; // brand-new empty file
  throw new StoreError('DB_NOT_WIREDESK', 'The database file belongs to another program, not WireDesk. Point WireDesk at its own data folder or move this file aside.');
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is out of order: position ${i + 1} holds version ${m.version} (${m.name}).`);
  });
}
