// The read side for the UI: rate series for live and history graphs, totals, top talkers, daily usage
// and CSV, and stored status transitions. Synchronous (better-sqlite3): a graph takes a few ms and can
// follow every poll; a year of daily usage for 200 peers takes most of a second (bench/monitoring.bench.ts).
import type { Database as Db, Statement } from 'better-sqlite3';
import { add, BucketReader, WHOLE_RANGE, type ByteSums } from './buckets.ts';
import { localUtcOffset, type UtcOffset } from './days.ts';
import { gridSeries, rawSeries, type RateSeries } from './rate-series.ts';
import { pickResolution, totalsTier } from './resolution.ts';
import { DAY_MS, DEFAULT_RETENTION, MINUTE_MS, type RetentionPolicy } from './tiers.ts';
import type { Clock } from './timer.ts';
import type { PeerStatus, Reachability, SeriesRef, TimeRange } from './types.ts';
import { seriesRevision } from './registry.ts';
import { byTotalDescending, dailyUsage, dailyUsageCsv, type DailyUsage, type PeerUsage, type SeriesMeta } from './usage.ts';
import { WindowSums, type SeriesSums } from './window-sums.ts';

export const HISTORY_RANGES = { '15m': 15 * MINUTE_MS, '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '1y': 365 * DAY_MS } as const;
export type HistoryRange = keyof typeof HISTORY_RANGES;

export const LIVE_WINDOW_MS = HISTORY_RANGES['15m'];

export interface TrafficHistoryOptions {
  readonly db: Db;
  readonly now?: Clock;
  /** Must match the pollers' policy: it tells which tier still holds a given time. */
  readonly retention?: RetentionPolicy;
}

export interface Totals {
  readonly rx: number;
  readonly tx: number;
  /** How long the router was polled within the range (ms). */
  readonly coveredMs: number;
}

export interface StoredEvent {
  readonly id: number;
  readonly routerId: string;
  /** null for the router's own reachable/unreachable events. */
  readonly interface: string | null;
  readonly publicKey: string | null;
  readonly name: string | null;
  readonly from: PeerStatus | Reachability;
  readonly to: PeerStatus | Reachability;
  readonly at: number;
  readonly detail: string | null;
}

export interface EventQuery {
  readonly routerId: string;
  /** Only this peer's events. */
  readonly peer?: { readonly interface: string; readonly publicKey: string };
  readonly range?: TimeRange;
  /** Newest first; default 500. */
  readonly limit?: number;
}

interface EventRow {
  id: number;
  interface: string | null;
  public_key: string | null;
  name: string | null;
  comment: string | null;
  from_status: PeerStatus | Reachability;
  to_status: PeerStatus | Reachability;
  at: number;
  detail: string | null;
}

interface MetaRow {
  sid: number;
  interface: string;
  public_key: string;
  name: string;
  comment: string;
}

interface KeptTalkers {
  /** The window parts and series the answer was made from, and the parts' versions then. */
  readonly parts: readonly object[];
  readonly stamp: string;
  readonly meta: ReadonlyMap<number, SeriesMeta>;
  readonly rows: readonly PeerUsage[];
}

export class TrafficHistory {
  readonly #db: Db;
  readonly #reader: BucketReader;
  readonly #windows: WindowSums;
  readonly #talkers = new Map<string, KeptTalkers>();
  readonly #metaByRid = new Map<number, { revision: number; routerId: string; map: ReadonlyMap<number, SeriesMeta> }>();
  readonly #now: Clock;
  readonly #policy: RetentionPolicy;
  readonly #rid: Statement<[string], number>;
  readonly #sid: Statement<[number, string, string], number>;
  readonly #meta: Statement<[number], MetaRow>;
  readonly #events: Statement<[{ rid: number; sid: number | null; from: number; to: number; limit: number }], EventRow>;

  constructor(options: TrafficHistoryOptions) {
    const { db } = options;
    this.#db = db;
    this.#reader = new BucketReader(db);
    this.#windows = new WindowSums(db);
    this.#now = options.now ?? Date.now;
    this.#policy = options.retention ?? DEFAULT_RETENTION;
    this.#rid = db.prepare<[string], number>('SELECT rid FROM mon_routers WHERE router_id = ?').pluck();
    this.#sid = db.prepare<[number, string, string], number>('SELECT sid FROM mon_series WHERE rid = ? AND interface = ? AND public_key = ?').pluck();
    this.#meta = db.prepare('SELECT sid, interface, public_key, name, comment FROM mon_series WHERE rid = ?');
    this.#events = db.prepare(`
      SELECT e.id, s.interface, s.public_key, s.name, s.comment, e.from_status, e.to_status, e.at, e.detail
      FROM mon_events e LEFT JOIN mon_series s ON s.sid = e.sid
      WHERE e.rid = @rid AND (@sid IS NULL OR e.sid = @sid) AND e.at >= @from AND e.at < @to
      ORDER BY e.at DESC, e.id DESC LIMIT @limit`);
  }

  /** The live graph: every poll of the last 15 minutes (or `windowMs`). */
  live(ref: SeriesRef, windowMs: number = LIVE_WINDOW_MS): RateSeries {
    const now = this.#now();
    const { rid, sid } = this.#resolve(ref);
    return rawSeries(this.#reader, rid, sid, { from: now - windowMs, to: now + 1 });
  }

  /** A history graph: a preset ending now, or any range; the resolution follows from its length and age. */
  series(ref: SeriesRef, range: HistoryRange | TimeRange): RateSeries {
    const r = this.#range(range);
    const { rid, sid } = this.#resolve(ref);
    const res = pickResolution(r, this.#now(), this.#policy);
    return res.stepMs === null ? rawSeries(this.#reader, rid, sid, r) : gridSeries(this.#reader, res.tier, rid, sid, r, res.stepMs);
  }

  /** Bytes over the range, to the minute while minute rows are kept, to the hour before. */
  totals(ref: SeriesRef, range: HistoryRange | TimeRange): Totals {
    const r = this.#range(range);
    const { rid, sid } = this.#resolve(ref);
    const tier = totalsTier(r.from, this.#now(), this.#policy);
    const bytes = new Map<number, ByteSums>();
    const cover = new Map<number, number>();
    this.#reader.bytes(tier, rid, sid, r.from, r.to, WHOLE_RANGE, bytes);
    this.#reader.cover(tier, rid, r.from, r.to, WHOLE_RANGE, cover);
    const b = bytes.get(0);
    return { rx: b?.rx ?? 0, tx: b?.tx ?? 0, coveredMs: cover.get(0) ?? 0 };
  }

  /**
   * Peers of a router (or of one interface) by bytes moved, most first. The per-series sums of the window
   * are kept and moved along from read to read (WindowSums), and the answer itself is reused while neither
   * they nor the series changed: a second reader of the same poll, or a read between polls, queries nothing
   * but the router's watermarks.
   */
  topTalkers(routerId: string, range: HistoryRange | TimeRange, options: { limit?: number; interface?: string } = {}): PeerUsage[] {
    const r = this.#range(range);
    const rid = this.#rid.get(routerId) ?? -1;
    const tier = totalsTier(r.from, this.#now(), this.#policy);
    const parts = this.#windows.parts(routerId, rid, tier, r.from, r.to);
    const meta = this.#seriesMeta(rid, routerId);
    const limit = options.limit ?? 10;
    const key = `${routerId}\n${tier}\n${r.to - r.from}\n${limit}\n${options.interface ?? ''}`;
    const stamp = parts.map((p) => `${p.tier}:${p.version}`).join(',');
    const kept = this.#talkers.get(key);
    if (kept && kept.stamp === stamp && kept.meta === meta && kept.parts.every((p, i) => p === parts[i])) return [...kept.rows];

    const sums = parts.length === 1 ? parts[0]!.sums : mergeParts(parts);
    const rows = topUsage(sums, meta, limit, options.interface);
    this.#talkers.delete(key);
    this.#talkers.set(key, { stamp, meta, parts, rows });
    if (this.#talkers.size > MAX_KEPT_TALKERS) this.#talkers.delete(this.#talkers.keys().next().value!);
    return [...rows];
  }

  /** Bytes per peer per local day; days without traffic for a peer are left out. */
  usageByDay(routerId: string, range: HistoryRange | TimeRange, options: { utcOffset?: UtcOffset } = {}): DailyUsage[] {
    const r = this.#range(range);
    const rid = this.#rid.get(routerId) ?? -1;
    return dailyUsage(this.#reader, rid, r, this.#seriesMeta(rid, routerId), options.utcOffset ?? localUtcOffset);
  }

  /** usageByDay as CSV text for a spreadsheet (formula-safe; `;` and a BOM for Excel in many locales). */
  usageCsv(routerId: string, range: HistoryRange | TimeRange, options: { utcOffset?: UtcOffset; delimiter?: ',' | ';'; bom?: boolean } = {}): string {
    return dailyUsageCsv(this.usageByDay(routerId, range, options), options);
  }

  /** Stored status transitions, newest first. */
  events(query: EventQuery): StoredEvent[] {
    const rid = this.#rid.get(query.routerId) ?? -1;
    let sid: number | null = null;
    if (query.peer) sid = this.#sid.get(rid, query.peer.interface, query.peer.publicKey) ?? -1;
    const range = query.range ?? { from: 0, to: Number.MAX_SAFE_INTEGER };
    return this.#events.all({ rid, sid, from: range.from, to: range.to, limit: query.limit ?? 500 }).map((e) => ({
      id: e.id,
      routerId: query.routerId,
      interface: e.interface,
      publicKey: e.public_key,
      name: e.name === null ? null : e.name || e.comment,
      from: e.from_status,
      to: e.to_status,
      at: e.at,
      detail: e.detail,
    }));
  }

  #range(range: HistoryRange | TimeRange): TimeRange {
    if (typeof range !== 'string') return range;
    const now = this.#now();
    // +1: the poll read at `now` itself belongs in "the last 15 minutes".
    return { from: now - HISTORY_RANGES[range], to: now + 1 };
  }

  /** Unknown routers and series read as rid/sid -1: no rows, so nulls (no coverage) or zeros. */
  #resolve(ref: SeriesRef): { rid: number; sid: number } {
    const rid = this.#rid.get(ref.routerId) ?? -1;
    return { rid, sid: this.#sid.get(rid, ref.interface, ref.publicKey ?? '') ?? -1 };
  }

  /** The router's series, read again only after a series was added or renamed (seriesRevision). */
  #seriesMeta(rid: number, routerId: string): ReadonlyMap<number, SeriesMeta> {
    const revision = seriesRevision(this.#db);
    const kept = this.#metaByRid.get(rid);
    if (kept && kept.revision === revision && kept.routerId === routerId) return kept.map;
    const map = new Map(this.#meta.all(rid).map((m) => [m.sid, { sid: m.sid, interface: m.interface, publicKey: m.public_key, name: m.name, comment: m.comment }]));
    this.#metaByRid.set(rid, { revision, routerId, map });
    return map;
  }
}

/** Kept top-talker answers (router, range length, limit, interface); the oldest used goes first. */
const MAX_KEPT_TALKERS = 16;

function mergeParts(parts: readonly { sums: ReadonlyMap<number, SeriesSums> }[]): Map<number, ByteSums> {
  const out = new Map<number, ByteSums>();
  for (const p of parts) for (const [sid, s] of p.sums) add(out, sid, s.rx, s.tx);
  return out;
}

/**
 * The `limit` peers that moved the most, in byTotalDescending order: the same as building every PeerUsage,
 * sorting them all and slicing, without either for the thousands that do not make the list.
 */
function topUsage(sums: ReadonlyMap<number, ByteSums>, meta: ReadonlyMap<number, SeriesMeta>, limit: number, iface: string | undefined): PeerUsage[] {
  const top: PeerUsage[] = [];
  if (limit <= 0) return top;
  for (const [sid, b] of sums) {
    const m = meta.get(sid);
    if (!m || m.publicKey === '' || (iface !== undefined && m.interface !== iface)) continue; // interface series are sums of peers
    const total = b.rx + b.tx;
    const last = top[top.length - 1];
    if (top.length === limit && last && (total < last.total || (total === last.total && tieOrder(m, last) >= 0))) continue;
    const usage: PeerUsage = { interface: m.interface, publicKey: m.publicKey, name: m.name, comment: m.comment, rx: b.rx, tx: b.tx, total };
    let i = top.length;
    while (i > 0 && byTotalDescending(usage, top[i - 1]!) < 0) i--;
    top.splice(i, 0, usage);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** byTotalDescending's order between equal totals. */
function tieOrder(a: { interface: string; publicKey: string }, b: { interface: string; publicKey: string }): number {
  return a.interface.localeCompare(b.interface) || a.publicKey.localeCompare(b.publicKey);
}
