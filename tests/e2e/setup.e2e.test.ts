// The set-up wizard in the real UI, from a router with no WireGuard to a QR code for the first peer: the form
// starts from main's proposal (free name, port and subnet) and says the firewall drops the port; the Preview
// step shows the interface, its address and the accept placed before the drop; after Apply, where clients dial
// and "Add the first peer" lead to the Add-peer form on the new interface, and its secret dialog shows a QR
// code. Screenshots in English and Turkish at 1280x800 and 960x600.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPreview, managedApp, peerMenuId, rowAction, type ManagedApp } from './management-support.ts';
import { screenshotsEnTr } from './harness.ts';

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('set-up wizard (e2e, Chromium)', () => {
  it('sets up WireGuard on an empty router and gets to the first peer\'s QR code', async () => {
    app = await managedApp({
      peers: 0,
      // RouterOS's default configuration only: the simulator's extra accept for 13231 goes.
      // IP Cloud DDNS off, as on a router nobody has touched: `auto` without Back To Home on 7.17+ (no is refused).
      beforeConnect: (sim) => {
        const seeded = sim.state.print('/ip/firewall/filter').find((r) => r['comment'] === 'WireGuard');
        if (seeded) sim.state.remove('/ip/firewall/filter', seeded['.id']!);
        sim.state.set('/ip/cloud', '', { 'ddns-enabled': 'auto' });
      },
    });
    const { page, sim } = app;
    await page.getByTestId('nav-interfaces').click();
    await page.getByTestId('interfaces-empty').waitFor();
    await page.getByTestId('setup-wireguard').click();
    const form = page.getByTestId('interface-form');
    await form.getByTestId('setup-firewall').and(page.locator('[data-state="closed"]')).waitFor();
    expect(await page.getByTestId('iface-name').inputValue()).toBe('wg-clients');
    expect(await page.getByTestId('iface-port').inputValue()).toBe('13231');
    expect(await page.getByTestId('iface-address').inputValue()).toBe('10.10.0.1/24');
    expect(await form.getByTestId('setup-firewall').innerText()).toContain('“defconf: drop all not coming from LAN” drops now');
    // Full tunnel is the default; the default configuration's masquerade already takes its internet traffic.
    expect(await page.getByTestId('setup-access-full').isChecked()).toBe(true);
    expect(await form.getByTestId('setup-nat').getAttribute('data-state')).toBe('covered');
    expect(await form.getByTestId('setup-nat').innerText()).toContain('“defconf: masquerade” already takes');
    // Site-to-site is the other kind of set-up: it hands over to Connect sites, and back.
    await page.getByTestId('setup-open-sites').click();
    await page.getByTestId('sites-dialog').waitFor();
    await page.getByTestId('sites-cancel').click();
    await page.getByTestId('sites-dialog').waitFor({ state: 'detached' });
    await screenshotsEnTr(app.session, 'setup-wizard', async (p) => {
      await p.getByTestId('setup-checklist').waitFor();
    });

    // The router's address may change: clients dial its IP Cloud name instead.
    await page.getByTestId('setup-ddns-input').check();
    await page.getByTestId('interface-form-submit').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    const drop = sim.state.print('/ip/firewall/filter').find((r) => r['comment'] === 'defconf: drop all not coming from LAN')!;
    expect((await preview.getByTestId('preview-commands').innerText()).split('\n').filter((l) => l.trim())).toEqual([
      '/interface wireguard add name=wg-clients listen-port=13231',
      '/ip address add address=10.10.0.1/24 interface=wg-clients comment=WireGuard',
      `/ip firewall filter add chain=input action=accept protocol=udp dst-port=13231 comment="WireGuard wg-clients" place-before=${drop['.id']}`,
      '/ip cloud set ddns-enabled=yes',
    ]);
    await screenshotsEnTr(app.session, 'setup-wizard-preview', async (p) => {
      await p.getByTestId('change-preview').getByTestId('plan-preview').waitFor();
    });
    await applyPreview(page);

    const created = page.getByTestId('interface-created');
    await created.waitFor();
    expect(await created.getByTestId('warning-FIREWALL_CLOSED').count()).toBe(0);
    // Where clients dial is already the router's cloud name, remembered with the interface.
    const dnsName = sim.state.print('/ip/cloud')[0]!['dns-name']!;
    expect(dnsName).toMatch(/\.sn\.mynetname\.net$/);
    expect(await page.getByTestId('endpoint-host').inputValue()).toBe(dnsName);
    await screenshotsEnTr(app.session, 'setup-wizard-done', async (p) => {
      await p.getByTestId('setup-first-peer').waitFor();
    });
    await page.getByTestId('setup-first-peer').click();

    // The Peers tab with its Add-peer form open on the new interface.
    await page.getByTestId('peer-form').waitFor();
    expect(await page.getByTestId('peer-interface').inputValue()).toBe('wg-clients');
    await page.getByTestId('peer-name').fill('ilk-telefon');
    await page.getByTestId('pool-usage').waitFor();
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('secret-dialog').getByTestId('secret-qr').waitFor();
    expect(await page.getByTestId('secret-config').textContent()).toContain(`Endpoint = ${dnsName}:13231`);
  });

  it('a split tunnel with IPv6 chosen in the wizard: no NAT change, and the first peer\'s config routes only the tunnel (both families) and the LAN', async () => {
    app = await managedApp({ peers: 0 });
    const { page, sim } = app;
    await page.getByTestId('nav-interfaces').click();
    await page.getByTestId('setup-wireguard').click();
    const form = page.getByTestId('interface-form');
    await form.getByTestId('setup-access-split').check();
    // The router's LAN is offered, ticked (a private network); its public uplink is not.
    const lan = form.getByTestId('setup-lan-192.168.88.0/24');
    expect(await lan.isChecked()).toBe(true);
    // DDNS is on already: clients dial the router's cloud name (remembered with the new interface).
    await form.getByTestId('setup-ddns-on').waitFor();
    // IPv6 alongside: the proposal's unique local /64.
    await form.getByTestId('setup-ipv6-input').check();
    const ula = /fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:1::1\/64/.exec(await form.getByTestId('setup-ipv6').innerText())![0];
    expect(await form.getByTestId('setup-nat').getAttribute('data-state')).toBe('split');
    await screenshotsEnTr(app.session, 'setup-wizard-split', async (p) => {
      await p.getByTestId('setup-lans').waitFor();
    });
    await page.getByTestId('interface-form-submit').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    expect(await preview.getByTestId('preview-commands').innerText()).not.toContain('/ip firewall nat');
    expect(await preview.getByTestId('preview-commands').innerText()).toContain(`/ipv6 address add address=${ula} interface=wg-clients advertise=no comment=WireGuard`);
    await applyPreview(page);
    await page.getByTestId('interface-created').getByTestId('setup-first-peer').click();

    await page.getByTestId('peer-form').waitFor();
    const subnet6 = ula.replace('::1/64', '::/64');
    expect(await page.getByTestId('peer-form-client-routes').innerText()).toContain(`10.10.0.0/24, ${subnet6}, 192.168.88.0/24`);
    await page.getByTestId('peer-name').fill('ofis-laptop');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('secret-dialog').getByTestId('secret-qr').waitFor();
    const routes = `10.10.0.0/24, ${subnet6}, 192.168.88.0/24`;
    const config = (await page.getByTestId('secret-config').textContent()) ?? '';
    expect(config).toContain(`AllowedIPs = ${routes}`);
    expect(config).toContain(`Address = 10.10.0.2/32, ${ula.replace('::1/64', '::2/128')}`);
    expect(sim.state.print('/ip/firewall/nat').filter((r) => r['chain'] === 'srcnat')).toHaveLength(1);
    await page.getByTestId('secret-done').click();
    await page.getByTestId('secret-dialog').waitFor({ state: 'detached' });

    // The choice is the interface's: the second peer's form says so, and its config routes the same networks.
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-form').waitFor();
    expect(await page.getByTestId('peer-interface').inputValue()).toBe('wg-clients');
    expect(await page.getByTestId('peer-form-client-routes').innerText()).toContain(routes);
    await page.getByTestId('peer-name').fill('ikinci-telefon');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('secret-dialog').getByTestId('secret-qr').waitFor();
    expect(await page.getByTestId('secret-config').textContent()).toContain(`AllowedIPs = ${routes}`);
    await page.getByTestId('secret-done').click();
    await page.getByTestId('secret-dialog').waitFor({ state: 'detached' });

    // Config & QR starts from it too: split tunnel, as remembered for the interface.
    await page.getByTestId('peer-search').fill('ikinci-telefon');
    await rowAction(page, await peerMenuId(page, 'ikinci-telefon'), 'peer-action-config');
    const configDialog = page.getByTestId('config-dialog');
    await configDialog.getByTestId('config-remembered-routes').waitFor();
    expect(await configDialog.getByTestId('config-preset-split').locator('input').isChecked()).toBe(true);
    expect(await configDialog.getByTestId('config-text').textContent()).toContain(`AllowedIPs = ${routes}`);
    await screenshotsEnTr(app.session, 'setup-split-config', async (p) => {
      await p.getByTestId('config-remembered-routes').waitFor();
    });
    await configDialog.getByTestId('config-done').click();
    await configDialog.waitFor({ state: 'detached' });

    // A ZIP of both from the export dialog: by default each interface as it is, so both configs are split.
    await page.getByTestId('peer-search').fill('');
    for (const name of ['ofis-laptop', 'ikinci-telefon']) await page.getByTestId(`select-${(await peerMenuId(page, name)).replace('peer-actions-', '')}`).check();
    await page.getByTestId('bulk-export-configs').click();
    const exportDialog = page.getByTestId('config-export-dialog');
    expect(await exportDialog.getByTestId('config-export-as-interface').locator('input').isChecked()).toBe(true);
    const [zipDownload] = await Promise.all([page.waitForEvent('download'), exportDialog.getByTestId('config-export-run').click()]);
    const zip = await JSZip.loadAsync(readFileSync(await zipDownload.path()));
    const confs = Object.keys(zip.files).filter((f) => f.endsWith('.conf'));
    expect(confs).toHaveLength(2);
    for (const f of confs) expect(await zip.file(f)!.async('string')).toContain(`AllowedIPs = ${routes}`);
    await exportDialog.getByTestId('config-export-close').click();
    await exportDialog.waitFor({ state: 'detached' });

    // On the Interfaces tab, next to where clients dial; back to the full tunnel from there.
    await page.getByTestId('nav-interfaces').click();
    expect(await page.getByTestId('client-routes-wg-clients').innerText()).toContain(routes);
    await page.getByTestId('edit-endpoint-wg-clients').click();
    const endpointDialog = page.getByTestId('endpoint-dialog');
    await endpointDialog.getByTestId('client-routes-current').and(page.locator('[data-state="split"]')).waitFor();
    await screenshotsEnTr(app.session, 'interface-client-routes', async (p) => {
      await p.getByTestId('client-routes-editor').waitFor();
    });
    await endpointDialog.getByTestId('client-routes-full').click();
    await endpointDialog.getByTestId('client-routes-current').and(page.locator('[data-state="full"]')).waitFor();
    await page.keyboard.press('Escape');
    await endpointDialog.waitFor({ state: 'detached' });
    await page.getByTestId('client-routes-wg-clients').waitFor({ state: 'detached' });
  });
});

