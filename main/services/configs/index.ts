// Client configs rebuilt from WireDesk's key custody, endpoint suggestions and site-to-site links. Built from
// the app's stores and connections next to the management services, whose router helpers it reuses.
import type { Db } from '../../store/db.ts';
import { AuditRepository } from '../../store/audit.ts';
import { ClientRoutesRepository } from '../../store/client-routes.ts';
import { EndpointsRepository } from '../../store/endpoints.ts';
import { PeerKeysRepository } from '../../store/peer-keys.ts';
import type { RoutersRepository } from '../../store/routers.ts';
import type { KeyVault } from '../../secrets/key-vault.ts';
import type { ConnectionManager } from '../connections.ts';
import type { PlanRunner } from '../changes/apply.ts';
import type { PlanPreviews } from '../changes/previews.ts';
import type { RouterModels } from '../router-model/index.ts';
import { RouterSessions } from '../management/router-session.ts';
import { ClientConfigs } from './client-configs.ts';
import { SiteLinks } from './sites/index.ts';

export interface ConfigServices {
  configs: ClientConfigs;
  sites: SiteLinks;
}

export interface ConfigServicesOptions {
  db: Db;
  routers: RoutersRepository;
  connections: ConnectionManager;
  models: RouterModels;
  /**
   * The management services' vault: one instance per process. A second one could load a different master key
   * than the first created and cached (another process may create one in the keychain at the same moment).
   */
  vault: KeyVault;
  /** The management services' plan runner: site links are change plans too. */
  plans: PlanRunner;
  /** The management services' previews: a site link's preview is kept (and checked) where every plan's is. */
  previews: PlanPreviews;
  now: () => number;
}

export function createConfigServices(o: ConfigServicesOptions): ConfigServices {
  const clock = { now: o.now };
  // Read here only to decrypt 'stored' keys; writing them stays with the management services.
  const keys = new PeerKeysRepository(o.db, o.vault, clock);
  const deps = {
    sessions: new RouterSessions({ connections: o.connections, routers: o.routers }),
    keys,
    endpoints: new EndpointsRepository(o.db, clock),
    clientRoutes: new ClientRoutesRepository(o.db, clock),
    auditLog: new AuditRepository(o.db, clock),
    models: o.models,
    plans: o.plans,
    previews: o.previews,
    now: o.now,
  };
  return { configs: new ClientConfigs(deps), sites: new SiteLinks(deps) };
}
