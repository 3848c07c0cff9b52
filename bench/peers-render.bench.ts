// Benchmark: the Peers screen of the real renderer in Chromium, 10,000 peers from the RouterOS simulator
// through the real services and the browser test host. Prints figures, asserts nothing.
//   1. Time to first rows: from the peers answer arriving in the page to its rows painted (the renderer's
//      own performance marks, see renderer/lib/perf.ts), median of several page loads.
//   2. Filter keystroke latency: from a key in the search box to the filtered rows painted, median of 22
//      keystrokes.
// Baselines measured in the same run: the same screen with 100 peers, and a bare DOM version of the same
// work (the first screen of the same 10,000 rows inserted as plain elements; a plain substring filter over
// the same 10,000 rows with the first screen replaced), so the ratios say what React, the virtualised table
// and the app's own processing cost on this machine.
// The keychain plays no part in rendering: an in-memory secret store keeps the bench runnable without a
// D-Bus session. Run: node bench/run.ts peers-render
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { ManagedPeer } from '../src/contract/index.ts';
import { MemorySecretStore } from '../main/secrets/memory-secret-store.ts';
import { startSimulator } from '../main/sim/index.ts';
import { buildSearchIndex, sortPeers } from '../renderer/features/peers/peer-view.ts';
import { DEFAULT_RENDERER_DIR, startTestHost, type TestHost } from '../tests/host/host.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/harness.ts';
import { statusWhere } from '../tests/integration/services/support.ts';
import { median, type BenchRow } from './support.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PAGE_LOADS = 7;
/** Type and delete: narrowing and widening both count. */
const KEYS = ['a', 'y', 's', 'e', 'Backspace', 'Backspace', 'Backspace', 'Backspace', '1', '0', '.', '2', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'm', 'a', 'c', 'Backspace', 'Backspace', 'Backspace'];
/** Rows the virtualised table renders for an 800 px window: the visible ones plus its overscan of 12. */
const FIRST_SCREEN_ROWS = 32;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when there is none or a source file is newer than the build. */
function ensureRendererBuilt(): void {
  let builtAt = 0;
  try {
    builtAt = statSync(join(DEFAULT_RENDERER_DIR, 'index.html')).mtimeMs;
  } catch {
    // not built yet
  }
  const sourcesAt = Math.max(newestMtime(join(ROOT, 'renderer')), newestMtime(join(ROOT, 'src')));
  if (builtAt > sourcesAt) return;
  console.log('peers-render: building the renderer (electron-vite build)…');
  execFileSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

/** Opens the app on the Peers tab of one router and returns the first-rows measure of that load (ms). */
async function loadPeers(page: Page, host: TestHost, routerId: string): Promise<number> {
  await page.addInitScript(`localStorage.setItem('wiredesk.nav', ${JSON.stringify(JSON.stringify({ routerId, tab: 'peers' }))})`);
  await page.goto(host.url);
  await page.waitForFunction(() => performance.getEntriesByName('wd:peers-first-rows', 'measure').length > 0, null, { timeout: 120_000 });
  return page.evaluate(() => performance.getEntriesByName('wd:peers-first-rows', 'measure')[0]!.duration);
}

async function firstRows(page: Page, host: TestHost, routerId: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < PAGE_LOADS; i++) times.push(await loadPeers(page, host, routerId));
  return median(times.slice(1)); // the first load also compiles the bundle
}

/**
 * The page's live JS heap after the Peers tab has shown the router's peers and a full garbage collection,
 * in MiB: what the renderer keeps for that list (rows, search index, React state, virtual table).
 */
async function heapMiB(page: Page, host: TestHost, routerId: string): Promise<number> {
  await loadPeers(page, host, routerId);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** Baseline: the same answer (the rows the page receives) parsed from JSON and held, in an empty page. */
async function rawRowsHeapMiB(context: BrowserContext, json: string): Promise<number> {
  // A page of its own: the app page carries init scripts (localStorage) that about:blank refuses.
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await page.evaluate(`window.benchRows = JSON.parse(${JSON.stringify(json)}); void 0`);
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await cdp.detach();
  await page.close();
  return (after - before) / 2 ** 20;
}

/** Median latency of KEYS typed into the search box, each measured from its input to the painted result. */
async function filterLatency(page: Page, host: TestHost, routerId: string): Promise<number> {
  await loadPeers(page, host, routerId);
  const search = page.getByTestId('peer-search');
  await search.click();
  const times: number[] = [];
  for (const key of KEYS) {
    const before = await page.evaluate(() => performance.getEntriesByName('wd:filter', 'measure').length);
    await page.keyboard.press(key);
    await page.waitForFunction((n) => performance.getEntriesByName('wd:filter', 'measure').length > n, before, { timeout: 30_000 });
    times.push(await page.evaluate(() => performance.getEntriesByName('wd:filter', 'measure').at(-1)!.duration));
  }
  return median(times);
}

// Page-side code of the bare baselines, as source text: this file is compiled for Node, without DOM types.
const BARE_STYLE = 'position:fixed;inset:0;background:#fff;z-index:9999;overflow:hidden;font:13px system-ui';
const ROW_STYLE = 'display:grid;grid-template-columns:34px 140px 2fr 90px 128px 150px 96px 76px 76px 40px;height:34px;align-items:center';

/** Inserts rows of ten text cells as plain elements; resolves with the ms until they were painted. */
const BARE_INSERT = `(rows) => new Promise((done) => {
  document.getElementById('bare')?.remove();
  const start = performance.now();
  const box = document.createElement('div');
  box.id = 'bare';
  box.style.cssText = '${BARE_STYLE}';
  for (const row of rows) {
    const line = document.createElement('div');
    line.style.cssText = '${ROW_STYLE}';
    for (const text of row) {
      const cell = document.createElement('div');
      cell.textContent = text;
      line.append(cell);
    }
    box.append(line);
  }
  document.body.append(box);
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
})`;

/** Keeps the lower-cased rows and an empty first screen in the page for BARE_FILTER. */
const BARE_PREPARE = `({ index, cells, rows }) => {
  window.benchIndex = index;
  window.benchCells = cells;
  document.getElementById('bare')?.remove();
  const box = document.createElement('div');
  box.id = 'bare';
  box.style.cssText = '${BARE_STYLE}';
  for (let r = 0; r < rows; r++) {
    const line = document.createElement('div');
    line.style.cssText = '${ROW_STYLE}';
    for (let c = 0; c < 10; c++) line.append(document.createElement('div'));
    box.append(line);
  }
  document.body.append(box);
  window.benchBox = box;
}`;

/** Substring filter over every row, first screen's text replaced; resolves with the ms until painted. */
const BARE_FILTER = `(query) => new Promise((done) => {
  const start = performance.now();
  const hits = [];
  for (let i = 0; i < window.benchIndex.length; i++) if (window.benchIndex[i].includes(query)) hits.push(i);
  const lines = window.benchBox.children;
  for (let r = 0; r < lines.length; r++) {
    const row = hits[r] === undefined ? undefined : window.benchCells[hits[r]];
    const line = lines[r].children;
    for (let c = 0; c < line.length; c++) line[c].textContent = row ? row[c] : '';
  }
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - start), 0));
})`;

const call = <T>(page: Page, source: string, arg: unknown): Promise<T> => page.evaluate(`(${source})(${JSON.stringify(arg)})`) as Promise<T>;

/** The same first screen inserted as plain elements: ten text cells per row, painted. */
async function bareFirstScreen(page: Page, cells: string[][]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < PAGE_LOADS; i++) times.push(await call<number>(page, BARE_INSERT, cells));
  return median(times.slice(1));
}

/** A plain substring filter over the same lower-cased rows, the first screen's text replaced, painted. */
async function bareFilter(page: Page, index: string[], cells: string[][]): Promise<number> {
  await call(page, BARE_PREPARE, { index, cells, rows: FIRST_SCREEN_ROWS });
  const times: number[] = [];
  let text = '';
  for (const key of KEYS) {
    text = key === 'Backspace' ? text.slice(0, -1) : text + key;
    times.push(await call<number>(page, BARE_FILTER, text));
  }
  return median(times);
}

function cellsOf(peer: ManagedPeer): string[] {
  return ['', peer.status, peer.name || peer.comment, peer.interface, peer.allowedAddress.join(', '), peer.currentEndpoint ?? peer.endpoint ?? '—', String(peer.lastHandshakeMs ?? 'never'), String(peer.rx), String(peer.tx), '…'];
}

export async function run(): Promise<BenchRow[]> {
  ensureRendererBuilt();
  const big = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 10_000, seed: 3 });
  const small = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 100, seed: 3 });
  const dataDir = mkdtempSync(join(tmpdir(), 'wiredesk-bench-render-'));
  const host = await startTestHost({ dataDir, secretStore: new MemorySecretStore() });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    // Polling would refetch 10,000 peers every 5 s in the middle of the measurements.
    await host.services.settings.update({ pollIntervalSec: 300 });
    const add = (name: string, port: number) =>
      host.services.routers.add({ name, host: '127.0.0.1', port, transport: 'api', username: 'admin', password: '', tlsFingerprint: null, allowAnonymousTls: false });
    const bigRouter = await add('Bench 10,000', big.port);
    const smallRouter = await add('Bench 100', small.port);
    await statusWhere(host.services, bigRouter.id, (st) => st.state === 'online', 30_000);
    await statusWhere(host.services, smallRouter.id, (st) => st.state === 'online', 30_000);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('peers-render: page error:', error.message));

    const bigFirst = await firstRows(page, host, bigRouter.id);
    const smallFirst = await firstRows(page, host, smallRouter.id);
    const bigFilter = await filterLatency(page, host, bigRouter.id);
    const smallFilter = await filterLatency(page, host, smallRouter.id);

    // The same rows as the screen shows them (sorted by name), for the bare DOM baselines.
    const listing = await host.services.management.peerList.list(bigRouter.id);
    const sorted = sortPeers(listing.rows, { column: 'name', direction: 'asc' });
    const firstScreen = sorted.slice(0, FIRST_SCREEN_ROWS).map(cellsOf);
    const bareFirst = await bareFirstScreen(page, firstScreen);
    const bareFilterMs = await bareFilter(page, buildSearchIndex(sorted), sorted.map(cellsOf));
    const bigHeap = await heapMiB(page, host, bigRouter.id);
    const smallHeap = await heapMiB(page, host, smallRouter.id);
    const rawHeap = await rawRowsHeapMiB(context, JSON.stringify(listing.rows));
    await context.close();

    const n = listing.rows.length.toLocaleString('en');
    console.log(`peers-render: ${n} peers; first rows ${bigFirst.toFixed(1)} ms (100 peers ${smallFirst.toFixed(1)} ms, bare DOM ${bareFirst.toFixed(1)} ms); filter keystroke ${bigFilter.toFixed(1)} ms (100 peers ${smallFilter.toFixed(1)} ms, bare ${bareFilterMs.toFixed(1)} ms)`);
    return [
      { name: `first rows after data, ${n} peers`, value: bigFirst, baseline: smallFirst, baselineName: 'same screen, 100 peers' },
      { name: `first rows after data, ${n} peers`, value: bigFirst, baseline: bareFirst, baselineName: `bare DOM insertion of the same first screen (${FIRST_SCREEN_ROWS} rows)` },
      { name: `filter keystroke, ${n} peers (median of ${KEYS.length})`, value: bigFilter, baseline: smallFilter, baselineName: 'same keystrokes, 100 peers' },
      { name: `filter keystroke, ${n} peers (median of ${KEYS.length})`, value: bigFilter, baseline: bareFilterMs, baselineName: `plain substring filter of the same ${n} rows + first-screen DOM update` },
      { name: `renderer JS heap with ${n} peers shown`, value: bigHeap, baseline: smallHeap, baselineName: 'same screen, 100 peers', unit: 'MiB' },
      { name: `renderer JS heap with ${n} peers shown`, value: bigHeap, baseline: rawHeap, baselineName: `the ${n} rows alone, parsed and held in an empty page`, unit: 'MiB' },
    ];
  } finally {
    await browser.close();
    await host.close();
    await big.close();
    await small.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Direct run: node bench/peers-render.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./support.ts');
  printTable('peers-render', await run());
}
