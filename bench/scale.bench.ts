// Benchmark: the per-refresh and per-change work that grows with the number of peers, at 10,000 peers,
// each against the least work that gives the same answer, measured in the same run:
// - the next free address and pool usage on a /16 with 10,000 taken entries, vs a Set of taken hosts and a
//   linear scan from the first host;
// - overlapping allowed-address across 10,001 peers (the duplicate-address check), vs only sorting the
//   same parsed ranges (what any sweep must do at least);
// - one refresh's write of the local copy at 10,000 peers with 1% of them changed (what the router model
//   hands the store after a poll), vs INSERT OR REPLACE of the same changed rows, as the same JSON text, into
//   a bare two-column table that already holds the same 10,000 rows, one transaction each. Both get the
//   same batch each round, built before the clock starts, and take turns (which goes first alternates),
//   so the machine's noise and the WAL's checkpoints fall on both alike.
import { allocateAddress, findPeerOverlaps, parseCidr, poolUsage } from '../src/domain/index.ts';
import { transaction } from '../main/store/db.ts';
import { LocalCopyRepository, type SavedPeerRow } from '../main/store/local-copy.ts';
import { benchKey, measure, median, tempBenchDatabase, type BenchRow } from './support.ts';

const PEERS = 10_000;

function poolRows(): Promise<BenchRow> {
  const taken: string[] = [];
  for (let i = 2; i < PEERS + 2; i++) taken.push(`10.8.${i >> 8}.${i & 255}/32`);
  taken.reverse();
  const app = () => {
    allocateAddress({ interfaceAddress: '10.8.0.1/16', taken });
    poolUsage({ interfaceAddress: '10.8.0.1/16', taken });
  };
  const baseline = () => {
    const used = new Set<bigint>();
    for (const entry of taken) {
      const cidr = parseCidr(entry);
      if (cidr.ok) used.add(cidr.value.first);
    }
    const first = parseCidr('10.8.0.0/16');
    if (!first.ok) throw new Error('bad subnet');
    let candidate = first.value.first + 2n;
    while (used.has(candidate)) candidate += 1n;
    return candidate;
  };
  return Promise.all([measure(app, 30), measure(baseline, 30)]).then(([value, base]) => ({
    name: `next free address + pool usage, /16, ${PEERS.toLocaleString('en')} taken`,
    value,
    baseline: base,
    baselineName: 'Set of taken hosts + linear scan',
  }));
}

async function overlapRows(): Promise<BenchRow> {
  const peers = Array.from({ length: PEERS }, (_, i) => ({ peer: `p${i}`, allowedAddress: [`10.${(i >> 8) & 255}.${i & 255}.0/24`] }));
  peers.push({ peer: 'dup', allowedAddress: ['10.0.5.7/32'] });
  const found = findPeerOverlaps(peers);
  if (found.length !== 1) throw new Error(`expected one overlap, found ${found.length}`);
  const app = () => findPeerOverlaps(peers);
  const baseline = () => {
    const ranges = peers.flatMap((p) => p.allowedAddress.map((a) => parseCidr(a)).flatMap((r) => (r.ok ? [r.value] : [])));
    return ranges.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  };
  return { name: `allowed-address overlaps, ${(PEERS + 1).toLocaleString('en')} peers`, value: await measure(app, 20), baseline: await measure(baseline, 20), baselineName: 'parse + sort the same ranges' };
}

/** Each refresh writes only the rows that changed: here 1% of 10,000 (a status flip, a renamed peer). */
const CHANGED = PEERS / 100;
const WARM_UP = 10;
const ROUNDS = 100;

async function snapshotRows(): Promise<BenchRow[]> {
  const { db, routerId, cleanup } = tempBenchDatabase();
  try {
    const copy = new LocalCopyRepository(db);
    // Rows as a router prints them.
    const row = (n: number, round: number): SavedPeerRow => ({
      rosId: `*${(n + 1).toString(16).toUpperCase()}`,
      row: {
        '.id': `*${(n + 1).toString(16).toUpperCase()}`,
        interface: n < PEERS / 2 ? 'wg-office' : 'wg-field',
        name: `peer-${n}`,
        'public-key': benchKey(n),
        'allowed-address': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}/32`,
        'persistent-keepalive': '25s',
        rx: String(n * 1000 + round),
        tx: String(n * 2000 + round),
        'last-handshake': `${(n + round) % 120}s`,
        disabled: 'false',
      },
      status: round % 2 === 0 ? 'online' : 'offline',
      presharedKey: 'none',
    });
    copy.write(routerId, { interfaces: null, peers: { upsert: Array.from({ length: PEERS }, (_, n) => row(n, 0)), vanished: [] }, seenAt: 0 });
    db.exec('CREATE TABLE bare (id TEXT PRIMARY KEY, raw TEXT NOT NULL)');
    const insert = db.prepare('INSERT OR REPLACE INTO bare (id, raw) VALUES (?, ?)');
    // Holding the same 10,000 rows as the copy does: replacing into a near-empty table would flatter it.
    transaction(db, () => {
      for (let n = 0; n < PEERS; n++) insert.run(row(n, 0).rosId, JSON.stringify(row(n, 0).row));
    });
    let round = 0;
    let batch: SavedPeerRow[] = [];
    const app = () => copy.write(routerId, { interfaces: null, peers: { upsert: batch, vanished: [] }, seenAt: round });
    const baseline = () => transaction(db, () => {
      for (const r of batch) insert.run(r.rosId, JSON.stringify(r.row));
    });
    const times = { app: [] as number[], baseline: [] as number[] };
    const timed = (fn: () => void, into: number[] | null) => {
      const start = performance.now();
      fn();
      into?.push(performance.now() - start);
    };
    for (let i = 0; i < WARM_UP + ROUNDS; i++) {
      round += 1;
      batch = Array.from({ length: CHANGED }, (_, j) => row((j * 97 + round * 13) % PEERS, round));
      const warm = i < WARM_UP;
      const turns: Array<[() => void, number[] | null]> = [[app, warm ? null : times.app], [baseline, warm ? null : times.baseline]];
      if (i % 2 === 1) turns.reverse();
      for (const [fn, into] of turns) timed(fn, into);
    }
    const value = median(times.app);
    const base = median(times.baseline);
    return [{
      name: `local copy: one refresh of ${PEERS.toLocaleString('en')} peers with ${CHANGED} changed`,
      value,
      baseline: base,
      baselineName: `INSERT OR REPLACE of the ${CHANGED} changed JSON rows`,
    }];
  } finally {
    cleanup();
  }
}

export async function run(): Promise<BenchRow[]> {
  return [await poolRows(), await overlapRows(), ...(await snapshotRows())];
}
