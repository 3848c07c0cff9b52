// Which pushed model changes (model:changed) each listing shows, and the following logic the screens' hook
// wraps: read on open, then again for each change of this router that concerns a read. Pure (the pushed
// events come in through `subscribe`), so it is unit-tested without a browser or the IPC bridge.
import type { ModelChanged } from '../../src/contract/index.ts';

export type ModelChange = ModelChanged['changes'][number];

/** What a peer listing (peers:list, peers:listManaged) shows: rows, statuses, counters, freshness, gaps. */
export const PEER_LISTING_CHANGES: readonly ModelChange[] = ['peers', 'status', 'counters', 'source', 'parts', 'interfaces'];

/**
 * A peer table's rows without their live counters: a change of counters alone (every poll of a busy router)
 * is merged from peers:counters instead of reading every row again (see PEER_COUNTER_CHANGES).
 */
export const PEER_ROW_CHANGES: readonly ModelChange[] = PEER_LISTING_CHANGES.filter((c) => c !== 'counters');

/** What peers:counters carries: rx, tx, handshake age and current endpoint of every peer. */
export const PEER_COUNTER_CHANGES: readonly ModelChange[] = ['counters'];

/** What the interface listing shows: interfaces, their addresses, peer and online counts, freshness, gaps. */
export const INTERFACE_LISTING_CHANGES: readonly ModelChange[] = ['interfaces', 'addresses', 'peers', 'status', 'source', 'parts'];

export interface ModelRead {
  /** Reads again (coalesced by its store). */
  read: (routerId: string) => Promise<unknown>;
  /** The kinds of change that make this read worth doing again. */
  changes: readonly ModelChange[];
}

/** True when a pushed change is one `wanted` names. */
export function concerns(changes: readonly ModelChange[], wanted: readonly ModelChange[]): boolean {
  return changes.some((c) => wanted.includes(c));
}

export type Subscribe = (listener: (event: ModelChanged) => void) => () => void;

/**
 * Reads every entry now and again for each model:changed of this router that concerns it; returns the
 * unsubscribe. `reads` is asked on every event, so the caller may swap the entries.
 */
export function followModel(routerId: string, reads: () => readonly ModelRead[], subscribe: Subscribe): () => void {
  // Subscribed before the first read: a change pushed while it runs queues one more read behind it.
  const off = subscribe((event) => {
    if (event.routerId !== routerId) return;
    for (const entry of reads()) if (concerns(event.changes, entry.changes)) void entry.read(routerId);
  });
  for (const entry of reads()) void entry.read(routerId);
  return off;
}
