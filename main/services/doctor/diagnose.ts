// The connection doctor: why a peer is not connecting, from what WireDesk knows of the router (the live model:
// the peer, its interface, the input firewall, the other peers) — likely causes ranked, each with its evidence
// as a code with parameters (the renderer words it) and, where one exists, the change that fixes it (a change
// request: previewed, applied safely, undoable like every change).
//
// Ranking: what stops the tunnel for certain comes first (disabled, not running, no address on the interface,
// the port dropped by the firewall for a peer that dials in, an endpoint that points at this router itself, a
// key on the router that is not the one the device was given, a client endpoint name that does not lead to
// this router), then what makes a tunnel fragile or wrong (addresses another peer also claims, no keepalive
// for a peer the router dials behind NAT, a router clock that went back for a peer it dials), then what the
// counters say (the router sends and nothing comes back, ever or lately; packets come in but no handshake
// completes; the firewall's accept for the port counts no packet), then plain state (never connected, last
// seen long ago).
// What WireDesk cannot see (the device's own config and network) is not guessed at.
import type { ChangeRequest, DOCTOR_CAUSES } from '../../../src/contract/index.ts';
import { findOverlaps } from '../../../src/domain/overlaps.ts';
import { parseUtcOffset, type ClockReading } from '../../routeros/menus/system-scheduler.ts';
import type { Row } from '../../routeros/rows.ts';
import type { ModelPeer, RouterState } from '../router-model/index.ts';
import { blockingRuleRow, ruleName } from '../management/firewall.ts';
import { interfaceAddresses, peerLabel } from '../management/router-read.ts';
import { proposeInterfaceAddress } from '../management/setup.ts';
import { publicInterfaceAddresses } from '../configs/endpoint-suggest.ts';

export type CauseCode = (typeof DOCTOR_CAUSES)[number];

export interface Cause {
  readonly code: CauseCode;
  /** Evidence, for the words: names, ports, addresses, ages in seconds, byte counts. */
  readonly params: Readonly<Record<string, string | number>>;
  readonly fix: ChangeRequest | null;
}

export interface DiagnoseOptions {
  readonly routerId: string;
  /** A handshake older than this is not "online" (the setting). */
  readonly onlineThresholdMs: number;
  /** The host clients dial for this interface, when WireDesk remembers one. */
  readonly endpointHost: string | null;
  /** This computer's clock now. */
  readonly now: number;
  /**
   * The key WireDesk keeps for the peer's public key ('none': it keeps none), and, when it keeps none, the
   * public key WireDesk last gave this peer if it was another one whose private key it handed out.
   */
  readonly keys: { readonly kept: 'matches' | 'mismatch' | 'none'; readonly replaced: string | null };
  /** The name clients dial and what it resolves to now ([]: no such name); null when no name is used or no answer came. */
  readonly endpointName: { readonly host: string; readonly addresses: readonly string[] } | null;
  /** The firewall rule that accepts the port, its packet count now and since when it has not moved (null: it just moved, or first look). */
  readonly acceptCounter: { readonly rule: Row; readonly packets: number; readonly sameSince: number | null } | null;
  /** The peer's bytes over the last minutes as the polls recorded them; null when they saw too little of it. */
  readonly recent: { readonly rx: number; readonly tx: number; readonly minutes: number } | null;
}

const KEEPALIVE_SEC = 25;
/** Counters that have not moved for less than this say nothing yet. */
const SILENT_MS = 60_000;
/** How far the router's clock may be from this computer's before it counts as wrong: exact when its zone is known. */
const CLOCK_TOLERANCE_MS = 10 * 60_000;
/** Without the zone's offset (manual zone, 7.15+ prints none), only what no time zone explains: UTC-12 to UTC+14. */
const CLOCK_TOLERANCE_NO_ZONE_MS = 14 * 3600_000 + CLOCK_TOLERANCE_MS;

/** Likely causes, most likely first; empty when the peer is connected and nothing looks wrong. */
export function diagnose(state: RouterState, peer: ModelPeer, o: DiagnoseOptions): Cause[] {
  const out: Cause[] = [];
  const iface = state.interfaces.find((i) => i.name === peer.interface);
  const name = peerLabel(peer);
  const dialsIn = !peer.endpointAddress;

  if (peer.disabled) out.push({ code: 'peer-disabled', params: { name }, fix: { kind: 'peer.setDisabled', input: { routerId: o.routerId, peerId: peer.id, disabled: false } } });
  if (iface?.disabled) out.push({ code: 'interface-disabled', params: { interface: iface.name }, fix: iface.dynamic ? null : { kind: 'interface.setDisabled', input: { routerId: o.routerId, interfaceId: iface.id, disabled: false } } });
  else if (iface && !iface.running) out.push({ code: 'interface-not-running', params: { interface: iface.name }, fix: null });
  // Without an address the router has no route to the tunnel subnet: a handshake completes, nothing else passes.
  if (iface && interfaceAddresses(state, iface.name).length === 0) {
    const address = iface.dynamic ? null : proposeInterfaceAddress(state, iface.name);
    out.push({
      code: 'interface-no-address',
      params: address ? { interface: iface.name, address } : { interface: iface.name },
      fix: address ? { kind: 'interface.addAddress', input: { routerId: o.routerId, interfaceId: iface.id, address } } : null,
    });
  }

  const blocker = iface && dialsIn && state.parts.firewall.known ? blockingRuleRow(state.firewall, iface.listenPort) : null;
  if (iface && blocker) {
    out.push({
      code: 'port-closed',
      params: { interface: iface.name, port: iface.listenPort, rule: ruleName(blocker) },
      fix: iface.dynamic ? null : { kind: 'interface.openPort', input: { routerId: o.routerId, interfaceId: iface.id } },
    });
  }

  // A road warrior's config says where to dial the router; copied onto the router's peer, the router dials itself.
  if (peer.endpointAddress && isRouterItself(peer.endpointAddress, state, o.endpointHost)) {
    out.push({ code: 'endpoint-is-router', params: { name, endpoint: peer.endpointAddress }, fix: { kind: 'peer.update', input: { routerId: o.routerId, peerId: peer.id, endpoint: null, presharedKey: 'keep' } } });
  }

  // The device was given a private key whose public key is not the router's peer's: no handshake can complete.
  // A new pair makes a config that matches (the old one on the device stops working either way).
  const rotate: ChangeRequest = { kind: 'peer.rotateKeys', input: { routerId: o.routerId, peerId: peer.id, custody: 'stored', presharedKey: 'keep' } };
  if (o.keys.kept === 'mismatch') out.push({ code: 'key-mismatch', params: { name }, fix: rotate });
  else if (o.keys.replaced) out.push({ code: 'key-changed', params: { name, was: shortKey(o.keys.replaced), now: shortKey(peer.publicKey) }, fix: rotate });

  // Clients dial a name: it must lead to this router's WAN address.
  if (dialsIn && o.endpointName) {
    const { host, addresses } = o.endpointName;
    const wan = wanAddresses(state);
    if (addresses.length === 0) out.push({ code: 'endpoint-unresolved', params: { host }, fix: null });
    else if (wan.length > 0 && !addresses.some((a) => wan.includes(a))) {
      out.push({ code: 'endpoint-elsewhere', params: { host, resolved: addresses.join(', '), wan: wan.join(', ') }, fix: null });
    }
  }

  const others = state.peers.filter((p) => p.id !== peer.id && p.interface === peer.interface && !p.disabled);
  for (const other of others) {
    const [overlap] = findOverlaps(peer.allowedAddress, other.allowedAddress);
    if (overlap) {
      out.push({ code: 'address-overlap', params: { name, address: overlap.a, other: peerLabel(other), otherAddress: overlap.b }, fix: null });
      break;
    }
  }

  // The router dials this peer (it has an endpoint): behind NAT, the mapping closes without keepalives.
  if (peer.endpointAddress && !isRouterItself(peer.endpointAddress, state, o.endpointHost) && !peer.persistentKeepaliveMs) {
    out.push({ code: 'keepalive-missing', params: { name, seconds: KEEPALIVE_SEC }, fix: { kind: 'peer.update', input: { routerId: o.routerId, peerId: peer.id, persistentKeepaliveSec: KEEPALIVE_SEC, presharedKey: 'keep' } } });
  }

  // A router that dials a peer stamps its handshakes with its clock; one that went back (booted without NTP at
  // jan/02/1970, manual "Clock") is refused by a peer that saw later stamps, until that peer restarts. The fix
  // turns the NTP client on where it is off or has no server; one that is on but not synchronized is the
  // router's reach to its servers (DNS, a firewall), which WireDesk cannot see.
  const skew = peer.endpointAddress && !peer.disabled ? clockSkew(state.clock) : null;
  if (skew) {
    const ntp = ntpState(state);
    out.push({
      code: 'router-clock',
      params: { routerTime: new Date(state.clock!.wall).toISOString().slice(0, 19).replace('T', ' '), seconds: Math.round(skew / 1000), ntp },
      fix: (ntp === 'off' || ntp === 'no-servers') && state.ntp?.hasServersField ? { kind: 'router.ntp', input: { routerId: o.routerId } } : null,
    });
  }

  const handshook = peer.lastHandshakeMs !== undefined;
  if (!peer.disabled && !handshook && peer.tx > 0n && peer.rx === 0n) out.push({ code: 'no-answer', params: { name, tx: Number(peer.tx) }, fix: null });
  if (!peer.disabled && !handshook && peer.rx > 0n) out.push({ code: 'handshake-fails', params: { name, rx: Number(peer.rx) }, fix: null });
  // A peer that was connected: the router keeps sending (its initiations, its data) and nothing has come back lately.
  if (!peer.disabled && handshook && peer.status !== 'online' && o.recent && o.recent.tx > 0 && o.recent.rx === 0) {
    out.push({ code: 'answers-stopped', params: { name, tx: o.recent.tx, minutes: o.recent.minutes }, fix: null });
  }

  // The accept for the port counts the first packet of each new flow: none at all since the router started, or
  // none while the device is trying, means its packets do not reach the router (a NAT or ISP in front of it).
  const counter = o.acceptCounter;
  if (iface && dialsIn && !peer.disabled && peer.status !== 'online' && peer.rx === 0n && counter) {
    const params = { interface: iface.name, port: iface.listenPort, rule: ruleName(counter.rule) };
    if (counter.packets === 0) out.push({ code: 'port-never-hit', params, fix: null });
    else if (counter.sameSince !== null && o.now - counter.sameSince >= SILENT_MS) out.push({ code: 'port-silent', params: { ...params, packets: counter.packets, seconds: Math.round((o.now - counter.sameSince) / 1000) }, fix: null });
  }

  if (!peer.disabled && !handshook) out.push({ code: 'never-connected', params: { name }, fix: null });
  else if (!peer.disabled && peer.lastHandshakeMs !== undefined && peer.lastHandshakeMs > o.onlineThresholdMs) {
    out.push({ code: 'handshake-stale', params: { name, seconds: Math.round(peer.lastHandshakeMs / 1000) }, fix: null });
  }
  return out;
}

/** What the router's NTP client is doing, as the doctor words it. */
function ntpState(state: RouterState): 'unknown' | 'off' | 'no-servers' | 'synchronized' | 'waiting' {
  const ntp = state.parts.ntp.known ? state.ntp : null;
  if (!ntp) return 'unknown';
  if (!ntp.enabled) return 'off';
  if (ntp.servers.length === 0) return 'no-servers';
  return ntp.status === 'synchronized' ? 'synchronized' : 'waiting';
}

/** How far the router's clock is off (ms, signed), or null when it is close enough or unknown. */
export function clockSkew(clock: ClockReading | null): number | null {
  if (!clock) return null;
  const offset = clock.zone === 'manual' ? clock.gmtOffsetMs : zoneOffsetMs(clock.zone, clock.readAt);
  const skew = clock.wall - (offset ?? 0) - clock.readAt;
  return Math.abs(skew) > (offset === null ? CLOCK_TOLERANCE_NO_ZONE_MS : CLOCK_TOLERANCE_MS) ? skew : null;
}

/** A TZ database zone's offset from UTC at `at`, or null for a name this computer does not know. */
function zoneOffsetMs(zone: string, at: number): number | null {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
    // `GMT` for UTC itself, else `GMT+03:00`.
    return name === 'GMT' ? 0 : name.startsWith('GMT') ? parseUtcOffset(name.slice(3)) : null;
  } catch {
    return null;
  }
}

/** Where the internet reaches this router: what IP Cloud saw, and the public addresses of its uplinks. */
function wanAddresses(state: RouterState): string[] {
  return [...new Set([...(state.cloud?.publicAddress ? [state.cloud.publicAddress] : []), ...publicInterfaceAddresses(state)])];
}

/** The first characters of a public key, as WinBox shows enough of it to tell two apart. */
function shortKey(key: string): string {
  return `${key.slice(0, 8)}…`;
}

/** The endpoint is one of the router's own addresses, or the host clients are told to dial. */
function isRouterItself(endpoint: string, state: RouterState, endpointHost: string | null): boolean {
  if (endpointHost && endpoint.toLowerCase() === endpointHost.toLowerCase()) return true;
  return state.addresses.some((a) => a.address.split('/')[0] === endpoint);
}
