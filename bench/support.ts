// Shared benchmark helpers: median wall time over repeated runs after a warm-up, and a table printer
// that always shows the ratio to a baseline measured in the same run (never an absolute pass/fail).

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

export async function measure(fn: () => unknown, iterations: number): Promise<number> {
  await fn(); // warm-up: JIT, caches
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
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
