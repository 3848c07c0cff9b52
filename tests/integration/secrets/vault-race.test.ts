// Two processes on one data directory (the app and the browser host, say) start at once and both create the
// key-vault master key, against the real Secret Service. The fixture forces the worst interleaving: without the
// data directory lock the second process overwrites the first one's key after the first sealed a peer key with
// it, and that sealed key never opens again; with the lock (as the app runs) the second waits, finds the first
// one's key and adopts it, so both processes' sealed keys open with the one key the keychain keeps.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyVault } from '../../../main/secrets/key-vault.ts';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store.ts';

const SKIP = process.env.WIREDESK_SKIP_KEYCHAIN_TESTS === '1';
const run = promisify(execFile);
const fixture = fileURLToPath(new URL('./fixtures/vault-race.ts', import.meta.url));
const service = `WireDesk-test-${randomUUID()}`;
const store = new KeytarSecretStore({ service, timeoutMs: 20_000 });
const accounts: string[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const account of accounts) await store.delete(account).catch(() => false);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const context = { routerId: 'r1', publicKey: 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=' };

/** Both processes started together; what each sealed, then opened by a third vault reading the keychain afresh. */
async function race(locking: 'lock' | 'nolock'): Promise<Array<string | null>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-vault-race-'));
  dirs.push(dir);
  const account = `vault-race-${randomUUID()}`;
  accounts.push(account);
  const child = (role: string) => run(process.execPath, ['--disable-warning=ExperimentalWarning', fixture, role, dir, service, account, locking], { encoding: 'utf8', timeout: 30_000 });
  const outputs = await Promise.all([child('first'), child('second')]);
  const after = new KeyVault(store, { account });
  return Promise.all(outputs.map(async ({ stdout }) => {
    const { sealed } = JSON.parse(stdout) as { sealed: string };
    return after.decrypt(sealed, context).catch(() => null);
  }));
}

describe.skipIf(SKIP)('the key-vault master key, created by two processes at once', () => {
  it('without the lock the race is real: the first process sealed with a key the keychain no longer holds', async () => {
    expect(await race('nolock')).toEqual([null, 'secret of second']);
  }, 40_000);

  it('with the data directory lock the second process adopts the first one\'s key, and both sealed keys open', async () => {
    expect(await race('lock')).toEqual(['secret of first', 'secret of second']);
  }, 40_000);
});
