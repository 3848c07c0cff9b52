// /interface/wireguard/peers. Which fields exist depends on the RouterOS version, and sending an unknown
// one fails the whole command ("unknown parameter is-responder" on 7.17+), so writes are built for the
// router's version and refuse a field it does not have with a message the technician can act on.
import { peerFeatures, type RouterOsVersion } from '../../../src/domain/routeros-version.ts';
import type { CommandOptions, Params } from '../client.ts';
import type { Row } from '../rows.ts';
import type { ParamValue } from '../text.ts';
import {
  bool,
  bytes,
  duration,
  id,
  int,
  legacy,
  list,
  optionalText,
  text,
  type LegacyText,
  type MenuClient,
} from './values.ts';

export const PEERS_PATH = '/interface/wireguard/peers';

/**
 * What a poll asks for (`.proplist`): the counters and what tells one peer from another. On a router with
 * hundreds of peers every extra field is paid for on each poll, on the wire and in parsing.
 */
export const POLL_PROPLIST: readonly string[] = [
  '.id',
  'interface',
  'public-key',
  'name',
  'comment',
  'rx',
  'tx',
  'last-handshake',
  'disabled',
  'current-endpoint-address',
  'current-endpoint-port',
];

/** Fields that change with traffic, not with configuration: the poll owns them, a `listen` row does not. */
export const LIVE_FIELDS: readonly string[] = ['rx', 'tx', 'last-handshake', 'current-endpoint-address', 'current-endpoint-port'];

/** Secret fields a peer print may carry (7.15+ prints the router-held private-key): never kept in memory or on disk. */
export const PEER_SECRET_FIELDS: readonly string[] = ['private-key', 'preshared-key'];

/** Settings the router uses to build the client's config and QR (7.12+). */
export interface PeerClientSettings {
  address: string | undefined;
  dns: string | undefined;
  endpoint: string | undefined;
  keepaliveMs: number | undefined;
  listenPort: number | undefined;
  /** 7.21+; before it the router's export always said AllowedIPs = 0.0.0.0/0, ::/0. */
  allowedAddress: string | undefined;
}

export interface WireGuardPeer {
  id: string;
  interface: string;
  /** 7.15+; undefined on older routers. */
  name: string | undefined;
  comment: string;
  publicKey: string;
  allowedAddress: string[];
  endpointAddress: string | undefined;
  endpointPort: number;
  currentEndpointAddress: string | undefined;
  currentEndpointPort: number;
  /** Undefined when keepalive is off. */
  persistentKeepaliveMs: number | undefined;
  presharedKey: string | undefined;
  rx: bigint;
  tx: bigint;
  /** Time since the last handshake; undefined until the first one (the router omits the field). */
  lastHandshakeMs: number | undefined;
  disabled: boolean;
  /** Created by the router itself (e.g. Back To Home); read-only. */
  dynamic: boolean;
  /** Responder-only (never initiates); undefined on routers before 7.15. */
  responder: boolean | undefined;
  client: PeerClientSettings;
  legacy: LegacyText;
}

export function toWireGuardPeer(row: Row): WireGuardPeer {
  const keepalive = duration(row, 'persistent-keepalive');
  const responderKey = row['responder'] !== undefined ? 'responder' : 'is-responder';
  const clientListenPort = optionalText(row, 'client-listen-port');
  return {
    id: id(row),
    interface: text(row, 'interface'),
    name: row['name'],
    comment: text(row, 'comment'),
    publicKey: text(row, 'public-key'),
    allowedAddress: list(row, 'allowed-address'),
    endpointAddress: optionalText(row, 'endpoint-address'),
    endpointPort: int(row, 'endpoint-port'),
    currentEndpointAddress: optionalText(row, 'current-endpoint-address'),
    currentEndpointPort: int(row, 'current-endpoint-port'),
    persistentKeepaliveMs: keepalive === 0 ? undefined : keepalive,
    presharedKey: optionalText(row, 'preshared-key'),
    rx: bytes(row, 'rx'),
    tx: bytes(row, 'tx'),
    lastHandshakeMs: duration(row, 'last-handshake'),
    disabled: bool(row, 'disabled'),
    dynamic: bool(row, 'dynamic'),
    responder: row[responderKey] === undefined ? undefined : bool(row, responderKey),
    client: {
      address: optionalText(row, 'client-address'),
      dns: optionalText(row, 'client-dns'),
      endpoint: optionalText(row, 'client-endpoint'),
      keepaliveMs: duration(row, 'client-keepalive'),
      listenPort: clientListenPort === undefined ? undefined : int(row, 'client-listen-port'),
      allowedAddress: optionalText(row, 'client-allowed-address'),
    },
    legacy: legacy(row),
  };
}

/** What a poll row says, read leniently: one malformed counter costs that peer its delta, not the poll. */
export interface PolledPeer {
  readonly rosId: string;
  readonly interface: string;
  readonly publicKey: string;
  readonly name: string;
  readonly comment: string;
  /** undefined when the router sent something that is not a byte count: no delta for that poll. */
  readonly rx: bigint | undefined;
  readonly tx: bigint | undefined;
  /** Age of the last handshake; undefined when RouterOS omits the field (no handshake yet). */
  readonly lastHandshakeMs: number | undefined;
  readonly disabled: boolean;
}

/** A poll row's fields, or undefined for a row that cannot be attributed (no key or interface). */
export function toPolledPeer(row: Row): PolledPeer | undefined {
  const publicKey = row['public-key'];
  const iface = row['interface'];
  if (!publicKey || !iface) return undefined;
  return {
    rosId: row['.id'] ?? '',
    interface: iface,
    publicKey,
    name: row['name'] ?? '',
    comment: row['comment'] ?? '',
    rx: lenient(() => bytes(row, 'rx'), row['rx']),
    tx: lenient(() => bytes(row, 'tx'), row['tx']),
    lastHandshakeMs: lenient(() => duration(row, 'last-handshake'), row['last-handshake']),
    disabled: row['disabled'] === 'true' || row['disabled'] === 'yes',
  };
}

function lenient<T>(read: () => T, present: string | undefined): T | undefined {
  if (present === undefined) return undefined;
  try {
    return read();
  } catch {
    return undefined;
  }
}

export async function listPeers(
  client: MenuClient,
  options: CommandOptions & { interface?: string } = {},
): Promise<WireGuardPeer[]> {
  const query = options.interface === undefined ? undefined : [`interface=${options.interface}`];
  return (await client.print(PEERS_PATH, { ...options, query })).map(toWireGuardPeer);
}

export interface PeerInput {
  interface?: string;
  publicKey?: string;
  allowedAddress?: readonly string[];
  /** Leave empty for road-warrior clients: the router would otherwise dial a NAT'd client forever. */
  endpointAddress?: string;
  endpointPort?: number;
  presharedKey?: string;
  /** Milliseconds; 0 turns keepalive off. */
  persistentKeepaliveMs?: number;
  name?: ParamValue;
  comment?: ParamValue;
  disabled?: boolean;
  responder?: boolean;
  /** Private key the router keeps to export the client config (7.12+): a key, `auto` or `none`. */
  privateKey?: string;
  client?: Partial<PeerClientSettings>;
}

function seconds(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : `${Math.round(ms / 1000)}s`;
}

function unsupported(field: string, version: RouterOsVersion, since: string): RangeError {
  return new RangeError(`RouterOS ${version.text} has no peer ${field} (it arrived in ${since}); leave it empty or upgrade the router`);
}

/** RouterOS parameters for `input` on a router of `version`; throws for fields the version lacks. */
export function peerParams(input: PeerInput, version: RouterOsVersion): Params {
  const features = peerFeatures(version);
  const c = input.client ?? {};
  const usesClientFields = [c.address, c.dns, c.endpoint, c.keepaliveMs, c.listenPort].some((v) => v !== undefined);
  if (input.name !== undefined && !features.name) throw unsupported('name', version, '7.15');
  if (input.responder !== undefined && features.responderParam === null) throw unsupported('responder option', version, '7.15');
  if ((usesClientFields || input.privateKey !== undefined) && !features.clientFields) {
    throw unsupported('client settings', version, '7.12');
  }
  if (c.allowedAddress !== undefined && !features.clientAllowedAddress) {
    throw unsupported('client-allowed-address', version, '7.21');
  }
  const params: Record<string, ParamValue | undefined> = {
    interface: input.interface,
    'public-key': input.publicKey,
    'allowed-address': input.allowedAddress?.join(','),
    'endpoint-address': input.endpointAddress,
    'endpoint-port': input.endpointPort,
    'preshared-key': input.presharedKey,
    'persistent-keepalive': seconds(input.persistentKeepaliveMs),
    name: input.name,
    comment: input.comment,
    disabled: input.disabled,
    'private-key': input.privateKey,
    'client-address': c.address,
    'client-dns': c.dns,
    'client-endpoint': c.endpoint,
    'client-keepalive': seconds(c.keepaliveMs),
    'client-listen-port': c.listenPort,
    'client-allowed-address': c.allowedAddress,
  };
  if (input.responder !== undefined && features.responderParam) params[features.responderParam] = input.responder;
  return params;
}

export function addPeer(client: MenuClient, input: PeerInput, version: RouterOsVersion): Promise<string> {
  return client.add(PEERS_PATH, peerParams(input, version));
}

export function setPeer(client: MenuClient, peerId: string, input: PeerInput, version: RouterOsVersion): Promise<void> {
  return client.set(PEERS_PATH, peerId, peerParams(input, version));
}

export function removePeers(client: MenuClient, peerIds: string | readonly string[]): Promise<void> {
  return client.remove(PEERS_PATH, peerIds);
}
