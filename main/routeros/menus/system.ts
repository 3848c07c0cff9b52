// /system/identity and /system/resource: the router's name, version and health for the dashboard.
import { parseRouterOsVersion, type RouterOsVersion } from '../../../src/domain/routeros-version.ts';
import { RouterOsError } from '../errors.ts';
import { duration, int, text, type MenuClient } from './values.ts';

export async function getIdentity(client: MenuClient): Promise<string> {
  const [row] = await client.print('/system/identity');
  return row?.['name'] ?? '';
}

export async function setIdentity(client: MenuClient, name: string): Promise<void> {
  await client.call('/system/identity/set', { name });
}

export interface SystemResource {
  uptimeMs: number;
  /** As the router prints it: `7.13.4 (stable)`. */
  versionText: string;
  version: RouterOsVersion | undefined;
  buildTime: string;
  freeMemory: number;
  totalMemory: number;
  cpu: string;
  cpuCount: number;
  cpuFrequencyMhz: number;
  cpuLoadPercent: number;
  boardName: string;
  architectureName: string;
}

export async function getResource(client: MenuClient): Promise<SystemResource> {
  const [row] = await client.print('/system/resource');
  if (!row) throw new RouterOsError('PROTOCOL_ERROR', `${client.host} returned no /system/resource`, { host: client.host });
  const versionText = text(row, 'version');
  const parsed = parseRouterOsVersion(versionText);
  return {
    uptimeMs: duration(row, 'uptime') ?? 0,
    versionText,
    version: parsed.ok ? parsed.value : undefined,
    buildTime: text(row, 'build-time'),
    freeMemory: int(row, 'free-memory'),
    totalMemory: int(row, 'total-memory'),
    cpu: text(row, 'cpu'),
    cpuCount: int(row, 'cpu-count', 1),
    cpuFrequencyMhz: int(row, 'cpu-frequency'),
    cpuLoadPercent: int(row, 'cpu-load'),
    boardName: text(row, 'board-name'),
    architectureName: text(row, 'architecture-name'),
  };
}

/** The router's version, needed to know which WireGuard fields it accepts. */
export async function getRouterVersion(client: MenuClient): Promise<RouterOsVersion> {
  const [row] = await client.print('/system/resource', { proplist: ['version'] });
  const versionText = row?.['version'] ?? '';
  const parsed = parseRouterOsVersion(versionText);
  if (!parsed.ok) {
    throw new RouterOsError('PROTOCOL_ERROR', `${client.host} reports a version we cannot read: "${versionText}"`, {
      host: client.host,
      command: '/system/resource/print',
    });
  }
  return parsed.value;
}
