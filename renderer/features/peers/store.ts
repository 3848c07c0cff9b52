// WireGuard peers per router. The Peers tab reads peers:listManaged (key custody, read-only reasons,
// vanished peers); the Traffic tab keeps the lighter peers:list. The Peers tab's view state (search,
// filters, sort) is per router, in view-store.ts.
import { markPeersData } from '../../lib/perf.ts';
import { createReadModelStore } from '../../lib/read-model.ts';

export const usePeers = createReadModelStore('peers:list');

export const useManagedPeers = createReadModelStore('peers:listManaged', { onValue: markPeersData });
