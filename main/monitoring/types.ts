// Shapes shared by the monitoring core: what it reads from a router, what it emits, what queries return.
import type { PeerStatus } from '../../src/domain/index.ts';

/** One print row exactly as the RouterOS API returns it: every value a string, absent fields missing. */
export type PeerRow = Record<string, string>;

/**
 * Where a poller reads peers from: the RouterOS client in the app, a scripted list in tests. One call
 * per poll; it rejects when the router cannot be read (that poll becomes a gap). The signal aborts a
 * read that outlived the poller's timeout.
 */
export interface PeerSource {
  readPeers(proplist: readonly string[], signal?: AbortSignal): Promise<PeerRow[]>;
}

export type { PeerStatus };
export type Reachability = 'reachable' | 'unreachable';

export interface PeerTransition {
  readonly kind: 'peer';
  readonly routerId: string;
  readonly interface: string;
  readonly publicKey: string;
  /** RouterOS `name` (7.15+), else `comment`, else ''. */
  readonly name: string;
  readonly from: PeerStatus;
  readonly to: PeerStatus;
  /** When it happened as best known (e.g. handshake time + threshold), not merely when a poll noticed. */
  readonly at: number;
}

export interface RouterTransition {
  readonly kind: 'router';
  readonly routerId: string;
  readonly from: Reachability;
  readonly to: Reachability;
  readonly at: number;
  /** Why the poll failed, for 'unreachable'; null otherwise. */
  readonly detail: string | null;
}

/** A stored status change; also what `onEvent` receives right after the poll committed it. */
export type MonitorEvent = PeerTransition | RouterTransition;

/** A peer series (publicKey given) or the interface series, the sum of all its peers. */
export interface SeriesRef {
  readonly routerId: string;
  readonly interface: string;
  readonly publicKey?: string | undefined;
}

/**
 * One chart point, ready for recharts. Rates are bits per second (what technicians read link speeds
 * in, and what `formatRate` from src/domain formats). null means "not measured": the router was
 * unreachable or the app was not running; it is never written as 0, so charts break the line there.
 */
export interface RatePoint {
  /** ms since the epoch: a raw point's poll time, a rollup point's bucket start. */
  readonly t: number;
  /** What the router received from the peer (the peer's upload), as RouterOS counts rx. */
  readonly rx: number | null;
  /** What the router sent to the peer (the peer's download). */
  readonly tx: number | null;
}

/** A half-open time range [from, to) in ms since the epoch. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}
