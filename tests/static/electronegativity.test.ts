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

interface Finding { check: string; file: string; line: number }

interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
}

// SARIF, not CSV: Electronegativity 1.10 writes its CSV header and rows with two unawaited writeFile calls
// (truncate, then append), so under load the header can land last and overwrite the first finding.
// The SARIF report is written in one piece.
function findingsOf(report: Sarif): Finding[] {
  return report.runs.flatMap((run) =>
    run.results.map((r) => {
      const loc = r.locations[0]?.physicalLocation;
      return { check: r.ruleId, file: loc?.artifactLocation.uri ?? '', line: loc?.region.startLine ?? 0 };
    }),
  );
}

describe('Electronegativity', () => {
  it('reports nothing beyond the justified findings', async () => {
    const work = mkdtempSync(join(tmpdir(), 'wiredesk-eneg-'));
    // Scan the Electron layer and the page that carries the CSP, as the packaged app has them.
    cpSync(join(root, 'main'), join(work, 'main'), { recursive: true, filter: (p) => !p.includes(`${join(root, 'main', 'sim')}`) });
    cpSync(join(root, 'renderer', 'index.html'), join(work, 'renderer', 'index.html'));
    const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    const out = join(work, 'report.sarif');
    await run(process.execPath, ['-r', join(root, 'tests/static/offline-got.cjs'), join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', work, '-r', '-e', electronVersion, '-v', 'false', '-o', out], {
      cwd: work,
      timeout: 120_000,
    });
    const findings = findingsOf(JSON.parse(readFileSync(out, 'utf8')) as Sarif);
    const accepted = JSON.parse(readFileSync(join(root, 'docs/decisions/electronegativity-accepted.json'), 'utf8')) as Array<{ check: string; file: string; why: string }>;
    // Proof the scan really ran over our files: the preload finding is expected on every run.
    expect(findings.map((f) => f.check)).toContain('PRELOAD_JS_CHECK');
    const unexplained = findings.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file && a.why.length > 40));
    expect(unexplained, `unjustified Electronegativity findings:\n${JSON.stringify(unexplained, null, 2)}`).toEqual([]);
  }, 180_000);
});
