// Private key custody: 'stored' keys are sealed with the KeyVault (master key in the OS keychain) and can be
// decrypted later; 'shown-once' keys exist only in the create response. Neither ever reaches the SQLite file
// in clear, nor any list output or event. Rotation makes a new local pair and moves the router to it.
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { publicKeyFromPrivate } from '../../../src/domain/index.ts';
import { DATABASE_FILE } from '../../../main/services/app-services.ts';
import { KeyVault } from '../../../main/secrets/key-vault.ts';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store.ts';
import { openDatabase } from '../../../main/store/db.ts';
import { PeerKeysRepository } from '../../../main/store/peer-keys.ts';
import { allBytesUnder } from '../services/support.ts';
import { collect, managedRouter, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

it('stores one key sealed, shows the other once, and neither is in the database file in clear', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  const events = collect(m.s, 'bulk:progress');
  await m.call('endpoints:set', { routerId, interface: 'wg-office', host: 'vpn.example.com', port: 13231 });
  const stored = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'kept', custody: 'stored', presharedKey: true });
  const once = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'once', custody: 'shown-once' });

  for (const made of [stored, once]) {
    const secret = made.secret!;
    expect(publicKeyFromPrivate(secret.privateKey!)).toEqual({ ok: true, value: made.peer.publicKey });
    expect(secret.config).toContain(`PrivateKey = ${secret.privateKey}`);
    expect(secret.config).toContain('Endpoint = vpn.example.com:13231');
    expect(secret.config).toContain('PersistentKeepalive = 25');
    expect(secret.qr).toMatch(/^data:image\/png;base64,/);
  }
  expect(stored.secret!.config).toContain(`PresharedKey = ${stored.secret!.presharedKey}`);
  expect(m.rows().find((r) => r['name'] === 'once')!['client-endpoint']).toBe('vpn.example.com');

  const list = await m.call('peers:listManaged', { routerId });
  const row = (name: string) => list.rows.find((p) => p.name === name)!;
  expect(row('kept')).toMatchObject({ hasPrivateKey: true, keyCustody: 'stored' });
  expect(row('once')).toMatchObject({ hasPrivateKey: false, keyCustody: 'shown-once' });
  const outputs = JSON.stringify([list, await m.call('peers:exportCsv', { routerId }), await m.call('audit:list', { routerId }), events]);
  for (const secret of [stored.secret!.privateKey!, once.secret!.privateKey!, stored.secret!.presharedKey!]) expect(outputs).not.toContain(secret);

  // The stored key decrypts with the master key from the keychain; the shown-once one is not there at all.
  const db = openDatabase(join(m.dataDir, DATABASE_FILE));
  const keys = new PeerKeysRepository(db, new KeyVault(new KeytarSecretStore()));
  expect(await keys.getPrivateKey(routerId, stored.peer.publicKey)).toBe(stored.secret!.privateKey);
  expect(await keys.getPrivateKey(routerId, once.peer.publicKey)).toBeNull();
  db.close();

  await m.s.shutdown(); // flush the WAL before reading the files
  const bytes = allBytesUnder(m.dataDir);
  for (const secret of [stored.secret!.privateKey!, once.secret!.privateKey!, stored.secret!.presharedKey!]) {
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from(secret, 'base64'))).toBe(false);
  }
});

it('rotates keys: a new local pair, the router gets the new public key, the old key record goes', async () => {
  m = await managedRouter();
  const routerId = m.routerId;
  const made = await m.call('peers:create', { routerId, interface: 'wg-office', name: 'rotate-me' });
  const rotated = await m.call('peers:rotateKeys', { routerId, peerId: made.peer.id, custody: 'shown-once', presharedKey: 'generate' });
  const secret = rotated.secret!;
  expect(rotated.peer.publicKey).not.toBe(made.peer.publicKey);
  expect(publicKeyFromPrivate(secret.privateKey!)).toEqual({ ok: true, value: rotated.peer.publicKey });
  expect(m.rows().find((r) => r['name'] === 'rotate-me')).toMatchObject({ 'public-key': rotated.peer.publicKey, 'preshared-key': secret.presharedKey });
  expect(rotated.peer).toMatchObject({ hasPrivateKey: false, keyCustody: 'shown-once', allowedAddress: made.peer.allowedAddress });
  const audit = await m.call('audit:list', { routerId, actions: ['rotate-keys'] });
  expect(audit.entries[0]).toMatchObject({ outcome: 'ok', before: { publicKey: made.peer.publicKey }, after: { publicKey: rotated.peer.publicKey, psk: 'set' } });
  expect(JSON.stringify(audit)).not.toContain(secret.presharedKey!);
});
