// CSV import in the real UI: 200 rows with 3 bad ones, the dry run with each row's address and problems,
// the link dropped by the router half way through the run, the interrupted job offered for resume with its
// counts, and the resume ending with exactly 197 new peers, none twice.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statusWhere } from '../integration/services/support.ts';
import { managedApp, type ManagedApp } from './management-support.ts';

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Header + 200 rows, as Excel saves "CSV UTF-8" in Turkish (BOM, semicolons); data rows 11, 51, 151 are bad. */
function csv200(takenAddress: string): string {
  const lines = ['name;address;dns;keepalive;comment'];
  for (let i = 1; i <= 200; i++) {
    const name = `imp-${String(i).padStart(3, '0')}`;
    if (i === 11) lines.push(';;;;no name');
    else if (i === 51) lines.push(`${name};;dns.example.com;;bad dns`);
    else if (i === 151) lines.push(`${name};${takenAddress};;;taken address`);
    else if (i === 7) lines.push(`${name};10.10.9.7;;30;Şube İzmir`);
    else lines.push(`${name};;;;`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

describe('CSV import (e2e, Chromium)', () => {
  it('previews 200 rows, applies through a link drop, and resumes to exactly 197 peers', async () => {
    app = await managedApp({ peers: 3, interfaces: 1 });
    const { page, session, sim, routerId } = app;
    const { services } = session.host;
    const taken = app.peers().find((p) => p['interface'] === 'wg-office')!['allowed-address']!.split(',')[0]!.replace('/32', '');
    const file = join(mkdtempSync(join(tmpdir(), 'wiredesk-import-')), 'şube-peerleri.csv');
    writeFileSync(file, csv200(taken), 'utf8');

    await page.getByTestId('nav-peers').click();
    await page.getByTestId('peers-table').waitFor();
    await page.getByTestId('peer-csv').click();
    await page.locator('.menu:popover-open').getByTestId('peer-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByText('şube-peerleri.csv (read as UTF-8)').waitFor();
    await page.getByTestId('import-preview').click();

    // Dry run: counts, each bad row with its reason, the address each good row would get.
    const summary = page.getByTestId('import-preview-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/197 rows ready, 3 with problems/);
    expect(await page.getByTestId('preview-row-2').innerText()).toMatch(/imp-001\s+10\.10\.0\.\d+\/32/);
    await page.getByTestId('import-only-problems').check();
    expect(await page.getByTestId('preview-error-12').innerText()).toMatch(/name is empty/i);
    expect(await page.getByTestId('preview-error-52').innerText()).toMatch(/not an IP address/);
    expect(await page.getByTestId('preview-error-152').innerText()).toMatch(/overlaps/);
    await session.screenshot('management-import-preview');
    expect(app.peers().filter((p) => p['name']?.startsWith('imp-'))).toHaveLength(0);

    // Apply; once 90 peers are in, the router drops the connection a few replies later.
    let droppedAt = 0;
    const off = services.events.subscribe((event, payload) => {
      if (event === 'import:progress' && droppedAt === 0 && (payload as { applied: number }).applied >= 90) {
        droppedAt = Date.now();
        sim.faults.dropAfter(3);
      }
    });
    // The Preview step: every add (197), new keys as made in main, sent in parts; nothing sent before Apply.
    sim.commands.start();
    await page.getByTestId('import-apply').click();
    const plan = page.getByTestId('change-preview');
    await plan.getByTestId('plan-preview').waitFor();
    expect(sim.commands.stop().filter((e) => !/\/(print|listen)$/.test(e.command))).toEqual([]);
    const adds = (await plan.getByTestId('preview-commands').innerText()).split('\n').filter((l) => l.trim());
    expect(adds).toHaveLength(197);
    expect(adds.every((l) => l.startsWith('/interface wireguard peers add interface=wg-office public-key="'))).toBe(true);
    expect(adds.find((l) => l.includes('name=imp-007'))).toContain('allowed-address=10.10.9.7/32');
    expect(await plan.getByTestId('import-parts').innerText()).toContain('parts of at most 50 peers');
    await session.screenshot('management-import-plan');
    await plan.getByTestId('preview-apply').click();
    const interrupted = page.getByTestId('import-interrupted');
    await interrupted.waitFor({ timeout: 30_000 });
    off();
    expect(await interrupted.innerText()).toMatch(/The import stopped: \d+ rows are waiting/);
    const firstRun = await page.getByTestId('import-counts').innerText();
    expect(firstRun).toMatch(/3 skipped/);
    await session.screenshot('management-import-interrupted');

    // Later (here: closed and reopened): the interrupted job is offered with its counts.
    await page.getByTestId('import-close').click();
    await page.getByTestId('interrupted-import').waitFor();
    await statusWhere(services, routerId, (st) => st.state === 'online' && st.since >= droppedAt);
    await page.getByTestId('router-header-status').filter({ hasText: 'Online' }).waitFor();
    await page.getByTestId('open-interrupted-import').click();
    const jobs = page.getByTestId('import-jobs');
    await jobs.waitFor();
    expect(await jobs.innerText()).toMatch(/şube-peerleri\.csv → wg-office/);
    expect(await jobs.innerText()).toMatch(/\d+ added, \d+ waiting, 0 failed, 3 skipped/);
    await session.screenshot('management-import-resume-offer');
    await page.getByTestId('import-job-resume').click();
    await page.getByTestId('import-completed').waitFor({ timeout: 30_000 });
    const counts = await page.getByTestId('import-counts').innerText();
    expect(counts).toMatch(/197 added/);
    expect(counts).toMatch(/0 failed/);
    expect(counts).toMatch(/3 skipped/);
    await session.screenshot('management-import-done');
    await page.getByTestId('import-close').click();
    await page.getByTestId('interrupted-import').waitFor({ state: 'detached' });

    const imported = app.peers().filter((p) => p['name']?.startsWith('imp-'));
    expect(imported).toHaveLength(197);
    expect(new Set(imported.map((p) => p['name'])).size).toBe(197);
    expect(new Set(imported.map((p) => p['public-key'])).size).toBe(197);
    expect(new Set(imported.map((p) => p['allowed-address'])).size).toBe(197);
    expect(imported.find((p) => p['name'] === 'imp-007')).toMatchObject({ 'allowed-address': '10.10.9.7/32', comment: 'Şube İzmir' });
    await page.getByTestId('peer-count').filter({ hasText: `${app.peers().length} peers` }).waitFor();

    // Export for Excel in Turkish: semicolons, a BOM, one line per peer.
    await page.getByTestId('peer-csv').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.menu:popover-open').getByTestId('export-semicolon').click()]);
    expect(download.suggestedFilename()).toMatch(/^Müşteri-Ofis-peers-\d{4}-\d\d-\d\d\.csv$/);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported.startsWith('\uFEFFname;interface;address;public key')).toBe(true);
    expect(exported.split('\r\n').filter((l) => l.startsWith('imp-'))).toHaveLength(197);
  });
});
