// Runs the real command-line tools the config tests prove their output with, and says which apt package to
// install when one is missing instead of failing with a bare ENOENT.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PACKAGES: Readonly<Record<string, string>> = {
  zbarimg: 'zbar-tools',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  'rsvg-convert': 'librsvg2-bin',
  unzip: 'unzip',
};

export interface ToolRun {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs `tool`; throws only when it cannot start. The caller judges the exit status. */
export function runTool(tool: string, args: readonly string[], options: { cwd?: string } = {}): ToolRun {
  const result = spawnSync(tool, args, { cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    const hint = PACKAGES[tool] ? ` Install it with: apt-get install -y ${PACKAGES[tool]}` : '';
    throw new Error(`Cannot run ${tool}: ${result.error.message}.${hint}`);
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** Like runTool, but a non-zero exit is a test failure with the tool's own words. */
export function runToolOk(tool: string, args: readonly string[], options: { cwd?: string } = {}): Buffer {
  const run = runTool(tool, args, options);
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited with ${run.status}: ${run.stderr.trim()}`);
  return run.stdout;
}

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `wiredesk-${prefix}-`));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
