// What the config and site-to-site services share. Built once in index.ts from the app's composition root.
import type { AuditRepository } from '../../store/audit.ts';
import type { ClientRoutesRepository } from '../../store/client-routes.ts';
import type { EndpointsRepository } from '../../store/endpoints.ts';
import type { PeerKeysRepository } from '../../store/peer-keys.ts';
import type { RouterSessions } from '../management/router-session.ts';
import type { RouterModels } from '../router-model/index.ts';
import type { PlanRunner } from '../changes/apply.ts';
import type { PlanPreviews } from '../changes/previews.ts';

export interface ConfigDeps {
  sessions: RouterSessions;
  /** Read here only to decrypt 'stored' keys; management owns writing them. */
  keys: PeerKeysRepository;
  endpoints: EndpointsRepository;
  /** Read only: the AllowedIPs a config gets when the request names no tunnel (management writes them). */
  clientRoutes: ClientRoutesRepository;
  auditLog: AuditRepository;
  /** What configs are built from: the live router, or its last-known copy while it is unreachable. */
  models: RouterModels;
  /** Site links change two routers: each through a change plan. */
  plans: PlanRunner;
  /** The previews the management services keep too: a site link is applied only as previewed. */
  previews: PlanPreviews;
  now: () => number;
}
