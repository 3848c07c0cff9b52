// Turns one poll's rows into stored history, in ONE transaction: per-poll bytes for every peer and
// interface, the poll interval (coverage), status transitions, and the rollup of any closed bucket.
// Events go to the callback only after the commit, so a listener never sees a change that was rolled back.
import type { Database as Db, Statement } from 'better-sqlite3';
import { DEFAULT_ONLINE_THRESHOLD_MS } from '../../src/domain/index.ts';
import { transaction } from '../store/db.ts';
import { CounterTracker } from './counters.ts';
import { toPolledPeer, type PolledPeer } from '../routeros/menus/wireguard-peers.ts';
import { SeriesRegistry, type SeriesInfo } from './registry.ts';
import { rollUp } from './rollup.ts';
import { nextStatus } from './status.ts';
import { DEFAULT_RETENTION, type RetentionPolicy } from './tiers.ts';
import type { MonitorEvent, PeerRow, PeerStatus, Reachability } from './types.ts';

export interface RecorderOptions {
  readonly db: Db;
  /** routers.id of a configured router. */
  readonly routerId: string;
  readonly onlineThresholdMs?: number;
  readonly retention?: RetentionPolicy;
  /** Receives every stored transition; errors it throws are reported to `log` and otherwise ignored. */
  readonly onEvent?: (event: MonitorEvent) => void;
  readonly log?: (message: string, context: Record<string, unknown>) => void;
}

export interface PollOutcome {
  /** False for a baseline poll (first after start or after a gap): counters read, nothing to add yet. */
  readonly recorded: boolean;
  readonly events: readonly MonitorEvent[];
}

interface RouterState {
  reachability: Reachability | null;
  last_poll_at: number;
  rolled_minute: number;
}

interface Sums {
  rx: bigint;
  tx: bigint;
}

export class PollRecorder {
  readonly #db: Db;
  readonly #routerId: string;
  readonly #registry: SeriesRegistry;
  readonly #counters = new CounterTracker();
  readonly #retention: RetentionPolicy;
  readonly #onEvent: ((event: MonitorEvent) => void) | undefined;
  readonly #log: RecorderOptions['log'];
  #thresholdMs: number;
  /** Time of the previous successful poll of this run; undefined at start and after a failure. */
  #prevT: number | undefined;
  readonly #state: Statement<[number], RouterState>;
  readonly #insertRaw: Statement<[number, number, number, number, number]>;
  readonly #insertPoll: Statement<[number, number, number]>;
  readonly #insertEvent: Statement<[number, number | null, number, string, string, string | null]>;
  readonly #setPolled: Statement<[number, number]>;
  readonly #setReachability: Statement<[Reachability, number, number]>;

  constructor(options: RecorderOptions) {
    const { db } = options;
    this.#db = db;
    this.#routerId = options.routerId;
    this.#registry = new SeriesRegistry(db, options.routerId);
    this.#thresholdMs = options.onlineThresholdMs ?? DEFAULT_ONLINE_THRESHOLD_MS;
    this.#retention = options.retention ?? DEFAULT_RETENTION;
    this.#onEvent = options.onEvent;
    this.#log = options.log;
    this.#state = db.prepare('SELECT reachability, last_poll_at, rolled_minute FROM mon_routers WHERE rid = ?');
    this.#insertRaw = db.prepare('INSERT INTO mon_raw (rid, t, sid, rx, tx) VALUES (?, ?, ?, ?, ?)');
    this.#insertPoll = db.prepare('INSERT INTO mon_polls (rid, t, ms) VALUES (?, ?, ?)');
    this.#insertEvent = db.prepare('INSERT INTO mon_events (rid, sid, at, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?)');
    this.#setPolled = db.prepare('UPDATE mon_routers SET last_poll_at = ? WHERE rid = ?');
    this.#setReachability = db.prepare('UPDATE mon_routers SET reachability = ?, reachability_at = ? WHERE rid = ?');
  }

  get rid(): number {
    return this.#registry.rid;
  }

  /** The status the polls decided for a peer, or null before its first poll. Kept in memory: no query. */
  statusOf(iface: string, publicKey: string): PeerStatus | null {
    return this.#registry.find(iface, publicKey)?.status ?? null;
  }

  setOnlineThreshold(ms: number): void {
    this.#thresholdMs = ms;
  }

  /** Records a successful poll whose rows were read at `t`. */
  recordPeers(rows: readonly PeerRow[], t: number): PollOutcome {
    const prevT = this.#prevT;
    let outcome: PollOutcome;
    try {
      outcome = transaction(this.#db, () => this.#write(rows, t, prevT));
    } catch (err) {
      // The caches ran ahead of a rolled-back write: re-read them, and start over from a baseline.
      this.#registry.reload();
      this.#counters.clear();
      this.#prevT = undefined;
      throw err;
    }
    this.#prevT = t;
    this.#emit(outcome.events);
    return outcome;
  }

  /** Records a poll that failed at `at` (router unreachable): a gap, and the next poll is a baseline. */
  recordFailure(at: number, error: unknown): PollOutcome {
    this.#counters.clear();
    this.#prevT = undefined;
    const detail = error instanceof Error ? error.message : String(error);
    const events = transaction(this.#db, () => {
      const out: MonitorEvent[] = [];
      this.#reachability(this.#state.get(this.rid)!.reachability, 'unreachable', at, detail, out);
      rollUp(this.#db, this.rid, at, this.#retention);
      return out;
    });
    this.#emit(events);
    return { recorded: false, events };
  }

  #write(rows: readonly PeerRow[], t: number, prevT: number | undefined): PollOutcome {
    const rid = this.rid;
    const state = this.#state.get(rid)!;
    // An interval may not overlap one already stored nor land behind the rollup watermark; both only
    // happen when the clock went backwards, and then this poll is just a new baseline.
    const intervalMs = prevT !== undefined && t > prevT && prevT >= state.last_poll_at && t >= state.rolled_minute ? t - prevT : 0;
    const recorded = intervalMs > 0;
    const events: MonitorEvent[] = [];
    this.#reachability(state.reachability, 'reachable', t, null, events);
    const seen = new Set<number>();
    const interfaces = new Map<string, Sums>();

    for (const row of rows) {
      const peer = toPolledPeer(row);
      if (!peer) continue;
      const info = this.#registry.ensure(peer.interface, peer.publicKey, peer.name, peer.comment, t);
      if (seen.has(info.sid)) continue; // RouterOS forbids it; never count one peer twice if it happens
      seen.add(info.sid);
      const delta = this.#counters.advance(info.sid, peer.rosId, peer.rx, peer.tx);
      const sums = interfaces.get(peer.interface) ?? { rx: 0n, tx: 0n };
      interfaces.set(peer.interface, sums);
      if (recorded && delta) {
        sums.rx += delta.rx;
        sums.tx += delta.tx;
        if (delta.rx > 0n || delta.tx > 0n) this.#insertRaw.run(rid, t, info.sid, Number(delta.rx), Number(delta.tx));
      }
      const rxGrowing = recorded && delta ? delta.rx > 0n : undefined;
      this.#status(info, peer, rxGrowing, t, prevT, events);
    }
    this.#counters.keepOnly(seen);

    for (const [iface, sums] of interfaces) {
      const info = this.#registry.ensure(iface, '', '', '', t);
      if (recorded && (sums.rx > 0n || sums.tx > 0n)) this.#insertRaw.run(rid, t, info.sid, Number(sums.rx), Number(sums.tx));
    }
    if (recorded) {
      this.#insertPoll.run(rid, t, intervalMs);
      this.#setPolled.run(t, rid);
    }
    rollUp(this.#db, rid, t, this.#retention);
    return { recorded, events };
  }

  #status(info: SeriesInfo, peer: PolledPeer, rxGrowing: boolean | undefined, t: number, prevT: number | undefined, out: MonitorEvent[]): void {
    const previous = info.status;
    const change = nextStatus(previous, {
      disabled: peer.disabled,
      lastHandshakeMs: peer.lastHandshakeMs,
      rxGrowing,
      thresholdMs: this.#thresholdMs,
      t,
      // The peer was last seen in its previous status at the previous poll (or, after a gap or restart, since its stored date).
      since: previous === null ? undefined : (prevT ?? info.statusAt ?? undefined),
    });
    if (!change) return;
    this.#registry.setStatus(info, change.status, change.at);
    if (previous === null) return; // a first sighting is a state, not a transition
    this.#insertEvent.run(this.rid, info.sid, change.at, previous, change.status, null);
    out.push({
      kind: 'peer', routerId: this.#routerId, interface: peer.interface, publicKey: peer.publicKey,
      name: peer.name || peer.comment, from: previous, to: change.status, at: change.at,
    });
  }

  #reachability(from: Reachability | null, to: Reachability, at: number, detail: string | null, out: MonitorEvent[]): void {
    if (from === to) return;
    this.#setReachability.run(to, at, this.rid);
    if (from === null) return; // first poll ever: a state, not a transition
    this.#insertEvent.run(this.rid, null, at, from, to, detail);
    out.push({ kind: 'router', routerId: this.#routerId, from, to, at, detail });
  }

  #emit(events: readonly MonitorEvent[]): void {
    if (!this.#onEvent) return;
    for (const event of events) {
      try {
        this.#onEvent(event);
      } catch (err) {
        this.#log?.('monitoring event listener failed', { routerId: this.#routerId, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
}
