// The app shell in Chromium against the real services: first screen, demo router, navigation, themes.
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type E2eSession } from './harness.ts';

let session: E2eSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('app shell (e2e, Chromium)', () => {
  it('shows the empty state, starts the demo router and navigates every section', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByTestId('empty-state').waitFor();
    await expect(page.getByTestId('try-demo').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('add-router').first().isVisible()).resolves.toBe(true);
    await session.screenshot('shell-empty-state');

    await page.getByTestId('try-demo').click();
    await page.getByTestId('router-row-Demo router').waitFor();
    await page.getByTestId('router-status-Demo router').filter({ hasText: /online/i }).waitFor();

    await page.getByTestId('nav-interfaces').click();
    await page.getByText('wg-office').first().waitFor();
    await session.screenshot('shell-interfaces');

    await page.getByTestId('nav-peers').click();
    await page.getByText('gökhan-masaüstü').first().waitFor();
    await session.screenshot('shell-peers');

    await page.getByTestId('nav-traffic').click();
    await page.getByText(/RB5009/).first().waitFor();
    await session.screenshot('shell-traffic');

    await page.getByTestId('nav-settings').click();
    await page.getByText(/180/).first().waitFor();
    await session.screenshot('shell-settings');
  });

  it('follows the dark colour scheme of the OS', async () => {
    session = await openApp({ colorScheme: 'dark' });
    const { page } = session;
    await page.getByTestId('empty-state').waitFor();
    const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect((r! + g! + b!) / 3).toBeLessThan(80);
    await session.screenshot('shell-empty-state-dark');
  });
});
