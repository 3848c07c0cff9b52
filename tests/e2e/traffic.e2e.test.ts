// The Traffic tab in Chromium against the real services and the demo router: main polls every 2 s and
// stores the history; the live chart must move from one poll to the next, the 24 h view must read the same
// history at 1-minute resolution, and a ping from the router must come back with every reply.
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type E2eSession } from './harness.ts';

let session: E2eSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe('traffic (e2e, Chromium)', () => {
  it('draws a live chart that moves with each poll, switches to 24 h and pings a peer from the router', async () => {
    session = await openApp();
    const { page, host } = session;
    // Shorter polls keep the test quick; main's pollers pick the new interval up at once.
    host.services.settings.update({ pollIntervalSec: 2 });

    await page.getByTestId('try-demo').click();
    await page.getByTestId('router-status-Demo router').and(page.locator('[data-state="online"]')).waitFor();
    await page.getByTestId('nav-traffic').click();

    const chart = page.getByTestId('traffic-chart');
    await chart.and(page.locator('[data-range="15m"]')).waitFor();
    // Until main has two polls there is no rate, and the screen says so instead of drawing a zero.
    const firstState = await chart.getAttribute('data-state');
    expect(['loading', 'waiting', 'ready']).toContain(firstState);
    if (firstState === 'waiting') expect(await page.getByTestId('chart-waiting').innerText()).toMatch(/first point appears after the second poll/);

    await chart.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
    const firstT = Number(await chart.getAttribute('data-last-t'));
    const firstCount = Number(await chart.getAttribute('data-measured-points'));
    expect(firstT).toBeGreaterThan(0);
    expect(firstCount).toBeGreaterThanOrEqual(1);

    // The next poll adds a newer point: the chart moves without any click.
    await expect.poll(async () => Number(await chart.getAttribute('data-last-t')), { timeout: 10_000, interval: 250 }).toBeGreaterThan(firstT);
    expect(Number(await chart.getAttribute('data-measured-points'))).toBeGreaterThan(firstCount);
    expect(await chart.getAttribute('data-resolution')).toBe('raw');
    // The unmeasured part of the window reaches the chart as null points (a gap), not as zeros.
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(Number(await chart.getAttribute('data-measured-points')));
    await expect.poll(() => chart.locator('.recharts-area-curve').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('total-rx').innerText()).toMatch(/Received from peers \(upload\)[\s\S]*\d/);
    expect(await page.getByTestId('top-talkers').innerText()).toMatch(/Top talkers/);
    await session.screenshot('traffic-live');

    await page.getByTestId('range-24h').click();
    const day = chart.and(page.locator('[data-range="24h"]'));
    await day.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 10_000 });
    expect(await chart.getAttribute('data-resolution')).toBe('minute');
    // A fresh install measured a minute or two of the day: the rest is explained, not drawn as zero.
    expect(await page.getByTestId('coverage-note').innerText()).toMatch(/Only .* of the last 24 hours was measured/);
    await session.screenshot('traffic-24h');

    // Focus an online peer and ping its tunnel address from the router.
    await page.getByTestId('scope-peer-trigger').click();
    await page.getByTestId('scope-peer-search').waitFor();
    const online = page.locator('[data-testid="scope-option-peer"][data-status="online"]').first();
    const name = await online.getAttribute('data-name');
    await online.click();
    const panel = page.getByTestId('peer-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toContain(name ?? '');
    await expect(page.getByTestId('ping-address').inputValue()).resolves.toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    await page.getByTestId('ping-count').selectOption('3');
    await page.getByTestId('ping-run').click();
    const result = page.getByTestId('ping-result');
    await result.waitFor({ timeout: 15_000 });
    await expect(result.getByTestId('ping-reply').count()).resolves.toBe(3);
    expect(await result.innerText()).toMatch(/loss[\s\S]*\d of 3 replied[\s\S]*min[\s\S]*ms[\s\S]*average[\s\S]*ms[\s\S]*max[\s\S]*ms/i);
    await expect(page.getByTestId('notify-toggle').isEnabled()).resolves.toBe(true);
    await session.screenshot('traffic-ping');

    // The same screen in the dark theme (pushed to the window like any settings change).
    host.services.settings.update({ theme: 'dark' });
    await page.waitForFunction('document.documentElement.dataset.theme === "dark"');
    await session.screenshot('traffic-ping-dark');
  });
});
