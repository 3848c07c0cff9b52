import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EndpointsRepository } from '../../../main/store/endpoints.ts';
import { StoreError } from '../../../main/store/errors.ts';
import { ReservationsRepository } from '../../../main/store/reservations.ts';
import { addRouter, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
let routerId: string;
beforeEach(() => {
  t = tempDb();
  routerId = addRouter(t.db).id;
});
afterEach(() => t.cleanup());

describe('ReservationsRepository', () => {
  it('reserves, annotates, lists and releases addresses per interface', () => {
    const r = new ReservationsRepository(t.db, { now: () => 7 });
    expect(r.reserve(routerId, 'wg0', '10.8.0.2/32', 'printer')).toMatchObject({ routerId, interface: 'wg0', address: '10.8.0.2/32', note: 'printer', createdAt: 7 });
    r.reserve(routerId, 'wg1', '10.8.0.2/32');
    expect(() => r.reserve(routerId, 'wg0', '10.8.0.2/32')).toThrow(expect.objectContaining({ code: 'RESERVATION_TAKEN' }));
    expect(() => r.reserve('ghost', 'wg0', '10.8.0.3/32')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(r.setNote(routerId, 'wg0', '10.8.0.2/32', 'NAS').note).toBe('NAS');
    expect(() => r.setNote(routerId, 'wg0', '10.8.0.99/32', 'x')).toThrow(StoreError);
    expect(r.list(routerId).map((x) => x.interface)).toEqual(['wg0', 'wg1']);
    expect(r.list(routerId, 'wg1')).toHaveLength(1);
    expect(r.release(routerId, 'wg0', '10.8.0.2/32')).toBe(true);
    expect(r.release(routerId, 'wg0', '10.8.0.2/32')).toBe(false);
  });

  it('moves reservations to a renamed interface, keeping notes and dates; releases all of a deleted one', () => {
    let now = 7;
    const r = new ReservationsRepository(t.db, { now: () => now });
    r.reserve(routerId, 'wg0', '10.8.0.2/32', 'printer');
    r.reserve(routerId, 'wg0', '10.8.0.3/32', 'camera');
    now = 9;
    r.reserve(routerId, 'wg-main', '10.8.0.3/32', 'already here');
    r.followRename(routerId, 'wg0', 'wg-main');
    expect(r.list(routerId).map(({ interface: i, address, note, createdAt }) => [i, address, note, createdAt])).toEqual([
      ['wg-main', '10.8.0.2/32', 'printer', 7],
      ['wg-main', '10.8.0.3/32', 'already here', 9],
    ]);
    expect(r.releaseAll(routerId, 'wg-main')).toBe(2);
    expect(r.list(routerId)).toEqual([]);
  });
});

describe('EndpointsRepository', () => {
  it('remembers one public endpoint per interface', () => {
    const e = new EndpointsRepository(t.db, { now: () => 9 });
    expect(e.get(routerId, 'wg0')).toBeNull();
    expect(e.set(routerId, 'wg0', { host: ' vpn.example.net ', port: 13231 })).toEqual({ host: 'vpn.example.net', port: 13231, updatedAt: 9 });
    e.set(routerId, 'wg0', { host: '198.51.100.7', port: 51820 });
    expect(e.get(routerId, 'wg0')).toEqual({ host: '198.51.100.7', port: 51820, updatedAt: 9 });
    expect(() => e.set(routerId, 'wg0', { host: '', port: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => e.set(routerId, 'wg0', { host: 'x', port: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => e.set('ghost', 'wg0', { host: 'x', port: 1 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(e.clear(routerId, 'wg0')).toBe(true);
    expect(e.get(routerId, 'wg0')).toBeNull();
  });
});
