// Does the router masquerade what a tunnel subnet sends to the internet? A full-tunnel client (AllowedIPs
// 0.0.0.0/0, WireDesk's default) has no internet without it. Source NAT rules are walked in order as the router
// does: the first enabled srcnat rule that would take a packet from the subnet decides (masquerade or src-nat
// covers it; accept or return before one exempts it). The default configuration's
// `chain=srcnat action=masquerade out-interface-list=WAN ipsec-policy=out,none` covers every subnet.
import { parseCidr, rangeContains } from '../../../src/domain/index.ts';
import type { Row } from '../../routeros/rows.ts';
import type { RouterState } from '../router-model/index.ts';
import { ruleName } from './firewall.ts';

export type NatCheck =
  | { readonly state: 'covered'; readonly rule: string }
  | { readonly state: 'missing'; readonly exemptedBy: { readonly id: string; readonly name: string } | null; readonly wanList: boolean }
  | { readonly state: 'unknown' };

/** Matchers that narrow a rule to some packets; such a rule cannot be assumed to take the subnet's internet traffic. */
const NARROWING = ['dst-address', 'dst-address-list', 'src-address-list', 'protocol', 'src-port', 'dst-port', 'in-interface', 'in-interface-list', 'connection-mark', 'packet-mark', 'routing-mark', 'dst-address-type'];

const set = (rule: Row, key: string): boolean => rule[key] !== undefined && rule[key] !== '';

/** Would this srcnat rule take a packet from `subnet` (network form) to an address on the internet? */
function takes(rule: Row, subnet: string): boolean {
  if (rule['chain'] !== 'srcnat' || rule['disabled'] === 'true' || rule['disabled'] === 'yes') return false;
  if (NARROWING.some((k) => set(rule, k))) return false;
  const src = rule['src-address'];
  if (!src) return true;
  if (src.startsWith('!')) return false;
  const outer = parseCidr(src, { allowHostBits: true });
  const inner = parseCidr(subnet, { allowHostBits: true });
  return outer.ok && inner.ok && rangeContains(outer.value, inner.value);
}

export function masqueradeCheck(state: Pick<RouterState, 'parts' | 'nat' | 'interfaceLists'>, subnet: string): NatCheck {
  if (!state.parts.nat.known) return { state: 'unknown' };
  for (const rule of state.nat) {
    if (!takes(rule, subnet)) continue;
    const action = rule['action'];
    if (action === 'masquerade' || action === 'src-nat') return { state: 'covered', rule: ruleName(rule) };
    if (action === 'accept' || action === 'return') return { state: 'missing', exemptedBy: { id: rule['.id'] ?? '', name: ruleName(rule) }, wanList: hasWanList(state) };
  }
  return { state: 'missing', exemptedBy: null, wanList: hasWanList(state) };
}

/** The default configuration's WAN list with at least one enabled member (what a masquerade rule goes out of). */
function hasWanList(state: Pick<RouterState, 'parts' | 'interfaceLists'>): boolean {
  return state.parts.interfaceLists.known && state.interfaceLists.some((m) => m['list'] === 'WAN' && m['disabled'] !== 'true' && m['disabled'] !== 'yes');
}
