// The router model as the contract's read models: the interface and peer listings every screen shows. Pure
// functions of one RouterState, so two screens read at the same moment show the same status and counts.
import type { PeerCounters, UnknownPart, WgInterface, WgPeer } from '../../../src/contract/index.ts';
import type { WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import { interfaceRow, portState } from '../management/interface-view.ts';
import { interfaceAddresses } from '../management/router-read.ts';
import type { ModelPeer, RouterState } from './model.ts';
import { MODEL_PARTS } from './parts.ts';

export interface Listing<T> {
  source: 'live' | 'cache';
  seenAt: number | null;
  unknown: UnknownPart[];
  rows: T[];
}

/** Parts the router refused or failed to give (never-read parts while offline are covered by source). */
export function unknownParts(state: RouterState): UnknownPart[] {
  return MODEL_PARTS.flatMap((part) => {
    const p = state.parts[part];
    return !p.known && p.problem ? [{ part, code: p.problem.code, message: p.problem.message, command: p.problem.command }] : [];
  });
}

// A RouterState never changes once built (the model builds a new one for every change): each listing is
// made once per state and shared by every reader of that state (two tabs, two windows, listManaged and list).
// Readers must not edit it (the IPC invoker parses it into new objects on the way out). Rows are not cached
// per peer: after a poll nearly every peer is a new object (the handshake age moves), and a WeakMap entry
// for each cost more than making the row.
const peerListings = new WeakMap<RouterState, Listing<WgPeer>>();
const interfaceListings = new WeakMap<RouterState, Listing<WgInterface>>();

export function peerListing(state: RouterState): Listing<WgPeer> {
  let listing = peerListings.get(state);
  if (!listing) {
    listing = { source: state.source, seenAt: state.seenAt, unknown: unknownParts(state), rows: state.peers.map(toPeerRow) };
    peerListings.set(state, listing);
  }
  return listing;
}

const peerCounterColumns = new WeakMap<RouterState, PeerCounters>();

/** The live counters of the state's peers, in the listing's order (see peerCountersSchema). */
export function peerCounters(state: RouterState): PeerCounters {
  let counters = peerCounterColumns.get(state);
  if (!counters) {
    // From the peers themselves, with the listing's own conversions, without building 10,000 rows for it.
    const peers = state.peers;
    counters = {
      source: state.source,
      seenAt: state.seenAt,
      ids: peers.map((p) => p.id),
      rx: peers.map((p) => Number(p.rx)),
      tx: peers.map((p) => Number(p.tx)),
      lastHandshakeMs: peers.map((p) => p.lastHandshakeMs ?? null),
      currentEndpoint: peers.map(currentEndpointOf),
    };
    peerCounterColumns.set(state, counters);
  }
  return counters;
}

export function interfaceListing(state: RouterState): Listing<WgInterface> {
  let listing = interfaceListings.get(state);
  if (!listing) {
    listing = buildInterfaceListing(state);
    interfaceListings.set(state, listing);
  }
  return listing;
}

function buildInterfaceListing(state: RouterState): Listing<WgInterface> {
  const statuses = new Map<string, ModelPeer['status'][]>();
  for (const p of state.peers) {
    const list = statuses.get(p.interface) ?? [];
    list.push(p.status);
    statuses.set(p.interface, list);
  }
  const rows = state.interfaces.map((iface) =>
    interfaceRow(iface, interfaceAddresses(state, iface.name), statuses.get(iface.name) ?? [], portState(state, iface.listenPort)));
  return { source: state.source, seenAt: state.seenAt, unknown: unknownParts(state), rows };
}

/** A RouterOS peer as the contract's read model, with the status the model holds for it. */
export function toPeerRow(peer: WireGuardPeer & { status: WgPeer['status'] }): WgPeer {
  return {
    id: peer.id,
    interface: peer.interface,
    name: peer.name ?? '',
    comment: peer.comment,
    publicKey: peer.publicKey,
    allowedAddress: peer.allowedAddress,
    endpoint: peer.endpointAddress ? joinHostPort(peer.endpointAddress, peer.endpointPort) : null,
    currentEndpoint: currentEndpointOf(peer),
    lastHandshakeMs: peer.lastHandshakeMs ?? null,
    persistentKeepaliveSec: peer.persistentKeepaliveMs === undefined ? null : Math.round(peer.persistentKeepaliveMs / 1000),
    rx: Number(peer.rx),
    tx: Number(peer.tx),
    disabled: peer.disabled,
    dynamic: peer.dynamic,
    status: peer.status,
  };
}

function joinHostPort(host: string, port: number): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return port > 0 ? `${h}:${port}` : h;
}

function currentEndpointOf(peer: WireGuardPeer): string | null {
  return peer.currentEndpointAddress ? joinHostPort(peer.currentEndpointAddress, peer.currentEndpointPort) : null;
}
