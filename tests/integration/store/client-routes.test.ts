// The client routes remembered per interface (what its client configs put in AllowedIPs): one list per
// interface, following a rename and a deletion of the interface and the removal of its router; schema 9 adds
// the table to a database that has everything else already.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientRoutesRepository } from '../../../main/store/client-routes.ts';
import { openDatabase } from '../../../main/store/db.ts';
import { EndpointsRepository } from '../../../main/store/endpoints.ts';
import { MIGRATIONS } from '../../../main/store/migrations.ts';
import { RoutersRepository } from '../../../main/store/routers.ts';
import { addRouter, tempDb, type TempDb } from './helpers.ts';

const SPLIT = ['10.10.0.0/24', 'fd12:3456:789a:1::/64', '192.168.88.0/24'];

let t: TempDb;
let routerId: string;
beforeEach(() => {
  t = tempDb();
  routerId = addRouter(t.db).id;
});
afterEach(() => t.cleanup());

describe('ClientRoutesRepository', () => {
  it('remembers one list per interface, in order, and forgets it (back to the full tunnel)', () => {
    let now = 5;
    const r = new ClientRoutesRepository(t.db, { now: () => now });
    expect(r.get(routerId, 'wg0')).toBeNull();
    expect(r.set(routerId, 'wg0', [' 10.10.0.0/24', ...SPLIT.slice(1)])).toEqual({ routes: SPLIT, updatedAt: 5 });
    r.set(routerId, 'wg1', ['10.20.0.0/24']);
    now = 7;
    r.set(routerId, 'wg0', ['10.10.0.0/24']);
    expect(r.get(routerId, 'wg0')).toEqual({ routes: ['10.10.0.0/24'], updatedAt: 7 });
    expect(r.get(routerId, 'wg1')?.routes).toEqual(['10.20.0.0/24']);
    expect(r.clear(routerId, 'wg0')).toBe(true);
    expect(r.clear(routerId, 'wg0')).toBe(false);
    expect(r.get(routerId, 'wg0')).toBeNull();
  });

  it('refuses an empty list (that is the full tunnel: clear) and a router that is not saved', () => {
    const r = new ClientRoutesRepository(t.db);
    expect(() => r.set(routerId, 'wg0', [])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => r.set(routerId, 'wg0', ['10.10.0.0/24', ' '])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => r.set('ghost', 'wg0', SPLIT)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    // The table itself refuses what is not a list of routes, whoever writes it.
    expect(() => t.db.prepare("INSERT INTO client_routes (router_id, interface, routes_json, updated_at) VALUES (?, 'wg9', '[]', 1)").run(routerId)).toThrow(/CHECK constraint failed/);
    expect(() => t.db.prepare("INSERT INTO client_routes (router_id, interface, routes_json, updated_at) VALUES (?, 'wg9', '\"10.0.0.0/8\"', 1)").run(routerId)).toThrow(/CHECK constraint failed/);
  });

  it('moves the routes to a renamed interface with their date; a record left under the new name goes', () => {
    let now = 5;
    const r = new ClientRoutesRepository(t.db, { now: () => now });
    r.set(routerId, 'wg0', SPLIT);
    now = 9;
    r.set(routerId, 'wg-main', ['172.16.0.0/12']);
    r.followRename(routerId, 'wg0', 'wg-main');
    expect(r.get(routerId, 'wg0')).toBeNull();
    expect(r.get(routerId, 'wg-main')).toEqual({ routes: SPLIT, updatedAt: 5 });
    // Renamed without routes of its own (full tunnel): what another interface of the new name left does not become its choice.
    r.set(routerId, 'wg-old', ['172.16.0.0/12']);
    r.followRename(routerId, 'wg-full', 'wg-old');
    expect(r.get(routerId, 'wg-old')).toBeNull();
    r.followRename(routerId, 'wg-main', 'wg-main');
    expect(r.get(routerId, 'wg-main')?.routes).toEqual(SPLIT);
  });

  it('goes with its router, leaving other routers\' routes', () => {
    const other = addRouter(t.db, { name: 'Other' }).id;
    const r = new ClientRoutesRepository(t.db);
    r.set(routerId, 'wg0', SPLIT);
    r.set(other, 'wg0', ['10.30.0.0/24']);
    expect(new RoutersRepository(t.db).remove(routerId)).toBe(true);
    expect(t.db.prepare('SELECT router_id FROM client_routes').pluck().all()).toEqual([other]);
    expect(r.get(other, 'wg0')?.routes).toEqual(['10.30.0.0/24']);
  });
});

describe('schema 9: client routes per interface', () => {
  it('adds the table to a schema-8 database, keeping what it held', () => {
    const file = `${t.file}.v8`;
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 8) });
    const id = addRouter(old, { name: 'Old' }).id;
    new EndpointsRepository(old).set(id, 'wg0', { host: 'vpn.example.net', port: 13231 });
    expect(() => old.prepare('SELECT * FROM client_routes').all()).toThrow(/no such table/);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(new EndpointsRepository(db).get(id, 'wg0')).toMatchObject({ host: 'vpn.example.net', port: 13231 });
    const r = new ClientRoutesRepository(db);
    expect(r.get(id, 'wg0')).toBeNull();
    expect(r.set(id, 'wg0', SPLIT).routes).toEqual(SPLIT);
    db.close();
  });
});
