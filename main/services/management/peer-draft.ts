// Everything about a peer that can be checked without the router, checked before anything is sent: names,
// keys (base64 of 32 bytes), CIDRs, keepalive, DNS, endpoints. Each failure is a VALIDATION error naming
// the field, with the domain's sentence on what to fix.
import type { InvokeParsedInput } from '../../../src/contract/index.ts';
import {
  parseCidr,
  parseEndpoint,
  parseEndpointHost,
  parseWireGuardKey,
  validateAllowedAddress,
  validateComment,
  validateDnsServers,
  validateKeepalive,
  validatePeerName,
  type Endpoint,
} from '../../../src/domain/index.ts';
import { normaliseAllowedAddressList } from '../../../src/domain/allowed-address.ts';
import { invalid, valid } from './validate.ts';

type AddressInput = string | readonly string[] | undefined;
type ClientInput = NonNullable<InvokeParsedInput<'peers:update'>['client']>;

export interface ClientDraft {
  address?: string[];
  dns?: string[];
  endpoint?: string;
  keepaliveSec?: number;
  allowedAddress?: string[];
}

export interface PeerDraft {
  name: string;
  comment: string | undefined;
  /** Undefined: allocate the next free address. */
  allowedAddress: string[] | undefined;
  publicKey: string | undefined;
  keepaliveSec: number;
  endpoint: Endpoint | undefined;
  client: ClientDraft;
}

export interface PeerChanges {
  name?: string;
  comment?: string;
  allowedAddress?: string[];
  keepaliveSec?: number;
  /** null: clear (road warrior). */
  endpoint?: Endpoint | null;
  client: ClientDraft;
}

const isBlank = (value: AddressInput): boolean =>
  value === undefined || (typeof value === 'string' ? value.trim() === '' : value.every((v) => v.trim() === ''));

export function createDraft(input: InvokeParsedInput<'peers:create'>): PeerDraft {
  return {
    name: valid(validatePeerName(input.name), 'name'),
    comment: input.comment === undefined ? undefined : valid(validateComment(input.comment), 'comment'),
    allowedAddress: isBlank(input.allowedAddress) ? undefined : valid(validateAllowedAddress(input.allowedAddress!), 'allowedAddress'),
    publicKey: input.publicKey?.trim() ? valid(parseWireGuardKey(input.publicKey, 'Public key'), 'publicKey') : undefined,
    keepaliveSec: valid(validateKeepalive(input.persistentKeepaliveSec), 'persistentKeepaliveSec'),
    endpoint: input.endpoint ? valid(parseEndpoint(input.endpoint), 'endpoint') : undefined,
    client: clientDraft(input.client ?? {}),
  };
}

export function changesDraft(input: InvokeParsedInput<'peers:update'>): PeerChanges {
  const changes: PeerChanges = { client: clientDraft(input.client ?? {}) };
  if (input.name !== undefined) changes.name = valid(validatePeerName(input.name), 'name');
  if (input.comment !== undefined) changes.comment = valid(validateComment(input.comment), 'comment');
  if (input.allowedAddress !== undefined) changes.allowedAddress = valid(validateAllowedAddress(input.allowedAddress), 'allowedAddress');
  if (input.persistentKeepaliveSec !== undefined) changes.keepaliveSec = valid(validateKeepalive(input.persistentKeepaliveSec), 'persistentKeepaliveSec');
  if (input.endpoint === null || input.endpoint === '') changes.endpoint = null;
  else if (input.endpoint !== undefined) changes.endpoint = valid(parseEndpoint(input.endpoint), 'endpoint');
  return changes;
}

function clientDraft(input: ClientInput): ClientDraft {
  const draft: ClientDraft = {};
  if (input.dns !== undefined) draft.dns = valid(validateDnsServers(input.dns), 'client.dns');
  if (input.keepaliveSec !== undefined) draft.keepaliveSec = valid(validateKeepalive(input.keepaliveSec), 'client.keepaliveSec');
  if (input.endpoint !== undefined && input.endpoint !== '') draft.endpoint = clientEndpoint(input.endpoint);
  if (!isBlank(input.allowedAddress)) {
    draft.allowedAddress = valid(normaliseAllowedAddressList(input.allowedAddress!, { label: 'Client allowed address' }), 'client.allowedAddress');
  }
  if (input.address !== undefined && input.address.trim() !== '') {
    draft.address = input.address.split(/[\s,]+/).filter(Boolean).map((a) => {
      const cidr = valid(parseCidr(a, { allowHostBits: true, label: 'Client address' }), 'client.address');
      return `${a.split('/')[0]}/${cidr.prefix}`;
    });
  }
  return draft;
}

/** RouterOS adds the interface's listen port to client-endpoint itself, so only a host belongs here. */
function clientEndpoint(text: string): string {
  const withPort = parseEndpoint(text);
  if (withPort.ok) {
    throw invalid('client.endpoint', `Client endpoint is the host only (the router adds the interface's listen port): write ${withPort.value.host}, not ${text}.`);
  }
  return valid(parseEndpointHost(text), 'client.endpoint').host;
}
