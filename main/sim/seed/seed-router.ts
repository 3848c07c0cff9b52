// Builds the router a simulator starts with: base configuration, then the WireGuard setup for the options.
import { Rng } from '../rng.ts';
import { RouterState } from '../state/router-state.ts';
import type { ResolvedOptions } from '../options.ts';
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
  const plans = atLeast(options.version, '7.1') ? planInterfaces(options.peers, options.interfaces) : [];
  if (plans.length > 0) state.set('/system/identity', '', { name: rng.pick(IDENTITIES) });
  seedBaseConfig(state, rng, {
    uplinkAddress: options.dataPlane?.uplink?.routerAddress,
    wireguardPorts: plans.length > 0 ? plans.map((p) => p.port) : atLeast(options.version, '7.1') ? [13231] : [],
  });
  seedWireguard(state, rng, plans);
  return state;
}
