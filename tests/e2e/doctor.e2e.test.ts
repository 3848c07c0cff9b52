// The connection doctor in the real UI: a phone on an interface whose port the default firewall drops gets
// "the firewall drops UDP …" as its first cause, with the rule named; its Fix opens the Preview step (an
// accept placed before that drop), and once applied the next diagnosis no longer lists it. Screenshots in
// English and Turkish at 1280x800 and 960x600.
import { afterEach, describe, expect, it } from 'vitest';
import { applyPreview, managedApp, peerMenuId, rowAction, type ManagedApp } from './management-support.ts';
import { screenshotsEnTr } from './harness.ts';

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('connection doctor (e2e, Chromium)', () => {
  it('names the firewall rule that drops a phone\'s port first, and fixes it through the preview', async () => {
    app = await managedApp();
    const { page, sim, routerId } = app;
    await app.call('interfaces:create', { routerId, name: 'wg-saha', listenPort: 51777, address: '10.66.0.1/24' });
    await app.call('peers:create', { routerId, interface: 'wg-saha', name: 'saha-telefonu' });

    await page.getByTestId('nav-peers').click();
    // The Add-peer form's closed-port warning offers the same fix (not used here: the doctor's is).
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-interface').selectOption('wg-saha');
    await page.getByTestId('precheck-warnings').getByTestId('warning-FIREWALL_CLOSED').getByTestId('precheck-open-port').waitFor();
    await page.getByTestId('peer-form-cancel').click();
    await rowAction(page, await peerMenuId(page, 'saha-telefonu'), 'peer-action-doctor');
    const dialog = page.getByTestId('doctor-dialog');
    const first = dialog.getByTestId('doctor-cause-port-closed');
    await first.waitFor();
    expect(await first.getAttribute('data-rank')).toBe('0');
    expect(await first.innerText()).toContain('The firewall drops UDP 51777');
    expect(await first.innerText()).toContain('“defconf: drop all not coming from LAN”');
    await dialog.getByTestId('doctor-cause-never-connected').waitFor();
    await screenshotsEnTr(app.session, 'doctor-port-closed', async (p) => {
      await p.getByTestId('doctor-cause-port-closed').waitFor();
    });

    await dialog.getByTestId('doctor-fix-port-closed').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    const drop = sim.state.print('/ip/firewall/filter').find((r) => r['comment'] === 'defconf: drop all not coming from LAN')!;
    expect(await preview.getByTestId('preview-commands').innerText()).toBe(`/ip firewall filter add chain=input action=accept protocol=udp dst-port=51777 comment="WireGuard wg-saha" place-before=${drop['.id']}`);
    await applyPreview(page);
    await first.waitFor({ state: 'detached' });
    // The new accept has counted no packet yet: the phone's packets have not reached the router.
    const causes = () => dialog.getByTestId('doctor-causes').locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-testid')));
    expect(await causes()).toEqual(['doctor-cause-port-never-hit', 'doctor-cause-never-connected']);
    await screenshotsEnTr(app.session, 'doctor-after-fix', async (p) => {
      await p.getByTestId('doctor-cause-port-never-hit').waitFor();
    });

    // Someone pastes another public key into the router's peer (WinBox): the phone's config no longer matches.
    const peer = sim.state.print('/interface/wireguard/peers').find((r) => r['name'] === 'saha-telefonu')!;
    sim.state.set('/interface/wireguard/peers', peer['.id']!, { 'public-key': Buffer.alloc(32, 7).toString('base64') });
    await dialog.getByTestId('doctor-again').click();
    const changed = dialog.getByTestId('doctor-cause-key-changed');
    await changed.waitFor();
    expect(await changed.getAttribute('data-rank')).toBe('0');
    expect(await changed.innerText()).toContain(`but the router’s peer now has ${Buffer.alloc(32, 7).toString('base64').slice(0, 8)}…`);
    await screenshotsEnTr(app.session, 'doctor-key-changed', async (p) => {
      await p.getByTestId('doctor-cause-key-changed').waitFor();
    });
    // Its fix is the peer's own Rotate keys dialog: preview, apply, then the new config to hand over.
    await dialog.getByTestId('doctor-fix-key-changed').click();
    await page.getByTestId('rotate-dialog').getByTestId('rotate-confirm').click();
    await applyPreview(page);
    await page.getByTestId('secret-dialog').waitFor();
    const rotated = sim.state.print('/interface/wireguard/peers').find((r) => r['.id'] === peer['.id'])!['public-key'];
    expect([peer['public-key'], Buffer.alloc(32, 7).toString('base64')]).not.toContain(rotated);
  });

  it("lets a closed port in from the config dialog's warning, through the same preview", async () => {
    app = await managedApp();
    const { page, routerId } = app;
    await app.call('interfaces:create', { routerId, name: 'wg-depo', listenPort: 51778, address: '10.67.0.1/24' });
    await app.call('peers:create', { routerId, interface: 'wg-depo', name: 'depo-laptop' });
    await page.getByTestId('nav-peers').click();
    await rowAction(page, await peerMenuId(page, 'depo-laptop'), 'peer-action-config');
    const dialog = page.getByTestId('config-dialog');
    const warning = dialog.getByTestId('config-warning-FIREWALL_CLOSED');
    await warning.getByTestId('config-open-port').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    expect(await preview.getByTestId('preview-commands').innerText()).toContain('dst-port=51778 comment="WireGuard wg-depo"');
    await applyPreview(page);
    // The config is asked again: the port gets in now, so the warning is gone.
    await warning.waitFor({ state: 'detached' });
    await dialog.getByTestId('config-text').waitFor();
  });

  it("gives an interface without an address one from the Add-peer form's warning, through the preview", async () => {
    app = await managedApp();
    const { page, routerId, sim } = app;
    await app.call('interfaces:create', { routerId, name: 'wg-bos', listenPort: 51779 });
    await page.getByTestId('nav-peers').click();
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-interface').selectOption('wg-bos');
    const warning = page.getByTestId('precheck-warnings').getByTestId('warning-NO_ADDRESS');
    await warning.getByTestId('precheck-add-address').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    const command = await preview.getByTestId('preview-commands').innerText();
    const address = /address=(\S+) interface=wg-bos/.exec(command)![1]!;
    expect(command).toBe(`/ip address add address=${address} interface=wg-bos comment=WireGuard`);
    await applyPreview(page);
    // The precheck runs again: the interface has its address, the warning is gone.
    await warning.waitFor({ state: 'detached' });
    expect(sim.state.print('/ip/address').filter((a) => a['interface'] === 'wg-bos').map((a) => a['address'])).toEqual([address]);
  });

  it("names a router clock back in 1970 for a branch the router dials, and turns on NTP through the preview", async () => {
    // A router without a battery-backed clock and without NTP starts at jan/02/1970 (manual "Clock").
    const booted = Date.now();
    app = await managedApp({ clock: { now: () => Date.UTC(1970, 0, 2) + (Date.now() - booted) } });
    const { page, sim, routerId } = app;
    const branch = (await app.call('peers:create', { routerId, interface: 'wg-office', name: 'sube-izmir' })).peer;
    sim.state.set('/interface/wireguard/peers', branch.id, { 'endpoint-address': '198.51.100.40', 'endpoint-port': '13231', 'persistent-keepalive': '25s' });
    await page.getByTestId('nav-peers').click();
    await rowAction(page, await peerMenuId(page, 'sube-izmir'), 'peer-action-doctor');
    const dialog = page.getByTestId('doctor-dialog');
    const clock = dialog.getByTestId('doctor-cause-router-clock');
    await clock.waitFor();
    expect(await clock.getAttribute('data-rank')).toBe('0');
    expect(await clock.innerText()).toContain('says 1970-01-02 00:');
    expect(await clock.innerText()).toContain('Its NTP client is off');
    await screenshotsEnTr(app.session, 'doctor-router-clock', async (p) => {
      await p.getByTestId('doctor-cause-router-clock').waitFor();
    });
    await dialog.getByTestId('doctor-fix-router-clock').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    expect(await preview.getByTestId('preview-commands').innerText()).toBe('/system ntp client set enabled=yes servers=pool.ntp.org');
    await applyPreview(page);
    await clock.waitFor({ state: 'detached' });
    expect(sim.state.print('/system/ntp/client')[0]).toMatchObject({ enabled: 'true', status: 'synchronized' });
    expect(sim.state.print('/system/clock')[0]!['date']).toBe(new Date().toISOString().slice(0, 10));
  });
});

