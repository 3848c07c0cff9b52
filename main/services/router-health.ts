// The router's health for the Traffic screen: identity, version, CPU and memory, read when asked. These are
// not WireGuard state (the router model holds that); they change by the second and are read on demand.
import type { RouterHealth } from '../../src/contract/index.ts';
import { getIdentity, getResource } from '../routeros/menus/system.ts';
import type { ConnectionManager } from './connections.ts';

export async function readRouterHealth(connections: ConnectionManager, routerId: string, now: () => number): Promise<RouterHealth> {
  return connections.withClient(routerId, async (client) => {
    const [identity, resource] = await Promise.all([getIdentity(client), getResource(client)]);
    return {
      identity,
      version: resource.versionText,
      board: resource.boardName,
      architecture: resource.architectureName,
      cpuLoad: resource.cpuLoadPercent,
      cpuCount: resource.cpuCount,
      freeMemory: resource.freeMemory,
      totalMemory: resource.totalMemory,
      uptimeMs: resource.uptimeMs,
      readAt: now(),
    };
  });
}
