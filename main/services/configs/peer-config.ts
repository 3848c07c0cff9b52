// Rebuilds one peer's wg-quick config from what the router says now and the key WireDesk kept:
// [Interface] the kept private key, the peer's host addresses, DNS, MTU; [Peer] the interface's public key,
// the preshared key as the router holds it, AllowedIPs per preset (none asked for: the interface's remembered
// client routes, else the full tunnel), the endpoint, keepalive.
// The preshared key is read from the router (the 'sensitive' policy shows it) rather than kept in WireDesk:
// the router's copy is the one the tunnel uses, so a key changed in WinBox can never leave a stale config.
import { AppError, type ConfigWarning, type EndpointSuggestion } from '../../../src/contract/index.ts';
import {
  buildClientConfig,
  configFileName,
  fullTunnelAllowedIps,
  parseEndpoint,
  parseEndpointHost,
  validateDnsServers,
} from '../../../src/domain/index.ts';
import type { WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { PeerKeysRepository } from '../../store/peer-keys.ts';
import { interfaceSubnets } from '../management/allocation.ts';
import { hostEntries } from '../management/peer-input.ts';
import { splitList } from '../management/peer-results.ts';
import { dynamicPeerReason, peerLabel, type RouterInterface } from '../management/router-read.ts';
import { privateEndpointWarning } from './endpoint-suggest.ts';
import { configProblem } from './errors.ts';
import { parseLans, splitAllowedIps } from './lans.ts';
import { storedPrivateKey } from './private-key.ts';
import type { ConfigState } from './router-state.ts';
import type { ModelPeer } from '../router-model/index.ts';

export type Preset = 'full' | 'split';

export interface ConfigRequest {
  /** undefined: what the technician chose for the interface (its remembered client routes), else full. */
  preset: Preset | undefined;
  lans?: string | string[] | undefined;
  dns?: string | string[] | undefined;
  endpoint?: string | undefined;
  mtu?: number | undefined;
  keepaliveSec: number;
}

export type EndpointSource = 'request' | 'remembered' | 'peer' | 'ddns' | 'public-address';

export interface BuiltConfig {
  peerId: string;
  peerName: string;
  iface: RouterInterface;
  /** The peer's tunnel addresses, for a subtitle on the printed sheet. */
  addresses: string[];
  text: string;
  fileName: string;
  /** The tunnel the config routes: as asked, else split when the interface's remembered routes were used. */
  preset: Preset;
  allowedIps: string[];
  dns: string[];
  endpoint: { host: string; port: number; source: EndpointSource };
  hasPresharedKey: boolean;
  warnings: ConfigWarning[];
}

/** What building configs needs besides the request; the per-interface answers are read once per request. */
export interface ConfigSource {
  routerId: string;
  state: ConfigState;
  keys: PeerKeysRepository;
  /** The AllowedIPs remembered for the interface (the set-up wizard's split tunnel); null: none, the full tunnel. */
  clientRoutes(iface: RouterInterface): string[] | null;
  suggestion(iface: RouterInterface): Promise<EndpointSuggestion>;
  interfaceWarnings(iface: RouterInterface): Promise<ConfigWarning[]>;
}

const FULL_TUNNEL_DNS: ConfigWarning = {
  code: 'NO_DNS',
  message: 'Full tunnel without DNS: the device keeps asking its own network\'s DNS servers through the tunnel, and many of them do not answer from elsewhere. Add a DNS server, for example 1.1.1.1 or one in the office.',
};

export async function buildPeerConfig(src: ConfigSource, peerId: string, req: ConfigRequest): Promise<BuiltConfig> {
  const peer = src.state.peers.find((p) => p.id === peerId);
  if (!peer) throw new AppError('NOT_FOUND', `Peer ${peerId} is no longer on the router (it was removed in WinBox or by someone else). Reload the list.`);
  if (peer.dynamic) throw configProblem('DYNAMIC_PEER', dynamicPeerReason(peer));
  const iface = src.state.interfaces.find((i) => i.name === peer.interface);
  if (!iface) throw new AppError('NOT_FOUND', `The interface of peer "${peerLabel(peer)}" (${peer.interface}) is no longer on the router. Reload the list.`);

  const privateKey = await storedPrivateKey(src.keys, src.routerId, peer.publicKey);
  const presharedKey = presharedKeyOf(src.state, peer);
  const addresses = clientAddresses(peer);
  const { preset, allowedIps } = tunnel(src, iface, req);
  const dns = dnsServers(req.dns, peer);
  const { endpoint, warnings: endpointWarnings } = await resolveEndpoint(src, iface, peer, req.endpoint);

  const built = buildClientConfig({
    privateKey,
    addresses,
    dns,
    mtu: req.mtu,
    serverPublicKey: iface.publicKey,
    presharedKey,
    allowedIps,
    endpointHost: endpoint.host,
    endpointPort: endpoint.port,
    persistentKeepalive: req.keepaliveSec,
  });
  if (!built.ok) throw configProblem('INVALID_CONFIG', built.message);

  const warnings = [
    ...(await src.interfaceWarnings(iface)),
    ...endpointWarnings,
    ...(preset === 'full' && dns.length === 0 ? [FULL_TUNNEL_DNS] : []),
    ...(peer.disabled ? [{ code: 'PEER_DISABLED' as const, message: `Peer "${peerLabel(peer)}" is disabled on the router: this config connects only once it is enabled.` }] : []),
    ...(iface.disabled ? [{ code: 'INTERFACE_DISABLED' as const, message: `${iface.name} is disabled on the router: no config for it connects until it is enabled.` }] : []),
  ];
  return {
    peerId: peer.id,
    peerName: peerLabel(peer),
    iface,
    addresses,
    text: built.value,
    fileName: configFileName(peerLabel(peer)),
    preset,
    allowedIps,
    dns,
    endpoint,
    hasPresharedKey: presharedKey !== undefined,
    warnings: uniqueWarnings(warnings),
  };
}

/** What the config routes: the preset asked for, else the interface's remembered routes as they are, else everything. */
function tunnel(src: ConfigSource, iface: RouterInterface, req: ConfigRequest): { preset: Preset; allowedIps: string[] } {
  if (req.preset === 'split') return { preset: 'split', allowedIps: splitAllowedIps(interfaceSubnets(src.state, iface.name), parseLans(req.lans, 'lans'), iface.name) };
  const remembered = req.preset === undefined ? src.clientRoutes(iface) : null;
  return remembered ? { preset: 'split', allowedIps: remembered } : { preset: 'full', allowedIps: fullTunnelAllowedIps() };
}

/**
 * 'none': no key. 'hidden': the router hid the field, so WireDesk cannot know whether the device needs one.
 * 'set': the key read for this request; offline there is none to read (WireDesk does not keep it).
 */
function presharedKeyOf(state: ConfigState, peer: ModelPeer): string | undefined {
  if (peer.presharedKeyState === 'none') return undefined;
  if (peer.presharedKeyState === 'hidden') {
    throw configProblem(
      'PSK_HIDDEN',
      `The router hides preshared keys from the user WireDesk logs in as (its group lacks the "sensitive" policy), so WireDesk cannot tell whether peer "${peerLabel(peer)}" needs one. Add "sensitive" to that user's group in System > Users > Groups and try again.`,
    );
  }
  const key = state.presharedKeys.get(peer.id);
  if (key === undefined) {
    throw configProblem('PSK_NEEDS_ROUTER', `Peer "${peerLabel(peer)}" uses a preshared key, which WireDesk does not keep on this computer; its config can be made again once the router is reachable.`);
  }
  return key;
}

/** The peer's single-host entries (what the router routes to it); else its client-address (7.12+). */
function clientAddresses(peer: WireGuardPeer): string[] {
  const hosts = hostEntries(peer.allowedAddress);
  if (hosts.length > 0) return hosts;
  const client = splitList(peer.client.address);
  if (client.length > 0) return client;
  throw configProblem(
    'NO_CLIENT_ADDRESS',
    `Peer "${peerLabel(peer)}" has no single address of its own (allowed-address ${peer.allowedAddress.join(', ') || 'is empty'}), so there is no Address for its config. Give it one like 10.20.0.5/32.`,
  );
}

function dnsServers(requested: string | string[] | undefined, peer: WireGuardPeer): string[] {
  const source = requested ?? splitList(peer.client.dns);
  const result = validateDnsServers(source);
  if (!result.ok) throw new AppError('VALIDATION', result.message, { field: 'dns' });
  return result.value;
}

async function resolveEndpoint(src: ConfigSource, iface: RouterInterface, peer: WireGuardPeer, requested: string | undefined) {
  let endpoint: BuiltConfig['endpoint'];
  let warnings: ConfigWarning[] = [];
  const suggestion = requested === undefined ? await src.suggestion(iface) : null;
  if (requested !== undefined) endpoint = { ...requestedEndpoint(requested, iface.listenPort), source: 'request' };
  else if (suggestion?.source === 'remembered') endpoint = { host: suggestion.host!, port: suggestion.port!, source: 'remembered' };
  else if (peer.client.endpoint) endpoint = { host: peer.client.endpoint, port: iface.listenPort, source: 'peer' };
  else if (suggestion?.host && suggestion.port && suggestion.source) {
    endpoint = { host: suggestion.host, port: suggestion.port, source: suggestion.source };
    warnings = suggestion.warnings;
  } else {
    throw configProblem('NO_ENDPOINT', `WireDesk does not know the public address clients dial for ${iface.name}, and the router suggests none. Save the endpoint (the router's public IP address or DNS name and port ${iface.listenPort}) and try again.`);
  }
  return { endpoint, warnings: [...privateEndpointWarning(endpoint.host), ...warnings] };
}

/** "host:port", or a bare host that uses the interface's listen port. */
export function requestedEndpoint(text: string, listenPort: number): { host: string; port: number } {
  const full = parseEndpoint(text);
  if (full.ok) return { host: full.value.host, port: full.value.port };
  const host = parseEndpointHost(text);
  if (host.ok) return { host: host.value.host, port: listenPort };
  throw new AppError('VALIDATION', full.message, { field: 'endpoint' });
}

export function uniqueWarnings(warnings: readonly ConfigWarning[]): ConfigWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\0${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
