// The real data plane needs root (namespaces, TUN devices), the WireGuard userspace tools and nftables (the firewall).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const REQUIRED_TOOLS = ['wireguard-go', 'wg', 'ip', 'ping', 'nft'] as const;

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Why the data plane cannot run here, or null when it can. */
export function dataPlaneUnavailableReason(): string | null {
  if (process.platform !== 'linux') return `the real data plane needs Linux network namespaces (this is ${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'the real data plane needs root (network namespaces and TUN devices)';
  const missing = REQUIRED_TOOLS.filter((tool) => !onPath(tool));
  if (missing.length > 0) return `the real data plane needs ${missing.join(', ')} on PATH`;
  try {
    accessSync('/dev/net/tun', constants.R_OK | constants.W_OK);
  } catch {
    return 'the real data plane needs /dev/net/tun';
  }
  return null;
}
