// Runs the system tools of the data plane (ip, wg) and reports failures with their stderr.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** For exit-time cleanup, where nothing asynchronous runs any more. Failures are ignored: best effort. */
export function runQuietSync(command: string, args: readonly string[]): void {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    // Already gone.
  }
}

/**
 * Runs `use` with a file holding `text` (mode 0600 in a private directory), removed afterwards. `wg` reads keys
 * and configs from files; /dev/stdin does not work because Node hands children a socket, not a pipe.
 */
export async function withSecretFile<T>(text: string, use: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'wdsim-'));
  const path = join(dir, 'wg.conf');
  try {
    writeFileSync(path, text, { mode: 0o600 });
    return await use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
