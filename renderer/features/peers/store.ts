// WireGuard peers per router. The Peers tab reads peers:listManaged (key custody, read-only reasons,
// vanished peers); the Traffic tab keeps the lighter peers:list. The Peers tab's view state (search,
// filters, sort) is per router, in view-store.ts.
import { invoke } from '../../lib/api.ts';
import { coalesce } from '../../lib/coalesce.ts';
import { mergeCounters } from '../../lib/peer-counters.ts';
import { markPeersData } from '../../lib/perf.ts';
import { createReadModelStore } from '../../lib/read-model.ts';

export const usePeers = createReadModelStore('peers:list');

export const useManagedPeers = createReadModelStore('peers:listManaged', { onValue: markPeersData });

/**
 * A poll that moved only counters: merges peers:counters into the Peers tab's rows (one read in flight at
 * most per router). Before the first listing arrives there is nothing to merge into; a failed read leaves
 * the rows as they are (the next poll tries again, and any other change reads the whole listing).
 */
export const fetchManagedPeerCounters = coalesce(async (routerId: string): Promise<void> => {
  if (!useManagedPeers.getState().byRouter[routerId]?.data) return;
  let counters;
  try {
    counters = await invoke('peers:counters', { routerId });
  } catch {
    return;
  }
  useManagedPeers.setState((state) => {
    const current = state.byRouter[routerId];
    if (!current?.data) return state;
    const data = mergeCounters(current.data, counters);
    return data === current.data ? state : { byRouter: { ...state.byRouter, [routerId]: { ...current, data } } };
  });
});
