// Counters merged into a peer listing on screen: moved rows get new values (new objects), unmoved rows and
// rows the counters do not name keep theirs; counters older than the rows, or from the last-known copy, are
// ignored. And the Peers tab reads whole rows for every change but counters alone.
import { describe, expect, it } from 'vitest';
import type { PeerCounters } from '../../../src/contract/index.ts';
import { mergeCounters } from '../../../renderer/lib/peer-counters.ts';
import { concerns, PEER_COUNTER_CHANGES, PEER_LISTING_CHANGES, PEER_ROW_CHANGES } from '../../../renderer/lib/model-changes.ts';

const row = (id: string, rx: number) => ({ id, name: id, rx, tx: 1, lastHandshakeMs: 1_000, currentEndpoint: null as string | null });
const listing = { source: 'live' as const, seenAt: 100, unknown: [], rows: [row('*1', 10), row('*2', 20), row('*3', 30)] };
const counters = (over: Partial<PeerCounters> = {}): PeerCounters => ({
  source: 'live', seenAt: 200, ids: ['*1', '*2'], rx: [11, 20], tx: [1, 1], lastHandshakeMs: [500, 1_000], currentEndpoint: ['198.51.100.9:4000', null], ...over,
});

describe('merging peer counters', () => {
  it('updates moved rows only and keeps the rest as they were', () => {
    const merged = mergeCounters(listing, counters());
    expect(merged.seenAt).toBe(200);
    expect(merged.rows[0]).toEqual({ ...listing.rows[0], rx: 11, lastHandshakeMs: 500, currentEndpoint: '198.51.100.9:4000' });
    expect(merged.rows[1]).toBe(listing.rows[1]);
    expect(merged.rows[2]).toBe(listing.rows[2]);
    expect(listing.rows[0]!.rx).toBe(10);
  });

  it('ignores counters older than the rows, and the last-known copy', () => {
    expect(mergeCounters(listing, counters({ seenAt: 50 }))).toBe(listing);
    expect(mergeCounters(listing, counters({ source: 'cache' }))).toBe(listing);
  });

  it('leaves the listing as it is when nothing moved at the same read', () => {
    const same = counters({ seenAt: 100, rx: [10, 20], lastHandshakeMs: [1_000, 1_000], currentEndpoint: [null, null] });
    expect(mergeCounters(listing, same)).toBe(listing);
  });

  it('reads whole rows for every listing change but counters alone', () => {
    expect(concerns(['counters'], PEER_ROW_CHANGES)).toBe(false);
    expect(concerns(['counters'], PEER_COUNTER_CHANGES)).toBe(true);
    for (const change of PEER_LISTING_CHANGES.filter((c) => c !== 'counters')) expect(concerns([change, 'counters'], PEER_ROW_CHANGES)).toBe(true);
  });
});
