// Interfaces and address allocation in the real UI: a new interface with a /29 tunnel subnet (the router's
// firewall still drops its port: the warning carries the command that opens it), peers added until the
// pool is exhausted (the form says so before sending, the router side refuses with a reason), an edit, and
// the deletion that names every peer going with the interface and wants its name typed. Create, edit,
// disable and delete each go through the Preview step (the commands, the before/after, the router's rollback)
// before anything is sent; disabling the interface WireDesk reaches the router through says so above the plan.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPreview, managedApp, rowAction, type ManagedApp } from './management-support.ts';
import { screenshotsEnTr } from './harness.ts';


/** The Preview step's commands, one per line. */
const previewCommands = async (page: Page) => (await page.getByTestId('change-preview').getByTestId('preview-commands').innerText()).trim().split('\n');

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('interfaces and address allocation (e2e, Chromium)', () => {
  it('creates a /29 interface, fills its pool until it is exhausted, edits it and deletes it with its peers', async () => {
    app = await managedApp({ peers: 4 });
    const { page, session, sim } = app;

    // Create: name, port, tunnel address; the firewall warning comes with the fix to copy.
    await page.getByTestId('nav-interfaces').click();
    await page.getByTestId('add-interface').click();
    await page.getByTestId('iface-name').fill('wg-small');
    await page.getByTestId('iface-port').fill('13240');
    await page.getByTestId('iface-address').fill('10.99.0.1/29');
    await page.getByTestId('interface-form-submit').click();
    // The Preview step first: the interface and its address, nothing sent yet.
    await page.getByTestId('change-preview').getByTestId('plan-preview').waitFor();
    expect(await previewCommands(page)).toEqual(['/interface wireguard add name=wg-small listen-port=13240', '/ip address add address=10.99.0.1/29 interface=wg-small comment=WireGuard']);
    expect(await page.getByTestId('preview-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-change')))).toEqual(['add', 'add']);
    expect(sim.state.print('/interface/wireguard').some((r) => r['name'] === 'wg-small')).toBe(false);
    await screenshotsEnTr(app.session, 'interface-preview-create', async (p) => {
      await p.getByTestId('change-preview').getByText('Preview: create interface wg-small').or(p.getByText('Önizleme: wg-small arayüzünü oluştur')).waitFor();
    });
    // Back keeps what was typed; previewing again and applying creates it.
    await page.getByTestId('preview-back').click();
    expect(await page.getByTestId('iface-address').inputValue()).toBe('10.99.0.1/29');
    await page.getByTestId('interface-form-submit').click();
    await applyPreview(page);
    await page.getByTestId('interface-created').waitFor();
    await page.getByTestId('warning-FIREWALL_CLOSED').waitFor();
    const command = await page.getByTestId('firewall-command').innerText();
    expect(command).toMatch(/^\/ip firewall filter add chain=input protocol=udp dst-port=13240 action=accept/);
    await page.getByTestId('endpoint-editor').waitFor();
    // The fix is offered where the warning is (and on the row, used below).
    await page.getByTestId('created-open-port').waitFor();
    await session.screenshot('management-interface-created');
    await page.getByTestId('interface-created-close').click();
    const row = page.getByTestId('interface-row-wg-small');
    await row.getByText('10.99.0.1/29').waitFor();

    // The row says the firewall drops the port; "Let in…" is the fix, previewed: an accept above that drop.
    const closed = page.getByTestId('interface-port-closed-wg-small');
    await screenshotsEnTr(app.session, 'interfaces-port-closed', async (p) => {
      await p.getByTestId('interface-port-closed-wg-small').waitFor();
    });
    expect(await closed.getAttribute('title')).toContain('“defconf: drop all not coming from LAN” drops UDP 13240');
    await page.getByTestId('interface-open-port-wg-small').click();
    await page.getByTestId('change-preview').getByTestId('plan-preview').waitFor();
    const drop = sim.state.print('/ip/firewall/filter').find((r) => r['comment'] === 'defconf: drop all not coming from LAN')!;
    expect(await previewCommands(page)).toEqual([`/ip firewall filter add chain=input action=accept protocol=udp dst-port=13240 comment="WireGuard wg-small" place-before=${drop['.id']}`]);
    expect(await page.getByTestId('open-port-intro').innerText()).toContain('clients on the internet cannot reach wg-small');
    await screenshotsEnTr(app.session, 'interface-open-port', async (p) => {
      await p.getByTestId('open-port-intro').waitFor();
    });
    await applyPreview(page);
    await closed.waitFor({ state: 'detached' });
    const input = sim.state.print('/ip/firewall/filter').filter((r) => r['chain'] === 'input').map((r) => r['comment']);
    expect(input.indexOf('WireGuard wg-small')).toBe(input.indexOf('defconf: drop all not coming from LAN') - 1);

    // A /29 has 6 host addresses; the router has .1, so five peers fit.
    await page.getByTestId('nav-peers').click();
    for (let i = 1; i <= 5; i += 1) {
      await page.getByTestId('add-peer').click();
      await page.getByTestId('peer-interface').selectOption('wg-small');
      await page.getByTestId('pool-usage').filter({ hasText: '10.99.0.1/29' }).waitFor();
      expect(await page.getByTestId('peer-address').inputValue()).toBe(`10.99.0.${i + 1}/32`);
      if (i === 5) {
        await page.getByTestId('warning-POOL_LOW').waitFor();
        await session.screenshot('management-pool-low');
      }
      await page.getByTestId('peer-name').fill(`küçük-${i}`);
      await page.getByTestId('peer-form-submit').click();
      await applyPreview(page);
      await page.getByTestId('secret-dialog').waitFor();
      await page.getByTestId('secret-done').click();
      await page.getByTestId('secret-dialog').waitFor({ state: 'detached' });
    }
    expect(app.peers().filter((p) => p['interface'] === 'wg-small').map((p) => p['allowed-address']).sort()).toEqual(
      ['10.99.0.2/32', '10.99.0.3/32', '10.99.0.4/32', '10.99.0.5/32', '10.99.0.6/32'],
    );

    // The sixth: the form shows the full pool before anything is sent, and the refusal says why.
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-interface').selectOption('wg-small');
    await page.getByTestId('warning-POOL_FULL').waitFor();
    expect(await page.getByTestId('peer-address-error').innerText()).toMatch(/10\.99\.0\.0\/29 pool is full/);
    await page.getByTestId('peer-name').fill('küçük-6');
    await page.getByTestId('peer-form-submit').click();
    const error = page.getByTestId('peer-form-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/No free address left in the pool/);
    expect(await error.locator('[data-conflict="pool-exhausted"]').count()).toBe(1);
    await session.screenshot('management-pool-full');
    await page.getByTestId('peer-form-cancel').click();
    expect(app.peers().filter((p) => p['interface'] === 'wg-small')).toHaveLength(5);

    // Edit (only what changed goes to the router) and disable.
    await page.getByTestId('nav-interfaces').click();
    await rowAction(page, 'interface-actions-wg-small', 'interface-action-edit');
    await page.getByTestId('iface-mtu').fill('1400');
    await page.getByTestId('interface-form-submit').click();
    await page.getByTestId('change-preview').getByTestId('diff-mtu').waitFor();
    expect(await page.getByTestId('diff-mtu').getAttribute('data-changed')).toBe('true');
    expect((await previewCommands(page))[0]).toMatch(/^\/interface wireguard set \*[0-9A-F]+ mtu=1400$/);
    await applyPreview(page);
    // Saved, and with the port let in there is nothing more to say: no dialog after the Preview step.
    await row.locator('td', { hasText: /^1400$/ }).waitFor();
    expect(await page.getByTestId('interface-created').count()).toBe(0);
    await rowAction(page, 'interface-actions-wg-small', 'interface-action-disable');
    await page.getByTestId('change-preview').getByTestId('diff-disabled').waitFor();
    expect(await page.getByTestId('diff-disabled').locator('.diff-after').innerText()).toBe('yes');
    // Nobody is connected through wg-small: no warning that it may cut a connection.
    expect(await page.getByTestId('preview-link-risk').count()).toBe(0);
    await screenshotsEnTr(app.session, 'interface-preview-disable', async (p) => {
      await p.getByTestId('change-preview').getByTestId('preview-rollback').waitFor();
    });
    await applyPreview(page);
    await row.getByText('Disabled').waitFor();
    const wgSmall = () => sim.state.print('/interface/wireguard').find((r) => r['name'] === 'wg-small');
    expect(wgSmall()).toMatchObject({ mtu: '1400', disabled: 'true', 'listen-port': '13240' });

    // Delete: every peer going with it is named; the button waits for the typed name.
    await rowAction(page, 'interface-actions-wg-small', 'interface-action-delete');
    const dialog = page.getByTestId('interface-delete-dialog');
    await page.getByTestId('interface-delete-peers').waitFor();
    const listed = await page.getByTestId('interface-delete-peers').innerText();
    for (let i = 1; i <= 5; i += 1) expect(listed).toContain(`küçük-${i}`);
    expect(await page.getByTestId('interface-delete-confirm').isDisabled()).toBe(true);
    await page.getByTestId('interface-delete-name').fill('wg-smal');
    expect(await page.getByTestId('interface-delete-confirm').isDisabled()).toBe(true);
    await page.getByTestId('interface-delete-name').fill('wg-small');
    await session.screenshot('management-interface-delete');
    await page.getByTestId('interface-delete-confirm').click();
    // The plan that came with the dialog: five peers, the address, then the interface, each with its undo.
    const deletion = page.getByTestId('change-preview');
    await deletion.getByTestId('plan-preview').waitFor();
    const lines = await previewCommands(page);
    expect(lines).toHaveLength(7);
    expect(lines.slice(0, 5).every((l) => l.startsWith('/interface wireguard peers remove '))).toBe(true);
    expect(lines[6]).toMatch(/^\/interface wireguard remove \*/);
    expect(await deletion.getByTestId('preview-apply').innerText()).toContain('5');
    await screenshotsEnTr(app.session, 'interface-preview-delete', async (p) => {
      await p.getByTestId('change-preview').getByTestId('preview-rollback').waitFor();
    });
    expect(wgSmall()).toBeDefined();
    await deletion.getByTestId('preview-apply').click();
    await deletion.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    expect(wgSmall()).toBeUndefined();
    expect(app.peers().filter((p) => p['interface'] === 'wg-small')).toEqual([]);
    expect(sim.state.print('/ip/address').some((a) => a['interface'] === 'wg-small')).toBe(false);

    // Disabling the interface WireDesk itself reaches the router through (127.0.0.1 put on wg-office, as a
    // router managed over its own tunnel): the preview says so above the plan; Cancel sends nothing.
    sim.state.add('/ip/address', { address: '127.0.0.1/8', interface: 'wg-office' });
    await page.getByTestId('interface-row-wg-office').getByText('127.0.0.1/8').waitFor();
    await rowAction(page, 'interface-actions-wg-office', 'interface-action-disable');
    await page.getByTestId('change-preview').getByTestId('preview-link-risk').waitFor();
    expect(await page.getByTestId('preview-warnings').innerText()).toContain('WireDesk reaches this router at 127.0.0.1');
    expect(await page.getByTestId('preview-apply').getAttribute('class')).toMatch(/danger/);
    await screenshotsEnTr(app.session, 'interface-preview-link-risk', async (p) => {
      await p.getByTestId('change-preview').getByTestId('preview-link-risk').waitFor();
    });
    await page.getByTestId('preview-back').click();
    await page.getByTestId('change-preview').waitFor({ state: 'detached' });
    expect(sim.state.print('/interface/wireguard').find((r) => r['name'] === 'wg-office')!['disabled']).toBe('false');
  }, 90_000);

  it('reserves the next free address with a note, which the add-peer form then skips, and releases it', async () => {
    app = await managedApp({ peers: 4 });
    const { page, session } = app;
    await page.getByTestId('nav-interfaces').click();
    await rowAction(page, 'interface-actions-wg-office', 'interface-action-reservations');
    const dialog = page.getByTestId('reservations-dialog');
    await dialog.getByTestId('reservations-empty').waitFor();
    const nextText = () => dialog.getByTestId('reservations-next').innerText();
    await dialog.getByTestId('reservations-next').waitFor();
    const first = /Next free address: ([\d.]+) ·/.exec(await nextText())?.[1];
    expect(first).toMatch(/^10\.10\.0\.\d+$/);

    // An address the picker would never hand out is refused next to the field, with the fix.
    await dialog.getByTestId('reserve-address').fill('10.99.0.5');
    await dialog.getByTestId('reserve-submit').click();
    expect(await dialog.getByTestId('reserve-address-error').innerText()).toMatch(/10\.99\.0\.5 is outside wg-office's subnet 10\.10\.0\.1\/24/);

    // "Use it" fills in the next free address; once reserved, the next one moves on.
    await dialog.getByTestId('reservations-use-next').click();
    expect(await dialog.getByTestId('reserve-address').inputValue()).toBe(first);
    await dialog.getByTestId('reserve-note').fill('Yazıcı (muhasebe)');
    await dialog.getByTestId('reserve-submit').click();
    const reserved = dialog.getByTestId(`reservation-${first}`);
    await reserved.getByText('Yazıcı (muhasebe)').waitFor();
    await expect.poll(nextText).not.toContain(`${first} `);
    expect(await dialog.getByTestId('reserve-address').inputValue()).toBe('');
    await session.screenshot('management-reservations');
    await dialog.getByTestId('reservations-close').click();
    await page.getByTestId('reserved-count-wg-office').getByText('1 reserved').waitFor();
    await session.screenshot('management-reserved-count');

    // The add-peer form proposes the address after it.
    await page.getByTestId('nav-peers').click();
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-interface').selectOption('wg-office');
    await page.getByTestId('pool-usage').waitFor();
    const proposed = await page.getByTestId('peer-address').inputValue();
    expect(proposed).toMatch(/^10\.10\.0\.\d+\/32$/);
    expect(proposed).not.toBe(`${first}/32`);
    await page.getByTestId('peer-form-cancel').click();

    // Released from the count under the interface's addresses.
    await page.getByTestId('nav-interfaces').click();
    await page.getByTestId('reserved-count-wg-office').click();
    await dialog.getByTestId(`release-${first}`).click();
    await dialog.getByTestId('reservations-empty').waitFor();
    await expect.poll(nextText).toContain(`${first} `);
    await dialog.getByTestId('reservations-close').click();
    await page.getByTestId('reserved-count-wg-office').waitFor({ state: 'detached' });
  });
});
