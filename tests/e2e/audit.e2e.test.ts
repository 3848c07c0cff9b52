// The Activity screen in the real UI: changes made through the app (a bulk disable of a shift-click range
// with its per-peer results, an edit, a delete) appear in the audit log with filters, paging and the
// before/after of each change as a readable diff.
import { afterEach, describe, expect, it } from 'vitest';
import { applyPreview, managedApp, peerMenuId, peerRowByName, rowAction, type ManagedApp } from './management-support.ts';

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('activity / audit log (e2e, Chromium)', () => {
  it('shows bulk, edit and delete entries with filters and a before/after diff', async () => {
    app = await managedApp({ peers: 8, seed: 12 });
    const { page, session } = app;
    const first = app.peers().find((p) => p['dynamic'] !== 'true')!['name']!;
    await page.getByTestId('nav-peers').click();
    await peerRowByName(page, first);

    // Bulk: click the first selectable row, shift-click the third: a range of three.
    const rows = page.getByTestId('peers-table').locator('.vtable-body [role="row"]:has(input.row-check:not([disabled]))');
    await rows.nth(0).locator('input.row-check').click();
    await rows.nth(2).locator('input.row-check').click({ modifiers: ['Shift'] });
    await page.getByTestId('selected-count').filter({ hasText: '3 peers selected' }).waitFor();
    const picked = await Promise.all([0, 1, 2].map(async (i) => (await rows.nth(i).locator('[role="cell"]').nth(2).innerText()).trim()));
    // Main writes an audit entry only for a change it sent: a peer already disabled gets none.
    const wasEnabled = picked.filter((name) => app!.peers().find((p) => p['name'] === name)?.['disabled'] !== 'true');
    await page.getByTestId('bulk-disable').click();
    const bulk = page.getByTestId('bulk-dialog');
    await bulk.waitFor();
    for (const name of picked) expect(await page.getByTestId('bulk-names').innerText()).toContain(name);
    // The Preview step: one `set … disabled=yes` per peer that was enabled, nothing sent before Apply.
    await page.getByTestId('bulk-confirm').click();
    const commands = await page.getByTestId('change-preview').getByTestId('preview-commands').innerText();
    expect(commands.split('\n').filter((l) => /^\/interface wireguard peers set \S+ disabled=yes$/.test(l.trim()))).toHaveLength(wasEnabled.length);
    for (const name of wasEnabled) expect(app.peers().find((p) => p['name'] === name)?.['disabled']).toBe('false');
    await session.screenshot('bulk-preview');
    await applyPreview(page);
    await page.getByTestId('bulk-summary').filter({ hasText: '3 of 3 done, 0 failed' }).waitFor();
    expect(await page.getByTestId('bulk-results').locator('[data-ok="true"]').count()).toBe(3);
    await session.screenshot('audit-bulk-results');
    await page.getByTestId('bulk-close').click();
    await bulk.waitFor({ state: 'detached' });
    for (const name of picked) expect(app.peers().find((p) => p['name'] === name)?.['disabled']).toBe('true');

    // An edit and a delete through the row menu.
    const edited = picked[0]!;
    await rowAction(page, await peerMenuId(page, edited), 'peer-action-edit');
    await page.getByTestId('peer-keepalive').fill('40');
    await page.getByTestId('peer-dns').fill('10.10.0.1');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('peer-form').waitFor({ state: 'detached' });
    const deleted = picked[1]!;
    await rowAction(page, await peerMenuId(page, deleted), 'peer-action-delete');
    await page.getByTestId('peer-delete-confirm').click();
    await applyPreview(page);
    await page.getByTestId('peer-delete-dialog').waitFor({ state: 'detached' });

    // Activity, from the router's own button: filtered to this router, newest first.
    await page.getByTestId('router-activity').click();
    const screen = page.getByTestId('activity-screen');
    await screen.waitFor();
    expect(await page.getByTestId('activity-router').inputValue()).toBe(app.routerId);
    const table = page.getByTestId('activity-table');
    await table.waitFor();
    const actions = await table.locator('tbody tr.activity-row').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-action')} ${tr.getAttribute('data-object')}`));
    expect(actions.slice(0, 2)).toEqual([`delete ${deleted}`, `edit ${edited}`]);
    expect(actions.slice(2, 2 + wasEnabled.length).sort()).toEqual(wasEnabled.map((n) => `disable ${n}`).sort());

    // The edit as a diff: only what changed, before and after.
    const editRow = table.locator(`tr.activity-row[data-action="edit"][data-object="${edited}"]`);
    await editRow.locator('button[aria-expanded]').click();
    const diff = page.locator('[data-testid^="activity-details-"]').getByTestId('activity-diff');
    await diff.waitFor();
    const keepalive = diff.locator('tr', { hasText: 'persistentKeepaliveSec' });
    expect(await keepalive.getAttribute('data-change')).toBe('changed');
    expect(await keepalive.locator('td').allInnerTexts()).toEqual(['25', '40']);
    expect(await diff.locator('tr', { hasText: 'client.dns' }).locator('td').nth(1).innerText()).toBe('10.10.0.1');
    expect(await diff.locator('tr[data-change="same"]').count()).toBe(0);
    await session.screenshot('audit-edit-diff');

    // Filters: action, text, and a date range that excludes today.
    await page.getByTestId('activity-action').selectOption('disable');
    await table.locator('tbody tr.activity-row').first().waitFor();
    await expect.poll(async () => table.locator('tbody tr.activity-row:not([data-action="disable"])').count()).toBe(0);
    expect(await table.locator('tbody tr.activity-row').count()).toBe(wasEnabled.length);
    await page.getByTestId('activity-action').selectOption('');
    await page.getByTestId('activity-search').fill(deleted);
    await expect.poll(async () => table.locator('tbody tr.activity-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-object')))).toEqual([deleted, deleted]);
    await page.getByTestId('activity-to').fill('2020-01-31');
    await page.getByTestId('activity-empty').waitFor();
    await page.getByTestId('activity-clear').click();
    await table.waitFor();
    expect(await page.getByTestId('activity-pager').innerText()).toMatch(/1–\d+ of \d+/);
    await session.screenshot('audit-activity');
  });
});
