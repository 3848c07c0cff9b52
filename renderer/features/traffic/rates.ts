// Live WireGuard throughput from successive peers:list reads. Only measured deltas become points: the first
// point needs two reads, a failed or stale read leaves a gap, and a counter that went down is a reset
// (the peer was re-created or the router rebooted), counted from zero instead of as a negative rate.
import type { WgPeer } from '../../../src/contract/index.ts';

export interface CounterSnapshot {
  /** When the counters were read from the router (ms since epoch). */
  at: number;
  counters: ReadonlyMap<string, { rx: number; tx: number }>;
}

/** Bytes per second, router's point of view: rx = received from peers, tx = sent to peers. Null = gap. */
export interface RatePoint {
  t: number;
  rx: number | null;
  tx: number | null;
}

export interface TrafficSeries {
  prev: CounterSnapshot | null;
  points: RatePoint[];
}

export type TrafficRead =
  | { ok: true; at: number; live: boolean; rows: readonly WgPeer[] }
  | { ok: false; at: number };

export const EMPTY_SERIES: TrafficSeries = { prev: null, points: [] };

export function snapshotOf(rows: readonly WgPeer[], at: number): CounterSnapshot {
  const counters = new Map<string, { rx: number; tx: number }>();
  for (const peer of rows) counters.set(peer.id, { rx: peer.rx, tx: peer.tx });
  return { at, counters };
}

function delta(before: number, after: number): number {
  return after >= before ? after - before : after;
}

/** Aggregate rate between two snapshots; null when no time passed. Peers new in `next` are skipped. */
export function rateBetween(prev: CounterSnapshot, next: CounterSnapshot): { rx: number; tx: number } | null {
  const seconds = (next.at - prev.at) / 1000;
  if (seconds <= 0) return null;
  let rx = 0;
  let tx = 0;
  for (const [id, now] of next.counters) {
    const before = prev.counters.get(id);
    if (!before) continue;
    rx += delta(before.rx, now.rx);
    tx += delta(before.tx, now.tx);
  }
  return { rx: rx / seconds, tx: tx / seconds };
}

function withGap(points: RatePoint[], at: number): RatePoint[] {
  const last = points[points.length - 1];
  if (!last || last.rx === null) return points;
  return [...points, { t: at, rx: null, tx: null }];
}

export interface IngestOptions {
  /** Reads further apart than this are not joined into one rate (window hidden, tab closed, stalls). */
  maxGapMs: number;
  /** Points older than this (relative to the newest read) are dropped. */
  windowMs: number;
}

export function ingestRead(series: TrafficSeries, read: TrafficRead, options: IngestOptions): TrafficSeries {
  let points = series.points;
  let prev = series.prev;

  if (!read.ok || !read.live) {
    // A failure, or last-known data from the cache: nothing was measured, so the line breaks here.
    points = withGap(points, read.at);
    prev = null;
  } else {
    const next = snapshotOf(read.rows, read.at);
    if (prev && read.at === prev.at) {
      return series; // The same read served twice: no new information.
    }
    if (prev && read.at > prev.at && read.at - prev.at <= options.maxGapMs) {
      const rate = rateBetween(prev, next);
      if (rate) points = [...points, { t: read.at, rx: rate.rx, tx: rate.tx }];
    } else if (prev) {
      points = withGap(points, read.at);
    }
    prev = next;
  }

  const cutoff = read.at - options.windowMs;
  if (points.length > 0 && points[0]!.t < cutoff) points = points.filter((p) => p.t >= cutoff);
  // Never start the visible line with a gap marker.
  while (points.length > 0 && points[0]!.rx === null) points = points.slice(1);
  return { prev, points };
}

/** The newest measured rate, or null while measuring or right after a gap. */
export function currentRate(series: TrafficSeries): RatePoint | null {
  const last = series.points[series.points.length - 1];
  return last && last.rx !== null ? last : null;
}
