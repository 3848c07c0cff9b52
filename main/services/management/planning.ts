// Read-only answers for the peer form before anything is sent: which address the next peer would get, and
// what is worth a warning on the interface (no address, firewall closed, pool nearly full). Both read the
// router model (kept current by the poller and `listen`), never the router itself.
import { AppError, type InvokeOutput, type InvokeParsedInput } from '../../../src/contract/index.ts';
import { AddressPlanner } from './allocation.ts';
import { mapErrors } from '../errors.ts';
import type { ManagementDeps } from './deps.ts';
import { splitList } from './peer-results.ts';
import { interfaceWarnings, poolWarnings } from './prechecks.ts';
import { interfaceByName, type RouterWireGuard } from './router-read.ts';

type ByInterface = InvokeParsedInput<'peers:precheck'>;

/**
 * The DNS servers most peers on the interface give their clients (client-dns, RouterOS 7.12+), so a new
 * peer starts with what its neighbours have; on a tie the newer peer's wins. [] when no peer has any.
 */
export function usualClientDns(state: RouterWireGuard, iface: string): string[] {
  const counts = new Map<string, number>();
  for (const peer of [...state.peers].reverse()) {
    if (peer.interface !== iface || peer.dynamic) continue;
    const servers = splitList(peer.client.dns).join(',');
    if (servers) counts.set(servers, (counts.get(servers) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [servers, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = servers;
  return best ? best.split(',') : [];
}

export class PeerPlanning {
  readonly #d: ManagementDeps;

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async nextAddress(input: ByInterface): Promise<InvokeOutput<'peers:nextAddress'>> {
    return mapErrors(async () => {
      const state = await this.#d.models.live(input.routerId);
      const iface = interfaceByName(state, input.interface);
      const planner = new AddressPlanner(state, iface.name, this.#d.reserved.for(input.routerId, iface.name));
      const pools = planner.pools();
      return { addresses: planner.next(), pools };
    });
  }

  async precheck(input: ByInterface): Promise<InvokeOutput<'peers:precheck'>> {
    return mapErrors(async () => {
      const state = await this.#d.models.live(input.routerId);
      const iface = interfaceByName(state, input.interface);
      const planner = new AddressPlanner(state, iface.name, this.#d.reserved.for(input.routerId, iface.name));
      const pools = planner.pools();
      let nextAddress: string[] | null = null;
      let nextAddressProblem: string | null = null;
      try {
        nextAddress = planner.next();
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        nextAddressProblem = error.message;
      }
      const warnings = [...interfaceWarnings(state, iface), ...poolWarnings(iface.name, pools)];
      return { warnings, nextAddress, nextAddressProblem, pools, suggestedDns: usualClientDns(state, iface.name) };
    });
  }
}
