// The built-in demo router: the project's RouterOS simulator on 127.0.0.1, with sample interfaces and
// peers whose traffic changes, so a technician can try WireDesk without touching a customer's router.
import type { RouterProfile } from '../../src/contract/index.ts';
import type { RoutersRepository } from '../store/routers.ts';
import type { RouterCredentials } from '../secrets/router-credentials.ts';
import type { EventBus } from '../ipc/events.ts';
import type { ConnectionManager } from './connections.ts';
import type { RouterService } from './routers.ts';
import { toTarget } from './routers.ts';
import type { SettingsService } from './settings.ts';

/** What the demo needs from the simulator (main/sim), so tests can substitute it. */
export interface DemoRouterServer {
  port: number;
  /** Private keys of the simulated client devices, by public key (see main/sim RouterState.clientKeys). */
  clientKeys?: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

/** Keeps a demo peer's private key as WireDesk keeps the keys of peers it created ('stored' custody). */
export type AdoptDemoKey = (routerId: string, publicKey: string, privateKey: string) => Promise<'adopted' | 'known'>;
export type StartDemoServer = () => Promise<DemoRouterServer>;

export const DEMO_ROUTER_NAME = 'Demo router';

export interface DemoDeps {
  startServer: StartDemoServer;
  repo: RoutersRepository;
  credentials: RouterCredentials;
  connections: ConnectionManager;
  routers: RouterService;
  settings: SettingsService;
  events: EventBus;
  adoptKey?: AdoptDemoKey;
  log?: (message: string, context?: Record<string, unknown>) => void;
}

export class DemoService {
  readonly #deps: DemoDeps;
  #server: Promise<DemoRouterServer> | undefined;

  constructor(deps: DemoDeps) {
    this.#deps = deps;
  }

  /** Starts the simulator and returns the demo router's profile, adding it when it is not configured. */
  async start(): Promise<RouterProfile> {
    const server = await this.#startServer();
    const { repo, settings } = this.#deps;
    const existing = settings.demoRouterId ? repo.get(settings.demoRouterId) : null;
    if (existing) {
      // The simulator listens on a new free port every time the app starts.
      const router = existing.port === server.port ? existing : repo.update(existing.id, { port: server.port, host: '127.0.0.1' });
      await this.#adoptKeys(router.id, server);
      await this.#deps.connections.ensure(toTarget(router));
      return this.#deps.routers.profile(router);
    }
    const router = await this.#deps.credentials.add(
      { name: freeName(repo), host: '127.0.0.1', port: server.port, transport: 'api', username: 'admin', tlsFingerprint: null, allowAnonymousTls: false },
      '', // the simulator's admin has no password, as a factory-fresh RouterOS: nothing goes to the keychain
    );
    settings.demoRouterId = router.id;
    await this.#adoptKeys(router.id, server);
    this.#deps.events.emit('routers:changed', { reason: 'added', id: router.id });
    await this.#deps.connections.ensure(toTarget(router));
    return this.#deps.routers.profile(router);
  }

  /** At start-up: bring the demo back if it is configured, or add it once on the very first run. */
  async resume(options: { autoDemo: boolean }): Promise<void> {
    const { settings, repo } = this.#deps;
    const configured = settings.demoRouterId !== null && repo.get(settings.demoRouterId) !== null;
    if (configured || (options.autoDemo && !settings.demoOffered && repo.list().length === 0)) await this.start();
  }

  async shutdown(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await (await server).close();
  }

  /**
   * The demo's sample peers get their config and QR code like peers made in WireDesk: their devices' keys
   * are kept encrypted. Every fifth stays without a key, as a peer made in WinBox would, so the demo shows
   * that case (and key rotation) too. Without a keychain the demo still runs, just without these keys.
   */
  async #adoptKeys(routerId: string, server: DemoRouterServer): Promise<void> {
    const adopt = this.#deps.adoptKey;
    if (!adopt || !server.clientKeys) return;
    try {
      let index = 0;
      for (const [publicKey, privateKey] of server.clientKeys) {
        if (index++ % 5 === 4) continue;
        await adopt(routerId, publicKey, privateKey);
      }
    } catch (error) {
      this.#deps.log?.('demo router: sample peer keys not kept', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  #startServer(): Promise<DemoRouterServer> {
    this.#server ??= this.#deps.startServer().catch((error: unknown) => {
      this.#server = undefined;
      throw error;
    });
    return this.#server;
  }
}

function freeName(repo: RoutersRepository): string {
  if (!repo.getByName(DEMO_ROUTER_NAME)) return DEMO_ROUTER_NAME;
  for (let i = 2; ; i++) if (!repo.getByName(`${DEMO_ROUTER_NAME} ${i}`)) return `${DEMO_ROUTER_NAME} ${i}`;
}
