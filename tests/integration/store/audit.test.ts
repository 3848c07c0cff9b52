import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepository, type AuditEntryInput } from '../../../main/store/audit.ts';
import { rawBytes, tempDb, type TempDb } from './helpers.ts';

let t: TempDb;
let audit: AuditRepository;
beforeEach(() => {
  t = tempDb();
  audit = new AuditRepository(t.db, { now: () => 42 });
});
afterEach(() => t.cleanup());

function entry(over: Partial<AuditEntryInput>): AuditEntryInput {
  return { routerId: 'r1', routerName: 'HQ', action: 'edit', objectType: 'peer', objectId: '*1', objectName: 'laptop', outcome: 'ok', ...over };
}

describe('AuditRepository', () => {
  it('strips secrets from before/after at any depth, whatever the spelling', () => {
    const stored = audit.append(entry({
      before: { name: 'laptop', 'private-key': 'PRIV1', privateKey: 'PRIV2', nested: [{ presharedKey: 'PSK1', 'preshared-key': 'PSK2', ok: 1 }] },
      after: { name: 'laptop', password: 'hunter2', PRIVATE_KEY: 'PRIV3', 'public-key': 'PUB', newPassword: 'hunter3' },
      outcome: 'failed',
      error: 'failure: /user/set password=hunter4 rejected',
    }));
    expect(stored.error).toBe('failure: /user/set password=[redacted] rejected');
    expect(stored.before).toEqual({ name: 'laptop', nested: [{ ok: 1 }] });
    expect(stored.after).toEqual({ name: 'laptop', 'public-key': 'PUB' });
    const [read] = audit.query().entries;
    expect(read).toEqual(stored);
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = rawBytes(t.file);
    for (const secret of ['PRIV1', 'PRIV2', 'PRIV3', 'PSK1', 'PSK2', 'hunter2', 'hunter3', 'hunter4']) expect(bytes.includes(secret), secret).toBe(false);
  });

  it('filters by router, action, object type, text and time, newest first, with paging', () => {
    audit.append(entry({ at: 1000, action: 'create', objectName: 'alice-phone' }));
    audit.append(entry({ at: 2000, action: 'disable', objectName: 'bob_laptop', outcome: 'failed', error: 'no such item (4)' }));
    audit.append(entry({ at: 3000, routerId: 'r2', routerName: 'Branch', action: 'delete', objectName: '100% uptime' }));
    audit.append(entry({ at: 4000, action: 'import', objectType: 'interface', objectName: 'wg0', after: { 'allowed-address': '10.9.9.9/32' } }));
    audit.append(entry({ at: 4000, action: 'rotate-keys', objectName: 'carol' }));

    const names = (q: Parameters<AuditRepository['query']>[0]) => audit.query(q).entries.map((e) => e.objectName);
    expect(names({})).toEqual(['carol', 'wg0', '100% uptime', 'bob_laptop', 'alice-phone']);
    expect(names({ routerId: 'r2' })).toEqual(['100% uptime']);
    expect(names({ action: 'disable' })).toEqual(['bob_laptop']);
    expect(names({ action: ['create', 'delete'] })).toEqual(['100% uptime', 'alice-phone']);
    expect(names({ objectType: 'interface' })).toEqual(['wg0']);
    expect(names({ text: 'BOB' })).toEqual(['bob_laptop']);
    expect(names({ text: '_' })).toEqual(['bob_laptop']); // LIKE wildcards are taken literally
    expect(names({ text: '%' })).toEqual(['100% uptime']);
    expect(names({ text: 'no such item' })).toEqual(['bob_laptop']);
    expect(names({ text: '10.9.9.9' })).toEqual(['wg0']);
    expect(names({ text: 'branch' })).toEqual(['100% uptime']);
    expect(names({ from: 2000, to: 4000 })).toEqual(['100% uptime', 'bob_laptop']);
    expect(names({ routerId: 'r1', from: 2000 })).toEqual(['carol', 'wg0', 'bob_laptop']);

    const page1 = audit.query({ limit: 2 });
    const page2 = audit.query({ limit: 2, offset: 2 });
    const page3 = audit.query({ limit: 2, offset: 4 });
    expect(page1.total).toBe(5);
    expect([...page1.entries, ...page2.entries, ...page3.entries].map((e) => e.objectName)).toEqual(names({}));
    expect(audit.query({ routerId: 'r1', limit: 1 }).total).toBe(4);
  });

  it('is append-only', () => {
    audit.append(entry({}));
    expect(() => t.db.exec('UPDATE audit SET outcome = \'failed\'')).toThrow(/append-only/);
    expect(() => t.db.exec('DELETE FROM audit')).toThrow(/append-only/);
  });

  it('gives a failed entry whose answer was lost its resolution once, and nothing else can change', () => {
    const plan = '0c8e2d3b-1a4f-4b6c-8d9e-7f1a2b3c4d5e';
    const lost = audit.append(entry({ action: 'create', outcome: 'failed', error: 'Connection to HQ was lost', planId: plan }));
    const done = audit.append(entry({ action: 'edit', outcome: 'ok', planId: plan }));
    expect(lost).toMatchObject({ resolution: null, resolvedAt: null });
    expect(audit.resolve(plan, 'applied')).toBe(1);
    const [newest, older] = audit.query().entries;
    expect(newest).toEqual({ ...done, resolution: null, resolvedAt: null });
    expect(older).toEqual({ ...lost, resolution: 'applied', resolvedAt: 42 });
    // Once only; never on an entry that did not fail; no other column, even together with the resolution.
    expect(audit.resolve(plan, 'not-applied')).toBe(0);
    expect(() => t.db.prepare('UPDATE audit SET resolution = NULL, resolved_at = NULL WHERE id = ?').run(lost.id)).toThrow(/append-only/);
    expect(() => t.db.prepare("UPDATE audit SET resolution = 'applied', resolved_at = 1 WHERE id = ?").run(done.id)).toThrow(/append-only/);
    const other = audit.append(entry({ outcome: 'failed', error: 'x', planId: 'another' }));
    expect(() => t.db.prepare("UPDATE audit SET resolution = 'applied', resolved_at = 1, error = NULL WHERE id = ?").run(other.id)).toThrow(/append-only/);
    expect(() => t.db.prepare("UPDATE audit SET resolution = 'maybe', resolved_at = 1 WHERE id = ?").run(other.id)).toThrow(/CHECK/);
  });

  it('keeps optional fields null and uses the clock', () => {
    const e = audit.append({ routerId: null, routerName: null, action: 'create', objectType: 'router', outcome: 'ok' });
    expect(e).toMatchObject({ at: 42, objectId: null, objectName: null, before: null, after: null, error: null });
  });
});

describe('schema 3: config exports in the audit log', () => {
  it('upgrades a schema-2 log keeping every row and id, takes "export", and stays append-only', async () => {
    const { openDatabase } = await import('../../../main/store/db.ts');
    const { MIGRATIONS } = await import('../../../main/store/migrations.ts');
    const file = `${t.file}.v2`;
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) });
    // Rows as the schema-2 app wrote them (today's repository writes a column that schema has not got).
    const insert = old.prepare(`INSERT INTO audit (at, router_id, router_name, action, object_type, object_id, object_name, before_json, after_json, outcome, error)
      VALUES (1, 'r1', 'HQ', ?, 'peer', NULL, ?, ?, NULL, 'ok', NULL)`);
    insert.run('create', 'eski-1', null);
    insert.run('delete', 'eski-2', JSON.stringify({ name: 'x' }));
    expect(() => insert.run('export', 'x', null)).toThrow(/CHECK constraint failed/);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const log = new AuditRepository(db, { now: () => 2 });
    const written = log.query().entries.slice().reverse();
    expect(written.map((e) => [e.id, e.action, e.objectName, e.before, e.planId])).toEqual([[1, 'create', 'eski-1', null, null], [2, 'delete', 'eski-2', { name: 'x' }, null]]);
    const exported = log.append(entry({ action: 'export', objectType: 'config', objectName: '3 peers', after: { file: 'HQ-configs.zip', peers: ['a', 'b', 'c'] } }));
    expect(exported.id).toBe(written[1]!.id + 1);
    expect(log.query({ action: 'export' }).entries).toEqual([exported]);
    expect(() => db.prepare('UPDATE audit SET object_name = ? WHERE id = ?').run('x', exported.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit WHERE id = ?').run(written[0]!.id)).toThrow(/append-only/);
    expect(() => log.append(entry({ action: 'launch' as never }))).toThrow(/CHECK constraint failed/);
    const indexes = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE tbl_name = 'audit' AND type IN ('index', 'trigger') ORDER BY name").pluck().all();
    expect(indexes).toEqual(['audit_by_plan', 'audit_by_router', 'audit_by_time', 'audit_no_delete', 'audit_no_update']);
    db.close();
  });
});

describe('schema 8: audit entries name their change plan', () => {
  it('upgrades a schema-7 log keeping rows and ids, then keeps each entry\'s plan and takes restore and undo', async () => {
    const { openDatabase } = await import('../../../main/store/db.ts');
    const { MIGRATIONS } = await import('../../../main/store/migrations.ts');
    const file = `${t.file}.v7`;
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 7) });
    old.prepare(`INSERT INTO audit (at, router_id, router_name, action, object_type, object_id, object_name, before_json, after_json, outcome, error)
      VALUES (5, 'r1', 'HQ', 'export', 'config', NULL, '3 peers', NULL, '{"file":"a.zip"}', 'ok', NULL)`).run();
    expect(() => old.prepare(`INSERT INTO audit (at, action, object_type, outcome) VALUES (6, 'undo', 'change', 'ok')`).run()).toThrow(/CHECK constraint failed/);
    old.close();

    const db = openDatabase(file);
    const log = new AuditRepository(db, { now: () => 9 });
    expect(log.query().entries).toMatchObject([{ id: 1, action: 'export', objectName: '3 peers', after: { file: 'a.zip' }, planId: null }]);
    const plan = '5b1f1d2e-8d0c-4e7e-9b1a-2f9a4c7d6e10';
    const undo = log.append(entry({ action: 'undo', objectType: 'change', objectId: plan, objectName: 'Adding peer "x"', planId: '0c8e2d3b-1a4f-4b6c-8d9e-7f1a2b3c4d5e' }));
    const restore = log.append(entry({ action: 'restore', objectType: 'backup', objectId: '3', planId: plan }));
    expect(undo).toMatchObject({ id: 2, action: 'undo', planId: '0c8e2d3b-1a4f-4b6c-8d9e-7f1a2b3c4d5e' });
    expect(log.query({ action: ['restore', 'undo'] }).entries.map((e) => e.id)).toEqual([restore.id, undo.id]);
    expect(() => db.prepare('UPDATE audit SET plan_id = NULL WHERE id = ?').run(undo.id)).toThrow(/append-only/);
    db.close();
  });
});
