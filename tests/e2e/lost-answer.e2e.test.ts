// A peer added with its key to be shown once, and the router's answer lost with the link (RouterOS 7.17: no
// Safe Mode, so the peer stands). The technician sees what happened on the real screens: the router kept the
// change (banner), the key waits sealed (Peers banner), is shown once as config and QR code, and the activity
// log says the change was done though its answer was lost. Screenshots in English and Turkish at both sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyFromPrivate } from '../../src/domain/index.ts';
import { screenshotsEnTr } from './harness.ts';
import { decodeShownQr, managedApp, peerRowByName, type ManagedApp } from './management-support.ts';

let app: ManagedApp;
beforeAll(async () => {
  app = await managedApp({ version: '7.17' });
  await app.call('endpoints:set', { routerId: app.routerId, interface: 'wg-office', host: 'vpn.example.net', port: 13231 });
}, 60_000);
afterAll(async () => app?.close());

describe('a lost answer, as the technician sees it', () => {
  it('the kept change, the held key shown once with its QR code, and the activity entry', async () => {
    const { page } = app;
    app.sim.faults.loseReplyOf('/interface/wireguard/peers/add');
    await expect(app.call('peers:create', { routerId: app.routerId, interface: 'wg-office', name: 'saha-tablet', custody: 'shown-once' })).rejects.toThrow(/CONNECTION_LOST/);
    const peer = app.peers().find((r) => r['name'] === 'saha-tablet')!;
    expect(peer).toBeDefined();

    // The router kept it (WireDesk reconnected before its rollback ran): said above every screen.
    await page.getByTestId('rollback-banner-kept').waitFor({ timeout: 30_000 });
    await page.getByTestId('nav-peers').click();
    await peerRowByName(page, 'saha-tablet');
    const held = page.getByTestId('peers-held-keys');
    await held.waitFor();
    await screenshotsEnTr(app.session, 'lost-answer-held-key', async (p) => {
      await p.getByTestId('peers-held-keys').waitFor();
    });

    await held.getByRole('button').first().click();
    const dialog = page.getByTestId('secret-dialog');
    await dialog.waitFor();
    const payload = (await decodeShownQr(dialog.getByTestId('secret-qr'))).toString('utf8');
    const privateKey = /PrivateKey = (\S+)/.exec(payload)?.[1] ?? '';
    expect(publicKeyFromPrivate(privateKey)).toEqual({ ok: true, value: peer['public-key'] });
    await screenshotsEnTr(app.session, 'lost-answer-key-shown', async (p) => {
      await p.getByTestId('secret-qr').waitFor();
    });
    // Shown once: closing without saving asks first, then the key is gone from WireDesk.
    await page.getByTestId('secret-done').click();
    await page.getByTestId('secret-close-anyway').click();
    await held.waitFor({ state: 'detached' });

    // The activity log: one entry, done, with why it first failed.
    await page.getByTestId('nav-activity').click();
    const resolved = page.locator('[data-testid^="activity-resolution-"]');
    await resolved.first().waitFor();
    expect(await resolved.count()).toBe(1);
    expect(await resolved.first().textContent()).toMatch(/Done.*Answer lost with the link; found on the router/);
    await screenshotsEnTr(app.session, 'lost-answer-activity', async (p) => {
      await p.locator('[data-testid^="activity-resolution-"]').first().waitFor();
    });
  }, 120_000);
});
