// What the built main process (out/main, what electron-builder packs) loads: only the app's own dependencies
// and Node built-ins, never a development tool, and none of the test tools that live beside the simulator
// (its real data plane runs `ip`, `wireguard-go` and `nft` as root; its terminal CLI parses arguments). The
// demo router ships; the rest stays in the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../main/sim/cli-args.ts';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, process.env['WIREDESK_OUT'] ?? 'out', 'main');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function bundles(): Array<{ file: string; text: string }> {
  // The test command builds before testing; a missing bundle is a failure, not a skip.
  expect(existsSync(join(out, 'index.js')), 'run `npx electron-vite build` first').toBe(true);
  return readdirSync(out).filter((f) => f.endsWith('.js')).map((file) => ({ file, text: readFileSync(join(out, file), 'utf8') }));
}

/** Module specifiers the bundle imports (static and dynamic), bare names only. */
function imported(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:^|[;\n])\s*import\s[^;]*?from\s*"([^"]+)"|(?:^|[;\n])\s*import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (!spec.startsWith('.')) found.add(spec);
  }
  return [...found];
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec);

describe('the production main bundle', () => {
  it('loads only Node built-ins, electron and packages listed as dependencies (shipped in the app)', () => {
    const outside: string[] = [];
    const all = new Set<string>();
    for (const { file, text } of bundles()) {
      for (const spec of imported(text)) {
        all.add(spec);
        if (isBuiltin(spec) || spec === 'electron') continue;
        if (!(packageOf(spec) in pkg.dependencies)) outside.push(`${file}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
    // The parser above does see the bundle's imports.
    expect([...all]).toEqual(expect.arrayContaining(['better-sqlite3', '@github/keytar', 'electron', 'node:tls']));
    // electron is a devDependency by electron-builder's rule (it brings its own runtime), yet the app imports it.
    for (const dev of Object.keys(pkg.devDependencies).filter((d) => d !== 'electron')) expect([...all].map(packageOf), `devDependency ${dev}`).not.toContain(dev);
  });

  it('carries no test tool: no process spawning (the data plane), no simulator CLI', () => {
    for (const { file, text } of bundles()) {
      expect(imported(text).filter((s) => s === 'node:child_process' || s === 'child_process'), file).toEqual([]);
      expect(text.includes('wireguard-go'), `${file} names wireguard-go`).toBe(false);
      expect(text.includes(HELP.slice(0, 60)), `${file} holds the simulator CLI's help`).toBe(false);
    }
    // The demo router itself is there.
    expect(bundles().some(({ text }) => text.includes('/interface/wireguard/peers'))).toBe(true);
  });
});
