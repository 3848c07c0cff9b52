// Peer management in the real UI against a simulated RouterOS 7.18: add a peer and scan its QR code (the
// bytes zbarimg reads equal the config text shown), the endpoint set from the one-time dialog, edit,
// disable, delete, a duplicate public key named before sending and one refused by the router with what was attempted, and the offline
// view after the router goes away (last-known peers, changes switched off). Every change goes through the
// Preview step (Preview, then Apply).
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanupTemp } from '../integration/configs-service/support.ts';
import { statusWhere } from '../integration/services/support.ts';
import { applyPreview, decodeShownQr, managedApp, peerMenuId, peerRowByName, rowAction, type ManagedApp } from './management-support.ts';

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(() => cleanupTemp());

describe('peer management (e2e, Chromium)', () => {
  it('adds a peer with a scannable QR code, then edits, disables and deletes it', async () => {
    app = await managedApp();
    const { page, session, sim } = app;
    await page.getByTestId('nav-peers').click();
    await page.getByTestId('peers-table').waitFor();

    // 1. No endpoint is remembered yet: the one-time dialog explains and builds the config once it is set.
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-form').waitFor();
    await page.getByTestId('peer-name').fill('ayşe-telefon');
    await page.getByTestId('pool-usage').waitFor();
    expect(await page.getByTestId('peer-address').inputValue()).toMatch(/^10\.10\.0\.\d+\/32$/);
    expect(await page.getByTestId('peer-form-endpoint').innerText()).toMatch(/No public endpoint is set for wg-office/);
    await session.screenshot('management-add-peer-form');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    const secret = page.getByTestId('secret-dialog');
    await secret.waitFor();
    await page.getByTestId('secret-config-problem').waitFor();
    await page.getByTestId('endpoint-host').fill('192.168.88.1');
    await page.getByTestId('endpoint-private-warning').waitFor();
    await page.getByTestId('endpoint-host').fill('vpn.musteri.example');
    expect(await page.getByTestId('endpoint-private-warning').count()).toBe(0);
    expect(await page.getByTestId('endpoint-port').inputValue()).toBe('13231');
    await page.getByTestId('endpoint-save').click();
    // The config with the endpoint needs a key pair made for it: a key rotation, previewed like every change.
    await applyPreview(page);
    const qr = page.getByTestId('secret-qr');
    await qr.waitFor();
    const configText = await page.getByTestId('secret-config').textContent();
    expect(configText).toContain('Endpoint = vpn.musteri.example:13231');
    expect(await page.getByTestId('secret-peer-name').innerText()).toBe('ayşe-telefon');
    await session.screenshot('management-secret-dialog');
    expect((await decodeShownQr(qr)).equals(Buffer.from(configText!, 'utf8'))).toBe(true);
    // The .conf download: named after the peer (wg-quick's rules), the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('secret-download').click()]);
    expect(download.suggestedFilename()).toBe('ayse-telefon.conf');
    expect(readFileSync(await download.path(), 'utf8')).toBe(configText);
    await page.getByTestId('secret-done').click();
    await secret.waitFor({ state: 'detached' });

    // 2. With the endpoint remembered the QR code is there at once; "show once" asks before closing.
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-name').fill('kamera-giriş');
    await page.getByTestId('peer-form-endpoint').filter({ hasText: 'vpn.musteri.example:13231' }).waitFor();
    await page.getByTestId('custody-shown-once').click();
    await page.getByTestId('peer-dns').fill('10.10.0.1');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await secret.waitFor();
    const text2 = await page.getByTestId('secret-config').textContent();
    expect(text2).toContain('DNS = 10.10.0.1');
    expect((await decodeShownQr(page.getByTestId('secret-qr'))).equals(Buffer.from(text2!, 'utf8'))).toBe(true);
    expect(await page.getByTestId('secret-custody').innerText()).toMatch(/only copy/);
    expect(await page.getByTestId('secret-download').innerText()).toContain('kamera-giris.conf');
    await page.getByTestId('secret-done').click();
    await page.getByTestId('secret-confirm-close').waitFor();
    await page.getByTestId('secret-close-anyway').click();
    await secret.waitFor({ state: 'detached' });
    // The dialog is gone and with it the key: nothing of the config is left in the page.
    expect(await page.content()).not.toContain('PrivateKey');

    // The next peer on wg-office starts with the DNS its neighbour got; typing replaces it.
    await page.getByTestId('add-peer').click();
    await page.getByTestId('pool-usage').waitFor();
    await expect.poll(() => page.getByTestId('peer-dns').inputValue()).toBe('10.10.0.1');
    expect(await page.locator('#peer-dns-hint').innerText()).toMatch(/What most peers on wg-office use/);
    await page.getByTestId('peer-dns').fill('');
    expect(await page.getByTestId('peer-dns').inputValue()).toBe('');
    await page.getByTestId('peer-form-cancel').click();

    // 3. List, edit, disable, delete.
    await peerRowByName(page, 'kamera-giriş');
    await page.getByTestId('peer-search').fill('kamera');
    await rowAction(page, await peerMenuId(page, 'kamera-giriş'), 'peer-action-edit');
    await page.getByTestId('peer-form').waitFor();
    await page.getByTestId('peer-keepalive').fill('30');
    await page.getByTestId('peer-comment').fill('Giriş kapısı');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('peer-form').waitFor({ state: 'detached' });
    const onRouter = () => app!.peers().find((p) => p['name'] === 'kamera-giriş');
    expect(onRouter()).toMatchObject({ 'persistent-keepalive': '30s', comment: 'Giriş kapısı' });

    await rowAction(page, await peerMenuId(page, 'kamera-giriş'), 'peer-action-disable');
    await applyPreview(page);
    await (await peerRowByName(page, 'kamera-giriş')).getByText('Disabled').waitFor();
    expect(onRouter()?.['disabled']).toBe('true');
    await session.screenshot('management-peer-disabled');

    await rowAction(page, await peerMenuId(page, 'kamera-giriş'), 'peer-action-delete');
    await page.getByTestId('peer-delete-dialog').waitFor();
    expect(await page.getByTestId('peer-delete-dialog').innerText()).toContain('kamera-giriş');
    await page.getByTestId('peer-delete-confirm').click();
    await applyPreview(page);
    await page.getByTestId('peer-delete-dialog').waitFor({ state: 'detached' });
    expect(onRouter()).toBeUndefined();
    // WireDesk keeps a record of peers gone from the router; such a row is flagged and offers no change.
    const rows = page.getByTestId('peers-table').locator('[role="row"]', { hasText: 'kamera-giriş' });
    await expect.poll(async () => (await rows.count()) === 0 || (await rows.getByTestId('peer-vanished').count()) > 0, { timeout: 10_000 }).toBe(true);
    await session.screenshot('management-peer-deleted');
    expect(sim.state.print('/interface/wireguard/peers').some((p) => p['name'] === 'ayşe-telefon')).toBe(true);
  });

  it('says which peer already has a public key before sending, and shows the router refusing one it has not heard of', async () => {
    app = await managedApp();
    const { page, session, sim } = app;
    const existing = app.peers().find((p) => p['interface'] === 'wg-office' && p['dynamic'] !== 'true')!;
    await page.getByTestId('nav-peers').click();
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-name').fill('yeni-laptop');
    await page.getByTestId('peer-own-key').check();
    await page.getByTestId('peer-public-key').fill(existing['public-key']!);
    await page.getByTestId('peer-form-submit').click();
    // WireDesk knows every key on the router: the form says where this one is used, and nothing is sent.
    expect(await page.getByTestId('peer-public-key-error').innerText()).toContain(`already used by peer "${existing['name']}" on wg-office`);
    await session.screenshot('management-duplicate-key-form');

    // A key the router has on a peer WireDesk has not heard of yet (added in WinBox a moment ago): the preview cannot
    // know, Apply sends it, and the Preview step shows the router's refusal.
    sim.faults.refuse('/interface/wireguard/peers/add', 'failure: entry already exists');
    await page.getByTestId('peer-public-key').fill(Buffer.alloc(32, 93).toString('base64'));
    await page.getByTestId('peer-form-submit').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    await preview.getByTestId('preview-apply').click();
    const error = preview.getByTestId('preview-error');
    await error.waitFor();
    expect(await page.getByTestId('trap-attempted').innerText()).toBe('Adding peer "yeni-laptop" to wg-office');
    // The plan's report: the one command, refused.
    expect(await preview.getByTestId('error-report').getByTestId('report-step').first().getAttribute('data-state')).toBe('failed');
    expect(await page.getByTestId('trap-router-message').innerText()).toBe('failure: entry already exists');
    expect(await page.getByTestId('trap-hint').innerText()).toMatch(/already has this public key/);
    await session.screenshot('management-duplicate-key');
    expect(app.peers().filter((p) => p['public-key'] === existing['public-key'])).toHaveLength(1);
  });

  it('keeps showing the last-known peers when the router goes away, with every change switched off', async () => {
    app = await managedApp();
    const { page, session, sim } = app;
    await page.getByTestId('nav-peers').click();
    const someone = app.peers().find((p) => p['dynamic'] !== 'true')!['name']!;
    await peerRowByName(page, someone);

    await sim.close();
    await statusWhere(session.host.services, app.routerId, (st) => st.state !== 'online' && st.state !== 'connecting');
    await page.getByTestId('cache-banner').waitFor({ timeout: 20_000 });
    await page.getByTestId('edits-disabled').waitFor();
    await peerRowByName(page, someone);
    expect(await page.getByTestId('add-peer').isDisabled()).toBe(true);
    await page.getByTestId('peer-csv').click();
    expect(await page.locator('.menu:popover-open').getByTestId('peer-import').isDisabled()).toBe(true);
    expect(await page.locator('.menu:popover-open').getByTestId('export-comma').isDisabled()).toBe(false);
    await page.keyboard.press('Escape');
    await page.getByTestId(await peerMenuId(page, someone)).click();
    const menu = page.locator('.menu:popover-open');
    expect(await menu.innerText()).toMatch(/router is offline/);
    expect(await menu.getByTestId('peer-action-edit').isDisabled()).toBe(true);
    expect(await menu.getByTestId('peer-action-delete').isDisabled()).toBe(true);
    await session.screenshot('management-offline');
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-interfaces').click();
    await page.getByTestId('interfaces-tab').waitFor();
    expect(await page.getByTestId('add-interface').isDisabled()).toBe(true);
  });
});
