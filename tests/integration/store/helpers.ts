// Shared set-up for store tests: a fresh database file in its own temp folder, and a fake clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../main/store/db.ts';
import { RoutersRepository, type NewRouter, type Router } from '../../../main/store/routers.ts';

export interface TempDb {
  dir: string;
  file: string;
  db: Db;
  reopen(): Db;
  cleanup(): void;
}

export function tempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-store-'));
  const file = path.join(dir, 'wiredesk.sqlite');
  const handle: TempDb = {
    dir,
    file,
    db: openDatabase(file),
    reopen() {
      if (handle.db.open) handle.db.close();
      handle.db = openDatabase(file);
      return handle.db;
    },
    cleanup() {
      if (handle.db.open) handle.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** A clock that only moves when told to. */
export function fakeClock(start = 1_700_000_000_000): { now: () => number; advance(ms: number): number } {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
      return t;
    },
  };
}

export function sampleRouter(overrides: Partial<NewRouter> = {}): NewRouter {
  return { name: 'Branch office', host: '192.0.2.10', port: 8729, transport: 'api-ssl', username: 'wiredesk', ...overrides };
}

export function addRouter(db: Db, overrides: Partial<NewRouter> = {}): Router {
  return new RoutersRepository(db).create(sampleRouter(overrides));
}

/** Every byte SQLite has on disk for this database: main file, WAL and shared-memory index. */
export function rawBytes(file: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm'].filter((s) => fs.existsSync(file + s)).map((s) => fs.readFileSync(file + s)));
}
