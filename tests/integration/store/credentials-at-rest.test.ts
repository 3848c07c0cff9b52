// The router password must exist only in the keychain: not in the routers table, not anywhere in the
// SQLite file, its WAL or shared-memory index, at any point of an add/edit/remove cycle.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store.ts';
import { RouterCredentials } from '../../../main/secrets/router-credentials.ts';
import { routerPasswordAccount } from '../../../main/secrets/secret-store.ts';
import { RoutersRepository } from '../../../main/store/routers.ts';
import { rawBytes, sampleRouter, tempDb, type TempDb } from './helpers.ts';

const FIRST = 'Sup3r-Secret-Router-Pass!';
const SECOND = 'An0ther-Even-Longer-Passphrase#2';

let t: TempDb;
let secrets: MemorySecretStore;
let creds: RouterCredentials;
beforeEach(() => {
  t = tempDb();
  secrets = new MemorySecretStore();
  creds = new RouterCredentials(new RoutersRepository(t.db), secrets);
});
afterEach(() => t.cleanup());

function expectNoPasswordOnDisk(): void {
  for (const password of [FIRST, SECOND]) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      expect(rawBytes(t.file).includes(Buffer.from(password, encoding)), `${password} (${encoding}) in the database files`).toBe(false);
    }
  }
  if (!t.db.open) return;
  const rows = JSON.stringify(t.db.prepare('SELECT * FROM routers').all());
  expect(rows.includes(FIRST) || rows.includes(SECOND)).toBe(false);
}

describe('router passwords at rest', () => {
  it('never reach the database through a full add / edit / remove cycle', async () => {
    const router = await creds.add(sampleRouter(), FIRST);
    expect(await creds.getPassword(router.id)).toBe(FIRST);
    expectNoPasswordOnDisk();

    await creds.update(router.id, { host: '198.51.100.1' }, SECOND);
    expect(await creds.getPassword(router.id)).toBe(SECOND);
    expectNoPasswordOnDisk();

    await creds.update(router.id, { name: 'Renamed' });
    expect(await creds.getPassword(router.id)).toBe(SECOND);

    expect(await creds.remove(router.id)).toBe(true);
    expect(await creds.getPassword(router.id)).toBeNull();
    expect(secrets.entries().size).toBe(0);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    expectNoPasswordOnDisk();
    t.db.close();
    expectNoPasswordOnDisk();
  });

  it('(control) the byte search does find a string that is in the files', () => {
    t.db.prepare("INSERT INTO settings VALUES ('probe', ?, 0)").run(JSON.stringify(FIRST));
    expect(rawBytes(t.file).includes(FIRST)).toBe(true);
  });

  it('saves nothing when the keychain is unavailable', async () => {
    secrets.simulateUnavailable('locked');
    await expect(creds.add(sampleRouter(), FIRST)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/keychain is locked/) });
    expect(new RoutersRepository(t.db).list()).toEqual([]);
  });

  it('takes the keychain entry back when the database refuses the router', async () => {
    await creds.add(sampleRouter({ name: 'HQ' }), FIRST);
    await expect(creds.add(sampleRouter({ name: 'hq' }), SECOND)).rejects.toMatchObject({ code: 'ROUTER_NAME_TAKEN' });
    expect([...secrets.entries().values()]).toEqual([FIRST]);
  });

  it('restores the previous password when an edit is refused', async () => {
    await creds.add(sampleRouter({ name: 'HQ' }), FIRST);
    const b = await creds.add(sampleRouter({ name: 'Branch' }), FIRST);
    await expect(creds.update(b.id, { name: 'HQ' }, SECOND)).rejects.toMatchObject({ code: 'ROUTER_NAME_TAKEN' });
    expect(await creds.getPassword(b.id)).toBe(FIRST);
  });

  it('keeps the router when its keychain entry cannot be removed', async () => {
    const r = await creds.add(sampleRouter(), FIRST);
    secrets.simulateUnavailable('no-secret-service');
    await expect(creds.remove(r.id)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    secrets.simulateUnavailable(null);
    expect(new RoutersRepository(t.db).get(r.id)).not.toBeNull();
    expect(await creds.getPassword(r.id)).toBe(FIRST);
  });

  it('treats an empty password as none stored', async () => {
    const r = await creds.add(sampleRouter(), '');
    expect(await creds.getPassword(r.id)).toBeNull();
    await creds.update(r.id, {}, FIRST);
    expect(secrets.entries().get(routerPasswordAccount(r.id))).toBe(FIRST);
    await creds.update(r.id, {}, '');
    expect(secrets.entries().size).toBe(0);
  });
});
