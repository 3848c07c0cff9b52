// Monitoring benchmark (prints figures, asserts nothing). Run: node bench/monitoring.bench.ts
//   1. One poll of 1,000 peers, RouterOS-style rows to committed samples, against a bare INSERT of the
//      same 1,000 rows in one transaction, measured in the same run.
//   2. A year of history for 200 peers (every kept tier, generated directly), then 30-day and 1-year
//      graphs of one peer and one interface, against a bare count(*) over the same rows.
//   3. The database file size after that year.
// Every peer moves bytes in every bucket (keepalives alone do that), so sizes are the worst case.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { transaction, type Db } from '../main/store/db.ts';
import { DEFAULT_RETENTION, RouterPoller, TrafficHistory, type PeerRow } from '../main/monitoring/index.ts';
import { benchKey, measureSync, median, tempBenchDatabase } from './support.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface BenchLine {
  readonly name: string;
  readonly ms: number;
  readonly baselineMs?: number;
}

export interface MonitoringBenchResult {
  readonly lines: BenchLine[];
  readonly fileBytes: number;
  readonly tableBytes: Record<string, number>;
}

/** Peer rows as RouterOS prints them, counters `poll` polls in. */
function peerRows(count: number, poll: number): PeerRow[] {
  const rows: PeerRow[] = [];
  for (let i = 0; i < count; i++) {
    const rx = BigInt(1_000_000_000 + i * 7_919) + BigInt(poll) * BigInt(1_000 + (i % 97) * 1_000);
    const tx = BigInt(500_000_000 + i * 104_729) + BigInt(poll) * BigInt(300 + (i % 31) * 2_000);
    rows.push({
      '.id': `*${(i + 1).toString(16).toUpperCase()}`, interface: `wg${i % 4}`, 'public-key': benchKey(i), name: `peer-${i}`, comment: '',
      rx: rx.toString(), tx: tx.toString(), 'last-handshake': `${(poll * 5 + i) % 150}s`, disabled: 'false',
      'current-endpoint-address': `198.51.100.${i % 250}`, 'current-endpoint-port': String(40_000 + i),
    });
  }
  return rows;
}

async function benchPoll(lines: BenchLine[]): Promise<void> {
  const peers = 1_000;
  const polls = 12 * 61; // a little over an hour: typical polls, minute closes and one hour close
  const { db, routerId, cleanup } = tempBenchDatabase();
  try {
    const prepared = Array.from({ length: polls }, (_, i) => peerRows(peers, i));
    let now = Date.UTC(2025, 0, 6, 0, 0, 2_500);
    let current: PeerRow[] = [];
    const poller = new RouterPoller({ db, routerId, source: { readPeers: async () => current }, now: () => now });
    const typical: number[] = [];
    const minuteClose: number[] = [];
    const hourClose: number[] = [];
    for (let i = 0; i < polls; i++) {
      current = prepared[i]!;
      const closes = i > 0 ? [Math.floor(now / HOUR) !== Math.floor((now - 5_000) / HOUR), Math.floor(now / MINUTE) !== Math.floor((now - 5_000) / MINUTE)] : [false, false];
      const start = performance.now();
      await poller.pollOnce();
      const ms = performance.now() - start;
      if (i >= 12) (closes[0] ? hourClose : closes[1] ? minuteClose : typical).push(ms);
      now += 5_000;
    }

    // Baseline: the same 1,000 rows (as numbers) into a table shaped like mon_raw, in one transaction.
    db.exec('CREATE TABLE bench_raw (rid INTEGER NOT NULL, t INTEGER NOT NULL, sid INTEGER NOT NULL, rx INTEGER NOT NULL, tx INTEGER NOT NULL, PRIMARY KEY (rid, t, sid)) STRICT, WITHOUT ROWID');
    const insert = db.prepare('INSERT INTO bench_raw VALUES (?, ?, ?, ?, ?)');
    const values = prepared[1]!.map((r, sid) => [Number(r.rx) % 1_000_000, Number(r.tx) % 1_000_000, sid] as const);
    let t = 0;
    const bare = measureSync(() => {
      t += 5_000;
      transaction(db, () => {
        for (const [rx, tx, sid] of values) insert.run(1, t, sid, rx, tx);
      });
    }, 200);

    lines.push({ name: `poll ${peers} peers (typical)`, ms: median(typical), baselineMs: bare });
    lines.push({ name: `poll ${peers} peers (closes a minute)`, ms: median(minuteClose), baselineMs: bare });
    lines.push({ name: `poll ${peers} peers (closes an hour)`, ms: median(hourClose), baselineMs: bare });
  } finally {
    cleanup();
  }
}

interface YearDb {
  db: Db;
  file: string;
  routerId: string;
  now: number;
  cleanup(): void;
}

/** Bytes per minute of series `s` during hour `h`: a daily curve, constant within the hour so tiers agree exactly. */
function perMinute(s: number, h: number): number {
  const hourOfDay = h % 24;
  const daytime = hourOfDay >= 8 && hourOfDay < 20 ? 4 : 1;
  return 12 * (1_000 + ((s * 7_919 + h * 31) % 50_000)) * daytime;
}

/** A year for 200 peers on 4 interfaces, written straight into the tiers the monitor keeps. */
function generateYear(): YearDb {
  const { db, file, routerId, cleanup } = tempBenchDatabase();
  const peers = 200;
  const interfaces = 4;
  const now = Date.UTC(2025, 11, 31, 12, 0, 0) + 2_500;
  const rolledMinute = Math.floor(now / MINUTE) * MINUTE;
  const rolledHour = Math.floor(now / HOUR) * HOUR;
  db.prepare('INSERT INTO mon_routers (rid, router_id, reachability, reachability_at, last_poll_at, rolled_minute, rolled_hour) VALUES (1, ?, ?, ?, ?, ?, ?)')
    .run(routerId, 'reachable', now - 365 * DAY, now, rolledMinute, rolledHour);
  const addSeries = db.prepare('INSERT INTO mon_series (sid, rid, interface, public_key, name, first_seen, status, status_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)');
  // sids 1..4 are the interfaces, 5.. the peers; a peer's interface is (peer % 4).
  const members: number[][] = Array.from({ length: interfaces }, () => []);
  transaction(db, () => {
    for (let i = 0; i < interfaces; i++) addSeries.run(i + 1, `wg${i}`, '', '', now - 365 * DAY, null, null);
    for (let p = 0; p < peers; p++) {
      const sid = interfaces + 1 + p;
      members[p % interfaces]!.push(sid);
      addSeries.run(sid, `wg${p % interfaces}`, benchKey(p), `peer-${p}`, now - 365 * DAY, 'online', now - DAY);
    }
  });
  const seriesValue = (sid: number, h: number): number =>
    sid <= interfaces ? members[sid - 1]!.reduce((sum, m) => sum + perMinute(m, h), 0) : perMinute(sid, h);
  const allSids = Array.from({ length: peers + interfaces }, (_, i) => i + 1);

  const firstHour = Math.floor((now - 365 * DAY) / HOUR);
  const firstMinute = Math.floor((now - DEFAULT_RETENTION.minuteMs) / MINUTE);
  const hourRow = db.prepare('INSERT INTO mon_hour VALUES (?, ?, ?, ?)');
  const minuteRow = db.prepare('INSERT INTO mon_minute VALUES (?, ?, ?, ?)');
  const rawRow = db.prepare('INSERT INTO mon_raw VALUES (1, ?, ?, ?, ?)');
  transaction(db, () => {
    // Time-major, as rollups write them (every series' row for a bucket, bucket after bucket): pages
    // split the way they do in use, so the file size is the real one, not that of a perfectly packed file.
    for (let h = firstHour; h < rolledHour / HOUR; h++) {
      for (const sid of allSids) {
        const v = seriesValue(sid, h) * 60;
        hourRow.run(sid, h, v, Math.floor(v / 4));
      }
    }
    for (let m = firstMinute; m < rolledMinute / MINUTE; m++) {
      for (const sid of allSids) {
        const v = seriesValue(sid, Math.floor(m / 60));
        minuteRow.run(sid, m, v, Math.floor(v / 4));
      }
    }
    const coverHour = db.prepare('INSERT INTO mon_cover_hour VALUES (1, ?, ?)');
    for (let h = firstHour; h < rolledHour / HOUR; h++) coverHour.run(h, HOUR);
    const coverMinute = db.prepare('INSERT INTO mon_cover_minute VALUES (1, ?, ?)');
    for (let m = firstMinute; m < rolledMinute / MINUTE; m++) coverMinute.run(m, MINUTE);
    const poll = db.prepare('INSERT INTO mon_polls VALUES (1, ?, 5000)');
    // Raw: a row per series per 5-second poll, the last 2 hours (time-first, as polls write them).
    for (let t = now - DEFAULT_RETENTION.rawMs; t <= now; t += 5_000) {
      poll.run(t);
      for (const sid of allSids) {
        const v = seriesValue(sid, Math.floor(t / HOUR)) / 12;
        rawRow.run(t, sid, v, Math.floor(v / 4));
      }
    }
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, file, routerId, now, cleanup };
}

function benchYear(lines: BenchLine[]): { fileBytes: number; tableBytes: Record<string, number> } {
  const started = performance.now();
  const year = generateYear();
  const generatedMs = performance.now() - started;
  try {
    const { db, routerId, now } = year;
    const history = new TrafficHistory({ db, now: () => now });
    const peer = { routerId, interface: 'wg1', publicKey: benchKey(1) };
    const iface = { routerId, interface: 'wg1' };
    const peerSid = 4 + 1 + 1;
    const ifaceSid = 2;
    const count = db.prepare<[number, number, number], number>('SELECT count(*) FROM mon_hour WHERE sid = ? AND hour >= ? AND hour < ?').pluck();
    const countMinutes = db.prepare<[number, number, number], number>('SELECT count(*) FROM mon_minute WHERE sid = ? AND minute >= ? AND minute < ?').pluck();
    const hours = (span: number): [number, number] => [Math.floor((now - span) / HOUR), Math.ceil(now / HOUR)];
    const minutes = (span: number): [number, number] => [Math.floor((now - span) / MINUTE), Math.ceil(now / MINUTE)];

    for (const [label, ref, sid] of [['peer', peer, peerSid], ['interface', iface, ifaceSid]] as const) {
      lines.push({ name: `30-day graph, one ${label}`, ms: measureSync(() => history.series(ref, '30d'), 50), baselineMs: measureSync(() => count.get(sid, ...hours(30 * DAY)), 50) });
      lines.push({ name: `1-year graph, one ${label}`, ms: measureSync(() => history.series(ref, '1y'), 20), baselineMs: measureSync(() => count.get(sid, ...hours(365 * DAY)), 20) });
    }
    lines.push({ name: '24-hour graph, one peer', ms: measureSync(() => history.series(peer, '24h'), 50), baselineMs: measureSync(() => countMinutes.get(peerSid, ...minutes(DAY)), 50) });
    lines.push({ name: '7-day graph, one peer', ms: measureSync(() => history.series(peer, '7d'), 20), baselineMs: measureSync(() => countMinutes.get(peerSid, ...minutes(7 * DAY)), 20) });
    lines.push({ name: 'live 15 min, one peer (raw)', ms: measureSync(() => history.live(peer), 50) });
    lines.push({ name: 'top talkers, 30 days', ms: measureSync(() => history.topTalkers(routerId, '30d'), 5) });
    lines.push({ name: 'daily usage CSV, 1 year x 200 peers', ms: measureSync(() => history.usageCsv(routerId, '1y', { utcOffset: () => 180 }), 2) });
    lines.push({ name: 'generate the year (not the product)', ms: generatedMs });

    const tableBytes: Record<string, number> = {};
    for (const r of db.prepare<[], { name: string; bytes: number }>("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'mon_%' OR name LIKE 'sqlite_autoindex_mon_%' GROUP BY name").all()) {
      tableBytes[r.name] = r.bytes;
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { fileBytes: fs.statSync(year.file).size, tableBytes };
  } finally {
    year.cleanup();
  }
}

function print(result: MonitoringBenchResult): void {
  const rows = result.lines.map((l) => [
    l.name,
    l.ms.toFixed(2),
    l.baselineMs === undefined ? '' : l.baselineMs.toFixed(3),
    l.baselineMs === undefined ? '' : `${(l.ms / l.baselineMs).toFixed(1)}x`,
  ]);
  const header = ['monitoring', 'median ms', 'baseline ms', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const mb = (b: number): string => `${(b / 1_048_576).toFixed(1)} MiB`;
  const tables = Object.entries(result.tableBytes).sort((a, b) => b[1] - a[1]).filter(([, b]) => b >= 65_536);
  console.log(`database after a year of 200 peers: ${mb(result.fileBytes)} (${tables.map(([n, b]) => `${n} ${mb(b)}`).join(', ')})`);
  console.log('baselines: bare INSERT of the same 1,000 rows in one transaction; bare count(*) over the same rows');
}

export async function run(): Promise<MonitoringBenchResult> {
  const lines: BenchLine[] = [];
  await benchPoll(lines);
  const { fileBytes, tableBytes } = benchYear(lines);
  const result = { lines, fileBytes, tableBytes };
  print(result);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await run();
