// Screens that show a router's listings read them when they open and then whenever main pushes that the
// router's model changed in a way they show (model:changed): a poll moved the counters, WinBox edited a peer,
// the router went away or came back, a part became unknown. No polling from here: main answers from memory,
// and the stores coalesce the reads (one in flight per channel and router, one more after it at most).
import { useEffect, useRef } from 'react';
import { on } from './api.ts';
import { followModel, type ModelRead } from './model-changes.ts';

export { INTERFACE_LISTING_CHANGES, PEER_COUNTER_CHANGES, PEER_LISTING_CHANGES, PEER_ROW_CHANGES, type ModelChange, type ModelRead } from './model-changes.ts';

/**
 * Reads every entry of `reads` when the screen opens, again when `routerId` or `connection` (the router's
 * connection state) changes, and again for each model:changed of this router that concerns it. The entries
 * may be new objects on every render; the latest ones are used.
 */
export function useModelRefresh(routerId: string, connection: string, reads: readonly ModelRead[]): void {
  const latest = useRef(reads);
  useEffect(() => {
    latest.current = reads;
  });
  useEffect(() => followModel(routerId, () => latest.current, (listener) => on('model:changed', listener)), [routerId, connection]);
}
