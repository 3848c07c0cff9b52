// Builds the router a simulator starts with: base configuration, then the WireGuard setup for the options.
import { Rng } from '../rng.ts';
import { RouterState } from '../state/router-state.ts';
import { FULL_POLICIES, type ResolvedOptions } from '../options.ts';
import { atLeast } from '../version.ts';
import { makeHardware } from './hardware.ts';
import { seedBaseConfig } from './base-config.ts';
import { planInterfaces, seedWireguard } from './wireguard.ts';

const IDENTITIES = ['Merkez-Ofis', 'HQ-Gateway', 'Istanbul-GW', 'MikroTik'];

export function createRouter(options: ResolvedOptions): RouterState {
  const rng = new Rng(options.seed);
  const state = new RouterState({
    version: options.version,
    clock: options.clock,
    seed: options.seed,
    hardware: makeHardware(rng, options.version),
  });
  state.ntpReachable = options.ntpReachable;
  const plans = atLeast(options.version, '7.1') ? planInterfaces(options.peers, options.interfaces) : [];
  if (plans.length > 0) state.set('/system/identity', '', { name: rng.pick(IDENTITIES) });
  seedBaseConfig(state, rng, {
    uplinkAddress: options.dataPlane?.uplink?.routerAddress,
    wireguardPorts: plans.length > 0 ? plans.map((p) => p.port) : atLeast(options.version, '7.1') ? [13231] : [],
  });
  seedWireguard(state, rng, plans);
  seedUsers(state, options.users);
  return state;
}

/** One /user row per login; users with every policy share the "full" group, the others get their own. */
function seedUsers(state: RouterState, users: ResolvedOptions['users']): void {
  const groups = new Set<string>();
  for (const user of users) {
    const full = FULL_POLICIES.every((p) => user.policies.has(p));
    const group = full ? 'full' : `${user.name}-group`;
    if (!groups.has(group)) {
      groups.add(group);
      const policy = FULL_POLICIES.map((p) => (user.policies.has(p) ? p : `!${p}`)).join(',');
      state.add('/user/group', { name: group, policy });
    }
    state.add('/user', { name: user.name, group });
  }
}
