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
    // Ctrl+F (or "/") goes to the search box, as in a browser; the list follows what is typed.
    // Page-side code as text: the tests are type-checked for Node, without DOM types.
    const focused = () => page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null");
    await page.keyboard.press('Control+f');
    expect(await focused()).toBe('peer-search');
    await page.keyboard.type('gökhan');
    await expect.poll(() => page.getByText('anna-android').count()).toBe(0);
    await page.getByText('gökhan-masaüstü').first().waitFor();
    await page.evaluate('document.activeElement?.blur()');
    await page.keyboard.press('/');
    expect(await focused()).toBe('peer-search');
    await page.keyboard.press('Backspace'); // the text was selected: this clears it
    await page.getByText('anna-android').first().waitFor();

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

  it('keeps the router name readable and every row menu reachable at the smallest window size', async () => {
    session = await openApp();
    const { page } = session;
    // main/window/main-window.ts: minWidth 960, minHeight 600.
    await page.setViewportSize({ width: 960, height: 600 });
    await page.getByTestId('try-demo').click();
    await page.getByTestId('router-status-Demo router').filter({ hasText: /online/i }).waitFor();
    const title = page.getByTestId('router-title');
    await title.waitFor();
    // The name is not cut: its box is as wide as its text (the actions moved to their own line instead).
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    const inView = async (testId: string) => {
      const box = await page.getByTestId(testId).first().boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 960;
    };
    await page.getByTestId('nav-interfaces').click();
    await page.getByTestId('interface-actions-wg-office').waitFor();
    expect(await inView('interface-actions-wg-office')).toBe(true);
    await page.getByTestId('nav-peers').click();
    await page.getByText('gökhan-masaüstü').first().waitFor();
    const menu = page.locator('[data-testid^="peer-actions-"]').first();
    const box = await menu.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(960);
    await menu.click();
    await page.locator('.menu:popover-open').getByTestId('peer-action-edit').waitFor();
    await session.screenshot('shell-narrow-peers');

    // The router's Activity, before any change: says so for this router rather than "no entries match".
    await page.keyboard.press('Escape');
    await page.getByTestId('router-activity').click();
    expect(await page.getByTestId('activity-empty').innerText()).toMatch(/No changes on Demo router yet/);
  });
});
