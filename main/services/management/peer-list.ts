// The peer list for the management screens, and its CSV export. Rows come from the router model (live, or
// the last-known copy when the router is unreachable), so every screen shows the same status; added here:
// whether WireDesk holds the private key, the client-* settings, and peers that vanished from the router
// (kept, flagged, never silently dropped).
import type { InvokeOutput, InvokeParsedInput, ManagedPeer } from '../../../src/contract/index.ts';
import { parseRouterOsVersion, peerFeatures, toCsv } from '../../../src/domain/index.ts';
import { unknownParts, type ModelPeer, type RouterState, type VanishedPeer } from '../router-model/index.ts';
import type { KeyCustody } from '../../store/peer-keys.ts';
import { mapErrors } from '../errors.ts';
import type { ManagementDeps } from './deps.ts';
import { managedPeer } from './peer-view.ts';

type Listing = InvokeOutput<'peers:listManaged'>;

/** One listing made from one RouterState and one reading of key custody, and what it was made from. */
interface Derived {
  readonly listing: Listing;
  readonly custody: ReadonlyMap<string, KeyCustody>;
  readonly clientFields: boolean;
  readonly peers: readonly ModelPeer[];
  readonly present: readonly ManagedPeer[];
  readonly vanishedFrom: readonly VanishedPeer[];
  readonly vanished: readonly ManagedPeer[];
}

export class PeerList {
  readonly #d: ManagementDeps;
  /**
   * Listings per model state (a RouterState never changes once built): a second reader of the same state
   * with the same key custody gets the same listing. Like the router model's own listings, it is shared:
   * readers must not edit it (the IPC invoker parses it into new objects on the way out).
   */
  readonly #byState = new WeakMap<RouterState, Derived>();
  /** Per router, the listing made last: the next state's unchanged peers take their rows from it. */
  readonly #last = new Map<string, Derived>();

  constructor(deps: ManagementDeps) {
    this.#d = deps;
  }

  async list(routerId: string): Promise<Listing> {
    return mapErrors(async () => {
      const state = await this.#d.models.state(routerId);
      const custody = this.#d.keys.custodyByKey(routerId);
      const clientFields = hasClientFields(state.facts?.version ?? '');
      const kept = this.#byState.get(state);
      if (kept && kept.clientFields === clientFields && sameCustody(kept.custody, custody)) return kept.listing;
      const derived = derive(state, custody, clientFields, kept ?? this.#last.get(routerId));
      this.#byState.set(state, derived);
      this.#last.set(routerId, derived);
      return derived.listing;
    });
  }

  async exportCsv(input: InvokeParsedInput<'peers:exportCsv'>): Promise<InvokeOutput<'peers:exportCsv'>> {
    const { rows } = await this.list(input.routerId);
    const chosen = rows.filter((r) => r.vanishedAt === null && (input.interface === undefined || r.interface === input.interface));
    const csv = toCsv(
      chosen.map((p) => ({
        name: p.name || p.comment,
        interface: p.interface,
        address: p.allowedAddress.join(' '),
        publicKey: p.publicKey,
        endpoint: p.endpoint ?? '',
        keepalive: p.persistentKeepaliveSec ?? 0,
        status: p.status,
        handshake: p.lastHandshakeMs === null ? '' : Math.round(p.lastHandshakeMs / 1000),
        rx: p.rx,
        tx: p.tx,
        disabled: p.disabled ? 'yes' : 'no',
        comment: p.comment,
        key: p.hasPrivateKey ? 'yes' : 'no',
      })),
      [
        { key: 'name', header: 'name' },
        { key: 'interface', header: 'interface' },
        { key: 'address', header: 'address' },
        { key: 'publicKey', header: 'public key' },
        { key: 'endpoint', header: 'endpoint' },
        { key: 'keepalive', header: 'keepalive' },
        { key: 'status', header: 'status' },
        { key: 'handshake', header: 'last handshake (s ago)' },
        { key: 'rx', header: 'rx bytes' },
        { key: 'tx', header: 'tx bytes' },
        { key: 'disabled', header: 'disabled' },
        { key: 'comment', header: 'comment' },
        { key: 'key', header: 'private key in WireDesk' },
      ],
      { delimiter: input.delimiter, bom: input.bom },
    );
    const router = this.#d.routers.get(input.routerId)?.name ?? 'router';
    const day = new Date(this.#d.now()).toISOString().slice(0, 10);
    const base = `${router}${input.interface ? `-${input.interface}` : ''}-peers-${day}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
    return { fileName: `${base}.csv`, csv, rows: chosen.length };
  }
}

/**
 * The rows of a state. The router model hands on the peer objects a change did not touch (and the vanished
 * entries), so a peer that is the same object at the same place as in the listing before, with the same
 * custody, keeps its row from it: managedPeer is a function of exactly those.
 */
function derive(state: RouterState, custody: ReadonlyMap<string, KeyCustody>, clientFields: boolean, before: Derived | undefined): Derived {
  const prev = before?.clientFields === clientFields ? before : undefined;
  const present = state.peers.map((peer, i) => {
    const c = custody.get(peer.publicKey) ?? null;
    const row = prev && prev.peers[i] === peer ? prev.present[i] : undefined;
    return row && row.keyCustody === c ? row : managedPeer(peer, { custody: c, vanishedAt: null, clientFields });
  });
  const vanished = state.vanished.map((v, i) => {
    const c = custody.get(v.peer.publicKey) ?? null;
    const was = prev?.vanishedFrom[i];
    const row = prev && was && (was === v || (was.peer === v.peer && was.status === v.status && was.vanishedAt === v.vanishedAt)) ? prev.vanished[i] : undefined;
    return row && row.keyCustody === c ? row : managedPeer({ ...v.peer, status: v.status }, { custody: c, vanishedAt: v.vanishedAt, clientFields });
  });
  const listing: Listing = { source: state.source, seenAt: state.seenAt, unknown: unknownParts(state), rows: [...present, ...vanished] };
  return { listing, custody, clientFields, peers: state.peers, present, vanishedFrom: state.vanished, vanished };
}

function sameCustody(a: ReadonlyMap<string, KeyCustody>, b: ReadonlyMap<string, KeyCustody>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** The router has client-* peer settings (7.12+): from the version it reported, live or last time. */
function hasClientFields(versionText: string): boolean {
  const parsed = parseRouterOsVersion(versionText);
  return parsed.ok && peerFeatures(parsed.value).clientFields;
}
