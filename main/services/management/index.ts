// Builds the management services from the app's stores and connections: one object per area, each small.
import { AppError } from '../../../src/contract/index.ts';
import { transaction, type Db } from '../../store/db.ts';
import { AuditRepository } from '../../store/audit.ts';
import { ClientRoutesRepository } from '../../store/client-routes.ts';
import { EndpointsRepository } from '../../store/endpoints.ts';
import { ImportJobsRepository } from '../../store/import-jobs.ts';
import { PeerKeysRepository } from '../../store/peer-keys.ts';
import { ReservationsRepository } from '../../store/reservations.ts';
import type { RoutersRepository } from '../../store/routers.ts';
import { KeyVault } from '../../secrets/key-vault.ts';
import type { SecretStore } from '../../secrets/secret-store.ts';
import type { EventBus } from '../../ipc/events.ts';
import type { ConnectionManager } from '../connections.ts';
import type { SettingsService } from '../settings.ts';
import type { RouterModels } from '../router-model/index.ts';
import { ChangeJournal } from '../../store/change-journal.ts';
import { PlanRunner } from '../changes/apply.ts';
import { PlanPreviews } from '../changes/previews.ts';
import { RollbackWatch } from '../changes/rollback-watch.ts';
import type { StepCheck } from '../changes/reconcile.ts';
import { BackupService } from '../changes/backups.ts';
import { AuditTrail } from './audit-trail.ts';
import { BulkPeers } from './bulk.ts';
import type { ManagementDeps } from './deps.ts';
import { PeerImports } from './imports.ts';
import { InterfaceManager } from './interfaces.ts';
import { KeyCustodian } from './key-custody.ts';
import { PeerActions } from './peer-actions.ts';
import { PeerList } from './peer-list.ts';
import { PeerEditor } from './peers.ts';
import { PeerPlanning } from './planning.ts';
import { LocalRecords } from './records.ts';
import { ReservedAddresses } from './reserved.ts';
import { RouterSessions } from './router-session.ts';
import { RouterClock } from './router-clock.ts';
import { PeerDoctor, type RecentTraffic } from '../doctor/index.ts';
import { systemResolver, type ResolveHost } from '../doctor/resolve.ts';

export interface ManagementServices {
  interfaces: InterfaceManager;
  peers: PeerEditor;
  peerActions: PeerActions;
  bulk: BulkPeers;
  peerList: PeerList;
  planning: PeerPlanning;
  imports: PeerImports;
  records: LocalRecords;
  /** Finds out what a router did with a change WireDesk lost it in the middle of; start() when connections start. */
  rollbacks: RollbackWatch;
  /** Backups before each change, restores, and undo of applied changes. */
  backups: BackupService;
  /** The runner every router write goes through (configs' site links use it too). */
  plans: PlanRunner;
  /** Previews not yet applied (configs' site links keep theirs here too). */
  previews: PlanPreviews;
  /** Why a peer is not connecting, from the live model. */
  doctor: PeerDoctor;
  /** The router's clock: the doctor's NTP fix. */
  clock: RouterClock;
}

export interface ManagementOptions {
  db: Db;
  routers: RoutersRepository;
  connections: ConnectionManager;
  models: RouterModels;
  settings: SettingsService;
  events: EventBus;
  secrets: SecretStore;
  now: () => number;
  /** Shared with other services that decrypt peer keys, so one process never holds two master keys. */
  vault?: KeyVault;
  /** How the doctor resolves the name clients dial (default: this computer's resolver). */
  resolveHost?: ResolveHost;
  /** A peer's bytes over a time range, from the traffic history (none recorded: zeros and coveredMs 0). */
  recentTraffic?: RecentTraffic;
}

/** Looks, a second apart, at an earlier plan still to be found out before a new plan is refused. */
const BEFORE_APPLY_LOOKS = 8;

export function createManagementServices(o: ManagementOptions): ManagementServices {
  const clock = { now: o.now };
  const vault = o.vault ?? new KeyVault(o.secrets);
  const auditLog = new AuditRepository(o.db, clock);
  const reservations = new ReservationsRepository(o.db, clock);
  const imports = new ImportJobsRepository(o.db, clock);
  const rollbackDelaySec = (): number => o.settings.get().rollbackDelaySec;
  const journal = new ChangeJournal(o.db, clock);
  const keys = new KeyCustodian(new PeerKeysRepository(o.db, vault, clock));
  const rollbacks = new RollbackWatch({
    journal, events: o.events, connections: o.connections, models: o.models, now: o.now,
    // A change whose answer was lost: its activity-log entry ("failed" when the link dropped) gets the true
    // outcome, and the keys made for it follow what the router has.
    onResolved: (entry, resolution) => {
      transaction(o.db, () => {
        auditLog.resolve(entry.planId, resolution);
        // An import's resume sends a row that did not arrive again, with the key kept for it.
        if (Array.isArray(entry.checks)) keys.resolve(entry.routerId, entry.checks as StepCheck[], resolution, { keepStored: entry.subject?.code === 'peer.import' });
      });
    },
  });
  const previews = new PlanPreviews({ now: o.now, rollbackDelaySec });
  const plans = new PlanRunner({
    journal,
    tunnelCheck: (planId) => previews.takeTunnelCheck(planId),
    models: o.models,
    probe: (routerId, timeoutMs) => o.connections.probe(routerId, timeoutMs),
    rollbackDelaySec,
    now: o.now,
    onRollbackPending: (routerId, planId, runsAt) => {
      o.events.emit('changes:rollback', { routerId, planId, subject: journal.get(planId)?.subject ?? null, title: journal.get(planId)?.title ?? '', state: 'pending', runsAt });
      rollbacks.expect(routerId, planId, runsAt, o.now());
    },
    onLinkLost: (routerId) => void o.connections.reconnect(routerId).catch(() => undefined),
    beforeApply: async (routerId) => {
      if (journal.inState(routerId, 'rollback-pending').length === 0) return;
      // The router answers (this plan's session is open): find out first what it did with the earlier one. A
      // half-done one has its rollback brought forward to run in a moment: wait that long, not its full delay.
      for (let look = 0; look < BEFORE_APPLY_LOOKS && journal.inState(routerId, 'rollback-pending').length > 0; look++) {
        if (look > 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
        await rollbacks.check(routerId).catch(() => undefined);
      }
      const [waiting] = journal.inState(routerId, 'rollback-pending');
      if (!waiting) return;
      throw new AppError('CONFLICT', `"${waiting.title}" was sent to this router but its answer was lost, and the router's own rollback of it is still due. WireDesk sends nothing new to this router until it knows what the router did; try again after the rollback time.`, {
        reason: 'rollback-pending', nothingSent: true, planId: waiting.planId, runsAt: waiting.rollbackAt, subject: waiting.subject,
      });
    },
  });
  const deps: ManagementDeps = {
    sessions: new RouterSessions({ connections: o.connections, routers: o.routers }),
    audit: new AuditTrail(auditLog),
    auditLog,
    keys,
    vault,
    reserved: new ReservedAddresses(reservations, imports),
    reservations,
    endpoints: new EndpointsRepository(o.db, clock),
    clientRoutes: new ClientRoutesRepository(o.db, clock),
    imports,
    routers: o.routers,
    connections: o.connections,
    models: o.models,
    settings: o.settings,
    plans,
    previews,
    events: o.events,
    now: o.now,
    localTransaction: (fn) => transaction(o.db, fn),
  };
  return {
    interfaces: new InterfaceManager(deps),
    peers: new PeerEditor(deps),
    peerActions: new PeerActions(deps),
    bulk: new BulkPeers(deps),
    peerList: new PeerList(deps),
    planning: new PeerPlanning(deps),
    imports: new PeerImports(deps),
    records: new LocalRecords(deps),
    rollbacks,
    plans,
    previews: deps.previews,
    backups: new BackupService({ sessions: deps.sessions, models: o.models, journal, plans, previews: deps.previews, audit: deps.audit }),
    clock: new RouterClock(deps),
    doctor: new PeerDoctor({ ...deps, resolveHost: o.resolveHost ?? systemResolver, recentTraffic: o.recentTraffic ?? (() => ({ rx: 0, tx: 0, coveredMs: 0 })) }),
  };
}
