// The Peers tab's view state is per router (issue 9): two simulated routers whose WireGuard interfaces have
// different names (A: wg-office and wg-clients from the seed; B: wg-phones and wg-guests, made through the
// app's own interfaces service). A's interface filter and search do not show on B, the Add-peer form on B
// starts on (and sends) B's interface, A's filter is still there on coming back, and once the page is loaded
// afresh (an app restart, for the renderer) the lasting parts come back while the search text does not.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/sim/index.ts';
import { statusWhere } from '../integration/services/support.ts';
import { applyPreview, managedApp, peerRowByName, PEERS_PATH, type ManagedApp, type Sim } from './management-support.ts';

let app: ManagedApp | undefined;
let simB: Sim | undefined;
afterEach(async () => {
  try {
    await app?.close();
  } finally {
    await simB?.close().catch(() => undefined);
    app = undefined;
    simB = undefined;
  }
});

const ROUTER_B = 'Şube Çağrı Merkezi';
const B_USER = { name: 'tech', password: 'Şube-Teknisyeni-9!' };

describe('per-router Peers view (e2e, Chromium)', () => {
  it('keeps A\'s filter and search off router B, and B\'s Add-peer form on B\'s own interface', async () => {
    app = await managedApp({ interfaces: 2 });
    const { page, session, sim: simA, routerName: routerA } = app;
    const { services } = session.host;

    // Router B: no seeded WireGuard; its interfaces and a first peer come through the app's own services.
    simB = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 0, seed: 9, users: [B_USER] });
    const b = await services.routers.add({ name: ROUTER_B, host: '127.0.0.1', port: simB.port, transport: 'api', username: B_USER.name, password: B_USER.password, tlsFingerprint: null, allowAnonymousTls: false });
    await statusWhere(services, b.id, (st) => st.state === 'online');
    await services.management.interfaces.create({ routerId: b.id, name: 'wg-phones', listenPort: 13240, address: '10.60.0.1/24', openPort: false, ddns: false, masquerade: false });
    await services.management.interfaces.create({ routerId: b.id, name: 'wg-guests', listenPort: 13241, address: '10.61.0.1/24', openPort: false, ddns: false, masquerade: false });
    await services.management.peers.create({ routerId: b.id, interface: 'wg-phones', name: 'santral-telefonu', custody: 'stored', presharedKey: false, persistentKeepaliveSec: 25 });
    expect(simB.state.print('/interface/wireguard').map((i) => i['name'])).toEqual(['wg-phones', 'wg-guests']);

    // 1. On A: filter to wg-office and search for one of its peers.
    const target = simA.state.print(PEERS_PATH).find((p) => p['interface'] === 'wg-office' && p['dynamic'] !== 'true' && p['name'])!;
    const search = target['name']!.slice(0, 6);
    await page.getByTestId('nav-peers').click();
    await page.getByTestId('peers-table').waitFor();
    await page.getByTestId('peer-interface-filter').selectOption('wg-office');
    await page.getByTestId('peer-search').fill(search);
    await peerRowByName(page, target['name']!);
    await page.getByTestId('peer-clear-filters').waitFor();

    // 2. On B: neither the filter nor the search is there, and A's interface is not offered at all.
    await page.getByTestId(`router-status-${ROUTER_B}`).and(page.locator('[data-state="online"]')).waitFor();
    await page.getByTestId(`router-row-${ROUTER_B}`).click();
    await peerRowByName(page, 'santral-telefonu');
    expect(await page.getByTestId('peer-interface-filter').inputValue()).toBe('');
    expect(await page.getByTestId('peer-search').inputValue()).toBe('');
    expect(await page.getByTestId('peer-interface-filter').locator('option').allTextContents()).toEqual(['All interfaces', 'wg-phones']);
    expect(await page.getByTestId('peer-clear-filters').count()).toBe(0);
    await session.screenshot('per-router-peers-b');

    // 3. Add peer on B: the form shows B's first interface, offers only B's, and creates the peer there.
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-form').waitFor();
    const formInterface = page.getByTestId('peer-interface');
    expect(await formInterface.inputValue()).toBe('wg-phones');
    expect(await formInterface.locator('option').allTextContents()).toEqual(['wg-phones', 'wg-guests']);
    await page.getByTestId('pool-usage').filter({ hasText: '10.60.0.1/24' }).waitFor();
    await page.getByTestId('peer-name').fill('çağrı-masası-1');
    await session.screenshot('per-router-add-peer-b');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('secret-dialog').waitFor();
    await page.getByTestId('secret-done').click();
    await page.getByTestId('secret-dialog').waitFor({ state: 'detached' });
    const created = simB.state.table(PEERS_PATH).findBy('name', 'çağrı-masası-1');
    expect(created?.get('interface')).toBe('wg-phones');
    expect(created?.get('allowed-address')).toMatch(/^10\.60\.0\.\d+\/32$/);
    expect(simA.state.print(PEERS_PATH).some((p) => p['name'] === 'çağrı-masası-1')).toBe(false);

    // A second peer on the other interface: B now remembers wg-guests for its next new peer.
    await page.getByTestId('add-peer').click();
    await formInterface.selectOption('wg-guests');
    await page.getByTestId('pool-usage').filter({ hasText: '10.61.0.1/24' }).waitFor();
    await page.getByTestId('peer-name').fill('misafir-tablet');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('secret-dialog').waitFor();
    await page.getByTestId('secret-done').click();
    await page.getByTestId('secret-dialog').waitFor({ state: 'detached' });
    expect(simB.state.table(PEERS_PATH).findBy('name', 'misafir-tablet')?.get('interface')).toBe('wg-guests');

    // 4. Back on A: its filter and search are as they were left.
    await page.getByTestId(`router-row-${routerA}`).click();
    await peerRowByName(page, target['name']!);
    expect(await page.getByTestId('peer-interface-filter').inputValue()).toBe('wg-office');
    expect(await page.getByTestId('peer-search').inputValue()).toBe(search);
    await session.screenshot('per-router-peers-a-again');

    // 5. A restart (the page loaded afresh; a plain reload would lack the bridge token the address bar
    // dropped): A's interface filter is remembered, the search text is not; B's Add-peer form starts on the
    // interface B's last new peer went to.
    await page.goto(session.host.url);
    await page.getByTestId('peers-table').waitFor();
    await expect.poll(() => page.getByTestId('peer-interface-filter').inputValue()).toBe('wg-office');
    expect(await page.getByTestId('peer-search').inputValue()).toBe('');
    await page.getByTestId(`router-status-${ROUTER_B}`).and(page.locator('[data-state="online"]')).waitFor();
    await page.getByTestId(`router-row-${ROUTER_B}`).click();
    await peerRowByName(page, 'misafir-tablet');
    expect(await page.getByTestId('peer-interface-filter').inputValue()).toBe('');
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-form').waitFor();
    expect(await formInterface.inputValue()).toBe('wg-guests');
    await page.getByTestId('peer-form-cancel').click();
  });
});
