// Safe changes in the real UI against a simulated RouterOS: editing a peer shows the Preview step (the exact
// commands, the before/after table with the changed field marked, what is checked, the router's own
// rollback) and Apply sends that plan; the setting "apply single-peer changes without preview" applies a
// disable at once; a preview the router outdated (the peer changed on the router between Preview and
// Apply) is refused with "the router changed", nothing is sent, and a new preview is offered; a change
// that cuts WireDesk off shows the pending rollback (countdown in the error, a banner per router) until
// the router undoes it by itself. Screenshots of the Preview step and the pending banner in English and
// Turkish at 1280x800 and 960x600.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPreview, managedApp, peerMenuId, peerRowByName, PEERS_PATH, rowAction, type ManagedApp } from './management-support.ts';
import { screenshotsEnTr, SCREEN_SIZES } from './harness.ts';

let app: ManagedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The first peer the simulator made, as the router prints it. */
function firstPeer(current: ManagedApp): Record<string, string> {
  const peer = current.peers().find((p) => p['interface'] === 'wg-office' && p['name']);
  if (!peer) throw new Error('The simulator made no named peer on wg-office');
  return peer;
}

async function openEdit(page: Page, name: string): Promise<void> {
  await rowAction(page, await peerMenuId(page, name), 'peer-action-edit');
  await page.getByTestId('peer-form').waitFor();
}


describe('safe changes (e2e, Chromium)', () => {
  it('previews an edit with its commands and diff, then applies exactly that', async () => {
    app = await managedApp();
    const { page, sim } = app;
    const peer = firstPeer(app);
    const name = peer['name']!;
    await page.getByTestId('nav-peers').click();
    await peerRowByName(page, name);

    await openEdit(page, name);
    await page.getByTestId('peer-keepalive').fill('41');
    await page.getByTestId('peer-comment').fill('Ön büro');
    // The form's button says what happens next: nothing is sent yet.
    expect(await page.getByTestId('peer-form-submit').innerText()).toBe('Preview');
    sim.commands.start();
    await page.getByTestId('peer-form-submit').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    // Previewing sends no write.
    expect(sim.commands.stop().filter((e) => !e.command.endsWith('/print'))).toEqual([]);

    const commands = await preview.getByTestId('preview-commands').innerText();
    expect(commands).toContain('/interface wireguard peers set');
    expect(commands).toContain('persistent-keepalive=41s');
    expect(commands).toMatch(/comment="?Ön büro"?/);
    const keepalive = preview.getByTestId('diff-persistent-keepalive');
    expect(await keepalive.getAttribute('data-changed')).toBe('true');
    expect(await keepalive.locator('.diff-after').innerText()).toBe('41s');
    expect(await preview.getByTestId('diff-comment').getAttribute('data-changed')).toBe('true');
    expect(await preview.getByTestId('preview-rollback').innerText()).toMatch(/the router itself will undo this change after 60 s/);
    expect(await preview.getByTestId('preview-verify').innerText()).toContain('persistent-keepalive');
    await preview.locator('.rollback-script summary').click();
    expect(await preview.getByTestId('preview-rollback-script').innerText()).toContain('/system scheduler remove');

    // Back keeps what was typed; previewing again and applying sends it.
    await preview.getByTestId('preview-back').click();
    await page.getByTestId('peer-form').waitFor();
    expect(await page.getByTestId('peer-keepalive').inputValue()).toBe('41');
    await page.getByTestId('peer-form-submit').click();
    await applyPreview(page);
    await expect.poll(() => app!.peers().find((p) => p['public-key'] === peer['public-key'])).toMatchObject({ 'persistent-keepalive': '41s', comment: 'Ön büro' });
    // The router's undo entry was removed once the change was confirmed.
    expect(sim.state.print('/system/scheduler')).toEqual([]);

    // A new peer: one item, every field "after" (no "before" column); Back and Cancel send nothing.
    await page.getByTestId('add-peer').click();
    await page.getByTestId('peer-name').fill('yeni-tablet');
    await page.getByTestId('pool-usage').waitFor();
    await page.getByTestId('peer-form-submit').click();
    await preview.getByTestId('plan-preview').waitFor();
    const added = preview.getByTestId('preview-item');
    expect(await added.getAttribute('data-change')).toBe('add');
    expect(await added.locator('.diff-before').count()).toBe(0);
    expect(await preview.getByTestId('preview-commands').innerText()).toContain('/interface wireguard peers add');
    await page.setViewportSize(SCREEN_SIZES[1]);
    await app.session.screenshot('changes-preview-create-en-960');
    await page.setViewportSize(SCREEN_SIZES[0]);
    await preview.getByTestId('preview-back').click();
    await page.getByTestId('peer-form-cancel').click();
    await page.getByTestId('peer-form').waitFor({ state: 'detached' });
    expect(app.peers().some((p) => p['name'] === 'yeni-tablet')).toBe(false);
  });

  it('applies a single-peer change directly when the setting says so', async () => {
    app = await managedApp();
    const { page, sim } = app;
    const name = firstPeer(app)['name']!;
    await page.getByTestId('nav-settings').click();
    const skip = page.getByTestId('settings-skip-preview');
    expect(await skip.isChecked()).toBe(false);
    // The switch follows the saved setting (it flips once main has it), so it is clicked, not check()ed.
    await skip.click();
    await expect.poll(() => skip.isChecked()).toBe(true);
    await page.getByTestId('settings-saved').filter({ hasText: 'Saved' }).waitFor();
    const delay = page.getByTestId('settings-rollbackDelaySec');
    // Out of range: said while typing, not saved.
    await delay.fill('5');
    await page.getByTestId('settings-rollbackDelaySec-error').waitFor();
    await delay.fill('45');
    await delay.press('Enter');
    await expect.poll(() => app!.session.host.services.settings.get()).toMatchObject({ skipPreviewForSinglePeer: true, rollbackDelaySec: 45 });
    await page.getByTestId('settings-skip-preview').scrollIntoViewIfNeeded();
    await app.session.screenshot('changes-settings');

    await page.getByTestId(`router-row-${app.routerName}`).click();
    await page.getByTestId('nav-peers').click();
    await rowAction(page, await peerMenuId(page, name), 'peer-action-disable');
    await (await peerRowByName(page, name)).getByText('Disabled').waitFor();
    expect(await page.getByTestId('change-preview').count()).toBe(0);
    expect(sim.state.print(PEERS_PATH).find((p) => p['name'] === name)?.['disabled']).toBe('true');

    // Off again: the same action goes through the Preview step, which names the new delay.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-skip-preview').click();
    await expect.poll(() => app!.session.host.services.settings.get().skipPreviewForSinglePeer).toBe(false);
    await page.getByTestId(`router-row-${app.routerName}`).click();
    await page.getByTestId('nav-peers').click();
    await rowAction(page, await peerMenuId(page, name), 'peer-action-enable');
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    expect(await preview.getByTestId('preview-commands').innerText()).toMatch(/disabled=(no|false)/);
    expect(await preview.getByTestId('preview-rollback').innerText()).toContain('45 s');
    await applyPreview(page);
    await expect.poll(() => sim.state.print(PEERS_PATH).find((p) => p['name'] === name)?.['disabled']).toBe('false');
  });

  it('refuses a preview the router outdated, says the router changed, and previews again', async () => {
    app = await managedApp();
    const { page, sim } = app;
    const peer = firstPeer(app);
    const name = peer['name']!;
    await page.getByTestId('nav-peers').click();
    await peerRowByName(page, name);

    await openEdit(page, name);
    await page.getByTestId('peer-address').fill('10.10.0.201/32');
    await page.getByTestId('peer-form-submit').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    const firstPlan = await preview.getByTestId('plan-preview').getAttribute('data-plan');
    await screenshotsEnTr(app.session, 'changes-preview', async (p) => {
      await p.getByTestId('change-preview').getByTestId('diff-allowed-address').waitFor();
    });

    // Meanwhile someone edits the same peer in WinBox.
    sim.state.set(PEERS_PATH, peer['.id']!, { 'allowed-address': '10.10.0.202/32' });
    await (await peerRowByName(page, name)).getByText('10.10.0.202/32').waitFor();
    sim.commands.start();
    await preview.getByTestId('preview-apply').click();
    const stale = preview.getByTestId('plan-stale');
    await stale.waitFor();
    expect(await stale.innerText()).toMatch(/The router changed since this preview[\s\S]*Nothing was sent/);
    expect(sim.commands.stop().filter((e) => !e.command.endsWith('/print'))).toEqual([]);
    // No Apply while the preview is stale: only "Preview again".
    expect(await preview.getByTestId('preview-apply').count()).toBe(0);
    await app.session.screenshot('changes-stale');

    await preview.getByTestId('preview-again').click();
    await stale.waitFor({ state: 'detached' });
    await expect.poll(() => preview.getByTestId('plan-preview').getAttribute('data-plan')).not.toBe(firstPlan);
    expect(await preview.getByTestId('diff-allowed-address').locator('.diff-before').innerText()).toBe('10.10.0.202/32');
    await applyPreview(page);
    await expect.poll(() => app!.peers().find((p) => p['public-key'] === peer['public-key'])?.['allowed-address']).toBe('10.10.0.201/32');
  });

  it('offers the tunnel check for a peer whose tunnel is up, and applies with it once the peer shows traffic', async () => {
    app = await managedApp();
    const { page, sim } = app;
    // A peer the simulator keeps talking (its last handshake is recent).
    const up = (await app.session.host.services.models.state(app.routerId)).peers.find((p) => p.interface === 'wg-office' && p.name && !p.disabled && p.lastHandshakeMs !== undefined && p.lastHandshakeMs < 120_000);
    expect(up, 'a peer with a recent handshake').toBeDefined();
    const name = up!.name!;
    await page.getByTestId('nav-peers').click();
    await openEdit(page, name);
    await page.getByTestId('peer-comment').fill('Tünel kontrolü');
    await page.getByTestId('peer-form-submit').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    const option = preview.getByTestId('preview-tunnel-check');
    expect(await option.innerText()).toContain(`wait up to 30 s for ${name} to show a handshake or traffic`);
    expect(await preview.getByTestId('preview-tunnel-check-input').isChecked()).toBe(false);
    await preview.getByTestId('preview-tunnel-check-input').check();
    await screenshotsEnTr(app.session, 'changes-tunnel-check', async (p) => {
      await p.getByTestId('preview-tunnel-check').scrollIntoViewIfNeeded();
    });
    await applyPreview(page);
    await expect.poll(() => sim.state.print(PEERS_PATH).find((p) => p['name'] === name)?.['comment']).toBe('Tünel kontrolü');
  });

  it('previews new keys for a peer: the public key shown is the one sent, the preshared key hidden', async () => {
    app = await managedApp();
    const { page, sim } = app;
    const peer = firstPeer(app);
    const name = peer['name']!;
    await page.getByTestId('nav-peers').click();
    await rowAction(page, await peerMenuId(page, name), 'peer-action-rotate');
    const dialog = page.getByTestId('rotate-dialog');
    await dialog.waitFor();
    await dialog.getByText('Generate new').click();
    expect(await page.getByTestId('rotate-confirm').innerText()).toBe('Preview');
    sim.commands.start();
    await page.getByTestId('rotate-confirm').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    expect(sim.commands.stop().filter((e) => !/\/(print|listen)$/.test(e.command))).toEqual([]);
    const command = await preview.getByTestId('preview-commands').innerText();
    const shown = /public-key="([A-Za-z0-9+/]{43}=)"/.exec(command)?.[1];
    expect(shown).toBeDefined();
    expect(shown).not.toBe(peer['public-key']);
    expect(command).toContain('preshared-key=<hidden>');
    expect(await preview.getByTestId('diff-public-key').locator('.diff-before').innerText()).toBe(peer['public-key']);
    await screenshotsEnTr(app.session, 'changes-preview-rotate', async (p) => {
      await p.getByTestId('change-preview').getByTestId('diff-public-key').waitFor();
    });
    // Back keeps the choices; previewing again makes new keys, and Apply sends the ones on screen.
    await preview.getByTestId('preview-back').click();
    await dialog.waitFor();
    await page.getByTestId('rotate-confirm').click();
    await preview.getByTestId('plan-preview').waitFor();
    const again = /public-key="([A-Za-z0-9+/]{43}=)"/.exec(await preview.getByTestId('preview-commands').innerText())?.[1];
    await applyPreview(page);
    await page.getByTestId('secret-dialog').waitFor();
    await expect.poll(() => sim.state.print(PEERS_PATH).find((p) => p['.id'] === peer['.id'])?.['public-key']).toBe(again);
  });

  it('shows a pending rollback when the link drops mid-change, until the router undoes it by itself', async () => {
    // 7.17: no Safe Mode, so the router's scheduler entry alone undoes the change, after the delay.
    app = await managedApp({ version: '7.17' });
    const { page, sim, session } = app;
    session.host.services.settings.update({ rollbackDelaySec: 20 });
    const peer = firstPeer(app);
    const name = peer['name']!;
    await page.getByTestId('nav-peers').click();
    await peerRowByName(page, name);

    await openEdit(page, name);
    await page.getByTestId('peer-keepalive').fill('33');
    await page.getByTestId('peer-form-submit').click();
    const preview = page.getByTestId('change-preview');
    await preview.getByTestId('plan-preview').waitFor();
    expect(await preview.getByTestId('preview-rollback').innerText()).toContain('20 s');
    sim.faults.cutLinkAfter('/interface/wireguard/peers/set');
    await preview.getByTestId('preview-apply').click();

    const error = preview.getByTestId('preview-error');
    await error.waitFor({ timeout: 20_000 });
    // The report sits under the error: the command's fate unknown, the rollback armed and counting down.
    const report = preview.getByTestId('error-report');
    expect(await report.getAttribute('data-outcome')).toBe('rollback-pending');
    expect(await report.getByTestId('report-step').getAttribute('data-state')).toBe('unknown');
    expect(await report.getByTestId('rollback-pending').innerText()).toMatch(/The router will undo this change by itself at \d\d:\d\d:\d\d \(in \d+ s\) unless WireDesk reconnects first/);
    const banner = page.getByTestId('rollback-banner-pending');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(new RegExp(`Rollback pending on ${app.routerName}[\\s\\S]*Edit peer[\\s\\S]*in \\d+ s`));
    // The countdown moves.
    const seconds = Number(await banner.locator('[data-seconds]').getAttribute('data-seconds'));
    await expect.poll(async () => Number(await banner.locator('[data-seconds]').getAttribute('data-seconds')), { timeout: 5_000 }).toBeLessThan(seconds);
    // The attempt used the plan up: no second Apply from here, only Back (to preview anew) or Close.
    expect(await preview.getByTestId('preview-apply').count()).toBe(0);
    await app.session.screenshot('changes-pending-error');
    await preview.getByTestId('preview-back').click();
    await page.getByTestId('peer-form-cancel').click();
    await page.getByTestId('peer-form').waitFor({ state: 'detached' });
    await screenshotsEnTr(app.session, 'changes-rollback-pending', async (p) => {
      await p.getByTestId('rollback-banner-pending').waitFor();
    });

    // The router runs its undo entry; WireDesk, back online, says so.
    await page.getByTestId('rollback-banner-rolled-back').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('rollback-banner-rolled-back').innerText()).toMatch(/Edit peer .* is not on the router: the router undid it by itself/);
    expect(app.peers().find((p) => p['public-key'] === peer['public-key'])?.['persistent-keepalive']).toBe(peer['persistent-keepalive']);
    await app.session.screenshot('changes-rolled-back');
    await page.getByTestId('rollback-banner-rolled-back').getByTestId('rollback-dismiss').click();
    await page.getByTestId('rollback-banners').waitFor({ state: 'detached' });
  }, 120_000);
});
