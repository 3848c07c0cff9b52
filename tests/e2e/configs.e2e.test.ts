// Client configs in Chromium against the real services and the demo router: a peer added in the real UI,
// its "Config & QR" dialog, the QR code read back by zbarimg byte for byte equal to the config text shown,
// the .conf download (named .conf, same bytes), and a ZIP of three peers' configs from the selection,
// unpacked here with exact texts. Screenshots in light and dark.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanupTemp } from '../integration/configs-service/support.ts';
import { openApp, type E2eSession } from './harness.ts';
import { applyPreview, decodeShownQr, peerMenuId, rowAction } from './management-support.ts';

const IFACE = 'wg-office';
const ENDPOINT = { host: 'vpn.demo-musteri.example', port: 13231 };

let session: E2eSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});
afterAll(() => cleanupTemp());

describe('client configs (e2e, Chromium)', () => {
  it('shows a scannable QR code and the same config as a .conf, and exports a ZIP of three peers', async () => {
    session = await openApp({ colorScheme: 'light' });
    const { page, host } = session;
    const { services } = host;
    page.setDefaultTimeout(10_000);

    await page.getByTestId('try-demo').click();
    await page.getByTestId('router-status-Demo router').and(page.locator('[data-state="online"]')).waitFor();
    const routerId = services.routers.list().find((r) => r.profile.name === 'Demo router')!.profile.id;
    // Remember where phones dial the demo interface, as a technician does once per interface.
    await services.management.records.setEndpoint({ routerId, interface: IFACE, host: ENDPOINT.host, port: ENDPOINT.port });

    // 1. A peer added through the real form (custody: stored), its one-time dialog closed.
    await page.getByTestId('router-row-Demo router').click();
    await page.getByTestId('nav-peers').click();
    await page.getByTestId('peers-table').waitFor();
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-form').waitFor();
    await page.getByTestId('peer-interface').selectOption(IFACE);
    await page.getByTestId('peer-name').fill('ayşe-qr');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('secret-dialog').waitFor();
    await page.getByTestId('secret-done').click();
    await page.getByTestId('secret-dialog').waitFor({ state: 'detached' });

    // 2. Its Config & QR dialog: the QR code holds exactly the config text shown.
    await page.getByTestId('peer-search').fill('ayşe-qr');
    const menuId = await peerMenuId(page, 'ayşe-qr');
    const peerIds = [menuId.replace('peer-actions-', '')];
    await rowAction(page, menuId, 'peer-action-config');
    const dialog = page.getByTestId('config-dialog');
    const qr = dialog.getByTestId('config-qr');
    await qr.waitFor();
    expect(await dialog.getByTestId('config-peer-name').innerText()).toBe('ayşe-qr');
    const text = (await dialog.getByTestId('config-text').textContent())!;
    expect(text).toContain('[Interface]');
    expect(text).toContain(`Endpoint = ${ENDPOINT.host}:${ENDPOINT.port}`);
    expect(await dialog.getByTestId('config-endpoint-source').getAttribute('data-source')).toBe('remembered');
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(320);
    expect(await page.evaluate('getComputedStyle(document.querySelector(\'[data-testid="config-qr"]\')).imageRendering')).toBe('pixelated');
    expect((await decodeShownQr(qr)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    await session.screenshot('configs-qr');

    // The .conf download: named .conf (not .conf.txt), the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('config-download-conf').click()]);
    expect(download.suggestedFilename()).toBe('ayse-qr.conf');
    expect(readFileSync(await download.path(), 'utf8')).toBe(text);

    // Split tunnel asks main again: a new config, still scannable, still the text shown.
    await dialog.getByTestId('config-preset-split').click();
    await dialog.getByTestId('config-lans').waitFor();
    await expect.poll(async () => (await dialog.getByTestId('config-text').textContent()) !== text).toBe(true);
    await dialog.locator('[aria-busy="false"]').waitFor();
    const splitText = (await dialog.getByTestId('config-text').textContent())!;
    expect(splitText).not.toContain('0.0.0.0/0');
    expect((await decodeShownQr(qr)).equals(Buffer.from(splitText, 'utf8'))).toBe(true);

    // Dark theme: the QR keeps its white quiet zone.
    await page.emulateMedia({ colorScheme: 'dark' });
    await dialog.getByTestId('config-preset-full').click();
    await expect.poll(async () => await dialog.getByTestId('config-text').textContent()).toBe(text);
    await session.screenshot('configs-qr-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByTestId('config-done').click();
    await dialog.waitFor({ state: 'detached' });
    // Closed: nothing of the config is left in the page.
    expect(await page.content()).not.toContain('PrivateKey');

    // 3. Two more peers (through the services), then a ZIP of all three from the selection.
    for (const name of ['ayşe-qr-2', 'ayşe-qr-3']) {
      const created = await services.management.peers.create({ routerId, interface: IFACE, name, custody: 'stored', presharedKey: false, persistentKeepaliveSec: 25 });
      peerIds.push(created.peer.id);
    }
    await page.getByTestId('peer-search').fill('ayşe-qr');
    await expect.poll(() => page.getByTestId('peers-table').locator('[role="row"]', { hasText: 'ayşe-qr' }).count(), { timeout: 15_000 }).toBe(3);
    await page.getByTestId('select-all').check();
    // And one of the demo's own peers: WireDesk never had its private key, so the export leaves it out.
    const listed = await services.management.peerList.list(routerId);
    const keyless = listed.rows.find((p) => p.interface === IFACE && !p.hasPrivateKey && !p.dynamic && p.vanishedAt === null && p.name !== '')!;
    await page.getByTestId('peer-search').fill(keyless.name);
    await page.getByTestId(`select-${keyless.id}`).check();
    expect(await page.getByTestId('selected-count').innerText()).toMatch(/4/);
    await page.getByTestId('bulk-export-configs').click();
    const exportDialog = page.getByTestId('config-export-dialog');
    await exportDialog.waitFor();
    const [zipDownload] = await Promise.all([page.waitForEvent('download'), exportDialog.getByTestId('config-export-run').click()]);
    expect(zipDownload.suggestedFilename()).toMatch(/\.zip$/);
    await exportDialog.getByTestId('config-export-result').waitFor();
    const skipped = exportDialog.getByTestId('config-export-skipped');
    expect(await skipped.locator('li').count()).toBe(1);
    expect(await skipped.locator('li').getAttribute('data-reason')).toBe('NO_PRIVATE_KEY');
    expect(await skipped.innerText()).toContain(keyless.name);
    await session.screenshot('configs-export');

    const zip = await JSZip.loadAsync(readFileSync(await zipDownload.path()));
    const confs = Object.keys(zip.files).filter((f) => f.endsWith('.conf')).sort();
    expect(confs).toHaveLength(3);
    for (const peerId of peerIds) {
      const expected = await services.configs.configs.get({ routerId, peerId, preset: 'full', keepaliveSec: 25 });
      const entry = confs.find((f) => f.endsWith(expected.fileName));
      expect(entry, `${expected.fileName} in ${confs.join(', ')}`).toBeDefined();
      expect(await zip.file(entry!)!.async('string')).toBe(expected.text);
    }
    await exportDialog.getByTestId('config-export-close').click();
    await exportDialog.waitFor({ state: 'detached' });

    // 4. The keyless peer: no config, the reason, and Rotate keys gives a new config that scans.
    await page.getByTestId('bulk-clear').click();
    await rowAction(page, `peer-actions-${keyless.id}`, 'peer-action-config');
    await dialog.getByTestId('config-problem').and(page.locator('[data-reason="NO_PRIVATE_KEY"]')).waitFor();
    expect(await dialog.getByTestId('config-qr').count()).toBe(0);
    expect(await dialog.getByTestId('config-text').count()).toBe(0);
    await dialog.getByTestId('config-rotate').click();
    await dialog.getByTestId('config-rotate-warning').waitFor();
    await session.screenshot('configs-no-key');
    await dialog.getByTestId('config-rotate-confirm').click();
    // New keys are a change like any other: the Preview step (the new public key, the router's rollback) first.
    const rotation = page.getByTestId('change-preview');
    await rotation.getByTestId('plan-preview').waitFor();
    expect(await rotation.getByTestId('preview-commands').innerText()).toMatch(new RegExp(`^/interface wireguard peers set ${keyless.id.replace('*', '\\*')} public-key="[A-Za-z0-9+/]{43}="`));
    await applyPreview(page);
    await dialog.getByTestId('config-rotated').waitFor();
    const rotatedText = (await dialog.getByTestId('config-text').textContent())!;
    expect((await decodeShownQr(dialog.getByTestId('config-qr'))).equals(Buffer.from(rotatedText, 'utf8'))).toBe(true);
    await session.screenshot('configs-rotated');
    await dialog.getByTestId('config-done').click();
    await dialog.waitFor({ state: 'detached' });

    // 5. The ZIP is in the router's activity: which peers went out in which file (never a key).
    await page.getByTestId('router-activity').click();
    const exported = page.getByTestId('activity-table').locator('tr.activity-row[data-action="export"][data-object="3 peers"]');
    await exported.waitFor();
    await exported.locator('button[aria-expanded]').click();
    const details = page.getByTestId('activity-table').locator('tr.detail-row');
    await details.getByText(zipDownload.suggestedFilename()).first().waitFor();
    for (const name of ['ayşe-qr', 'ayşe-qr-2', 'ayşe-qr-3']) expect(await details.innerText()).toContain(name);
    // The .conf saved from the dialog in step 1 is there too, under the peer's name.
    await page.getByTestId('activity-table').locator('tr.activity-row[data-action="export"][data-object="ayşe-qr"]').first().waitFor();
    expect(await page.content()).not.toContain('PrivateKey');
    await session.screenshot('configs-activity-export');
  }, 45_000);
});
