// Starts the BUILT main process (out/main/index.js, as `npm start` runs it) under Node with a fake
// `electron` module: the app must take the single-instance lock, open its services (SQLite, keychain,
// the demo router on first run), create one guarded, sandboxed window on the bundled page, register a
// handler for every contract channel that answers only its own window's top-level frame, and shut down
// cleanly on quit.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../src/contract/names.ts';

const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

describe('built main process with a fake electron', () => {
  it('starts, opens a secure window, registers every channel, and quits cleanly', async () => {
    // The test command builds before testing; a missing bundle is a failure, not a skip.
    expect(existsSync(join(root, 'out/main/index.js')), 'run `npx electron-vite build` first').toBe(true);
    const userData = mkdtempSync(join(tmpdir(), 'wiredesk-main-'));
    try {
      const { stdout } = await run(process.execPath, ['--import', join(root, 'tests/static/fake-electron/register.mjs'), join(root, 'out/main/index.js')], {
        cwd: root,
        env: { ...process.env, FAKE_ELECTRON_USER_DATA: userData, NODE_ENV: 'production' },
        timeout: 60_000,
      });
      const line = stdout.split('\n').find((l) => l.startsWith('FAKE-ELECTRON-REPORT '));
      expect(line, stdout).toBeDefined();
      const report = JSON.parse(line!.slice('FAKE-ELECTRON-REPORT '.length)) as {
        singleInstance: boolean;
        windows: Array<{ options: { webPreferences: Record<string, unknown> }; loaded: string; loadedExists: boolean; preloadExists: boolean; iconExists: boolean; guarded: boolean }>;
        handled: string[];
        permissionHandlers: number;
        ipc: Record<string, string>;
        quit: boolean;
        errors: string[];
      };
      expect(report.errors).toEqual([]);
      expect(report.singleInstance).toBe(true);
      expect(report.permissionHandlers).toBe(2);
      expect(report.windows).toHaveLength(1);
      const win = report.windows[0]!;
      expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
      expect(win.loaded).toMatch(/out[\\/]renderer[\\/]index\.html$/);
      expect(win).toMatchObject({ loadedExists: true, preloadExists: true, iconExists: true, guarded: true });
      expect([...report.handled].sort()).toEqual([...INVOKE_CHANNELS].sort());
      // The sender check as main/index.ts wires it: our window's top frame only; an iframe in our window,
      // a frame that is gone and another webContents showing our page are all refused.
      expect(report.ipc).toEqual({ topFrame: 'ok', subframe: 'FORBIDDEN', goneFrame: 'FORBIDDEN', otherWebContents: 'FORBIDDEN' });
      expect(report.quit).toBe(true);
      // First run: the database exists in the user-data folder (the demo router was added there).
      expect(existsSync(join(userData, 'wiredesk.sqlite'))).toBe(true);
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  }, 90_000);
});
