// CSV import of 200 rows with 3 bad ones: the dry run lists row errors and each row's address; applying
// never sends a bad row and goes in change plans of 50 rows; a link drop half way stops the run with rows
// pending, and the resume finds on the router the peers whose answer was lost (7.17: no Safe Mode unrolls
// them), so exactly 197 peers exist afterwards, none twice. Export is formula-safe.
import { afterEach, describe, expect, it } from 'vitest';
import type { InvokeOutput } from '../../../src/contract/index.ts';
import { statusWhere } from '../services/support.ts';
import { managedRouter, tableRows, type Managed } from './support.ts';

/**
 * Drops WireDesk's connection right after the router ran its `n`th peer add (its answer never arrives), as a
 * cable pulled mid-import would: the router keeps what it ran (no Safe Mode before 7.18).
 */
function dropAfterAdds(router: Managed, n: number, onDrop: () => void = () => undefined): void {
  let adds = 0;
  router.sim.faults.cutLinkAfter('/interface/wireguard/peers/add', () => ++adds === n);
  const timer = setInterval(() => {
    if (!router.sim.faults.linkCut) return;
    clearInterval(timer);
    onDrop();
    router.sim.faults.dropAfter(0);
    router.sim.faults.liftCut();
  }, 5);
}

let m: Managed | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

/** Header + 200 rows; rows 11, 51 and 151 of the data are bad (spreadsheet rows 12, 52, 152). */
function csv200(takenAddress: string): string {
  const lines = ['name;address;dns;keepalive;comment'];
  for (let i = 1; i <= 200; i++) {
    const name = `imp-${String(i).padStart(3, '0')}`;
    if (i === 11) lines.push(`;;;;no name`);
    else if (i === 51) lines.push(`${name};;dns.example.com;;bad dns`);
    else if (i === 151) lines.push(`${name};${takenAddress};;;taken address`);
    else if (i === 7) lines.push(`${name};10.10.9.7;;30;Şube İzmir`);
    else lines.push(`${name};;;;`);
  }
  return lines.join('\r\n');
}

describe('CSV import', () => {
  it('previews, applies with a link drop in the middle, resumes to exactly 197 peers', async () => {
    m = await managedRouter({ peers: 3, interfaces: 1, version: '7.17' });
    const routerId = m.routerId;
    const taken = m.rows().find((r) => r['interface'] === 'wg-office')!['allowed-address']!.split(',')[0]!;
    const csv = csv200(taken.replace('/32', ''));
    const peersBefore = m.rows().length;

    const preview = await m.call('peers:importPreview', { routerId, interface: 'wg-office', csv });
    expect(preview).toMatchObject({ valid: 197, invalid: 3 });
    const bad = preview.rows.filter((r) => r.errors.length > 0);
    expect(bad.map((r) => r.rowNumber)).toEqual([12, 52, 152]);
    expect(bad[0]!.errors.join(' ')).toMatch(/Peer name is empty/);
    expect(bad[1]!.errors.join(' ')).toMatch(/not an IP address/);
    expect(bad[2]!.errors.join(' ')).toMatch(/overlaps .* of peer ".+" on wg-office/);
    expect(preview.rows.find((r) => r.name === 'imp-007')!.address).toBe('10.10.9.7/32');
    expect(preview.rows[0]).toMatchObject({ name: 'imp-001', address: '10.10.0.2/32', errors: [] });
    expect(new Set(preview.rows.flatMap((r) => (r.address ? [r.address] : []))).size).toBe(197);
    expect(m.rows()).toHaveLength(peersBefore); // a dry run sends nothing

    // Drop the link after 93 adds: the first 50-row part is confirmed, the second is cut in the middle.
    let droppedAt = 0;
    dropAfterAdds(m, 93, () => (droppedAt = Date.now()));
    const first = await m.call('peers:importApply', { routerId, interface: 'wg-office', csv, sourceName: 'peers.csv', presharedKey: true });
    expect(first.interruption).not.toBeNull();
    expect(first.status).toBe('running');
    expect(first.counts.skipped).toBe(3);
    expect(first.counts.pending).toBeGreaterThan(0);
    expect(first.counts.applied).toBe(50);
    expect((await m.call('peers:importJobs', { routerId })).map((j) => j.jobId)).toEqual([first.jobId]);

    // Nothing is queued: the technician resumes once the router is back.
    await statusWhere(m.s, routerId, (st) => st.state === 'online' && st.since >= droppedAt);
    const resumed = await m.call('peers:importResume', { routerId, jobId: first.jobId });
    expect(resumed).toMatchObject({ status: 'completed', interruption: null, counts: { pending: 0, applied: 197, failed: 0, skipped: 3 } });
    expect(resumed.rows.filter((r) => r.state === 'skipped').map((r) => r.rowNumber)).toEqual([12, 52, 152]);

    const imported = m.rows().filter((r) => r['name']?.startsWith('imp-'));
    expect(imported).toHaveLength(197);
    expect(new Set(imported.map((r) => r['name'])).size).toBe(197);
    expect(new Set(imported.map((r) => r['public-key'])).size).toBe(197);
    expect(new Set(imported.map((r) => r['allowed-address'])).size).toBe(197);
    expect(imported.find((r) => r['name'] === 'imp-007')).toMatchObject({ 'allowed-address': '10.10.9.7/32', 'persistent-keepalive': '30s', comment: 'Şube İzmir' });
    expect(imported.every((r) => r['responder'] === 'true' && r['endpoint-address'] === '')).toBe(true);
    // Preshared keys waited for the resume sealed in the job, never in clear.
    const psks = imported.map((r) => r['preshared-key']!);
    expect(psks.every((k) => /^[A-Za-z0-9+/]{43}=$/.test(k))).toBe(true);
    const payloads = JSON.stringify(tableRows(m.dataDir, 'SELECT payload_json FROM import_job_rows'));
    expect(psks.some((k) => payloads.includes(k))).toBe(false);

    const list = await m.call('peers:listManaged', { routerId });
    expect(list.rows.filter((p) => p.name.startsWith('imp-')).every((p) => p.hasPrivateKey)).toBe(true);
    expect(await m.call('peers:importJobs', { routerId })).toEqual([]);
    const audit = await m.call('audit:list', { routerId, actions: ['import'], objectType: 'peer', limit: 1000 });
    expect(audit.entries.filter((e) => e.outcome === 'ok')).toHaveLength(197);
    // The part cut in the middle had reached the router in part: before the resume read the router, that part
    // was found out (half done) and put back as a whole by the router's own rollback, brought forward; the
    // resume then sent it again, once (the counts above: no duplicate key, name or address).
    const parts = tableRows(m.dataDir, `SELECT state FROM change_plans WHERE json_extract(subject_json, '$.code') = 'peer.import' ORDER BY created_at, rowid`) as Array<{ state: string }>;
    expect(parts.map((p) => p.state)).toEqual(['applied', 'rolled-back', 'applied', 'applied', 'applied']);
    const runs = await m.call('audit:list', { routerId, objectType: 'import-job' });
    expect(runs.entries.map((e) => e.outcome)).toEqual(['ok', 'failed']);
    await expect(m.call('peers:importResume', { routerId, jobId: first.jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a file without a name column and explains the header', async () => {
    m = await managedRouter({ peers: 1 });
    const error = await m.fail('peers:importPreview', { routerId: m.routerId, interface: 'wg-office', csv: 'isim,adres\nali,10.0.0.2\n' });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { field: 'csv' } });
    expect(error.message).toMatch(/must name the columns and include "name", for example: name,address,dns,keepalive,comment/);
  });

  it('cancels an unfinished import locally, dropping the keys of rows never sent', async () => {
    m = await managedRouter({ peers: 1 });
    const routerId = m.routerId;
    dropAfterAdds(m, 2);
    const applied: InvokeOutput<'peers:importApply'> = await m.call('peers:importApply', { routerId, interface: 'wg-office', csv: ['name', ...Array.from({ length: 30 }, (_, i) => `c-${i}`)].join('\n') });
    expect(applied.interruption).not.toBeNull();
    const cancelled = await m.call('peers:importCancel', { routerId, jobId: applied.jobId });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counts.pending).toBe(0);
    expect(await m.call('peers:importJobs', { routerId })).toEqual([]);
  });

  it('resumes an interrupted import on the interface after it was renamed in WireDesk', async () => {
    m = await managedRouter({ peers: 1 });
    const routerId = m.routerId;
    let droppedAt = 0;
    dropAfterAdds(m, 3, () => (droppedAt = Date.now()));
    const csv = ['name', ...Array.from({ length: 12 }, (_, i) => `r-${i}`)].join('\n');
    const applied = await m.call('peers:importApply', { routerId, interface: 'wg-office', csv });
    expect(applied.interruption).not.toBeNull();
    await statusWhere(m.s, routerId, (st) => st.state === 'online' && st.since >= droppedAt);

    const id = m.rows('/interface/wireguard').find((r) => r['name'] === 'wg-office')!['.id']!;
    await m.call('interfaces:update', { routerId, interfaceId: id, name: 'wg-main' });
    expect((await m.call('peers:importJobs', { routerId })).map((j) => j.interface)).toEqual(['wg-main']);
    const resumed = await m.call('peers:importResume', { routerId, jobId: applied.jobId });
    expect(resumed).toMatchObject({ status: 'completed', counts: { pending: 0, failed: 0, applied: 12 } });
    const imported = m.rows().filter((r) => r['name']?.startsWith('r-'));
    expect(imported).toHaveLength(12);
    expect(imported.every((r) => r['interface'] === 'wg-main')).toBe(true);
  });
});

describe('CSV export', () => {
  it('exports peers formula-safe with a BOM and the chosen delimiter', async () => {
    m = await managedRouter({ peers: 2 });
    const routerId = m.routerId;
    await m.call('peers:create', { routerId, interface: 'wg-office', name: '=HYPERLINK("http://evil")', comment: '+cmd|calc' });
    const out = await m.call('peers:exportCsv', { routerId, interface: 'wg-office', delimiter: ';' });
    expect(out.csv.startsWith('\uFEFFname;interface;address;public key')).toBe(true);
    expect(out.csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(out.csv).toContain(`'+cmd|calc`);
    expect(out.rows).toBe(3);
    expect(out.fileName).toMatch(/^Router-\d+-wg-office-peers-\d{4}-\d\d-\d\d\.csv$/);
  });
});
