// Reading bytes and coverage from the tiers, summed per step. The newest buckets of a tier are not rolled
// up yet (a minute is summed once it closes, an hour once it ends), so a read continues in the next finer
// tier past each watermark: the last point of a 30-day graph is the current hour so far, not missing.
import type { Database as Db, Statement } from 'better-sqlite3';
import { HOUR_MS, MINUTE_MS, type TierName } from './tiers.ts';

export interface ByteSums {
  rx: number;
  tx: number;
}

/** One bucket spanning all time: totals are a one-bucket read. */
export const WHOLE_RANGE: Grid = { stepMs: 2 ** 52 };

interface Part {
  readonly tier: TierName;
  readonly from: number;
  readonly to: number;
}

interface Watermarks {
  rolled_minute: number;
  rolled_hour: number;
}

const SIZE: Record<TierName, number> = { raw: 1, minute: MINUTE_MS, hour: HOUR_MS };

/** [from, to) split into the tiers that hold it, from `tier` down to raw. */
export function splitByWatermark(tier: TierName, from: number, to: number, w: Watermarks): Part[] {
  const parts: Part[] = [];
  let start = from;
  const take = (t: TierName, until: number): void => {
    const end = Math.min(to, until);
    if (end > start) parts.push({ tier: t, from: start, to: end });
    start = Math.max(start, end);
  };
  if (tier === 'hour') take('hour', w.rolled_hour);
  if (tier !== 'raw') take('minute', w.rolled_minute);
  take('raw', Infinity);
  return parts;
}

type StepRow = { g: number; rx: number; tx: number };
type CoverRow = { g: number; ms: number };
type SeriesRow = { sid: number; rx: number; tx: number };

// Bucket b of a tier holds rows whose start (or raw time t) lies in it: index range [@a, @b), see indexRange.
// Rows are grouped by g = (start + @off) / @step: @off shifts the grid, e.g. to local midnight for days.
// The driver binds numbers as REAL, hence the CASTs: integer arithmetic keeps buckets exact.
const G = (startMs: string): string => `(${startMs} + CAST(@off AS INTEGER)) / CAST(@step AS INTEGER)`;

// Raw rows are keyed (rid, t, sid), time first, so "one series over a time range" cannot seek on sid: read
// directly it steps through every peer's rows in the range (15 minutes of 10,000 peers: ~2.7 million rows,
// ~140 ms). Every raw row belongs to a recorded poll (the recorder writes both in one transaction, retention
// drops both with the same cut), so the range is walked poll by poll instead, one primary-key lookup each
// (CROSS JOIN keeps that order: otherwise the planner carries the t range over to mon_raw and scans it).
const STEP_SQL: Record<TierName, string> = {
  raw: `SELECT ${G('p.t')} AS g, sum(r.rx) AS rx, sum(r.tx) AS tx
    FROM mon_polls p CROSS JOIN mon_raw r ON r.rid = p.rid AND r.t = p.t AND r.sid = @sid
    WHERE p.rid = @rid AND p.t >= @a AND p.t < @b GROUP BY g`,
  minute: `SELECT ${G(`minute * ${MINUTE_MS}`)} AS g, sum(rx) AS rx, sum(tx) AS tx FROM mon_minute WHERE sid = @sid AND minute >= @a AND minute < @b GROUP BY g`,
  hour: `SELECT ${G(`hour * ${HOUR_MS}`)} AS g, sum(rx) AS rx, sum(tx) AS tx FROM mon_hour WHERE sid = @sid AND hour >= @a AND hour < @b GROUP BY g`,
};
const COVER_SQL: Record<TierName, string> = {
  raw: `SELECT ${G('t')} AS g, sum(ms) AS ms FROM mon_polls WHERE rid = @rid AND t >= @a AND t < @b GROUP BY g`,
  minute: `SELECT ${G(`minute * ${MINUTE_MS}`)} AS g, sum(ms) AS ms FROM mon_cover_minute WHERE rid = @rid AND minute >= @a AND minute < @b GROUP BY g`,
  hour: `SELECT ${G(`hour * ${HOUR_MS}`)} AS g, sum(ms) AS ms FROM mon_cover_hour WHERE rid = @rid AND hour >= @a AND hour < @b GROUP BY g`,
};
// Grouped by series only: rows arrive in series order, so SQLite sums them as they stream by.
const BY_SERIES_SQL: Record<TierName, string> = {
  raw: 'SELECT sid, sum(rx) AS rx, sum(tx) AS tx FROM mon_raw WHERE rid = @rid AND t >= @a AND t < @b GROUP BY sid',
  minute: `SELECT m.sid, sum(m.rx) AS rx, sum(m.tx) AS tx
    FROM mon_series s JOIN mon_minute m ON m.sid = s.sid AND m.minute >= @a AND m.minute < @b WHERE s.rid = @rid GROUP BY m.sid`,
  hour: `SELECT h.sid, sum(h.rx) AS rx, sum(h.tx) AS tx
    FROM mon_series s JOIN mon_hour h ON h.sid = s.sid AND h.hour >= @a AND h.hour < @b WHERE s.rid = @rid GROUP BY h.sid`,
};

interface Params {
  rid: number;
  sid?: number;
  a: number;
  b: number;
  step?: number;
  off?: number;
}

type ByTier<S> = Record<TierName, S>;

function prepareAll<R>(db: Db, sql: Record<TierName, string>): ByTier<Statement<[Params], R>> {
  return { raw: db.prepare<[Params], R>(sql.raw), minute: db.prepare<[Params], R>(sql.minute), hour: db.prepare<[Params], R>(sql.hour) };
}

/** How rows are grouped: buckets of `stepMs`, starting `offsetMs` before multiples of it (local midnight: -UTC offset). */
export interface Grid {
  readonly stepMs: number;
  readonly offsetMs?: number;
}

export class BucketReader {
  readonly #watermarks: Statement<[number], Watermarks>;
  readonly #step: ByTier<Statement<[Params], StepRow>>;
  readonly #cover: ByTier<Statement<[Params], CoverRow>>;
  readonly #bySeries: ByTier<Statement<[Params], SeriesRow>>;

  constructor(db: Db) {
    this.#watermarks = db.prepare('SELECT rolled_minute, rolled_hour FROM mon_routers WHERE rid = ?');
    this.#step = prepareAll(db, STEP_SQL);
    this.#cover = prepareAll(db, COVER_SQL);
    this.#bySeries = prepareAll(db, BY_SERIES_SQL);
  }

  /** Bytes of one series per grid bucket over [from, to), keyed by bucket start (ms), added into `out`. */
  bytes(tier: TierName, rid: number, sid: number, from: number, to: number, grid: Grid, out: Map<number, ByteSums>): void {
    const { stepMs, offsetMs: off = 0 } = grid;
    for (const p of this.#parts(tier, rid, from, to)) {
      const [a, b] = indexRange(p);
      for (const r of this.#step[p.tier].all({ rid, sid, a, b, step: stepMs, off })) add(out, r.g * stepMs - off, r.rx, r.tx);
    }
  }

  /** Recorded poll time (ms) of the router per grid bucket over [from, to); a missing bucket is a gap. */
  cover(tier: TierName, rid: number, from: number, to: number, grid: Grid, out: Map<number, number>): void {
    const { stepMs, offsetMs: off = 0 } = grid;
    for (const p of this.#parts(tier, rid, from, to)) {
      const [a, b] = indexRange(p);
      for (const r of this.#cover[p.tier].all({ rid, a, b, step: stepMs, off })) {
        const start = r.g * stepMs - off;
        out.set(start, (out.get(start) ?? 0) + r.ms);
      }
    }
  }

  /** Bytes of every series of the router over [from, to), keyed by sid, added into `out`. */
  bytesBySeries(tier: TierName, rid: number, from: number, to: number, out: Map<number, ByteSums>): void {
    for (const p of this.#parts(tier, rid, from, to)) {
      const [a, b] = indexRange(p);
      for (const r of this.#bySeries[p.tier].all({ rid, a, b })) add(out, r.sid, r.rx, r.tx);
    }
  }

  #parts(tier: TierName, rid: number, from: number, to: number): Part[] {
    const w = this.#watermarks.get(rid);
    return w ? splitByWatermark(tier, from, to, w) : [];
  }
}

function indexRange(p: Part): [number, number] {
  const size = SIZE[p.tier];
  return [Math.ceil(p.from / size), Math.ceil(p.to / size)];
}

export function add<K>(out: Map<K, ByteSums>, key: K, rx: number, tx: number): void {
  const sums = out.get(key);
  if (sums) {
    sums.rx += rx;
    sums.tx += tx;
  } else {
    out.set(key, { rx, tx });
  }
}
