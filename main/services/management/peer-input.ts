// Turns a checked peer into the fields this router's version accepts (sending one it lacks fails the whole
// command), and says what could not be kept: before 7.15 there are no peer names (the name goes in the
// comment), before 7.12 no client-* settings, before 7.21 no client-allowed-address. Road-warrior peers get
// no endpoint and, where the router has it, responder=yes so it never dials a NAT'd client.
import type { ManagementWarning } from '../../../src/contract/index.ts';
import { peerFeatures, type Endpoint, type RouterOsVersion } from '../../../src/domain/index.ts';
import type { PeerInput, WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import type { ClientDraft, PeerChanges } from './peer-draft.ts';

export const FULL_TUNNEL = ['0.0.0.0/0', '::/0'];

/** Complete client settings (defaults filled in): what WinBox and WireDesk's own config both show. */
export type NewPeerClient = Required<Pick<ClientDraft, 'address' | 'dns' | 'keepaliveSec' | 'allowedAddress'>> & { endpoint: string | undefined };

export interface NewPeer {
  iface: string;
  name: string;
  comment: string | undefined;
  allowedAddress: string[];
  publicKey: string;
  presharedKey: string | undefined;
  keepaliveSec: number;
  endpoint: Endpoint | undefined;
  /** Absent for a router on the other end (site-to-site), which has no client config. */
  client?: NewPeerClient;
}

export interface BuiltInput {
  input: PeerInput;
  warnings: ManagementWarning[];
}

/** Before 7.15 the name lives in the comment; a separate comment is kept after it. */
function nameAsComment(name: string, comment: string | undefined): string {
  return comment ? `${name} - ${comment}` : name;
}

function nameWarning(version: RouterOsVersion): ManagementWarning {
  return { code: 'NAME_AS_COMMENT', message: `RouterOS ${version.text} has no peer names (they arrived in 7.15), so the name was saved as the peer's comment.` };
}

export function newPeerInput(peer: NewPeer, version: RouterOsVersion): BuiltInput {
  const f = peerFeatures(version);
  const warnings: ManagementWarning[] = [];
  const input: PeerInput = {
    interface: peer.iface,
    publicKey: peer.publicKey,
    allowedAddress: peer.allowedAddress,
    presharedKey: peer.presharedKey,
    persistentKeepaliveMs: peer.keepaliveSec * 1000,
  };
  if (f.name) {
    input.name = peer.name;
    if (peer.comment) input.comment = peer.comment;
  } else {
    input.comment = nameAsComment(peer.name, peer.comment);
    warnings.push(nameWarning(version));
  }
  if (peer.endpoint) {
    input.endpointAddress = peer.endpoint.host;
    input.endpointPort = peer.endpoint.port;
  } else if (f.responderParam) {
    input.responder = true;
  }
  if (!peer.client) return { input, warnings };
  if (f.clientFields) {
    input.client = {
      address: peer.client.address.join(','),
      dns: peer.client.dns.join(','),
      endpoint: peer.client.endpoint ?? '',
      keepaliveMs: peer.client.keepaliveSec * 1000,
    };
    if (f.clientAllowedAddress) input.client.allowedAddress = peer.client.allowedAddress.join(',');
  } else if (peer.client.dns.length > 0 || peer.client.endpoint) {
    warnings.push(clientFieldsWarning(version));
  }
  return { input, warnings };
}

function clientFieldsWarning(version: RouterOsVersion): ManagementWarning {
  return {
    code: 'FIELD_UNSUPPORTED',
    message: `RouterOS ${version.text} cannot keep client settings (DNS, endpoint) on the peer (they arrived in 7.12); they are only in the config WireDesk shows.`,
  };
}

/** Only the fields that change; `current` is the peer as the router has it now. */
export function changedPeerInput(current: WireGuardPeer, changes: PeerChanges, version: RouterOsVersion): BuiltInput {
  const f = peerFeatures(version);
  const warnings: ManagementWarning[] = [];
  const input: PeerInput = {};
  if (changes.name !== undefined && f.name) input.name = changes.name;
  if (changes.comment !== undefined) input.comment = changes.comment;
  if (changes.name !== undefined && !f.name) {
    input.comment = nameAsComment(changes.name, changes.comment);
    warnings.push(nameWarning(version));
  }
  if (changes.allowedAddress !== undefined) input.allowedAddress = changes.allowedAddress;
  if (changes.keepaliveSec !== undefined) input.persistentKeepaliveMs = changes.keepaliveSec * 1000;
  if (changes.endpoint !== undefined) {
    input.endpointAddress = changes.endpoint?.host ?? '';
    input.endpointPort = changes.endpoint?.port ?? 0;
    if (f.responderParam) input.responder = changes.endpoint === null;
  }
  const client = clientChanges(current, changes);
  if (Object.keys(client).length > 0) {
    if (!f.clientFields) warnings.push(clientFieldsWarning(version));
    else {
      if (client.allowedAddress !== undefined && !f.clientAllowedAddress) {
        warnings.push({ code: 'FIELD_UNSUPPORTED', message: `RouterOS ${version.text} has no client-allowed-address (7.21+); the router's own export keeps saying AllowedIPs = 0.0.0.0/0, ::/0.` });
        delete client.allowedAddress;
      }
      input.client = client;
    }
  }
  return { input, warnings };
}

function clientChanges(current: WireGuardPeer, changes: PeerChanges): NonNullable<PeerInput['client']> {
  const c = changes.client;
  const out: NonNullable<PeerInput['client']> = {};
  if (c.dns !== undefined) out.dns = c.dns.join(',');
  if (c.endpoint !== undefined) out.endpoint = c.endpoint;
  if (c.keepaliveSec !== undefined) out.keepaliveMs = c.keepaliveSec * 1000;
  if (c.allowedAddress !== undefined) out.allowedAddress = c.allowedAddress.join(',');
  if (c.address !== undefined) out.address = c.address.join(',');
  else if (changes.allowedAddress !== undefined && current.client.address !== undefined) {
    // The client's own address usually mirrors the peer's host entries: keep them in step, or the router's
    // exported config would hand the device its old address.
    const oldHosts = hostEntries(current.allowedAddress).join(',');
    if (current.client.address === oldHosts) out.address = hostEntries(changes.allowedAddress).join(',');
  }
  return out;
}

/** The single-address entries (/32, /128) of an allowed-address list: the peer's own tunnel addresses. */
export function hostEntries(entries: readonly string[]): string[] {
  return entries.filter((e) => e.endsWith('/32') || e.endsWith('/128'));
}
