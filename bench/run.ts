// `npm run bench`: runs every bench/*.bench.ts. Each prints its figures as ratios against a baseline
// measured in the same run, so results compare across machines; nothing here passes or fails.
import { readdirSync } from 'node:fs';
import { printTable, type BenchRow } from './support.ts';

const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

console.log(`WireDesk benchmarks on Node ${process.version}, ${process.platform}/${process.arch}`);
for (const file of files) {
  const mod = (await import(`./${file}`)) as { run?: () => Promise<unknown> };
  if (typeof mod.run !== 'function') continue;
  const result = await mod.run();
  if (Array.isArray(result) && result.every((r) => typeof (r as BenchRow).baseline === 'number')) printTable(file.replace('.bench.ts', ''), result as BenchRow[]);
}
