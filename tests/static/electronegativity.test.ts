// Runs Doyensec's Electronegativity offline over the Electron code and the renderer page. Every finding
// must be listed, with its justification, in docs/decisions/electronegativity-accepted.json.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Finding { check: string; file: string; location: string; sample: string }

function parseCsv(text: string): Finding[] {
  const lines = text.trim().split('\n').slice(1);
  return lines.map((line) => {
    const cells = [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
    return { check: cells[0]!, file: cells[3]!, location: cells[4]!, sample: cells[5]! };
  });
}

describe('Electronegativity', () => {
  it('reports nothing beyond the justified findings', async () => {
    const work = mkdtempSync(join(tmpdir(), 'wiredesk-eneg-'));
    // Scan the Electron layer and the page that carries the CSP, as the packaged app has them.
    cpSync(join(root, 'main'), join(work, 'main'), { recursive: true, filter: (p) => !p.includes(`${join(root, 'main', 'sim')}`) });
    cpSync(join(root, 'renderer', 'index.html'), join(work, 'renderer', 'index.html'));
    const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    const out = join(work, 'report.csv');
    await run(process.execPath, ['-r', join(root, 'tests/static/offline-got.cjs'), join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', work, '-r', '-e', electronVersion, '-v', 'false', '-o', out], {
      cwd: work,
      timeout: 120_000,
    });
    const findings = parseCsv(readFileSync(out, 'utf8'));
    const accepted = JSON.parse(readFileSync(join(root, 'docs/decisions/electronegativity-accepted.json'), 'utf8')) as Array<{ check: string; file: string; why: string }>;
    // Proof the scan really ran over our files: the preload finding is expected on every run.
    expect(findings.map((f) => f.check)).toContain('PRELOAD_JS_CHECK');
    const unexplained = findings.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file && a.why.length > 40));
    expect(unexplained, `unjustified Electronegativity findings:\n${JSON.stringify(unexplained, null, 2)}`).toEqual([]);
  }, 180_000);
});
