// What the screens say about the router model main keeps (issue 9), in Chromium against the simulator:
//  - a router that refuses some prints (a user group without a policy) still shows everything else, and a
//    banner names each refused part with the router's own words and the command;
//  - once the router is unreachable nothing is green: peers read "last seen online …", counts say they are
//    from the last read;
//  - with traffic moving and statuses changing, the Interfaces tab's online count per interface is the Peers
//    tab's and the Traffic tab's, at every round, refreshed by pushed model changes alone.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { statusWhere } from '../integration/services/support.ts';
import { managedApp, PEERS_PATH, type ManagedApp } from './management-support.ts';
import { screenshotsEnTr } from './harness.ts';

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function openTab(page: Page, tab: 'interfaces' | 'peers' | 'traffic'): Promise<void> {
  await page.getByTestId(`nav-${tab}`).click();
  await page.getByTestId(`${tab}-tab`).waitFor();
}

/** The Peers and Interfaces tabs in English and Turkish at both window sizes, for a person to look at. */
async function screenshots(current: ManagedApp, name: string, ready: (page: Page, tab: 'interfaces' | 'peers') => Promise<void>): Promise<void> {
  for (const tab of ['interfaces', 'peers'] as const) {
    await screenshotsEnTr(current.session, `${name}-${tab}`, async (page) => {
      await openTab(page, tab);
      await ready(page, tab);
    });
  }
}

/** Pins a peer online (fresh handshake, traffic moving) or offline (old handshake, no traffic). */
function pin(current: ManagedApp, id: string, online: boolean): void {
  current.sim.state.setPeerTraffic(id, online ? { handshakeAgeSeconds: 3, rxRate: 2_000, txRate: 6_000 } : { handshakeAgeSeconds: 3_600, rxRate: 0, txRate: 0 });
}

describe('router model on screen (e2e, Chromium)', () => {
  it('shows interfaces, peers and the traffic peer list of a router that refuses three prints, and names each refused part', async () => {
    app = await managedApp({
      beforeConnect: (sim) => {
        sim.faults.refuse('/interface/print');
        sim.faults.refuse('/ip/firewall/filter/print');
        sim.faults.refuse('/ip/cloud/print', 'no such command prefix');
      },
    });
    const { page } = app;
    const bannerNames = async () => {
      const banner = page.getByTestId('unknown-parts');
      await banner.waitFor();
      expect(await banner.getByTestId('unknown-part-dynamic').innerText()).toBe(
        'The router refused to show its interface list (/interface/print: not enough permissions (9)), so WireDesk cannot tell which interfaces the router made itself (Back To Home).',
      );
      expect(await banner.getByTestId('unknown-part-firewall').innerText()).toContain('(/ip/firewall/filter/print: not enough permissions (9))');
      expect(await banner.getByTestId('unknown-part-cloud').innerText()).toContain('(/ip/cloud/print: no such command prefix)');
      expect(await banner.locator('li').count()).toBe(3);
    };

    // Interfaces: every row is there, the router is connected, and nothing points at a status that says
    // nothing is wrong.
    await openTab(page, 'interfaces');
    await page.getByTestId('interface-row-wg-office').waitFor();
    await bannerNames();
    expect(await page.getByTestId('interfaces-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('interfaces-online').innerText()).toMatch(/\d+ of \d+ peers online$/);
    const tabText = await page.getByTestId('interfaces-tab').innerText();
    expect(tabText).not.toMatch(/status above says what is in the way/);
    expect(await page.getByTestId('edits-disabled').count()).toBe(0);
    expect(await page.getByTestId('cache-banner').count()).toBe(0);

    // Peers: the list, and the firewall check the add form cannot make is named, not skipped.
    await openTab(page, 'peers');
    await page.getByTestId('peers-table').locator('[data-testid^="peer-row-"]').first().waitFor();
    expect(await page.getByTestId('peers-table').locator('[data-testid^="peer-row-"]').count()).toBe(app.peers().length);
    await bannerNames();
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-form').waitFor();
    const firewall = page.getByTestId('warning-FIREWALL_UNKNOWN');
    await firewall.waitFor();
    expect(await firewall.innerText()).toMatch(/The firewall could not be checked[\s\S]*\/ip\/firewall\/filter\/print/);
    await page.getByTestId('peer-form-cancel').click();
    await page.getByTestId('peer-form').waitFor({ state: 'detached' });

    // Traffic: the peer picker lists the router's peers.
    await openTab(page, 'traffic');
    await bannerNames();
    await page.getByTestId('scope-peer-trigger').click();
    await page.getByTestId('scope-option-peer').first().waitFor();
    expect(await page.getByTestId('scope-option-peer').count()).toBeGreaterThan(0);
    await app.session.screenshot('model-unknown-parts-traffic');
    await page.keyboard.press('Escape');

    await screenshots(app, 'model-unknown-parts', async (p) => {
      await p.getByTestId('unknown-parts').waitFor();
    });

    // Allowed again and read again (a reconnect reads every part): the banner goes by itself.
    app.sim.faults.reset();
    await openTab(page, 'interfaces');
    await page.getByTestId('reconnect').click();
    await page.getByTestId('unknown-parts').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('interface-row-wg-office').waitFor();
  });

  it('shows no peer as online once the router is unreachable: last seen online, and counts from the last read', async () => {
    app = await managedApp();
    const { page, session, sim } = app;
    session.host.services.settings.update({ pollIntervalSec: 2 });
    // Every peer pinned, half online: no status flips by itself between reading it live and going offline.
    const peers = app.peers();
    peers.forEach((p, i) => pin(app!, p['.id']!, i % 2 === 0));
    const onlineBefore = peers.filter((p, i) => i % 2 === 0 && p['disabled'] !== 'true').length;
    expect(onlineBefore).toBeGreaterThan(0);

    // Live first: the pinned statuses arrive with the next polls (pushed, nothing polls on screen).
    await openTab(page, 'peers');
    const table = page.getByTestId('peers-table');
    const green = table.locator('[data-testid="peer-status"][data-tone="ok"]');
    await expect.poll(() => green.count(), { timeout: 15_000 }).toBe(onlineBefore);
    await expect.poll(() => table.locator('[data-testid="peer-status"][data-tone="danger"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('summary-last-known').count()).toBe(0);

    sim.faults.dropAfter(0);
    await sim.close();
    await statusWhere(session.host.services, app.routerId, (st) => st.state !== 'online' && st.state !== 'connecting');
    await page.getByTestId('cache-banner').waitFor({ timeout: 20_000 });

    // Peers: nothing green anywhere on the tab, the peers that were online say when they were last seen.
    await table.getByText(/^Last seen online /).first().waitFor();
    expect(await table.getByText(/^Last seen online /).count()).toBe(onlineBefore);
    expect(await page.getByTestId('peers-tab').locator('.tone-ok, .ok-text').count()).toBe(0);
    expect(await table.getByText(/^Offline, handshake .+ ago$/).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('summary-last-known').innerText()).toMatch(/^when last seen, /);
    expect(await page.getByTestId('summary-online').getAttribute('data-count')).toBe(String(onlineBefore));
    // The status filter still filters, on the last-known status, and says so.
    const filter = page.getByTestId('peer-status-filter');
    expect(await filter.locator('option[value="online"]').innerText()).toBe(`Online when last seen (${onlineBefore})`);
    await filter.selectOption('online');
    await expect.poll(() => table.locator('[data-testid^="peer-row-"]').count()).toBe(onlineBefore);
    await filter.selectOption('all');

    // Interfaces: the online counts are labelled as the last-known ones.
    await openTab(page, 'interfaces');
    expect(await page.getByTestId('interfaces-peers-header').innerText()).toBe('Online when last seen');
    const officeOnline = page.getByTestId('interface-online-wg-office');
    expect(await officeOnline.getAttribute('data-last-known')).toBe('true');
    expect(await officeOnline.locator('.ok-text').count()).toBe(0);
    expect(await page.getByTestId('interfaces-online').innerText()).toMatch(/\d+ of \d+ peers online when last seen, /);
    expect(await page.getByTestId('interfaces-tab').locator('.tone-ok, .ok-text').count()).toBe(0);

    // Traffic: the count and the picker agree, neutral.
    await openTab(page, 'traffic');
    expect(await page.getByTestId('traffic-online').innerText()).toMatch(/when last seen, /);
    await page.getByTestId('scope-peer-trigger').click();
    await page.getByTestId('scope-option-peer').first().waitFor();
    expect(await page.locator('[data-testid="scope-option-peer"][data-tone="ok"]').count()).toBe(0);
    await session.screenshot('model-offline-traffic-picker');
    await page.keyboard.press('Escape');

    await screenshots(app, 'model-offline', async (p, tab) => {
      await p.getByTestId('cache-banner').waitFor();
      if (tab === 'peers') await p.getByTestId('summary-last-known').waitFor();
    });
  });

  it('counts the same online peers per interface on the Interfaces, Peers and Traffic tabs while statuses change', async () => {
    app = await managedApp({ peers: 12, interfaces: 2, seed: 7, trafficTick: true });
    const { page, session } = app;
    session.host.services.settings.update({ pollIntervalSec: 2 });
    const rows = app.peers();
    const names = [...new Set(rows.map((p) => p['interface']!))].sort();
    expect(names.length).toBeGreaterThanOrEqual(2);

    for (let round = 0; round < 3; round += 1) {
      // A new set of peers online this round (every peer pinned: nothing flips at random meanwhile).
      const expected = new Map(names.map((n) => [n, 0]));
      rows.forEach((p, i) => {
        const online = (i + round) % 3 !== 0;
        pin(app!, p['.id']!, online);
        if (online && p['disabled'] !== 'true') expected.set(p['interface']!, expected.get(p['interface']!)! + 1);
      });

      // Interfaces tab: the counts arrive through pushed model changes (no screen polls any more).
      await openTab(page, 'interfaces');
      for (const name of names) {
        await expect.poll(() => page.getByTestId(`interface-online-${name}`).getAttribute('data-online'), { timeout: 15_000 }).toBe(String(expected.get(name)));
      }
      const onInterfaces = new Map<string, number>();
      for (const name of names) onInterfaces.set(name, Number(await page.getByTestId(`interface-online-${name}`).getAttribute('data-online')));

      // Peers tab: the same number of green peers per interface, and the status filter agrees. (A tab shows
      // its previous answer until the read made on opening it returns, hence the polls.)
      await openTab(page, 'peers');
      const table = page.getByTestId('peers-table');
      for (const name of names) {
        await page.getByTestId('peer-interface-filter').selectOption(name);
        await expect.poll(() => table.locator('[data-testid^="peer-row-"]').count()).toBe(rows.filter((p) => p['interface'] === name).length);
        await expect.poll(() => table.locator('[data-testid="peer-status"][data-tone="ok"]').count(), { message: `${name}, round ${round}`, timeout: 5_000 }).toBe(onInterfaces.get(name));
        await page.getByTestId('peer-status-filter').selectOption('online');
        await expect.poll(() => table.locator('[data-testid^="peer-row-"]').count()).toBe(onInterfaces.get(name));
        await page.getByTestId('peer-status-filter').selectOption('all');
      }
      await page.getByTestId('peer-interface-filter').selectOption('');

      // Traffic tab: the count beside the picker, per interface.
      await openTab(page, 'traffic');
      for (const name of names) {
        await page.getByTestId('scope-interface').selectOption(name);
        await expect.poll(() => page.getByTestId('traffic-online').getAttribute('data-online'), { message: `${name}, round ${round}`, timeout: 5_000 }).toBe(String(onInterfaces.get(name)));
      }
    }
    expect(app.sim.state.print(PEERS_PATH).length).toBe(rows.length);
  });
});
