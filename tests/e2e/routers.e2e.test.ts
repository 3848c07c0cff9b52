// Router profiles in the real UI: the demo router and a second simulated router with a wrong password,
// side by side; then the technician fixes the password. Passwords go through the real OS keychain.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../main/sim/index.ts';
import { openApp, type E2eSession } from './harness.ts';

let session: E2eSession | undefined;
let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
afterEach(async () => {
  await session?.close();
  await sim?.close();
  session = undefined;
  sim = undefined;
});

describe('router profiles (e2e, Chromium)', () => {
  it('shows the demo router online and a router with a wrong password with a clear authentication error', async () => {
    sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.17', peers: 4, seed: 9, users: [{ name: 'tech', password: 'Doğru-Parola-7' }] });
    session = await openApp();
    const { page } = session;

    await page.getByTestId('try-demo').click();
    await page.getByTestId('router-status-Demo router').and(page.locator('[data-state="online"]')).waitFor();

    await page.getByTestId('add-router').click();
    const dialog = page.getByTestId('router-dialog');
    await dialog.waitFor();
    await page.getByTestId('router-name').fill('Branch office');
    await page.getByTestId('router-host').fill('127.0.0.1');
    // The form starts on API-SSL; this simulated router serves the plain API.
    await page.getByTestId('transport-api').click();
    await page.getByTestId('router-port').fill(String(sim.port));
    await page.getByTestId('router-username').fill('tech');
    await page.getByTestId('router-password').fill('wrong-password');
    await page.getByTestId('test-connection').click();
    const testError = page.getByTestId('test-error');
    await testError.waitFor();
    expect(await testError.innerText()).toMatch(/password/i);
    await session.screenshot('routers-test-wrong-password');

    await page.getByTestId('router-save').click();
    await dialog.waitFor({ state: 'detached' });
    const branch = page.getByTestId('router-status-Branch office');
    await branch.and(page.locator('[data-state="auth-failed"]')).waitFor();
    expect(await branch.innerText()).toMatch(/wrong password/i);
    await page.getByTestId('router-row-Branch office').click();
    const banner = page.getByTestId('status-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/user name or password is wrong/i);
    await expect(page.getByTestId('router-status-Demo router').getAttribute('data-state')).resolves.toBe('online');
    await session.screenshot('routers-demo-online-branch-auth-failed');

    // Fixing the password in the edit form connects at once.
    await page.getByTestId('status-edit-router').click();
    await page.getByTestId('router-password').fill('Doğru-Parola-7');
    await page.getByTestId('test-connection').click();
    await page.getByTestId('test-success').waitFor();
    expect(await page.getByTestId('test-version').innerText()).toContain('7.17');
    await page.getByTestId('router-save').click();
    await branch.and(page.locator('[data-state="online"]')).waitFor();
  });
});
