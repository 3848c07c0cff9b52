// Usage reports: who moved the most bytes over a period, and bytes per peer per local day (with CSV for
// spreadsheets). Byte counts are what was observed while the router was polled: monitored hours say how
// complete a day is, because WireDesk only measures while it runs.
import { toCsv, type CsvColumn } from '../../src/domain/index.ts';
import { add, type BucketReader, type ByteSums } from './buckets.ts';
import { isoDate, offsetSegments, type UtcOffset } from './days.ts';
import { DAY_MS, type TierName } from './tiers.ts';
import type { TimeRange } from './types.ts';

export interface SeriesMeta {
  readonly sid: number;
  readonly interface: string;
  /** '' for an interface series. */
  readonly publicKey: string;
  readonly name: string;
  readonly comment: string;
}

export interface PeerUsage {
  readonly interface: string;
  readonly publicKey: string;
  readonly name: string;
  readonly comment: string;
  /** Bytes the router received from the peer (the peer's upload), as RouterOS counts rx. */
  readonly rx: number;
  /** Bytes the router sent to the peer (the peer's download). */
  readonly tx: number;
  readonly total: number;
}

export interface DailyUsage extends PeerUsage {
  /** Local date, YYYY-MM-DD. */
  readonly date: string;
  /** How long the router was polled that day (ms): 24 h means complete. */
  readonly coveredMs: number;
}

export function peerUsage(reader: BucketReader, tier: TierName, rid: number, range: TimeRange, series: ReadonlyMap<number, SeriesMeta>): PeerUsage[] {
  const sums = new Map<number, ByteSums>();
  reader.bytesBySeries(tier, rid, range.from, range.to, sums);
  const out: PeerUsage[] = [];
  for (const [sid, b] of sums) {
    const usage = withMeta(series.get(sid), b);
    if (usage) out.push(usage);
  }
  return out;
}

function withMeta(meta: SeriesMeta | undefined, b: ByteSums): PeerUsage | undefined {
  if (!meta || meta.publicKey === '') return undefined; // interface series are sums of peers, not talkers
  return { interface: meta.interface, publicKey: meta.publicKey, name: meta.name, comment: meta.comment, rx: b.rx, tx: b.tx, total: b.rx + b.tx };
}

export function byTotalDescending(a: PeerUsage, b: PeerUsage): number {
  return b.total - a.total || a.interface.localeCompare(b.interface) || a.publicKey.localeCompare(b.publicKey);
}

function byPeer(a: PeerUsage, b: PeerUsage): number {
  return a.interface.localeCompare(b.interface) || (a.name || a.comment).localeCompare(b.name || b.comment) || a.publicKey.localeCompare(b.publicKey);
}

/**
 * Bytes per peer per local day, from the hourly tier (which spans the whole retention) and the finer
 * tiers past its watermark. Days are summed in SQL, one query per peer and stretch of constant UTC
 * offset (a year of 200 peers returns ~73,000 rows, not 1.75 million hourly ones). In zones whose
 * midnight is not on a full UTC hour (India, +5:30) a day's edges are those of the hours they fall in.
 */
export function dailyUsage(reader: BucketReader, rid: number, range: TimeRange, series: ReadonlyMap<number, SeriesMeta>, offset: UtcOffset): DailyUsage[] {
  const covered = new Map<number, number>();
  const bytes = new Map<number, Map<number, ByteSums>>();
  const peers = [...series.values()].filter((m) => m.publicKey !== '');
  for (const seg of offsetSegments(range.from, range.to, offset)) {
    // Buckets start at local midnight; keys are local midnights in "local milliseconds" (UTC + offset).
    const grid = { stepMs: DAY_MS, offsetMs: seg.offsetMs };
    const cover = new Map<number, number>();
    reader.cover('hour', rid, seg.from, seg.to, grid, cover);
    for (const [start, ms] of cover) covered.set(start + seg.offsetMs, (covered.get(start + seg.offsetMs) ?? 0) + ms);
    for (const peer of peers) {
      const days = new Map<number, ByteSums>();
      reader.bytes('hour', rid, peer.sid, seg.from, seg.to, grid, days);
      for (const [start, b] of days) {
        let day = bytes.get(start + seg.offsetMs);
        if (!day) bytes.set(start + seg.offsetMs, (day = new Map()));
        add(day, peer.sid, b.rx, b.tx);
      }
    }
  }

  const out: DailyUsage[] = [];
  for (const localMidnight of [...bytes.keys()].sort((a, b) => a - b)) {
    const date = isoDate(localMidnight);
    const coveredMs = covered.get(localMidnight) ?? 0;
    const rows = [...bytes.get(localMidnight)!].flatMap(([sid, b]) => withMeta(series.get(sid), b) ?? []).filter((p) => p.total > 0);
    for (const p of rows.sort(byPeer)) out.push({ ...p, date, coveredMs });
  }
  return out;
}

type CsvKey = 'date' | 'interface' | 'peer' | 'publicKey' | 'rx' | 'tx' | 'total' | 'monitoredHours';

const CSV_COLUMNS: readonly CsvColumn<CsvKey>[] = [
  { key: 'date', header: 'date' },
  { key: 'interface', header: 'interface' },
  { key: 'peer', header: 'peer' },
  { key: 'publicKey', header: 'public key' },
  { key: 'rx', header: 'received from peer (bytes)' },
  { key: 'tx', header: 'sent to peer (bytes)' },
  { key: 'total', header: 'total (bytes)' },
  { key: 'monitoredHours', header: 'monitored hours' },
];

/** Days with no traffic for a peer have no row; `monitored hours` tells "idle" from "not watched". */
export function dailyUsageCsv(rows: readonly DailyUsage[], options: { delimiter?: ',' | ';'; bom?: boolean } = {}): string {
  const csvRows = rows.map((r) => ({
    date: r.date,
    interface: r.interface,
    peer: r.name || r.comment,
    publicKey: r.publicKey,
    rx: r.rx,
    tx: r.tx,
    total: r.total,
    monitoredHours: (r.coveredMs / 3_600_000).toFixed(1),
  }));
  return toCsv(csvRows, CSV_COLUMNS, options);
}
