// One process at a time creates the key-vault master key: the app and the browser host (or a second app window
// during an upgrade) may start at once on one data directory, and the OS keychain has no "create if absent". A
// lock directory in the data directory (proper-lockfile: mkdir is atomic, a holder that died is taken over once
// its lock is stale) makes the second process wait, then find and adopt the first one's key.
import { join } from 'node:path';
import { lock } from 'proper-lockfile';

export type VaultLock = () => Promise<() => Promise<void>>;

/** Stale after 10 s without the holder refreshing it (it refreshes every 5 s while it holds the lock). */
const STALE_MS = 10_000;

export function dataDirectoryLock(dataDir: string): VaultLock {
  return () => lock(dataDir, {
    lockfilePath: join(dataDir, 'vault-key.lock'),
    realpath: false,
    stale: STALE_MS,
    // Up to about 15 s of waiting: longer than a stale lock takes to be taken over.
    retries: { retries: 60, factor: 1.2, minTimeout: 20, maxTimeout: 500 },
  });
}
