// Merging peers:counters (columns: the i-th rx, tx, handshake age and current endpoint belong to the i-th id)
// into a peer listing already on screen. Rows whose counters did not move keep their object, so memoised
// rows do not re-render; a row the counters do not name (a vanished peer) stays as it is. Counters read
// before the listing on screen are ignored (an older poll than the rows). Pure: no React, no IPC.
import type { PeerCounters } from '../../src/contract/index.ts';

interface CounterFields {
  id: string;
  rx: number;
  tx: number;
  lastHandshakeMs: number | null;
  currentEndpoint: string | null;
}

export function mergeCounters<R extends CounterFields, L extends { seenAt: number | null; rows: R[] }>(listing: L, counters: PeerCounters): L {
  if (counters.source !== 'live' || (listing.seenAt !== null && counters.seenAt !== null && counters.seenAt < listing.seenAt)) return listing;
  const at = new Map<string, number>();
  counters.ids.forEach((id, i) => at.set(id, i));
  let changed = false;
  const rows = listing.rows.map((row) => {
    const i = at.get(row.id);
    if (i === undefined) return row;
    const rx = counters.rx[i]!;
    const tx = counters.tx[i]!;
    const lastHandshakeMs = counters.lastHandshakeMs[i]!;
    const currentEndpoint = counters.currentEndpoint[i]!;
    if (row.rx === rx && row.tx === tx && row.lastHandshakeMs === lastHandshakeMs && row.currentEndpoint === currentEndpoint) return row;
    changed = true;
    return { ...row, rx, tx, lastHandshakeMs, currentEndpoint };
  });
  if (!changed && listing.seenAt === counters.seenAt) return listing;
  return { ...listing, seenAt: counters.seenAt, rows };
}
