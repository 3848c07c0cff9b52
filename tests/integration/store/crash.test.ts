// Kills a writer process with SIGKILL (no chance to clean up) and checks that SQLite's WAL recovery
// leaves an intact database holding every committed transaction and nothing of the interrupted one.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/db.ts';
import { tempDb, type TempDb } from './helpers.ts';

const WRITER = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));

let t: TempDb;
beforeEach(() => {
  t = tempDb();
  t.db.close(); // the child process is the only writer
});
afterEach(() => t.cleanup());

/** Starts the writer and calls `onLine` for each line it prints; resolves when it exits. */
function startWriter(mode: 'mid' | 'loop', onLine: (line: string, child: ChildProcess) => void): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', WRITER, mode, t.file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let pending = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line, child);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, stderr }));
  });
}

function checkIntact(): ReturnType<typeof openDatabase> {
  const db = openDatabase(t.file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

describe('crash consistency', () => {
  it('a process killed inside a transaction leaves none of its rows and all committed ones', async () => {
    let walBytesAtKill = 0;
    const exit = await startWriter('mid', (line, child) => {
      if (line === 'MID') {
        walBytesAtKill = fs.statSync(`${t.file}-wal`).size;
        child.kill('SIGKILL');
      }
    });
    expect(exit.signal, exit.stderr).toBe('SIGKILL');
    // The interrupted transaction really had reached the disk (spilled into the WAL) when it died.
    expect(walBytesAtKill).toBeGreaterThan(1_000_000);

    const db = checkIntact();
    const count = (iface: string) => db.prepare<[string], number>('SELECT count(*) FROM peers WHERE interface = ?').pluck().get(iface);
    expect(count('committed')).toBe(300);
    expect(count('uncommitted')).toBe(0);
    db.close();
  });

  it('repeated kills at random moments always leave a whole sync, never a mix', async () => {
    for (let round = 0; round < 4; round++) {
      let lastCommitted = 0;
      let killAfter = 0;
      const exit = await startWriter('loop', (line, child) => {
        const gen = Number(/^GEN (\d+)$/.exec(line)?.[1] ?? NaN);
        if (Number.isNaN(gen)) return;
        lastCommitted = gen;
        if (killAfter === 0) {
          killAfter = gen;
          // Some time into the next syncs: somewhere in a transaction or its commit.
          setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 200);
        }
      });
      expect(exit.signal, exit.stderr).toBe('SIGKILL');

      const db = checkIntact();
      const gens = db.prepare<[], number>("SELECT DISTINCT CAST(json_extract(raw_json, '$.gen') AS INTEGER) FROM peers").pluck().all();
      expect(gens, `round ${round}: peers from more than one sync`).toHaveLength(1);
      expect(db.prepare('SELECT count(*) FROM peers').pluck().get()).toBe(2_000);
      // Every sync the child reported as committed survived the kill.
      expect(gens[0]).toBeGreaterThanOrEqual(lastCommitted);
      db.close();
    }
  });
});
