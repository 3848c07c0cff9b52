// What the management services share. Built once in index.ts from the app's composition root.
import type { EventBus } from '../../ipc/events.ts';
import type { KeyVault } from '../../secrets/key-vault.ts';
import type { AuditRepository } from '../../store/audit.ts';
import type { EndpointsRepository } from '../../store/endpoints.ts';
import type { ImportJobsRepository } from '../../store/import-jobs.ts';
import type { ReservationsRepository } from '../../store/reservations.ts';
import type { RoutersRepository } from '../../store/routers.ts';
import type { SnapshotsRepository } from '../../store/snapshots.ts';
import type { ConnectionManager } from '../connections.ts';
import type { SettingsService } from '../settings.ts';
import type { WireGuardReadService } from '../wireguard-read.ts';
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
  imports: ImportJobsRepository;
  snapshots: SnapshotsRepository;
  routers: RoutersRepository;
  connections: ConnectionManager;
  wireguard: WireGuardReadService;
  settings: SettingsService;
  events: EventBus;
  now: () => number;
  /** Several local records changed as one (all or none after a crash); `fn` must be synchronous. */
  localTransaction: <T>(fn: () => T) => T;
}

/** Threshold the read model uses too, so a peer read after a change shows the same status as in the list. */
export function onlineThresholdMs(d: Pick<ManagementDeps, 'settings'>): number {
  return d.settings.get().onlineThresholdSec * 1000;
}
