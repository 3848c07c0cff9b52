import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../../main/store/audit.ts';
import { EndpointsRepository } from '../../../main/store/endpoints.ts';
import { ClientRoutesRepository } from '../../../main/store/client-routes.ts';
import { StoreError } from '../../../main/store/errors.ts';
import { ImportJobsRepository } from '../../../main/store/import-jobs.ts';
import { PeerKeysRepository } from '../../../main/store/peer-keys.ts';
import { ReservationsRepository } from '../../../main/store/reservations.ts';
import { RoutersRepository } from '../../../main/store/routers.ts';
import { LocalCopyRepository } from '../../../main/store/local-copy.ts';
import { KeyVault } from '../../../main/secrets/key-vault.ts';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store.ts';
import { fakeClock, sampleRouter, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
let clock: ReturnType<typeof fakeClock>;
let routers: RoutersRepository;
beforeEach(() => {
  t = tempDb();
  clock = fakeClock();
  routers = new RoutersRepository(t.db, { now: clock.now });
});
afterEach(() => t.cleanup());

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof StoreError ? err.code : `not a StoreError: ${String(err)}`;
  }
  return undefined;
}

describe('RoutersRepository', () => {
  it('creates, reads, lists, updates and removes routers', () => {
    const a = routers.create(sampleRouter({ name: '  HQ ', tlsFingerprint: 'AB:'.repeat(31) + 'AB' }));
    expect(a).toMatchObject({ name: 'HQ', host: '192.0.2.10', port: 8729, transport: 'api-ssl', username: 'wiredesk', allowAnonymousTls: false, sortOrder: 0, createdAt: clock.now(), lastConnectedAt: null });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.tlsFingerprint).toBe('ab'.repeat(32));
    const b = routers.create(sampleRouter({ name: 'Branch', transport: 'api', port: 8728, allowAnonymousTls: true }));
    expect(b.sortOrder).toBe(1);
    expect(routers.get(a.id)).toEqual(a);
    expect(routers.getByName('hq')?.id).toBe(a.id);
    expect(routers.list().map((r) => r.name)).toEqual(['HQ', 'Branch']);

    clock.advance(1000);
    const edited = routers.update(a.id, { host: 'hq.example.net', tlsFingerprint: null });
    expect(edited).toMatchObject({ host: 'hq.example.net', tlsFingerprint: null, updatedAt: clock.now(), createdAt: a.createdAt });
    expect(routers.get(a.id)).toEqual(edited);

    expect(routers.remove(a.id)).toBe(true);
    expect(routers.remove(a.id)).toBe(false);
    expect(routers.list().map((r) => r.name)).toEqual(['Branch']);
  });

  it('keeps names unique regardless of case, with a message naming the router', () => {
    routers.create(sampleRouter({ name: 'HQ' }));
    const other = routers.create(sampleRouter({ name: 'Branch' }));
    expect(codeOf(() => routers.create(sampleRouter({ name: 'hq' })))).toBe('ROUTER_NAME_TAKEN');
    expect(codeOf(() => routers.update(other.id, { name: 'Hq' }))).toBe('ROUTER_NAME_TAKEN');
    expect(() => routers.create(sampleRouter({ name: 'HQ' }))).toThrow('A router named "HQ" already exists');
  });

  it('validates what the technician typed', () => {
    expect(codeOf(() => routers.create(sampleRouter({ name: ' ' })))).toBe('INVALID_INPUT');
    expect(codeOf(() => routers.create(sampleRouter({ host: '' })))).toBe('INVALID_INPUT');
    expect(codeOf(() => routers.create(sampleRouter({ port: 70000 })))).toBe('INVALID_INPUT');
    expect(codeOf(() => routers.create(sampleRouter({ tlsFingerprint: 'abc' })))).toBe('INVALID_INPUT');
    expect(codeOf(() => routers.create(sampleRouter({ transport: 'ssh' as 'api' })))).toBe('INVALID_INPUT');
    expect(codeOf(() => routers.update('missing', { name: 'x' }))).toBe('NOT_FOUND');
    expect(routers.list()).toEqual([]);
  });

  it('records what the router reported on connect', () => {
    const r = routers.create(sampleRouter());
    clock.advance(5000);
    const after = routers.recordConnection(r.id, { routerosVersion: '7.16.2', identity: 'hq-gw', board: 'RB5009UG+S+' });
    expect(after).toMatchObject({ routerosVersion: '7.16.2', identity: 'hq-gw', board: 'RB5009UG+S+', lastConnectedAt: clock.now(), updatedAt: r.updatedAt });
  });

  it('reorders', () => {
    const [a, , c] = ['A', 'B', 'C'].map((name) => routers.create(sampleRouter({ name })));
    routers.reorder([c!.id, a!.id]);
    expect(routers.list().map((r) => r.name)).toEqual(['C', 'A', 'B']);
  });

  it('has no column that could hold a password', () => {
    const columns = t.db.prepare<[], string>("SELECT name FROM pragma_table_info('routers')").pluck().all();
    expect(columns.filter((c) => /pass|secret|pwd|key/i.test(c))).toEqual([]);
  });

  it("removing a router removes its snapshots, keys, reservations, endpoints, client routes and import jobs, but not the audit trail", async () => {
    const r = routers.create(sampleRouter());
    const keep = routers.create(sampleRouter({ name: 'Other' }));
    for (const id of [r.id, keep.id]) {
      new LocalCopyRepository(t.db).write(id, {
        interfaces: { upsert: [{ rosId: '*1', row: { '.id': '*1', name: 'wg0', 'public-key': 'S'.repeat(43) + '=' }, addresses: ['10.8.0.1/24'], dynamic: false }], vanished: [] },
        peers: { upsert: [{ rosId: '*2', row: { '.id': '*2', interface: 'wg0', 'public-key': 'P'.repeat(43) + '=', name: 'laptop' }, status: 'online', presharedKey: 'none' }], vanished: [] },
        seenAt: 1,
      });
      await new PeerKeysRepository(t.db, new KeyVault(new MemorySecretStore())).store(id, 'P'.repeat(43) + '=', 'K'.repeat(43) + '=');
      new ReservationsRepository(t.db).reserve(id, 'wg0', '10.8.0.9/32');
      new EndpointsRepository(t.db).set(id, 'wg0', { host: 'vpn.example.net', port: 13231 });
      new ClientRoutesRepository(t.db).set(id, 'wg0', ['10.8.0.0/24', '192.168.88.0/24']);
      new ImportJobsRepository(t.db).create(id, 'wg0', [{ name: 'a' }]);
    }
    new AuditRepository(t.db).append({ routerId: r.id, routerName: r.name, action: 'create', objectType: 'router', objectId: r.id, objectName: r.name, outcome: 'ok' });

    expect(routers.remove(r.id)).toBe(true);
    const count = (table: string, column = 'router_id') => t.db.prepare<[string], number>(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck().get(r.id);
    for (const table of ['interfaces', 'peers', 'router_copies', 'peer_keys', 'reservations', 'endpoints', 'client_routes', 'import_jobs']) expect(count(table), table).toBe(0);
    expect(new ClientRoutesRepository(t.db).get(keep.id, 'wg0')?.routes).toEqual(['10.8.0.0/24', '192.168.88.0/24']);
    expect(t.db.prepare('SELECT count(*) FROM import_job_rows').pluck().get()).toBe(1); // the other router's
    const audit = new AuditRepository(t.db).query({ routerId: r.id });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]?.routerName).toBe('Branch office');
    expect(count('peers')).toBe(0);
    expect(t.db.prepare<[string], number>('SELECT count(*) FROM peers WHERE router_id = ?').pluck().get(keep.id)).toBe(1);
  });
});
