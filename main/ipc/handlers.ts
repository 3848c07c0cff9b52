// The handler table: one thin function per contract channel over the services. No Electron here, so the
// browser test host and tests call exactly what the desktop app calls.
import type { AppServices } from '../services/app-services.ts';
import type { HandlerTable } from './invoker.ts';

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
    'interfaces:list': ({ routerId }) => s.wireguard.interfaces(routerId),
    'peers:list': ({ routerId }) => s.wireguard.peers(routerId),
    'router:health': ({ routerId }) => s.wireguard.health(routerId),
  };
}
