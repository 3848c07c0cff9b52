// Channel names only, without schemas: the preload imports this file and stays tiny.
// channels.ts checks at compile time that these lists and the schema tables agree.

export const INVOKE_CHANNELS = [
  'app:info',
  'settings:get',
  'settings:update',
  'routers:list',
  'routers:test',
  'routers:add',
  'routers:update',
  'routers:remove',
  'routers:reconnect',
  'routers:startDemo',
  'interfaces:list',
  'peers:list',
  'peers:counters',
  'router:health',
  // Management (src/contract/management.ts)
  'interfaces:create',
  'interfaces:update',
  'interfaces:setDisabled',
  'interfaces:openPort',
  'interfaces:addAddress',
  'setup:propose',
  'interfaces:deletePreview',
  'interfaces:delete',
  'peers:listManaged',
  'peers:create',
  'peers:update',
  'peers:setDisabled',
  'peers:delete',
  'changes:preview',
  'changes:tunnelCheck',
  'peers:diagnose',
  'router:enableNtp',
  'changes:history',
  'changes:undo',
  'backups:list',
  'backups:get',
  'backups:diff',
  'backups:restore',
  'peers:rotateKeys',
  'peers:revealHeldKey',
  'peers:bulk',
  'peers:nextAddress',
  'peers:precheck',
  'peers:exportCsv',
  'peers:importPreview',
  'peers:importApply',
  'peers:importResume',
  'peers:importJobs',
  'peers:importCancel',
  'audit:list',
  'reservations:list',
  'reservations:reserve',
  'reservations:release',
  'endpoints:get',
  'endpoints:set',
  'endpoints:clear',
  'clientRoutes:get',
  'clientRoutes:set',
  'clientRoutes:clear',
  // Client configs and site-to-site (src/contract/configs.ts)
  'configs:get',
  'configs:export',
  'configs:saved',
  'endpoints:suggest',
  'sites:preview',
  'sites:connect',
  'traffic:series',
  'traffic:topTalkers',
  'traffic:usageCsv',
  'traffic:events',
  'peers:ping',
  'monitor:setWatched',
  'monitor:watched',
] as const;

export const EVENT_CHANNELS = [
  'monitor:event',
  'router:status', 'routers:changed', 'settings:changed', 'bulk:progress', 'import:progress', 'model:changed', 'changes:rollback'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** Prefix for pushed events on the Electron transport, so they never collide with invoke channels. */
export const EVENT_PREFIX = 'event:';

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (EVENT_CHANNELS as readonly string[]).includes(name);
}
