// Who answers a ping in pure simulation: the router's own addresses at once, an online peer (handshake in the
// last 3 minutes) inside its allowed-address with a plausible tunnel latency, public addresses like an internet
// host would, and nothing else.
import type { RouterState } from '../state/router-state.ts';
import { hashUnit } from '../rng.ts';
import { isNonPublicIpv4, parsePrefix, prefixContains } from '../values/ip.ts';
import { isIPv4 } from 'node:net';
import { ADDRESS_MENUS } from '../menus/interface-names.ts';

export interface Responder {
  /** Round-trip time in microseconds for probe `seq`, or null when it is lost. */
  answer(seq: number): number | null;
  ttl: number;
}

const ONLINE_WINDOW_MS = 180_000;

function jittered(base: number, spread: number, loss: number, ...key: number[]): (seq: number) => number | null {
  return (seq) => {
    if (hashUnit(...key, seq, 1) < loss) return null;
    return Math.round(base * (1 + spread * (hashUnit(...key, seq, 2) - 0.3)));
  };
}

export function simulatedResponder(state: RouterState, address: string): Responder | null {
  const own = ADDRESS_MENUS.some((path) => state.hasTable(path)
    && state.table(path).rows.some((r) => r.get('address')?.split('/')[0] === address));
  if (own) return { answer: jittered(40, 1, 0, state.seed, 1), ttl: 64 };
  if (state.hasTable('/interface/wireguard/peers')) {
    for (const row of state.table('/interface/wireguard/peers').rows) {
      const inside = (row.get('allowed-address') ?? '').split(',').some((p) => {
        const prefix = parsePrefix(p);
        return prefix !== null && prefixContains(prefix, address);
      });
      if (!inside) continue;
      const last = state.peerStats(row).lastHandshakeAt;
      if (!state.isPeerActive(row) || last === undefined || state.modelNow() - last > ONLINE_WINDOW_MS) return null;
      const base = 12_000 + 80_000 * hashUnit(state.seed, row.id, 11);
      return { answer: jittered(base, 0.6, 0.02, state.seed, row.id), ttl: 64 };
    }
  }
  if (isIPv4(address) && !isNonPublicIpv4(address)) {
    return { answer: jittered(9_000 + 20_000 * hashUnit(state.seed, 12), 0.4, 0.005, state.seed, 13), ttl: 57 };
  }
  return null;
}
