// The handler table: one thin function per contract channel over the services. No Electron here, so the
// browser test host and tests call exactly what the desktop app calls.
import type { AppServices } from '../services/app-services.ts';
import type { ChangeRequest, configsContract, managementContract, PlanView, trafficContract } from '../../src/contract/index.ts';
import { offerTunnelCheck } from '../services/changes/tunnels.ts';
import type { ApplyReport } from '../services/changes/apply.ts';
import type { HandlerTable } from './invoker.ts';
import { interfaceListing, peerCounters, peerListing } from '../services/router-model/index.ts';

type ManagementChannel = keyof typeof managementContract;
type ConfigsChannel = keyof typeof configsContract;
type TrafficChannel = keyof typeof trafficContract;

export function createHandlers(s: AppServices): HandlerTable {
  return {
    'app:info': () => s.info(),
    'settings:get': () => s.settings.get(),
    'settings:update': (patch) => s.settings.update(patch),
    'routers:list': () => s.routers.list(),
    'routers:test': (draft) => s.routers.test(draft),
    'routers:add': (draft) => s.routers.add(draft),
    'routers:update': (update) => s.routers.update(update),
    'routers:remove': ({ id }) => s.routers.remove(id),
    'routers:reconnect': ({ id }) => s.routers.reconnect(id),
    'routers:startDemo': () => s.demo.start(),
    'interfaces:list': async ({ routerId }) => interfaceListing(await s.models.state(routerId)),
    'peers:list': async ({ routerId }) => peerListing(await s.models.state(routerId)),
    'peers:counters': async ({ routerId }) => peerCounters(await s.models.state(routerId)),
    'router:health': ({ routerId }) => s.health(routerId),
    ...managementHandlers(s),
    ...configsHandlers(s),
    ...trafficHandlers(s),
  };
}

/** Management channels (src/contract/management.ts): interfaces, peers, import, audit, reservations, endpoints, client routes. */
function managementHandlers(s: AppServices): Pick<HandlerTable, ManagementChannel> {
  const m = s.management;
  const previewOf = (change: ChangeRequest): Promise<PlanView> => {
    switch (change.kind) {
      case 'peer.create': return m.peers.previewCreate({ ...change.input, planId: undefined });
      case 'peer.update': return m.peers.previewUpdate({ ...change.input, planId: undefined });
      case 'peer.setDisabled': return m.peerActions.previewSetDisabled({ ...change.input, planId: undefined });
      case 'peer.delete': return m.peerActions.previewDelete({ ...change.input, planId: undefined });
      case 'peer.bulk': return m.bulk.preview({ ...change.input, planId: undefined, operationId: undefined });
      case 'peer.rotateKeys': return m.peerActions.previewRotateKeys({ ...change.input, planId: undefined });
      case 'peer.import': return m.imports.previewApply({ ...change.input, planId: undefined });
      case 'backup.restore': return m.backups.restore(change.input.routerId, change.input.backupId, { preview: true }) as Promise<PlanView>;
      case 'change.undo': return m.backups.undo(change.input.routerId, change.input.planId, { preview: true }) as Promise<PlanView>;
      case 'interface.create': return m.interfaces.previewCreate({ ...change.input, planId: undefined });
      case 'interface.update': return m.interfaces.previewUpdate({ ...change.input, planId: undefined });
      case 'interface.setDisabled': return m.interfaces.previewSetDisabled({ ...change.input, planId: undefined });
      case 'interface.openPort': return m.interfaces.previewOpenPort({ ...change.input, planId: undefined });
      case 'interface.addAddress': return m.interfaces.previewAddAddress({ ...change.input, planId: undefined });
      case 'router.ntp': return m.clock.previewEnableNtp({ ...change.input, planId: undefined });
      case 'site.link': return s.configs.sites.plans(change.input);
    }
  };
  return {
    'interfaces:create': (input) => m.interfaces.create(input),
    'interfaces:update': (input) => m.interfaces.update(input),
    'interfaces:setDisabled': (input) => m.interfaces.setDisabled(input),
    'interfaces:deletePreview': (input) => m.interfaces.deletePreview(input),
    'interfaces:openPort': (input) => m.interfaces.openPort(input),
    'interfaces:addAddress': (input) => m.interfaces.addAddress(input),
    'setup:propose': (input) => m.interfaces.propose(input),
    'peers:diagnose': (input) => m.doctor.diagnose(input),
    'router:enableNtp': (input) => m.clock.enableNtp(input),
    'interfaces:delete': (input) => m.interfaces.delete(input),
    'peers:listManaged': ({ routerId }) => m.peerList.list(routerId),
    'peers:create': (input) => m.peers.create(input),
    'peers:update': (input) => m.peers.update(input),
    'peers:setDisabled': (input) => m.peerActions.setDisabled(input),
    'peers:delete': (input) => m.peerActions.delete(input),
    'changes:history': ({ routerId }) => m.backups.history(routerId).map((e) => ({ ...e, commands: [...e.commands] })),
    'changes:undo': async ({ routerId, planId, previewId }) => ({ report: (await m.backups.undo(routerId, planId, { preview: false, previewId })) as ApplyReport }),
    'backups:list': ({ routerId }) => m.backups.list(routerId),
    'backups:get': ({ routerId, backupId }) => {
      const b = m.backups.get(routerId, backupId);
      const counts = m.backups.list(routerId).find((x) => x.id === backupId)!.counts;
      return { id: b.id, takenAt: b.takenAt, title: b.title, subject: b.subject, planId: b.planId, counts, rsc: b.rsc };
    },
    'backups:diff': async ({ routerId, from, to }) => ({ diff: await m.backups.diff(routerId, from, to) }),
    'backups:restore': async ({ routerId, backupId, planId }) => ({ report: (await m.backups.restore(routerId, backupId, { preview: false, planId })) as ApplyReport }),
    'changes:preview': async (change) => {
      const view = await previewOf(change);
      return offerTunnelCheck(view, await s.models.state(view.routerId), s.settings.get().rollbackDelaySec);
    },
    'changes:tunnelCheck': ({ routerId, planId, on }) => {
      m.previews.setTunnelCheck(planId, routerId, on);
      return { on };
    },
    'peers:rotateKeys': (input) => m.peerActions.rotateKeys(input),
    'peers:revealHeldKey': (input) => m.peerActions.revealHeldKey(input),
    'peers:bulk': (input) => m.bulk.run(input),
    'peers:nextAddress': (input) => m.planning.nextAddress(input),
    'peers:precheck': (input) => m.planning.precheck(input),
    'peers:exportCsv': (input) => m.peerList.exportCsv(input),
    'peers:importPreview': (input) => m.imports.preview(input),
    'peers:importApply': (input) => m.imports.apply(input),
    'peers:importResume': (input) => m.imports.resume(input),
    'peers:importJobs': ({ routerId }) => m.imports.jobs(routerId),
    'peers:importCancel': (input) => m.imports.cancel(input),
    'audit:list': (input) => m.records.auditList(input),
    'reservations:list': (input) => m.records.reservations(input),
    'reservations:reserve': (input) => m.records.reserve(input),
    'reservations:release': (input) => m.records.release(input),
    'endpoints:get': (input) => m.records.endpoint(input),
    'endpoints:set': (input) => m.records.setEndpoint(input),
    'endpoints:clear': (input) => m.records.clearEndpoint(input),
    'clientRoutes:get': (input) => m.records.clientRoutes(input),
    'clientRoutes:set': (input) => m.records.setClientRoutes(input),
    'clientRoutes:clear': (input) => m.records.clearClientRoutes(input),
  };
}

/** Configs and site-to-site (src/contract/configs.ts). configs:get and configs:export answer with private keys. */
function configsHandlers(s: AppServices): Pick<HandlerTable, ConfigsChannel> {
  const c = s.configs;
  return {
    'configs:get': (input) => c.configs.get(input),
    'configs:export': (input) => c.configs.export(input),
    'configs:saved': (input) => c.configs.saved(input),
    'endpoints:suggest': (input) => c.configs.suggest(input),
    'sites:preview': (input) => c.sites.preview(input),
    'sites:connect': (input) => c.sites.connect(input),
  };
}

/** Traffic history, status events, ping and watched peers (src/contract/traffic.ts). */
function trafficHandlers(s: AppServices): Pick<HandlerTable, TrafficChannel> {
  const m = s.monitoring;
  return {
    'traffic:series': (input) => m.series(input),
    'traffic:topTalkers': ({ routerId, range, limit, interface: iface }) => m.history.topTalkers(routerId, range, { limit, interface: iface }),
    'traffic:usageCsv': ({ routerId, range, delimiter }) => m.usageCsv(routerId, range, delimiter),
    'traffic:events': ({ routerId, limit }) => m.events(routerId, limit),
    'peers:ping': ({ routerId, address, count }) => m.ping(routerId, address, count),
    'monitor:setWatched': ({ routerId, interface: iface, publicKey, watched }) => m.setWatched(routerId, iface, publicKey, watched),
    'monitor:watched': ({ routerId }) => m.watched(routerId),
  };
}
