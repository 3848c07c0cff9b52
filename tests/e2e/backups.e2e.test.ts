// Backups and undo in the real UI against a simulated RouterOS. The Backups tab lists the backup taken before
// each change, compares one with the router now and with another backup item by item, downloads it as .rsc
// (no key in it), and restores it through the Preview step: afterwards the router matches it. From the
// activity log, Undo… previews the inverse of a change and applying it puts the before-state back; an undo
// over an item changed since (edited in WinBox) is refused before anything is sent, naming the item and
// field. Screenshots in English and Turkish at 1280x800 and 960x600.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { managedApp, PEERS_PATH, type ManagedApp } from './management-support.ts';
import { screenshotsEnTr } from './harness.ts';

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});


function officePeers(current: ManagedApp): Array<Record<string, string>> {
  return current.peers().filter((p) => p['interface'] === 'wg-office' && p['name'] && p['dynamic'] !== 'true');
}

/** Only the writes the simulator received (prints and listens left out). */
const writes = (entries: ReadonlyArray<{ command: string }>) => entries.filter((e) => !/\/(print|listen|getall)$/.test(e.command));

describe('backups and undo (e2e, Chromium)', () => {
  it('compares a backup with the router now and with another, downloads it without keys, and restores it through a plan', async () => {
    app = await managedApp();
    const { page, sim, routerId } = app;
    const [a] = officePeers(app);
    const originalComment = a!['comment'] ?? '';
    const first = await app.call('peers:update', { routerId, peerId: a!['.id']!, comment: 'Muhasebe' });
    await app.call('peers:create', { routerId, interface: 'wg-office', name: 'sonra-eklenen' });
    await app.call('peers:update', { routerId, peerId: a!['.id']!, persistentKeepaliveSec: 33 });

    await page.getByTestId('nav-backups').click();
    const list = page.getByTestId('backup-list');
    await expect.poll(() => list.locator('.backup-item').count()).toBe(3);
    expect(await page.getByTestId('backups-count').innerText()).toBe('3 backups');
    const items = await list.locator('.backup-item').allInnerTexts();
    expect(items[0]).toContain(`Before: Edit peer "${a!['name']}" on wg-office`);
    expect(items[1]).toContain('Before: Add peer "sonra-eklenen" on wg-office');

    // The oldest backup (before the first change) against the router now: the edited peer and the new one.
    const backupId = first.report!.backupId!;
    await page.getByTestId(`backup-${backupId}`).click();
    const detail = page.getByTestId('backup-detail');
    await detail.and(page.locator(`[data-backup="${backupId}"]`)).waitFor();
    const diff = page.getByTestId('backup-diff');
    await diff.and(page.locator('[data-state="ready"]')).waitFor();
    expect(await page.getByTestId('backup-diff-summary').innerText()).toBe('2 items differ between this backup and the router now.');
    const edited = diff.getByTestId('preview-item').filter({ hasText: a!['name']! });
    expect(await edited.getAttribute('data-change')).toBe('edit');
    expect(await edited.locator('thead').innerText()).toMatch(/In this backup\s+On the router now/);
    expect(await edited.getByTestId('diff-comment').locator('.diff-after').innerText()).toBe('Muhasebe');
    expect(await edited.getByTestId('diff-persistent-keepalive').locator('.diff-after').innerText()).toBe('33s');
    expect(await diff.getByTestId('preview-item').filter({ hasText: 'sonra-eklenen' }).getAttribute('data-change')).toBe('add');

    // Against the next backup (taken before the add): only the first change's comment.
    const next = await list.locator('.backup-item').nth(1).getAttribute('data-testid');
    await page.getByTestId('backup-compare').selectOption(next!.replace('backup-', ''));
    await expect.poll(() => diff.getByTestId('preview-item').count()).toBe(1);
    expect(await diff.getByTestId('preview-item').getByTestId('diff-comment').getAttribute('data-changed')).toBe('true');
    expect(await page.getByTestId('backup-diff-summary').innerText()).toBe('1 item differs between the two backups.');
    await page.getByTestId('backup-compare').selectOption('now');
    await diff.and(page.locator('[data-state="ready"]')).waitFor();
    await screenshotsEnTr(app.session, 'backups', async (p) => {
      await p.getByTestId('backup-diff').and(p.locator('[data-state="ready"]')).getByTestId('preview-item').first().waitFor();
    });

    // Download: the readable script, named after the router, with no key of the router in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^Müşteri-Ofis-backup-\d{4}-\d{2}-\d{2}-\d{6}\.rsc$/);
    const rsc = readFileSync(await download.path(), 'utf8');
    expect(rsc).toMatch(/^# WireDesk backup of router /);
    expect(rsc).toContain('/interface wireguard peers');
    expect(rsc).not.toMatch(/private-key=|preshared-key=/);
    for (const row of sim.state.print('/interface/wireguard')) expect(rsc).not.toContain(row['private-key']);
    for (const row of app.peers()) if (row['preshared-key']) expect(rsc).not.toContain(row['preshared-key']);

    // Restore: the Preview step first (nothing sent), then the router matches the backup.
    sim.commands.start();
    await page.getByTestId('backup-restore').click();
    const dialog = page.getByTestId('restore-dialog');
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    expect(writes(sim.commands.stop())).toEqual([]);
    const commands = await preview.getByTestId('preview-commands').innerText();
    const added = app.peers().find((p) => p['name'] === 'sonra-eklenen')!;
    expect(commands).toContain(`/interface wireguard peers remove ${added['.id']}`);
    expect(commands).toMatch(new RegExp(`/interface wireguard peers set ${a!['.id']!.replace('*', '\\*')} .*persistent-keepalive=`));
    await screenshotsEnTr(app.session, 'backups-restore-preview', async (p) => {
      await p.getByTestId('change-preview').getByTestId('plan-preview').waitFor();
    });
    await preview.getByTestId('preview-apply').click();
    await page.getByTestId('change-done').waitFor();
    expect(await dialog.innerText()).toContain('Backup restored');
    expect(app.peers().some((p) => p['name'] === 'sonra-eklenen')).toBe(false);
    const restored = app.peers().find((p) => p['.id'] === a!['.id'])!;
    expect([restored['comment'] ?? '', restored['persistent-keepalive']]).toEqual([originalComment, a!['persistent-keepalive']]);
    await page.getByTestId('change-done-close').click();
    await dialog.waitFor({ state: 'detached' });
    // The restore was backed up first (a fourth backup), and the chosen backup now matches the router.
    await expect.poll(() => list.locator('.backup-item').count()).toBe(4);
    await page.getByTestId(`backup-${backupId}`).click();
    await page.getByTestId('backup-same').waitFor();
  });

  it('undoes a change from the activity log back to its before-state, and refuses an undo over an item changed since', async () => {
    app = await managedApp();
    const { page, sim, routerId } = app;
    const [a] = officePeers(app);
    const before = { comment: a!['comment'] ?? '', keepalive: a!['persistent-keepalive'] };
    await app.call('peers:update', { routerId, peerId: a!['.id']!, comment: 'geri alınacak', persistentKeepaliveSec: 61 });

    await page.getByTestId('router-activity').click();
    const table = page.getByTestId('activity-table');
    const editRow = table.locator('tbody tr.activity-row[data-action="edit"]').first();
    await editRow.waitFor();
    const editUndo = editRow.locator('[data-testid^="activity-undo-"]');
    await screenshotsEnTr(app.session, 'activity-undo', async (p) => {
      await p.getByTestId('activity-table').locator('[data-testid^="activity-undo-"]').first().waitFor();
    });
    sim.commands.start();
    await editUndo.click();
    const dialog = page.getByTestId('undo-dialog');
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    expect(writes(sim.commands.stop())).toEqual([]);
    expect(await preview.getByTestId('undo-intro').innerText()).toContain(`puts back what “Edit peer "${a!['name']}" on wg-office” changed`);
    const commands = (await preview.getByTestId('preview-commands').innerText()).split('\n').filter((l) => l.trim());
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^\/interface wireguard peers set \S+ /);
    expect(await preview.getByTestId('diff-comment').locator('.diff-before').innerText()).toBe('geri alınacak');
    await screenshotsEnTr(app.session, 'undo-preview', async (p) => {
      await p.getByTestId('change-preview').getByTestId('plan-preview').waitFor();
    });
    await preview.getByTestId('preview-apply').click();
    await page.getByTestId('change-done').waitFor();
    const after = app.peers().find((p) => p['.id'] === a!['.id'])!;
    expect({ comment: after['comment'] ?? '', keepalive: after['persistent-keepalive'] }).toEqual(before);
    await page.getByTestId('change-done-close').click();
    await dialog.waitFor({ state: 'detached' });
    // The undo is an entry of its own; the undone change says so when asked again.
    await table.locator('tbody tr.activity-row[data-action="undo"]').waitFor();
    await editUndo.click();
    const again = page.getByTestId('change-refused');
    await again.waitFor();
    expect(await again.getAttribute('data-reason')).toBe('not-applied');
    expect(await again.innerText()).toContain('It has already been undone.');
    await page.getByTestId('change-refused-close').click();

    // A new peer, then edited in WinBox: the undo (remove it) would lose that edit, so it is refused.
    const created = await app.call('peers:create', { routerId, interface: 'wg-office', name: 'sonra-degisen' });
    sim.state.set(PEERS_PATH, created.peer.id, { comment: 'WinBox ile düzenlendi' });
    await expect.poll(async () => (await app!.session.host.services.models.live(routerId)).peer(created.peer.id)?.comment).toBe('WinBox ile düzenlendi');
    await page.getByTestId('activity-refresh').click();
    const createRow = table.locator('tbody tr.activity-row[data-action="create"][data-object="sonra-degisen"]');
    await createRow.waitFor();
    sim.commands.start();
    await createRow.locator('[data-testid^="activity-undo-"]').click();
    const refused = page.getByTestId('change-refused');
    await refused.waitFor();
    expect(writes(sim.commands.stop())).toEqual([]);
    expect(await refused.getAttribute('data-reason')).toBe('changed-since');
    const line = refused.getByTestId('undo-changed').locator('li[data-item="sonra-degisen"][data-field="comment"]');
    expect(await line.getAttribute('data-reason')).toBe('changed');
    expect(await line.innerText()).toContain('comment is now “WinBox ile düzenlendi”');
    await screenshotsEnTr(app.session, 'undo-refused', async (p) => {
      await p.getByTestId('change-refused').waitFor();
    });
    await page.getByTestId('change-refused-close').click();
    expect(app.peers().some((p) => p['.id'] === created.peer.id)).toBe(true);
  });
});
