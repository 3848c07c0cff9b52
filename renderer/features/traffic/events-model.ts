// Status transitions for the Traffic screen: the stored ones (traffic:events) and the ones main pushes as
// they happen (monitor:event), merged into one newest-first list without duplicates.
import type { MonitorEventData } from '../../../src/contract/index.ts';

/** A transition as listed; `id` only for stored ones (pushes arrive before anyone asks for an id). */
export type StatusEvent = MonitorEventData & { id?: number };

/** Same subject, same change, same moment: the same transition, whether stored or pushed. */
export function eventKey(e: MonitorEventData): string {
  return [e.kind, e.interface ?? '', e.publicKey ?? '', e.from, e.to, e.at].join('|');
}

/** Newest first, each transition once (a stored copy wins over a pushed one: it has an id), at most `limit`. */
export function mergeEvents(current: readonly StatusEvent[], incoming: readonly StatusEvent[], limit: number): StatusEvent[] {
  const byKey = new Map<string, StatusEvent>();
  for (const e of [...current, ...incoming]) {
    const key = eventKey(e);
    const seen = byKey.get(key);
    if (!seen || (seen.id === undefined && e.id !== undefined)) byKey.set(key, e);
  }
  return [...byKey.values()].sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0)).slice(0, limit);
}

/** Only one peer's transitions (router reachability events stay: they explain the peer's gaps too). */
export function eventsFor(events: readonly StatusEvent[], peer: { interface: string; publicKey: string } | null): StatusEvent[] {
  if (!peer) return [...events];
  return events.filter((e) => e.kind === 'router' || (e.interface === peer.interface && e.publicKey === peer.publicKey));
}
