// Bytes per series over a window that slides with the clock (top talkers of "the last 15 minutes"), kept
// from one read to the next and moved instead of summed again: each read adds the rows that entered the
// window and takes off the rows that left it. Summing 15 minutes of 10,000 peers afresh reads ~150,000
// minute rows and up to a minute of raw rows (~180,000) and took ~50-100 ms; moving it reads one poll's rows.
//
// That is exact because the rows a window part covers only change in known ways:
//   - raw rows are appended at a poll time later than the router's last recorded poll (mon_routers.last_poll_at:
//     the recorder records an interval only after it) and deleted only by a rollup, which moves rolled_minute;
//   - minute and hour rows below their watermark are written once, when the watermark passes them, and deleted
//     only by retention, which runs when rolled_hour moves.
// So a raw part is reused while rolled_minute stands, up to last_poll_at; a minute or hour part while
// rolled_hour stands. Parts are kept per router id (a deleted router's rid can be handed out again) and per
// window length, so a 15-minute and a 24-hour reader do not push one window back and forth.
import type { Database as Db, Statement } from 'better-sqlite3';
import { HOUR_MS, MINUTE_MS, type TierName } from './tiers.ts';
import { splitByWatermark } from './buckets.ts';

export interface SeriesSums {
  rx: number;
  tx: number;
  /** Rows summed: the series leaves the window when its last row does (every stored row has bytes). */
  n: number;
}

interface RouterMarks {
  rolled_minute: number;
  rolled_hour: number;
  last_poll_at: number;
}

export interface WindowPart {
  readonly tier: TierName;
  /** Window start and the end up to which rows are summed and settled, in the tier's index (ms, minutes, hours). */
  a: number;
  b: number;
  /** The watermark whose move may delete or rewrite rows of this part. */
  readonly mark: number;
  readonly sums: Map<number, SeriesSums>;
  /** Bumped whenever `sums` changes, so a result made from it can be reused while it stands. */
  version: number;
}

interface Params {
  rid: number;
  a: number;
  b: number;
}

const SIZE: Record<TierName, number> = { raw: 1, minute: MINUTE_MS, hour: HOUR_MS };

// Minute and hour rows are keyed (sid, bucket): walking the router's sids in sid order streams each
// series' rows in key order, so SQLite groups without a temporary B-tree (the join through mon_series'
// (rid, interface, public_key) index needed one: 34-53 ms against 21 ms for 15 minutes of 10,000 peers).
const SQL: Record<TierName, string> = {
  raw: 'SELECT sid, sum(rx) AS rx, sum(tx) AS tx, count(*) AS n FROM mon_raw WHERE rid = @rid AND t >= @a AND t < @b GROUP BY sid',
  minute: `SELECT sid, sum(rx) AS rx, sum(tx) AS tx, count(*) AS n FROM mon_minute
    WHERE sid IN (SELECT sid FROM mon_series WHERE rid = @rid) AND minute >= @a AND minute < @b GROUP BY sid`,
  hour: `SELECT sid, sum(rx) AS rx, sum(tx) AS tx, count(*) AS n FROM mon_hour
    WHERE sid IN (SELECT sid FROM mon_series WHERE rid = @rid) AND hour >= @a AND hour < @b GROUP BY sid`,
};

/** Kept windows; the oldest used goes first beyond this. */
const MAX_WINDOWS = 16;

export class WindowSums {
  readonly #marks: Statement<[number], RouterMarks>;
  readonly #sum: Record<TierName, Statement<[Params], { sid: number; rx: number; tx: number; n: number }>>;
  /** Per router id, rid, totals tier and window length, then part tier. */
  readonly #windows = new Map<string, Map<TierName, WindowPart>>();

  constructor(db: Db) {
    this.#marks = db.prepare('SELECT rolled_minute, rolled_hour, last_poll_at FROM mon_routers WHERE rid = ?');
    this.#sum = { raw: db.prepare(SQL.raw), minute: db.prepare(SQL.minute), hour: db.prepare(SQL.hour) };
  }

  /**
   * Bytes per sid of the router over [from, to), read from `tier` and the finer tiers past its watermarks:
   * the same sums BucketReader.bytesBySeries gives. The parts are shared: read them, never change them.
   */
  parts(routerId: string, rid: number, tier: TierName, from: number, to: number): WindowPart[] {
    const marks = this.#marks.get(rid);
    if (!marks) return [];
    const key = `${routerId}\n${rid}\n${tier}\n${to - from}`;
    const kept = this.#windows.get(key) ?? new Map<TierName, WindowPart>();
    this.#windows.delete(key);
    this.#windows.set(key, kept); // most recently used last
    if (this.#windows.size > MAX_WINDOWS) this.#windows.delete(this.#windows.keys().next().value!);

    const out: WindowPart[] = [];
    const wanted = new Set<TierName>();
    for (const p of splitByWatermark(tier, from, to, marks)) {
      const size = SIZE[p.tier];
      const a = Math.ceil(p.from / size);
      // Raw rows settle at the last recorded poll; rows of a rolled-up tier are settled below its watermark.
      const b = p.tier === 'raw' ? Math.min(Math.ceil(p.to / size), marks.last_poll_at + 1) : Math.ceil(p.to / size);
      const mark = p.tier === 'raw' ? marks.rolled_minute : marks.rolled_hour;
      wanted.add(p.tier);
      out.push(this.#move(rid, kept, p.tier, a, Math.max(a, b), mark));
    }
    for (const t of kept.keys()) if (!wanted.has(t)) kept.delete(t);
    return out;
  }

  #move(rid: number, kept: Map<TierName, WindowPart>, tier: TierName, a: number, b: number, mark: number): WindowPart {
    const part = kept.get(tier);
    // Reusable if nothing it holds can have changed, the window only moved forward, and moving it reads
    // fewer buckets than summing it afresh.
    if (part && part.mark === mark && a >= part.a && b >= part.b && a <= part.b && a - part.a + (b - part.b) < b - a) {
      let changed = false;
      if (a > part.a) changed = this.#add(rid, part, part.a, a, -1) || changed;
      if (b > part.b) changed = this.#add(rid, part, part.b, b, 1) || changed;
      part.a = a;
      part.b = b;
      if (changed) part.version++;
      return part;
    }
    const fresh: WindowPart = { tier, a, b, mark, sums: new Map(), version: (part?.version ?? 0) + 1 };
    this.#add(rid, fresh, a, b, 1);
    kept.set(tier, fresh);
    return fresh;
  }

  /** Adds (sign 1) or takes off (-1) the rows of [a, b); true if there were any. */
  #add(rid: number, part: WindowPart, a: number, b: number, sign: 1 | -1): boolean {
    let any = false;
    for (const r of this.#sum[part.tier].all({ rid, a, b })) {
      any = true;
      const s = part.sums.get(r.sid);
      if (!s) {
        part.sums.set(r.sid, { rx: sign * r.rx, tx: sign * r.tx, n: sign * r.n });
        continue;
      }
      s.rx += sign * r.rx;
      s.tx += sign * r.tx;
      s.n += sign * r.n;
      if (s.n === 0) part.sums.delete(r.sid);
    }
    return any;
  }
}
