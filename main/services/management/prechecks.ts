// Checks made before a change that warn without blocking: the interface has no address, the firewall drops
// its UDP port, its pool is nearly or completely used. (A full pool does block the allocation itself, with
// its own error; here it is only reported.)
import type { ManagementWarning } from '../../../src/contract/index.ts';
import type { RouterState } from '../router-model/index.ts';
import type { PoolInfo } from './allocation.ts';
import { interfaceSubnets } from './allocation.ts';
import { blockingRule } from './firewall.ts';
import type { RouterInterface } from './router-read.ts';

/** Fewer free addresses than this (or under a tenth of the pool) is worth a warning. */
const LOW_POOL = 5;

/** From the model's picture: its addresses and the input chain it follows (no round trip). */
export function interfaceWarnings(state: RouterState, iface: RouterInterface): ManagementWarning[] {
  const warnings: ManagementWarning[] = [];
  if (interfaceSubnets(state, iface.name).length === 0) {
    warnings.push({
      code: 'NO_ADDRESS',
      message: `${iface.name} has no IP address, so peers get no tunnel subnet and the router cannot route to them. Add one, for example 10.20.0.1/24.`,
    });
  }
  const firewall = state.parts.firewall;
  if (!firewall.known) {
    // A user without read access to the firewall can still manage peers; the check is advice only, and
    // the technician is told it could not be made.
    if (firewall.problem) {
      warnings.push({
        code: 'FIREWALL_UNKNOWN',
        message: `WireDesk could not check whether the firewall lets UDP port ${iface.listenPort} in: the router refused ${firewall.problem.command} (${firewall.problem.message}).`,
      });
    }
    return warnings;
  }
  const blocker = blockingRule(state.firewall, iface.listenPort);
  if (blocker) {
    warnings.push({
      code: 'FIREWALL_CLOSED',
      message: `No firewall input rule accepts UDP port ${iface.listenPort} before ${blocker}, so clients on the internet cannot reach ${iface.name}. ` +
        `Add an accept rule above it: /ip firewall filter add chain=input protocol=udp dst-port=${iface.listenPort} action=accept comment="WireGuard ${iface.name}"`,
    });
  }
  return warnings;
}

export function poolWarnings(iface: string, pools: readonly PoolInfo[]): ManagementWarning[] {
  return pools.flatMap((pool): ManagementWarning[] => {
    if (pool.free === 0) {
      return [{ code: 'POOL_FULL', message: `The ${pool.subnet} pool of ${iface} is full (${pool.used} of ${pool.usable} addresses in use): new peers need a wider subnet or a freed address.` }];
    }
    if (pool.free < LOW_POOL || pool.free < pool.usable / 10) {
      return [{ code: 'POOL_LOW', message: `Only ${pool.free} of ${pool.usable} addresses are left in the ${pool.subnet} pool of ${iface}.` }];
    }
    return [];
  });
}
