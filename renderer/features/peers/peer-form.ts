// The add/edit peer form as plain data: values as typed, the request it becomes (edits send only what
// changed), and checks with the contract's own zod schemas so the form and main agree on every limit.
// Pure: no React, unit-tested.
import { peerContract, type InvokeInput, type ManagedPeer, type WgInterface } from '../../../src/contract/index.ts';

/** 'stored': WireDesk keeps the private key encrypted; 'shown-once': shown now, never kept. */
export type KeyCustody = Exclude<NonNullable<ManagedPeer['keyCustody']>, 'held'>;

export interface PeerFormValues {
  iface: string;
  name: string;
  comment: string;
  /** Allowed address as typed; '' on create means "the next free address". */
  address: string;
  /** True once the technician typed an address (the suggestion stops following the interface). */
  addressEdited: boolean;
  dns: string;
  /** True once the technician typed in the DNS field (the interface's usual DNS stops being filled in). */
  dnsEdited: boolean;
  keepalive: string;
  /** Site-to-site only: host:port the router dials. Empty for road-warrior clients. */
  endpoint: string;
  presharedKey: boolean;
  pskAction: 'keep' | 'generate' | 'remove';
  custody: KeyCustody;
  /** The device made its own key pair: WireDesk gets only the public key. */
  ownKey: boolean;
  publicKey: string;
}

/** Field names as main reports them in VALIDATION details.field (and as the form marks them). A value
 * 'required' means the field is empty; anything else is the schema's own sentence. */
export type PeerField = 'interface' | 'name' | 'comment' | 'allowedAddress' | 'client.dns' | 'persistentKeepaliveSec' | 'endpoint' | 'publicKey';

export const PEER_FIELDS: readonly PeerField[] = ['interface', 'name', 'comment', 'allowedAddress', 'client.dns', 'persistentKeepaliveSec', 'endpoint', 'publicKey'];

/**
 * The interface a new peer starts on: the first preferred name this router still offers, else the first it
 * offers ('' when it offers none). A remembered name the list lacks (deleted since, or picked on another
 * router) is skipped without a word, so it is never shown and never sent.
 */
export function startingInterface(offered: ReadonlyArray<Pick<WgInterface, 'name'>>, ...preferred: ReadonlyArray<string | undefined>): string {
  for (const name of preferred) if (name && offered.some((i) => i.name === name)) return name;
  return offered[0]?.name ?? '';
}

export function emptyPeerForm(iface: string): PeerFormValues {
  return {
    iface,
    name: '',
    comment: '',
    address: '',
    addressEdited: false,
    dns: '',
    dnsEdited: false,
    keepalive: '25',
    endpoint: '',
    presharedKey: false,
    pskAction: 'keep',
    custody: 'stored',
    ownKey: false,
    publicKey: '',
  };
}

/** The edit form starts from the peer as the router has it; before 7.15 the name lives in the comment. */
export function peerFormFrom(peer: ManagedPeer, hasNames: boolean): PeerFormValues {
  return {
    ...emptyPeerForm(peer.interface),
    name: hasNames ? peer.name : peer.comment,
    comment: hasNames ? peer.comment : '',
    address: peer.allowedAddress.join(', '),
    addressEdited: true,
    dns: peer.client?.dns ?? '',
    dnsEdited: true,
    keepalive: String(peer.persistentKeepaliveSec ?? 0),
    endpoint: peer.endpoint ?? '',
  };
}

type CreateInput = InvokeInput<'peers:create'>;
type UpdateInput = InvokeInput<'peers:update'>;

export type FieldErrors = Partial<Record<PeerField, string>>;
export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

/** "25" -> 25; "" -> NaN (the schema then says what a keepalive must be). */
function keepaliveOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' || !/^-?\d+(\.\d+)?$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

function issuesToErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string => typeof p === 'string').join('.');
    const field = PEER_FIELDS.find((f) => path === f || path.startsWith(`${f}.`)) ?? (path.startsWith('client.') ? 'client.dns' : undefined);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** What the config routes is left to main: the interface's remembered client routes, else the full tunnel. */
export function toCreateInput(routerId: string, v: PeerFormValues): Checked<CreateInput> {
  const input: CreateInput = {
    routerId,
    interface: v.iface,
    name: v.name.trim(),
    custody: v.custody,
    presharedKey: v.presharedKey,
    persistentKeepaliveSec: keepaliveOf(v.keepalive),
  };
  if (v.comment.trim()) input.comment = v.comment.trim();
  // An untouched suggestion is left out: main then allocates at the moment of the change, so two
  // technicians adding peers at once can never be handed the same address.
  if (v.addressEdited && v.address.trim()) input.allowedAddress = v.address.trim();
  if (v.ownKey) input.publicKey = v.publicKey.trim();
  if (v.endpoint.trim()) input.endpoint = v.endpoint.trim();
  if (v.dns.trim()) input.client = { dns: v.dns.trim() };

  const errors: FieldErrors = {};
  if (!input.name) errors.name = 'required';
  if (!v.iface) errors.interface = 'required';
  if (v.ownKey && !input.publicKey) errors.publicKey = 'required';
  const parsed = peerContract['peers:create'].input.safeParse(input);
  const all: FieldErrors = { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...errors };
  return Object.keys(all).length > 0 ? { ok: false, errors: all } : { ok: true, input };
}

const normaliseList = (text: string): string =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .join(',');

/** Only what changed; null when nothing did (and no preshared key action was chosen). */
export function toUpdateInput(routerId: string, peer: ManagedPeer, original: PeerFormValues, v: PeerFormValues): Checked<UpdateInput> | null {
  const input: UpdateInput = { routerId, peerId: peer.id };
  let changed = false;
  if (v.name.trim() !== original.name.trim()) {
    input.name = v.name.trim();
    changed = true;
  }
  if (v.comment.trim() !== original.comment.trim()) {
    input.comment = v.comment.trim();
    changed = true;
  }
  if (normaliseList(v.address) !== normaliseList(original.address)) {
    input.allowedAddress = v.address.trim();
    changed = true;
  }
  if (v.keepalive.trim() !== original.keepalive.trim()) {
    input.persistentKeepaliveSec = keepaliveOf(v.keepalive);
    changed = true;
  }
  if (v.endpoint.trim() !== original.endpoint.trim()) {
    input.endpoint = v.endpoint.trim() === '' ? null : v.endpoint.trim();
    changed = true;
  }
  if (normaliseList(v.dns) !== normaliseList(original.dns)) {
    input.client = { dns: v.dns.trim() };
    changed = true;
  }
  if (v.pskAction !== 'keep') {
    input.presharedKey = v.pskAction;
    changed = true;
  }
  if (!changed) return null;

  const errors: FieldErrors = {};
  if (input.name !== undefined && !input.name) errors.name = 'required';
  if (input.allowedAddress !== undefined && !input.allowedAddress) errors.allowedAddress = 'required';
  const parsed = peerContract['peers:update'].input.safeParse(input);
  const all: FieldErrors = { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)), ...errors };
  return Object.keys(all).length > 0 ? { ok: false, errors: all } : { ok: true, input };
}
