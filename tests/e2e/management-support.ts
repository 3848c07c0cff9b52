// Shared set-up for the management end-to-end tests (management*.e2e.test.ts, audit*.e2e.test.ts): a RouterOS
// simulator over real TCP, the real services behind the browser test host (the password goes to the real
// keychain of the runner's D-Bus session), the router added and online, and small page helpers.
import type { Locator, Page } from 'playwright-core';
import { startSimulator, type SimulatorOptions } from '../../main/sim/index.ts';
import { statusWhere } from '../integration/services/support.ts';
import { qrPayload } from '../integration/configs-service/support.ts';
import { openApp, type E2eSession } from './harness.ts';
import { createHandlers } from '../../main/ipc/handlers.ts';
import { createInvoker } from '../../main/ipc/invoker.ts';
import type { Envelope, InvokeChannel, InvokeInput, InvokeOutput } from '../../src/contract/index.ts';

export type Sim = Awaited<ReturnType<typeof startSimulator>>;
export const PEERS_PATH = '/interface/wireguard/peers';
const PASSWORD = 'Saha-Teknisyeni-7!';

export interface ManagedApp {
  sim: Sim;
  session: E2eSession;
  page: Page;
  routerId: string;
  routerName: string;
  /** The router's peers as an admin would print them. */
  peers(): Array<Record<string, string>>;
  /** A contract call as the UI makes it (checked input and output), for set-up a test does not click through. */
  call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeOutput<C>>;
  close(): Promise<void>;
}

export interface ManagedAppOptions extends SimulatorOptions {
  routerName?: string;
  /** Runs before the router is added, so WireDesk's first read already meets it (e.g. sim.faults.refuse). */
  beforeConnect?: (sim: Sim) => void;
}

export async function managedApp(options: ManagedAppOptions = {}): Promise<ManagedApp> {
  const { routerName = 'Müşteri Ofis', beforeConnect, ...simOptions } = options;
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 6, seed: 5, users: [{ name: 'tech', password: PASSWORD }], ...simOptions });
  beforeConnect?.(sim);
  const session = await openApp();
  const { services } = session.host;
  const profile = await services.routers.add({ name: routerName, host: '127.0.0.1', port: sim.port, transport: 'api', username: 'tech', password: PASSWORD, tlsFingerprint: null, allowAnonymousTls: false });
  await statusWhere(services, profile.id, (st) => st.state === 'online');
  const { page } = session;
  // Fail at the step that is stuck, with its locator, rather than at the test's own time limit.
  page.setDefaultTimeout(10_000);
  await page.getByTestId(`router-status-${routerName}`).and(page.locator('[data-state="online"]')).waitFor();
  await page.getByTestId(`router-row-${routerName}`).click();
  let closed = false;
  const invoke = createInvoker(createHandlers(services), { onUnexpectedError: (channel, error) => console.error('unexpected error in', channel, error) });
  return {
    sim,
    session,
    page,
    routerId: profile.id,
    routerName,
    peers: () => sim.state.print(PEERS_PATH),
    async call(channel, input) {
      const result = (await invoke(channel, input)) as Envelope<unknown>;
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await session.close();
      } finally {
        await sim.close().catch(() => undefined);
      }
    },
  };
}

/** Opens the "⋯" menu of a table row and picks one of its items. */
export async function rowAction(page: Page, menuTestId: string, itemTestId: string): Promise<void> {
  await page.getByTestId(menuTestId).click();
  const item = page.locator('.menu:popover-open').getByTestId(itemTestId);
  await item.click();
}

/** The QR code shown in an <img> (PNG data URL), decoded with the real zbarimg: its exact bytes. Call cleanupTemp() after the tests. */
export async function decodeShownQr(image: Locator): Promise<Buffer> {
  return qrPayload((await image.getAttribute('src')) ?? '');
}

/** Resolves once the peers table shows a row with this text. */
export async function peerRowByName(page: Page, name: string): Promise<Locator> {
  const row = page.getByTestId('peers-table').locator('[role="row"]', { hasText: name });
  await row.first().waitFor();
  return row.first();
}

/** The "⋯" menu test id of the peer row showing `name`. */
export async function peerMenuId(page: Page, name: string): Promise<string> {
  const row = await peerRowByName(page, name);
  const rowId = await row.getAttribute('data-testid');
  if (!rowId) throw new Error(`The row of ${name} has no test id`);
  return rowId.replace('peer-row-', 'peer-actions-');
}

/** The Preview step every single change goes through: waits for the plan, applies it, waits for the step to close. */
export async function applyPreview(page: Page): Promise<void> {
  const preview = page.getByTestId('change-preview');
  await preview.getByTestId('plan-preview').waitFor();
  await preview.getByTestId('preview-apply').click();
  await preview.waitFor({ state: 'detached' });
}
