// Reads WireGuard interfaces, peers and router health for the UI. Live reads refresh the local snapshot;
// when the router cannot be reached the last-known rows come from SQLite, marked with when they were seen.
import { type RouterHealth, type WgInterface, type WgPeer } from '../../src/contract/index.ts';
import { peerStatus } from '../../src/domain/peer-status.ts';
import type { Row } from '../routeros/rows.ts';
import type { RouterOsClient } from '../routeros/client.ts';
import { getIdentity, getResource } from '../routeros/menus/system.ts';
import { WIREGUARD_PATH } from '../routeros/menus/wireguard.ts';
import { PEERS_PATH, toWireGuardPeer, type WireGuardPeer } from '../routeros/menus/wireguard-peers.ts';
import { IP_ADDRESS_PATH, toIpAddress } from '../routeros/menus/ip-address.ts';
import type { SnapshotsRepository } from '../store/snapshots.ts';
import type { ConnectionManager } from './connections.ts';
import { isLinkFailure, toAppError } from './errors.ts';
import { interfaceRow } from './management/interface-view.ts';
import { toRouterInterface } from './management/router-read.ts';
import type { SettingsService } from './settings.ts';

/** Extra field kept with an interface snapshot: its /ip/address entries, for the offline view. */
const ADDRESSES_FIELD = 'wiredesk-addresses';
/**
 * Extra field kept with a peer snapshot: whether it has a preshared key ('set' | 'none' | 'hidden'). The
 * key itself is never stored; this lets an offline config be built for the peers that have none.
 */
export const PSK_MARKER = 'wiredesk-psk';
/** Extra field kept with a peer snapshot: its status at that read, for the offline view. */
const STATUS_FIELD = 'wiredesk-status';

export interface WireGuardReadDeps {
  connections: ConnectionManager;
  snapshots: SnapshotsRepository;
  settings: SettingsService;
  now: () => number;
}

export interface Listing<T> {
  source: 'live' | 'cache';
  seenAt: number | null;
  rows: T[];
}

export class WireGuardReadService {
  readonly #d: WireGuardReadDeps;
  /** Last rx seen per router and public key, to tell a peer whose traffic is still flowing. */
  readonly #lastRx = new Map<string, Map<string, bigint>>();

  constructor(deps: WireGuardReadDeps) {
    this.#d = deps;
  }

  async interfaces(routerId: string): Promise<Listing<WgInterface>> {
    return this.#liveOrCache(
      routerId,
      async (client) => {
        const read = await this.#readAndSave(routerId, client);
        const peers = read.peers.map((p) => p.contract);
        return { seenAt: read.seenAt, rows: read.interfaces.map((row) => toInterfaceRow(row, read.addressesOf(row['name']), peers)) };
      },
      () => {
        const ifaces = this.#d.snapshots.listInterfaces(routerId, { includeVanished: false });
        const peers = this.#d.snapshots.listPeers(routerId, { includeVanished: false }).map((p) => cachedPeer(p.raw));
        return ifaces.map((i) => toInterfaceRow(i.raw as Row, storedAddresses(i.raw), peers));
      },
    );
  }

  async peers(routerId: string): Promise<Listing<WgPeer>> {
    return this.#liveOrCache(
      routerId,
      async (client) => {
        const read = await this.#readAndSave(routerId, client);
        return { seenAt: read.seenAt, rows: read.peers.map((p) => p.contract) };
      },
      () => this.#d.snapshots.listPeers(routerId, { includeVanished: false }).map((p) => cachedPeer(p.raw)),
    );
  }

  /**
   * One read of interfaces, addresses and peers (three prints in parallel on the shared connection), saved
   * as the local copy together: the offline view and offline configs need all three, whichever screen
   * the technician happened to have open.
   */
  async #readAndSave(routerId: string, client: RouterOsClient) {
    const [wgRows, addressRows, peerRows, linkRows] = await Promise.all([
      client.print(WIREGUARD_PATH),
      client.print(IP_ADDRESS_PATH),
      client.print(PEERS_PATH),
      // The generic interface list carries the dynamic flag (Back To Home) that /interface/wireguard lacks.
      client.print('/interface', { query: ['type=wg'], proplist: ['name', 'dynamic'] }),
    ]);
    const dynamicNames = new Set(linkRows.filter((r) => r['dynamic'] === 'true' || r['dynamic'] === 'yes').map((r) => r['name']));
    const interfaces = wgRows.map((row) => (dynamicNames.has(row['name']) ? { ...row, dynamic: 'true' } : row));
    const seenAt = this.#d.now();
    const peers = this.#mapPeers(routerId, peerRows);
    const addresses = addressRows.map(toIpAddress).filter((a) => !a.disabled);
    const addressesOf = (name: string | undefined) => addresses.filter((a) => a.interface === name).map((a) => a.address);
    this.#d.snapshots.syncPeers(routerId, peerRows.map((r, i) => peerSnapshot(r, peers[i]!)), seenAt);
    this.#d.snapshots.replaceInterfaces(
      routerId,
      interfaces.map((row) => ({ rosId: row['.id'] ?? '', name: row['name'] ?? '', publicKey: row['public-key'] ?? null, raw: { ...row, [ADDRESSES_FIELD]: addressesOf(row['name']) } })),
      seenAt,
    );
    return { seenAt, interfaces, addressesOf, peers };
  }

  async health(routerId: string): Promise<RouterHealth> {
    return this.#d.connections.withClient(routerId, async (client) => {
      const [identity, resource] = await Promise.all([getIdentity(client), getResource(client)]);
      return {
        identity,
        version: resource.versionText,
        board: resource.boardName,
        architecture: resource.architectureName,
        cpuLoad: resource.cpuLoadPercent,
        cpuCount: resource.cpuCount,
        freeMemory: resource.freeMemory,
        totalMemory: resource.totalMemory,
        uptimeMs: resource.uptimeMs,
        readAt: this.#d.now(),
      };
    });
  }

  async #liveOrCache<T>(
    routerId: string,
    live: (client: RouterOsClient) => Promise<{ seenAt: number; rows: T[] }>,
    cache: () => T[],
  ): Promise<Listing<T>> {
    try {
      const result = await this.#d.connections.withClient(routerId, live);
      return { source: 'live', ...result };
    } catch (error) {
      // Not connected, or the link died during the read: the local copy, marked with when it was seen. A
      // real error from the router (a trap, a refused login) is reported instead.
      // A timeout is reported too: the link is up but too slow, and the technician should see that.
      if (!isLinkFailure(error) || (error as { code?: string }).code === 'TIMEOUT') throw toAppError(error) ?? error;
      return { source: 'cache', seenAt: this.#d.snapshots.lastSeenAt(routerId), rows: cache() };
    }
  }

  #mapPeers(routerId: string, rows: Row[]): Array<{ peer: WireGuardPeer; contract: WgPeer }> {
    const thresholdMs = this.#d.settings.get().onlineThresholdSec * 1000;
    const previous = this.#lastRx.get(routerId) ?? new Map<string, bigint>();
    const next = new Map<string, bigint>();
    const mapped = rows.map((row) => {
      const peer = toWireGuardPeer(row);
      const before = previous.get(peer.publicKey);
      next.set(peer.publicKey, peer.rx);
      const rxGrowing = before !== undefined && peer.rx > before;
      return { peer, contract: toPeerRow(peer, peerStatus({ disabled: peer.disabled, lastHandshakeMs: peer.lastHandshakeMs, rxGrowing, onlineThresholdMs: thresholdMs })) };
    });
    this.#lastRx.set(routerId, next);
    return mapped;
  }
}

/** A RouterOS peer as the contract's read model, with its status decided by the caller. */
export function toPeerRow(peer: WireGuardPeer, status: WgPeer['status']): WgPeer {
  return {
    id: peer.id,
    interface: peer.interface,
    name: peer.name ?? '',
    comment: peer.comment,
    publicKey: peer.publicKey,
    allowedAddress: peer.allowedAddress,
    endpoint: peer.endpointAddress ? joinHostPort(peer.endpointAddress, peer.endpointPort) : null,
    currentEndpoint: peer.currentEndpointAddress ? joinHostPort(peer.currentEndpointAddress, peer.currentEndpointPort) : null,
    lastHandshakeMs: peer.lastHandshakeMs ?? null,
    persistentKeepaliveSec: peer.persistentKeepaliveMs === undefined ? null : Math.round(peer.persistentKeepaliveMs / 1000),
    rx: Number(peer.rx),
    tx: Number(peer.tx),
    disabled: peer.disabled,
    dynamic: peer.dynamic,
    status,
  };
}

const STATUSES: ReadonlyArray<WgPeer['status']> = ['online', 'offline', 'never-connected', 'disabled'];

/** The status a saved peer had when the router was last read (written by peerSnapshot). */
export function storedStatus(raw: Record<string, unknown>): WgPeer['status'] | undefined {
  return STATUSES.find((s) => s === raw[STATUS_FIELD]);
}

/** Status as it was when the row was last read; the UI marks the whole list as last-known. */
function cachedPeer(raw: Record<string, unknown>): WgPeer {
  return toPeerRow(toWireGuardPeer(raw as Row), storedStatus(raw) ?? 'never-connected');
}

function peerSnapshot(row: Row, mapped: { peer: WireGuardPeer; contract: WgPeer }) {
  return {
    rosId: mapped.peer.id,
    interface: mapped.peer.interface,
    publicKey: mapped.peer.publicKey,
    name: mapped.peer.name ?? null,
    raw: { ...row, [STATUS_FIELD]: mapped.contract.status, [PSK_MARKER]: pskMarker(row['preshared-key']) },
  };
}

function pskMarker(value: string | undefined): 'set' | 'none' | 'hidden' {
  if (value === undefined) return 'hidden';
  return value === '' ? 'none' : 'set';
}

export function storedAddresses(raw: Record<string, unknown>): string[] {
  const value = raw[ADDRESSES_FIELD];
  return Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : [];
}

function toInterfaceRow(row: Row, addresses: string[], peers: WgPeer[]): WgInterface {
  const iface = toRouterInterface(row);
  return interfaceRow(iface, addresses, peers.filter((p) => p.interface === iface.name).map((p) => p.status));
}

function joinHostPort(host: string, port: number): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return port > 0 ? `${h}:${port}` : h;
}
