// What the set-up wizard proposes for a new road-warrior interface, from the live model: a name and a listen
// port no WireGuard interface uses, a /24 tunnel subnet that overlaps nothing the router has (its addresses,
// the static routes WireDesk follows, the allowed addresses of its peers), and whether the input firewall
// would drop the port (the wizard then adds the accept before that rule, in the same plan as the interface).
import { randomBytes } from 'node:crypto';
import type { InvokeOutput } from '../../../src/contract/index.ts';
import { formatIp, makeCidr, parseCidr, rangesOverlap } from '../../../src/domain/index.ts';
import { findOverlaps } from '../../../src/domain/overlaps.ts';
import type { RouterState } from '../router-model/index.ts';
import { portState } from './interface-view.ts';
import { masqueradeCheck } from './nat.ts';
import { lanOptions } from '../configs/lans.ts';

const NAMES = ['wg-clients', 'wg-vpn', 'wg-road', 'wg1', 'wg2', 'wg3', 'wg4', 'wg5'];
/** RouterOS's own default WireGuard port first. */
const FIRST_PORT = 13231;

export function proposeSetup(state: RouterState): InvokeOutput<'setup:propose'> {
  const names = new Set(state.interfaces.map((i) => i.name));
  const name = NAMES.find((n) => !names.has(n)) ?? `wg${state.interfaces.length + 1}`;
  const ports = new Set(state.interfaces.map((i) => i.listenPort));
  let listenPort = FIRST_PORT;
  while (ports.has(listenPort)) listenPort++;
  const address = freeTunnelAddress(state);
  const nat = address ? masqueradeCheck(state, address) : { state: 'unknown' as const };
  return {
    name,
    listenPort,
    address,
    address6: uniqueLocalAddress(state),
    firewall: portState(state, listenPort),
    nat: {
      state: nat.state,
      rule: nat.state === 'covered' ? nat.rule : nat.state === 'missing' ? nat.exemptedBy?.name ?? null : null,
      canAdd: nat.state === 'missing' && nat.wanList,
    },
    lans: lanOptions(state),
    cloud: state.cloud ? { ddnsEnabled: state.cloud.ddnsEnabled, dnsName: state.cloud.dnsName ?? null, publicAddress: state.cloud.publicAddress ?? null } : null,
  };
}

/**
 * ::1/64 in a unique local prefix with a random global ID (RFC 4193 section 3.2: fd00::/8, 40 random bits), subnet
 * 1; drawn again in the one-in-a-trillion case that it overlaps something the router has.
 */
function uniqueLocalAddress(state: RouterState): string {
  const taken = takenRanges(state);
  // Written as RouterOS prints it (leading zeros of a group dropped), so what is proposed is what is shown back.
  const group = (hex: string): string => parseInt(hex, 16).toString(16);
  for (;;) {
    const id = randomBytes(5).toString('hex');
    const address = `fd${id.slice(0, 2)}:${group(id.slice(2, 6))}:${group(id.slice(6, 10))}:1::1/64`;
    if (findOverlaps([address.replace('::1/64', '::/64')], taken).length === 0) return address;
  }
}

/** What a new tunnel subnet must not overlap: the router's addresses, its static routes, its peers' allowed addresses (default routes aside). */
function takenRanges(state: RouterState): string[] {
  return [
    ...state.addresses.filter((a) => !a.disabled).map((a) => a.address),
    ...state.routes.map((r) => r['dst-address'] ?? '').filter(Boolean),
    ...state.peers.flatMap((p) => p.allowedAddress).filter((a) => !a.startsWith('0.0.0.0/') && !a.startsWith('::/')),
  ];
}

/** x.y.z.1/24 of the first candidate /24 that overlaps nothing the router has; null when every one does. */
function freeTunnelAddress(state: RouterState): string | null {
  const taken = takenRanges(state);
  const candidates = [
    ...Array.from({ length: 25 }, (_, i) => `10.${(i + 1) * 10}.0.0/24`),
    ...Array.from({ length: 16 }, (_, i) => `172.${16 + i}.99.0/24`),
  ];
  const subnet = candidates.find((c) => findOverlaps([c], taken).length === 0) ?? null;
  return subnet ? subnet.replace(/\.0\/24$/, '.1/24') : null;
}

/**
 * The router's address for an interface that has none (the doctor's fix): in the /24 its peers' tunnel
 * addresses are in, the first host no peer has, when that /24 overlaps none of the router's addresses;
 * for an interface without peers, a free subnet as the wizard proposes. Null when neither exists.
 */
export function proposeInterfaceAddress(state: RouterState, iface: string): string | null {
  const hosts = state.peers
    .filter((p) => p.interface === iface)
    .flatMap((p) => p.allowedAddress)
    .map((a) => parseCidr(a))
    .flatMap((c) => (c.ok && c.value.family === 4 && c.value.prefix === 32 ? [c.value.address] : []));
  if (hosts.length === 0) return freeTunnelAddress(state);
  const subnet = makeCidr(4, hosts[0]!, 24);
  const clash = state.addresses.some((a) => {
    const other = parseCidr(a.address, { allowHostBits: true });
    return !a.disabled && other.ok && rangesOverlap(other.value, subnet);
  });
  if (clash) return null;
  const used = new Set(hosts);
  for (let h = subnet.first + 1n; h < subnet.last; h++) if (!used.has(h)) return `${formatIp(4, h)}/24`;
  return null;
}
