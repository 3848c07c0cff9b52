// The fields a peer gets depend on the router's version: no names before 7.15 (the name goes in the
// comment), no client-* settings before 7.12, is-responder in 7.15-7.16, responder from 7.17,
// client-allowed-address from 7.21. Sending a field a version lacks would fail the whole command.
import { afterEach, describe, expect, it } from 'vitest';
import { managedRouter, type Managed } from './support.ts';

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

async function createOn(version: string) {
  m = await managedRouter({ version, peers: 2 });
  const result = await m.call('peers:create', { routerId: m.routerId, interface: 'wg-office', name: 'ver-test', comment: 'note', client: { dns: '10.10.0.1' } });
  const row = m.rows().find((r) => r['public-key'] === result.peer.publicKey)!;
  return { result, row };
}

describe('version-dependent peer fields', () => {
  it('7.11: name kept as the comment, no client fields, no responder', async () => {
    const { result, row } = await createOn('7.11');
    expect(row['name']).toBeUndefined();
    expect(row['comment']).toBe('ver-test - note');
    expect(row['client-address']).toBeUndefined();
    expect(row['is-responder'] ?? row['responder']).toBeUndefined();
    expect(result.peer.client).toBeNull();
    expect(result.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['NAME_AS_COMMENT', 'FIELD_UNSUPPORTED']));
  });

  it('7.12: client-address, client-dns, client-endpoint, client-keepalive; still no name', async () => {
    const { result, row } = await createOn('7.12');
    expect(row).toMatchObject({ comment: 'ver-test - note', 'client-address': result.peer.allowedAddress[0], 'client-dns': '10.10.0.1', 'client-keepalive': '25s' });
    expect(row['name']).toBeUndefined();
    expect(row['client-allowed-address']).toBeUndefined();
  });

  it('7.15: name and is-responder', async () => {
    const { row } = await createOn('7.15');
    expect(row).toMatchObject({ name: 'ver-test', comment: 'note', 'is-responder': 'true' });
    expect(row['responder']).toBeUndefined();
  });

  it('7.17: responder (is-responder is gone)', async () => {
    const { result, row } = await createOn('7.17');
    expect(row).toMatchObject({ name: 'ver-test', responder: 'true' });
    expect(row['is-responder']).toBeUndefined();
    expect(result.peer.responder).toBe(true);
  });

  it('7.21: client-allowed-address matches the config WireDesk builds', async () => {
    const { row } = await createOn('7.21');
    expect(row).toMatchObject({ name: 'ver-test', responder: 'true', 'client-allowed-address': '0.0.0.0/0,::/0' });
  });
});
