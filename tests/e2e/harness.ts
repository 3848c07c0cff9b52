// End-to-end harness: the real renderer (built to out/renderer) in Debian's Chromium, driven by
// playwright-core, talking to the real main-process services through the browser test host.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestHost, type TestHost, type TestHostOptions } from '../host/host.ts';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface E2eSession {
  host: TestHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openApp(options: Partial<TestHostOptions> & { colorScheme?: 'light' | 'dark' } = {}): Promise<E2eSession> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wiredesk-e2e-'));
  const host = await startTestHost({ ...options, dataDir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light', locale: 'en-US' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    // Failed loads are reported below with their URL; the console line alone does not say which.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console error: ${msg.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(host.url);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    host,
    browser,
    context,
    page,
    dataDir,
    async screenshot(name) {
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
      await host.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      // Errors in the page (CSP violations, uncaught exceptions) fail the test that caused them.
      if (problems.length > 0) throw new Error(`The page reported problems:\n${problems.join('\n')}`);
    },
  };
}

/** The two window sizes every screen is looked at in: a laptop and a small window. */
export const SCREEN_SIZES = [
  { width: 1280, height: 800 },
  { width: 960, height: 600 },
] as const;

/**
 * The screen in English and Turkish at both sizes (`<name>-<language>-<width>.png`), once `ready` says it shows
 * what it should; back to English at the first size afterwards. Returns the files written.
 */
export async function screenshotsEnTr(session: E2eSession, name: string, ready: (page: Page) => Promise<void>): Promise<string[]> {
  const { page } = session;
  const files: string[] = [];
  for (const language of ['en', 'tr'] as const) {
    session.host.services.settings.update({ language });
    await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await ready(page);
      files.push(await session.screenshot(`${name}-${language}-${size.width}`));
    }
  }
  session.host.services.settings.update({ language: 'en' });
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  await page.setViewportSize(SCREEN_SIZES[0]);
  return files;
}
