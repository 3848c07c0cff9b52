// What the management services share. Built once in index.ts from the app's composition root.
import type { EventBus } from '../../ipc/events.ts';
import type { KeyVault } from '../../secrets/key-vault.ts';
import type { AuditRepository } from '../../store/audit.ts';
import type { ClientRoutesRepository } from '../../store/client-routes.ts';
import type { EndpointsRepository } from '../../store/endpoints.ts';
import type { ImportJobsRepository } from '../../store/import-jobs.ts';
import type { ReservationsRepository } from '../../store/reservations.ts';
import type { RoutersRepository } from '../../store/routers.ts';
import type { ConnectionManager } from '../connections.ts';
import type { SettingsService } from '../settings.ts';
import type { RouterModels } from '../router-model/index.ts';
import type { PlanRunner } from '../changes/apply.ts';
import type { PlanPreviews } from '../changes/previews.ts';
import type { AuditTrail } from './audit-trail.ts';
import type { KeyCustodian } from './key-custody.ts';
import type { ReservedAddresses } from './reserved.ts';
import type { RouterSessions } from './router-session.ts';

export interface ManagementDeps {
  sessions: RouterSessions;
  audit: AuditTrail;
  auditLog: AuditRepository;
  keys: KeyCustodian;
  vault: KeyVault;
  reserved: ReservedAddresses;
  reservations: ReservationsRepository;
  endpoints: EndpointsRepository;
  /** What each interface's client configs route (AllowedIPs); none remembered: the full tunnel. */
  clientRoutes: ClientRoutesRepository;
  imports: ImportJobsRepository;
  routers: RoutersRepository;
  connections: ConnectionManager;
  /** The one picture of each router: checks read it, changes feed it their answers. */
  models: RouterModels;
  settings: SettingsService;
  /** Every write to a router goes through a plan: backed up, armed with the router's own rollback, verified. */
  plans: PlanRunner;
  /** Plans shown to the technician and not yet applied. */
  previews: PlanPreviews;
  events: EventBus;
  now: () => number;
  /** Several local records changed as one (all or none after a crash); `fn` must be synchronous. */
  localTransaction: <T>(fn: () => T) => T;
}
