// Composition root: builds every service from a data directory. Electron's main process and the browser
// test host both call this, so they run the same code; tests inject a secret store or a clock.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo, RouterHealth } from '../../src/contract/index.ts';
import { readRouterHealth } from './router-health.ts';
import { EventBus } from '../ipc/events.ts';
import { configureLogging, createLogger } from '../log/logger.ts';
import { KeytarSecretStore, type SecretStore } from '../secrets/secret-store.ts';
import { RouterCredentials } from '../secrets/router-credentials.ts';
import { KeyVault } from '../secrets/key-vault.ts';
import { dataDirectoryLock } from '../secrets/vault-lock.ts';
import { openDatabase } from '../store/db.ts';
import { PeerKeysRepository } from '../store/peer-keys.ts';
import { RoutersRepository } from '../store/routers.ts';
import { LocalCopyRepository } from '../store/local-copy.ts';
import { ConnectionManager } from './connections.ts';
import { DemoService, type StartDemoServer } from './demo.ts';
import { createOpenRouter, type OpenRouter } from './open-router.ts';
import { RouterService } from './routers.ts';
import { SettingsService } from './settings.ts';
import { RouterModels } from './router-model/index.ts';
import { createManagementServices, type ManagementServices } from './management/index.ts';
import type { ResolveHost } from './doctor/resolve.ts';
import { createConfigServices, type ConfigServices } from './configs/index.ts';
import { MonitoringService } from './monitoring.ts';

export interface AppServicesOptions {
  dataDir: string;
  appVersion: string;
  platform: string;
  notify: (title: string, body: string) => void;
  /** Add the demo router on the very first start (the desktop app does; tests usually do not). */
  autoDemo: boolean;
  secretStore?: SecretStore;
  now?: () => number;
  open?: OpenRouter;
  startDemoServer?: StartDemoServer;
  /** Poll routers for counters, status and traffic history (default on). */
  monitoring?: boolean;
  /** How the connection doctor resolves the name clients dial (default: this computer's resolver). */
  resolveHost?: ResolveHost;
}

export interface AppServices {
  events: EventBus;
  settings: SettingsService;
  routers: RouterService;
  connections: ConnectionManager;
  demo: DemoService;
  /** One live model of each router: what every screen, check and service reads. */
  models: RouterModels;
  /** Changes to interfaces and peers, CSV import/export, audit log, reservations, endpoints. */
  management: ManagementServices;
  /** Client configs rebuilt from stored keys (they carry private keys), endpoint suggestions, site-to-site links. */
  configs: ConfigServices;
  /** Traffic history, status events, notifications and ping. */
  monitoring: MonitoringService;
  info(): Promise<AppInfo>;
  /** CPU, memory, uptime: read from the router when asked (not WireGuard state). */
  health(routerId: string): Promise<RouterHealth>;
  shutdown(): Promise<void>;
}

export const DATABASE_FILE = 'wiredesk.sqlite';

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  configureLogging({ dir: join(options.dataDir, 'logs') });
  const log = createLogger('services');
  const now = options.now ?? Date.now;
  const db = openDatabase(join(options.dataDir, DATABASE_FILE));
  const events = new EventBus();
  const secrets = options.secretStore ?? new KeytarSecretStore();
  const repo = new RoutersRepository(db, { now });
  const credentials = new RouterCredentials(repo, secrets);
  const settings = new SettingsService(db, events);
  const open = options.open ?? createOpenRouter();

  const connections = new ConnectionManager({
    open,
    getPassword: (id) => credentials.getPassword(id),
    events,
    now,
    onConnected: (id, facts) => {
      const before = repo.get(id);
      repo.recordConnection(id, { routerosVersion: facts.version, identity: facts.identity, board: facts.board });
      // The profile shows identity, version and board: tell the UI when the router reported new ones.
      if (before && (before.identity !== facts.identity || before.routerosVersion !== facts.version || before.board !== facts.board)) {
        events.emit('routers:changed', { reason: 'updated', id });
      }
    },
    log: (message, context) => log.warn(message, context),
  });
  const routers = new RouterService({ repo, credentials, secrets, connections, events, settings, open });
  const vault = new KeyVault(secrets, { lock: dataDirectoryLock(options.dataDir) });
  const demoKeys = new PeerKeysRepository(db, vault, { now });
  const demo = new DemoService({
    startServer: options.startDemoServer ?? startBuiltInDemoServer,
    repo,
    credentials,
    connections,
    routers,
    settings,
    events,
    adoptKey: async (routerId, publicKey, privateKey) => {
      if (demoKeys.get(routerId, publicKey)) return 'known';
      await demoKeys.store(routerId, publicKey, privateKey);
      return 'adopted';
    },
    log: (message, context) => log.warn(message, context),
  });
  const monitoring = new MonitoringService({
    db,
    connections,
    routers: repo,
    settings,
    events,
    notify: options.notify,
    now,
    log: (message, context) => log.warn(message, context),
    autoStart: options.monitoring ?? true,
  });
  const models = new RouterModels({
    db,
    connections,
    routers: repo,
    settings,
    events,
    copy: new LocalCopyRepository(db),
    now,
    log: (message, context) => log.warn(message, context),
    onMonitorEvent: (event) => monitoring.onMonitorEvent(event),
    polling: options.monitoring ?? true,
  });
  const management = createManagementServices({
    db, routers: repo, connections, models, settings, events, secrets, now, vault,
    // The doctor reads a peer's recent bytes from the traffic history the polls record.
    recentTraffic: (ref, range) => monitoring.history.totals(ref, range),
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
  });
  const configs = createConfigServices({ db, routers: repo, connections, models, vault, plans: management.plans, previews: management.previews, now });

  // The models subscribe before any connection starts, so none of them misses its router coming online.
  models.start();
  const stopRollbackWatch = management.rollbacks.start();
  await demo.resume({ autoDemo: options.autoDemo });
  await routers.connectAll();
  monitoring.start();

  let closed = false;
  return {
    events,
    settings,
    routers,
    connections,
    demo,
    models,
    management,
    configs,
    monitoring,
    async info() {
      const probe = await secrets.probe();
      return {
        version: options.appVersion,
        platform: options.platform,
        keychain: probe.ok ? { ok: true, message: null } : { ok: false, message: probe.message },
        dataDirectory: options.dataDir,
      };
    },
    health: (routerId) => readRouterHealth(connections, routerId, now),
    async shutdown() {
      if (closed) return;
      closed = true;
      stopRollbackWatch();
      await models.shutdown();
      await monitoring.shutdown();
      await connections.shutdown();
      await demo.shutdown();
      db.close();
    },
  };
}

/** The demo router: the simulator with sample peers whose traffic changes, on a free loopback port. */
const startBuiltInDemoServer: StartDemoServer = async () => {
  const { startSimulator } = await import('../sim/index.ts');
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, version: '7.18', peers: 24, seed: 7, trafficTick: true });
  return { port: sim.port, clientKeys: sim.state.clientKeys, close: () => sim.close() };
};
