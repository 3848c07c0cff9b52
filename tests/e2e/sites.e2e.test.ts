// "Connect two sites" in Chromium against the real services and two RouterOS simulators over real TCP: the
// dialog opened from router A's page, both sides filled in, the preview showing for each router the peer and
// the routes to add and each router's change plan (the exact commands, the before/after, its own rollback), then
// Connect with every step done; the simulators' own tables prove that each router got
// a peer for the other (its public key, its tunnel address and LAN) and routes to the other LAN.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../main/sim/index.ts';
import { statusWhere } from '../integration/services/support.ts';
import { openApp, screenshotsEnTr, type E2eSession } from './harness.ts';

const PEERS = '/interface/wireguard/peers';
const ROUTES = '/ip/route';
const LAN_A = '192.168.10.0/24';
const LAN_B = '192.168.20.0/24';
const ENDPOINT_A = '203.0.113.10:13231';

let session: E2eSession | undefined;
const sims: Simulator[] = [];
afterEach(async () => {
  try {
    await session?.close();
  } finally {
    session = undefined;
    await Promise.all(sims.splice(0).map((s) => s.close().catch(() => undefined)));
  }
});


const rowsOf = (sim: Simulator, path: string) => sim.state.table(path).rows;
const keyOf = (sim: Simulator, iface: string) => rowsOf(sim, '/interface/wireguard').find((r) => r.get('name') === iface)!.get('public-key');

describe('site-to-site (e2e, Chromium)', () => {
  it('previews and connects two managed routers: a peer for each other and routes to the other LAN', async () => {
    // Site B seeds a second interface (wg-clients, 10.20.0.1/24): the two seeded wg-office interfaces would
    // share 10.10.0.1 as tunnel address, which the preview rightly refuses.
    const simA = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 3, seed: 11 });
    sims.push(simA);
    const simB = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 3, seed: 22, interfaces: 2 });
    sims.push(simB);
    const IFACE_A = 'wg-office';
    const IFACE_B = 'wg-clients';
    const peersBefore = { a: rowsOf(simA, PEERS).length, b: rowsOf(simB, PEERS).length };

    session = await openApp();
    const { page, host } = session;
    const { services } = host;
    page.setDefaultTimeout(10_000);
    const add = (name: string, port: number) =>
      services.routers.add({ name, host: '127.0.0.1', port, transport: 'api', username: 'admin', password: '', tlsFingerprint: null, allowAnonymousTls: false });
    const a = await add('Merkez Ofis', simA.port);
    const b = await add('Şube Depo', simB.port);
    await Promise.all([statusWhere(services, a.id, (s) => s.state === 'online'), statusWhere(services, b.id, (s) => s.state === 'online')]);

    await page.getByTestId('router-status-Şube Depo').and(page.locator('[data-state="online"]')).waitFor();
    await page.getByTestId('router-row-Merkez Ofis').click();
    await page.getByTestId('connect-sites').click();
    const dialog = page.getByTestId('sites-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('site-a-router-name').innerText()).toBe('Merkez Ofis');

    // Side A: this router, its interface picked by default; side B: the only other online router.
    await expect.poll(() => dialog.getByTestId('site-a-iface').inputValue()).toBe(IFACE_A);
    await dialog.getByTestId('site-b-router').selectOption(b.id);
    await expect.poll(() => dialog.getByTestId('site-b-iface').isEnabled()).toBe(true);
    await dialog.getByTestId('site-b-iface').selectOption(IFACE_B);

    // A CIDR typo is caught before main is asked.
    await dialog.getByTestId('site-a-lans').fill('192.168.10.0/33');
    await dialog.getByTestId('sites-preview').click();
    await dialog.getByTestId('site-a-lans-error').waitFor();
    expect(await dialog.getByTestId('sites-preview-result').count()).toBe(0);

    await dialog.getByTestId('site-a-lans').fill(LAN_A);
    await dialog.getByTestId('site-a-endpoint').fill(ENDPOINT_A);
    await dialog.getByTestId('site-b-lans').fill(LAN_B);
    // Nothing to connect before the Preview step.
    expect(await dialog.getByTestId('sites-connect').count()).toBe(0);
    await session.screenshot('sites-form');
    await dialog.getByTestId('sites-preview').click();

    const preview = dialog.getByTestId('sites-preview-result');
    await preview.waitFor();
    if ((await preview.getAttribute('data-ready')) !== 'true') {
      throw new Error(`The preview is blocked: ${await dialog.getByTestId('sites-problems').innerText()}`);
    }
    // A's peer is for B: B's tunnel address and LAN (B's endpoint is left to main's suggestion); B's peer for
    // A dials the endpoint typed for A.
    const pa = dialog.getByTestId('site-preview-a');
    const pb = dialog.getByTestId('site-preview-b');
    expect(await pa.getByTestId('site-preview-a-peer-name').innerText()).toBe('site-Şube-Depo');
    expect(await pa.getByTestId('site-preview-a-peer-allowed').innerText()).toBe(`10.20.0.1/32, ${LAN_B}`);
    expect(await pb.getByTestId('site-preview-b-peer-name').innerText()).toBe('site-Merkez-Ofis');
    expect(await pb.getByTestId('site-preview-b-peer-allowed').innerText()).toBe(`10.10.0.1/32, ${LAN_A}`);
    expect(await pb.getByTestId('site-preview-b-peer-endpoint').innerText()).toBe(ENDPOINT_A);
    expect(await pa.getByTestId('site-preview-a-routes').innerText()).toContain(LAN_B);
    expect(await pb.getByTestId('site-preview-b-routes').innerText()).toContain(LAN_A);
    // Nothing was sent yet.
    expect(rowsOf(simA, PEERS).length).toBe(peersBefore.a);
    expect(rowsOf(simB, PEERS).length).toBe(peersBefore.b);
    // Each router's plan: its peer for the other site, then its route to the other LAN, as console lines.
    await dialog.getByTestId('sites-plan-step').waitFor();
    const commands = async (side: 'a' | 'b') => (await dialog.getByTestId(`site-plan-${side}`).getByTestId('preview-commands').innerText()).trim().split('\n');
    const [peerLineA, ...routesA] = await commands('a');
    expect(peerLineA).toMatch(new RegExp(`^/interface wireguard peers add interface=${IFACE_A} public-key="${keyOf(simB, IFACE_B)!.replace(/[+/]/g, (c) => `\\${c}`)}" allowed-address=10\\.20\\.0\\.1/32,192\\.168\\.20\\.0/24 `));
    // The routes: to the other tunnel address (another subnet here) and to the other LAN.
    expect(routesA).toEqual([`/ip route add dst-address=10.20.0.1/32 gateway=${IFACE_A} comment="WireDesk site link to Şube Depo"`, `/ip route add dst-address=${LAN_B} gateway=${IFACE_A} comment="WireDesk site link to Şube Depo"`]);
    const [peerLineB, ...routesB] = await commands('b');
    expect(peerLineB).toContain('endpoint-address=203.0.113.10 endpoint-port=13231');
    expect(routesB).toContain(`/ip route add dst-address=${LAN_A} gateway=${IFACE_B} comment="WireDesk site link to Merkez Ofis"`);
    expect(await dialog.getByTestId('site-plan-a').getByTestId('preview-rollback').innerText()).toContain('60');
    await screenshotsEnTr(session, 'sites-preview', async (p) => {
      await p.getByTestId('site-plan-b').getByTestId('preview-rollback').waitFor();
    });
    // Back to the form keeps what was typed; previewing again shows new plans.
    await dialog.getByTestId('sites-back').click();
    expect(await dialog.getByTestId('site-a-endpoint').inputValue()).toBe(ENDPOINT_A);
    await dialog.getByTestId('sites-preview').click();
    await dialog.getByTestId('sites-plan-step').waitFor();

    await dialog.getByTestId('sites-connect').click();
    const result = page.getByTestId('sites-result');
    await result.waitFor();
    expect(await result.getByTestId('sites-outcome').getAttribute('data-outcome')).toBe('connected');
    const steps = result.getByTestId('sites-step');
    const count = await steps.count();
    expect(count).toBe(6);
    for (let i = 0; i < count; i++) expect(await steps.nth(i).getAttribute('data-outcome')).toBe('done');
    await session.screenshot('sites-connected');

    // The routers themselves: a peer for the other site with its public key, tunnel address and LAN...
    const peerA = rowsOf(simA, PEERS).find((r) => r.get('name') === 'site-Şube-Depo');
    const peerB = rowsOf(simB, PEERS).find((r) => r.get('name') === 'site-Merkez-Ofis');
    expect(peerA?.get('interface')).toBe(IFACE_A);
    expect(peerA?.get('public-key')).toBe(keyOf(simB, IFACE_B));
    expect(peerA?.get('allowed-address')).toBe(`10.20.0.1/32,${LAN_B}`);
    expect(peerB?.get('interface')).toBe(IFACE_B);
    expect(peerB?.get('public-key')).toBe(keyOf(simA, IFACE_A));
    expect(peerB?.get('allowed-address')).toBe(`10.10.0.1/32,${LAN_A}`);
    expect(peerB?.get('endpoint-address')).toBe('203.0.113.10');
    expect(peerB?.get('endpoint-port')).toBe('13231');
    // ...and a route to the other LAN through the WireGuard interface.
    const route = (sim: Simulator, dst: string) => rowsOf(sim, ROUTES).find((r) => r.get('dst-address') === dst);
    expect(route(simA, LAN_B)?.get('gateway')).toBe(IFACE_A);
    expect(route(simB, LAN_A)?.get('gateway')).toBe(IFACE_B);

    await result.getByTestId('sites-result-close').click();
    await result.waitFor({ state: 'detached' });
  }, 40_000);
});
