// Shared benchmark helpers: median wall time over repeated runs after a warm-up, and a table printer
// that always shows the ratio to a baseline measured in the same run (never an absolute pass/fail); also
// the sample peer keys and the temporary database the benchmarks fill.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../main/store/db.ts';
import { RoutersRepository } from '../main/store/routers.ts';

export interface BenchRow {
  name: string;
  /** Median milliseconds of the measured code (or another `unit`). */
  value: number;
  /** Median milliseconds of the baseline measured in the same run (same unit). */
  baseline: number;
  baselineName: string;
  /** Default 'ms'. */
  unit?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function measure(fn: () => unknown, iterations: number): Promise<number> {
  await fn(); // warm-up: JIT, caches
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * measure() for synchronous work, with no await between runs: sub-millisecond SQLite reads would
 * otherwise be timed with a microtask turn in them.
 */
export function measureSync(fn: () => unknown, iterations: number): number {
  fn(); // warm the statement cache and the page cache
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A distinct, valid-looking WireGuard public key per n. */
export function benchKey(n: number): string {
  const b = Buffer.alloc(32);
  b.writeUInt32BE(n, 0);
  b.writeUInt32BE((0x9e3779b9 ^ n) >>> 0, 28);
  return b.toString('base64');
}

/** A WireDesk database in a temporary folder with one router in it. */
export function tempBenchDatabase(): { db: Db; file: string; routerId: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = openDatabase(file);
  const routerId = new RoutersRepository(db).create({ name: 'Bench', host: '192.0.2.1', port: 8729, transport: 'api-ssl', username: 'bench' }).id;
  return { db, file, routerId, cleanup: () => (db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

export function printTable(title: string, rows: readonly BenchRow[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  for (const r of rows) {
    const ratio = r.baseline > 0 ? r.value / r.baseline : Number.NaN;
    const unit = (r.unit ?? 'ms').padEnd(3);
    console.log(`  ${r.name.padEnd(width)}  ${r.value.toFixed(2).padStart(9)} ${unit}  vs ${r.baseline.toFixed(2).padStart(9)} ${unit}  ratio ${ratio.toFixed(2)}x  (baseline: ${r.baselineName})`);
  }
}
