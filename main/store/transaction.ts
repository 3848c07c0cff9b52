// The single way repositories open a write transaction, so every write path locks the same way.
import type { Database as Db } from 'better-sqlite3';

/**
 * Runs `fn` in one write transaction. BEGIN IMMEDIATE takes the write lock up front, so a second
 * connection waits on busy_timeout instead of failing half-way when a read lock must be upgraded.
 * Nested calls become savepoints. `fn` must be synchronous: an await inside it would commit early
 * (better-sqlite3 refuses a function that returns a promise).
 */
export function transaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
