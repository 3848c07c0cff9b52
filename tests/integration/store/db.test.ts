import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, transaction, type Db } from '../../../main/store/db.ts';
import { StoreError } from '../../../main/store/errors.ts';
import type { Migration } from '../../../main/store/migrate.ts';
import { MIGRATIONS } from '../../../main/store/migrations.ts';
import { addRouter, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.cleanup());

function tables(db: Db): string[] {
  return db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger') ORDER BY name").pluck().all();
}

function expectStoreError(fn: () => unknown, code: StoreError['code']): StoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe(code);
    return err as StoreError;
  }
  throw new Error(`expected a StoreError ${code}`);
}

describe('openDatabase', () => {
  it('sets WAL, synchronous=NORMAL, foreign keys and a busy timeout', () => {
    expect(t.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(t.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(t.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('creates the file, its WAL and its shared-memory index readable by the user only', () => {
    if (process.platform === 'win32') return;
    addRouter(t.db);
    for (const suffix of ['', '-wal', '-shm']) expect(fs.statSync(t.file + suffix).mode & 0o777, suffix || 'main file').toBe(0o600);
  });

  it('is idempotent on reopen: migrations do not run twice and data stays', () => {
    const router = addRouter(t.db);
    const schemaBefore = tables(t.db);
    for (let i = 0; i < 3; i++) t.reopen();
    expect(t.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tables(t.db)).toEqual(schemaBefore);
    expect(t.db.prepare('SELECT name FROM routers WHERE id = ?').pluck().get(router.id)).toBe('Branch office');
  });

  it('refuses a database written by a newer WireDesk and leaves it untouched', () => {
    t.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    t.db.close();
    const before = fs.readFileSync(t.file);
    const err = expectStoreError(() => openDatabase(t.file), 'DB_TOO_NEW');
    expect(err.message).toMatch(/newer version of WireDesk.*Update WireDesk/);
    expect(fs.readFileSync(t.file).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite file", () => {
    const other = path.join(t.dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    expectStoreError(() => openDatabase(other), 'DB_NOT_WIREDESK');
  });

  it('explains a file that is not a database at all', () => {
    const junk = path.join(t.dir, 'junk.sqlite');
    fs.writeFileSync(junk, Buffer.alloc(4096, 0x5a));
    const err = expectStoreError(() => openDatabase(junk), 'DB_OPEN_FAILED');
    expect(err.message).toMatch(/not a readable WireDesk database/);
  });

  it('rolls back a failing migration step completely and reports which one', () => {
    const file = path.join(t.dir, 'migrating.sqlite');
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'half-done step',
        up: (db) => {
          db.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('disk on fire');
        },
      },
    ];
    const err = expectStoreError(() => openDatabase(file, { migrations: broken }), 'DB_MIGRATION_FAILED');
    expect(err.message).toContain('half-done step');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('applies only the new steps when the app is upgraded', () => {
    const runs: number[] = [];
    const next: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'add column', up: (db) => void (runs.push(1), db.exec('ALTER TABLE routers ADD COLUMN color TEXT')) }];
    t.db.close();
    openDatabase(t.file, { migrations: next }).close();
    const db = openDatabase(t.file, { migrations: next });
    expect(runs).toHaveLength(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    db.close();
  });
});

describe('transaction', () => {
  it('commits on return and rolls back everything on throw', () => {
    const insert = t.db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, 0)');
    transaction(t.db, () => insert.run('a', '1'));
    expect(() =>
      transaction(t.db, () => {
        insert.run('b', '2');
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(t.db.prepare('SELECT key FROM settings ORDER BY key').pluck().all()).toEqual(['a']);
  });

  it('refuses an async function instead of committing early', () => {
    expect(() => transaction(t.db, async () => 1)).toThrow(/promise/);
  });
});
