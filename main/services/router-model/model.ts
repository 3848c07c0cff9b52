// One router as WireDesk knows it: interfaces, addresses, peers (configuration and live counters), the input
// firewall chain and the router's facts, each part with when it was read or why it is unknown. Filled only
// through the apply* methods (full read, listen rows, polls, the answers to our own changes); everything that
// shows or checks router state reads `state()`. Peer status lives here: the polls' verdict (the monitor's
// rule, decided by the recorder), or for a peer no poll has judged yet, `statusBeforePoll`.
import { statusBeforePoll } from '../../monitoring/status.ts';
import type { PeerStatus } from '../../monitoring/types.ts';
import { dynamicInterfaceNames } from '../../routeros/menus/interface.ts';
import { toIpAddress, type IpAddressEntry } from '../../routeros/menus/ip-address.ts';
import { toIpCloud, type IpCloud } from '../../routeros/menus/ip-cloud.ts';
import { toNtpClient, type NtpClient } from '../../routeros/menus/system-ntp.ts';
import { toClockReading, type ClockReading } from '../../routeros/menus/system-scheduler.ts';
import { bool, bytes, duration, id as itemId, int, legacy, optionalText } from '../../routeros/menus/values.ts';
import { LIVE_FIELDS, PEER_SECRET_FIELDS, POLL_PROPLIST, toWireGuardPeer, type WireGuardPeer } from '../../routeros/menus/wireguard-peers.ts';
import { editRow, omitFields, sameRow, type Row } from '../../routeros/rows.ts';
import { interfaceAddresses, toRouterInterface, type RouterInterface, type RouterWireGuard } from '../management/router-read.ts';
import type { CopyChanges, PresharedKeyState, SavedInterfaceRow, SavedPeerRow, SavedRouter } from '../../store/local-copy.ts';
import { MODEL_PARTS, NOT_READ, type ModelPart, type PartRead, type PartState } from './parts.ts';

export interface ModelPeer extends WireGuardPeer {
  status: PeerStatus;
  presharedKeyState: PresharedKeyState;
  /**
   * Fields of the router's row WireDesk could not read (`item *1A: rx="abc" is not a byte count`), empty
   * for a sound row. Such a peer is still shown (see readPeer): the values read as absent, rx/tx as last shown.
   */
  readonly unreadable: readonly string[];
}

export interface VanishedPeer {
  readonly peer: WireGuardPeer;
  readonly status: PeerStatus;
  readonly vanishedAt: number;
}

/** What readers get: an immutable picture, rebuilt only after something changed. */
export interface RouterState extends RouterWireGuard {
  readonly routerId: string;
  /** 'live': the model follows the router now; 'cache': the router is unreachable, this is the last-known copy. */
  readonly source: 'live' | 'cache';
  /** When the router was last read (the latest poll or full read); null when it never was. */
  readonly seenAt: number | null;
  readonly parts: Readonly<Record<ModelPart, PartState>>;
  peers: ModelPeer[];
  /** Peers that disappeared from the router when WireDesk did not remove them (WinBox, another tool). */
  readonly vanished: readonly VanishedPeer[];
  /** The input chain, in the router's order (the first matching rule decides). */
  readonly firewall: readonly Row[];
  /** Static routes through a WireGuard interface (site-to-site links add them), in the router's order. */
  readonly routes: readonly Row[];
  readonly cloud: IpCloud | null;
  /** /ip/firewall/nat in the router's order, and /interface/list/member (as read, not followed). */
  readonly nat: readonly Row[];
  readonly interfaceLists: readonly Row[];
  /** The router's clock as last read (full reads, each diagnosis); null when unknown. */
  readonly clock: ClockReading | null;
  /** The router's NTP client as last read (full reads, each diagnosis); null when unknown. */
  readonly ntp: NtpClient | null;
  /** Identity, RouterOS version and board as the router reported them at login (or last time, offline). */
  readonly facts: RouterFacts | null;
  peer(id: string): ModelPeer | undefined;
}

export interface RouterFacts {
  readonly identity: string;
  /** As /system/resource prints it: `7.18.2 (stable)`. */
  readonly version: string;
  readonly board: string;
  readonly readAt: number;
}

/** A kind of change, pushed to the renderer so it re-reads only what it shows. */
export type ModelChange = 'interfaces' | 'peers' | 'addresses' | 'firewall' | 'cloud' | 'routes' | 'status' | 'counters' | 'source' | 'parts';

export interface RouterModelOptions {
  readonly routerId: string;
  /** The status the polls decided for a peer, or null before its first poll. */
  readonly polledStatus: (iface: string, publicKey: string) => PeerStatus | null;
  readonly onlineThresholdMs: () => number;
  readonly now: () => number;
}

const INTERFACE_SECRETS = ['private-key'];

/** The screens' kind of change a part's rows are shown as: none for the parts no screen lists (clock, NAT, interface lists). */
function shownBy(part: ModelPart): ModelChange[] {
  switch (part) {
    case 'dynamic': return ['interfaces'];
    case 'addresses6': return ['addresses'];
    case 'clock':
    case 'ntp':
    case 'nat':
    case 'interfaceLists': return [];
    default: return [part];
  }
}
/** The WireGuard interface RouterOS makes for Back To Home (manual "Back To Home"). */
const BACK_TO_HOME_INTERFACE = 'back-to-home-vpn';
/** Fields a poll row carries besides the live counters: a rename or a disable in WinBox shows with the next poll. */
const POLLED_CONFIG = POLL_PROPLIST.filter((f) => !LIVE_FIELDS.includes(f) && f !== '.id');

export class RouterModel {
  readonly routerId: string;
  readonly #o: RouterModelOptions;
  readonly #interfaces = new Map<string, Row>();
  readonly #addresses = new Map<string, Row>();
  readonly #addresses6 = new Map<string, Row>();
  readonly #peers = new Map<string, Row>();
  readonly #psk = new Map<string, PresharedKeyState>();
  readonly #status = new Map<string, PeerStatus>();
  readonly #vanished = new Map<string, { row: Row; status: PeerStatus; vanishedAt: number }>();
  /** Ids WireDesk is removing itself: their disappearance is not "vanished". */
  readonly #removing = new Set<string>();
  #firewall = new Map<string, Row>();
  /** Every static route; narrowed to WireGuard gateways when a state is built. */
  #routes: Row[] = [];
  #dynamic = new Set<string>();
  #cloud: Row | null = null;
  #ntp: Row | null = null;
  #clock: ClockReading | null = null;
  #nat: Row[] = [];
  #interfaceLists: Row[] = [];
  #facts: RouterFacts | null = null;
  #parts: Record<ModelPart, PartState> = Object.fromEntries(MODEL_PARTS.map((p) => [p, NOT_READ])) as Record<ModelPart, PartState>;
  #source: 'live' | 'cache' = 'cache';
  #seenAt: number | null = null;
  #state: RouterState | undefined;
  readonly #changes = new Set<ModelChange>();
  readonly #dirtyInterfaces = new Set<string>();
  readonly #goneInterfaces = new Set<string>();
  readonly #dirtyPeers = new Set<string>();
  readonly #gonePeers = new Set<string>();
  /** Rows whose counters moved since the copy last saved them (saved on a slower beat, see takeCopyChanges). */
  readonly #countersMoved = new Set<string>();
  /**
   * Per peer row id, a stamp that changes whenever the row's configuration (any field outside LIVE_FIELDS)
   * may have changed: a row with a new object but the same stamp differs from the one before in live fields only.
   */
  readonly #configStamp = new Map<string, number>();
  #stamps = 0;
  /** What the last build made of each peer row, reused or updated from it by the next (see #modelPeer). */
  readonly #built = new Map<string, BuiltPeer>();
  /** The parts of the last state that no change touched since are handed on as they were. */
  #interfacesBuilt: RouterInterface[] | undefined;
  #addressesBuilt: IpAddressEntry[] | undefined;
  #firewallBuilt: Row[] | undefined;
  #routesBuilt: Row[] | undefined;
  #cloudBuilt: IpCloud | null | undefined;
  readonly #vanishedBuilt = new WeakMap<Row, WireGuardPeer>();

  constructor(options: RouterModelOptions) {
    this.routerId = options.routerId;
    this.#o = options;
  }

  get source(): 'live' | 'cache' {
    return this.#source;
  }

  /** Peers are known from a read of this session, not only from the copy. */
  get loaded(): boolean {
    return this.#parts.peers.known;
  }

  /** Starts from the local copy: the offline view until the router answers. */
  loadCopy(saved: SavedRouter): void {
    for (const i of saved.interfaces) {
      this.#interfaces.set(i.rosId, i.row);
      if (i.dynamic) this.#dynamic.add(i.row['name'] ?? '');
      // The copy keeps each interface's addresses, not the /ip/address items themselves.
      i.addresses.forEach((address, n) => this.#addresses.set(`${i.rosId}/${n}`, { '.id': '*0', address, interface: i.row['name'] ?? '' }));
    }
    for (const p of saved.peers) {
      if (p.vanishedAt !== null) {
        this.#vanished.set(p.rosId, { row: p.row, status: p.status, vanishedAt: p.vanishedAt });
        continue;
      }
      this.#peers.set(p.rosId, p.row);
      this.#configStamp.set(p.rosId, ++this.#stamps);
      this.#psk.set(p.rosId, p.presharedKey);
      this.#status.set(p.rosId, p.status);
    }
    this.#seenAt = saved.seenAt;
    this.#touch('interfaces', 'peers', 'addresses');
  }

  /** A full read's results: every part that was read replaces what was known; a refused one becomes unknown. */
  applyRead(reads: ReadonlyMap<ModelPart, PartRead>, t: number): void {
    for (const [part, read] of reads) {
      if (part === 'clock' && read.ok) {
        // Moves every second: kept for the doctor, never a change pushed to the screens.
        if (!this.#parts.clock.known) this.#touch('parts');
        this.#parts.clock = { known: true, readAt: t };
        this.#clock = read.rows[0] ? toClockReading(read.rows[0], t) : null;
        this.#state = undefined;
        continue;
      }
      if (!read.ok) {
        this.#parts[part] = { known: false, problem: read.problem };
        this.#forget(part);
        this.#touch('parts', ...shownBy(part));
        continue;
      }
      if (!this.#parts[part].known) this.#touch('parts');
      this.#parts[part] = { known: true, readAt: t };
      this.#replace(part, read.rows);
    }
    this.#goLive(t);
  }

  /** One row streamed by `listen`: an addition or change, or (with `.dead`) a removal. */
  applyListened(part: 'interfaces' | 'peers' | 'addresses' | 'firewall', row: Row): 'ok' | 'reread' {
    const id = row['.id'] ?? '';
    const dead = row['.dead'] === 'true' || row['.dead'] === 'yes';
    if (part === 'peers') {
      if (dead) this.#removePeerRow(id);
      else this.#upsertPeer(editRow(row, (r) => this.#keepLiveFields(r, id)));
      return 'ok';
    }
    if (part === 'firewall') {
      const known = this.#firewall.has(id);
      if (dead || row['chain'] !== 'input') {
        if (known) {
          this.#firewall.delete(id);
          this.#touch('firewall');
        }
        return 'ok';
      }
      // A rule new to the chain may sit anywhere in it, and its place decides: read the chain again.
      if (!known) return 'reread';
      this.#firewall.set(id, row);
      this.#touch('firewall');
      return 'ok';
    }
    const table = part === 'interfaces' ? this.#interfaces : this.#addresses;
    if (dead) {
      if (table.delete(id)) this.#tableChanged(part, id, true);
      return 'ok';
    }
    const clean = part === 'interfaces' ? omitFields(row, INTERFACE_SECRETS) : row;
    const before = table.get(id);
    if (before && sameRow(before, clean)) return 'ok';
    table.set(id, clean);
    this.#tableChanged(part, id, false);
    return 'ok';
  }

  /**
   * One poll: counters, handshakes and the status the recorder decided for each peer. Returns 'reread' when
   * the poll shows peers the model does not know, or misses peers it knows (a change `listen` did not bring).
   */
  applyPoll(rows: readonly Row[], t: number): 'ok' | 'reread' {
    let mismatch = false;
    const seen = new Set<string>();
    for (const polled of rows) {
      const id = polled['.id'] ?? '';
      const current = this.#peers.get(id);
      if (!current) {
        mismatch = true;
        continue;
      }
      seen.add(id);
      const stampBefore = this.#configStamp.get(id);
      const next = editRow(current, (r) => {
        for (const f of [...LIVE_FIELDS, ...POLLED_CONFIG]) {
          if (polled[f] === undefined) delete r[f];
          else r[f] = polled[f];
        }
      }, [polled]);
      if (POLLED_CONFIG.some((f) => next[f] !== current[f])) {
        this.#configStamp.set(id, ++this.#stamps);
        this.#dirtyPeers.add(id);
        this.#touch('peers');
      }
      if (LIVE_FIELDS.some((f) => next[f] !== current[f])) {
        this.#countersMoved.add(id);
        this.#touch('counters');
        this.#peers.set(id, next);
      } else if (this.#configStamp.get(id) !== stampBefore) {
        this.#peers.set(id, next);
      }
      // else: the same row as before, so the next state hands on the same peer.
      const decided = this.#o.polledStatus(next['interface'] ?? '', next['public-key'] ?? '');
      if (decided) this.#setStatus(id, decided);
    }
    if (this.loaded && seen.size !== this.#peers.size) mismatch = true;
    this.#goLive(t);
    this.#touch('counters');
    return mismatch && this.loaded ? 'reread' : 'ok';
  }

  /** A peer as read right after WireDesk changed it: the change's own answer. */
  applyPeerRow(row: Row): void {
    this.#upsertPeer(editRow(row, (r) => this.#keepLiveFields(r, row['.id'] ?? '')));
  }

  /** Before WireDesk removes peers: their disappearance is ours, not something to flag as vanished. */
  expectRemoval(ids: readonly string[]): void {
    for (const id of ids) this.#removing.add(id);
  }

  /** After WireDesk removed a peer: gone from the model and from the copy (no vanished mark). */
  forgetPeer(id: string): void {
    this.#removing.add(id);
    this.#removePeerRow(id);
    this.#vanished.delete(id);
    this.#removing.delete(id);
  }

  /** What the router said about itself at login; read by the connection, not by the model. */
  applyFacts(facts: RouterFacts): void {
    const before = this.#facts;
    this.#facts = facts;
    if (!before || before.identity !== facts.identity || before.version !== facts.version || before.board !== facts.board) this.#touch('parts');
    this.#state = undefined;
  }

  /** The router became unreachable: keep everything as last known. */
  goOffline(): void {
    if (this.#source === 'cache') return;
    this.#source = 'cache';
    this.#touch('source');
  }

  state(): RouterState {
    this.#state ??= this.#build();
    return this.#state;
  }

  /** The kinds of change since the last call (for the pushed event). */
  takeChanges(): ModelChange[] {
    const out = [...this.#changes];
    this.#changes.clear();
    return out;
  }

  /**
   * Rows to write to the local copy since the last call. Configuration and status changes always; moved
   * counters only when `withCounters` (the service saves those on a slower beat, and on disconnect).
   */
  takeCopyChanges(withCounters: boolean): CopyChanges | null {
    const peerIds = new Set(this.#dirtyPeers);
    if (withCounters) for (const id of this.#countersMoved) peerIds.add(id);
    const interfacesChanged = this.#dirtyInterfaces.size > 0 || this.#goneInterfaces.size > 0;
    if (!interfacesChanged && peerIds.size === 0 && this.#gonePeers.size === 0 && !withCounters) return null;
    const state = this.state();
    const interfaces = interfacesChanged
      ? { upsert: [...this.#dirtyInterfaces].flatMap((id) => this.#savedInterface(state, id)), vanished: [...this.#goneInterfaces] }
      : null;
    const peers = {
      upsert: [...peerIds].flatMap((id): SavedPeerRow[] => {
        const row = this.#peers.get(id);
        return row ? [{ rosId: id, row, status: this.#status.get(id) ?? 'never-connected', presharedKey: this.#psk.get(id) ?? 'hidden' }] : [];
      }),
      vanished: [...this.#gonePeers],
    };
    this.#dirtyInterfaces.clear();
    this.#goneInterfaces.clear();
    this.#dirtyPeers.clear();
    this.#gonePeers.clear();
    if (withCounters) this.#countersMoved.clear();
    return { interfaces, peers, seenAt: this.#seenAt };
  }

  // ---- internals ----

  #goLive(t: number): void {
    this.#seenAt = t;
    if (this.#source !== 'live') {
      this.#source = 'live';
      this.#touch('source');
    }
    this.#state = undefined;
  }

  #replace(part: ModelPart, rows: readonly Row[]): void {
    switch (part) {
      case 'peers': {
        const ids = new Set(rows.map((r) => r['.id'] ?? ''));
        for (const id of [...this.#peers.keys()]) if (!ids.has(id)) this.#removePeerRow(id);
        for (const row of rows) this.#upsertPeer(row);
        return;
      }
      case 'interfaces':
      case 'addresses':
      case 'addresses6': {
        const table = part === 'interfaces' ? this.#interfaces : part === 'addresses' ? this.#addresses : this.#addresses6;
        const kind = part === 'interfaces' ? 'interfaces' : 'addresses';
        const ids = new Set(rows.map((r) => r['.id'] ?? ''));
        for (const id of [...table.keys()]) if (!ids.has(id) && table.delete(id)) this.#tableChanged(kind, id, true);
        for (const row of rows) {
          const clean = part === 'interfaces' ? omitFields(row, INTERFACE_SECRETS) : row;
          const id = clean['.id'] ?? '';
          const before = table.get(id);
          if (before && sameRow(before, clean)) continue;
          table.set(id, clean);
          this.#tableChanged(kind, id, false);
        }
        return;
      }
      case 'firewall': {
        const next = new Map(rows.filter((r) => r['chain'] === 'input').map((r) => [r['.id'] ?? '', r]));
        const before = [...this.#firewall.values()];
        const after = [...next.values()];
        this.#firewall = next;
        if (before.length !== after.length || after.some((r, i) => !sameRow(r, before[i]!))) this.#touch('firewall');
        return;
      }
      case 'routes': {
        if (rows.length !== this.#routes.length || rows.some((r, i) => !sameRow(r, this.#routes[i]!))) this.#touch('routes');
        this.#routes = [...rows];
        return;
      }
      case 'dynamic': {
        const next = dynamicInterfaceNames(rows);
        if (next.size !== this.#dynamic.size || [...next].some((n) => !this.#dynamic.has(n))) {
          this.#dynamic = next;
          for (const [id, row] of this.#interfaces) if (next.has(row['name'] ?? '')) this.#dirtyInterfaces.add(id);
          this.#touch('interfaces');
        }
        return;
      }
      case 'cloud': {
        const next = rows[0] ?? null;
        if (next === null ? this.#cloud !== null : this.#cloud === null || !sameRow(this.#cloud, next)) this.#touch('cloud');
        this.#cloud = next;
        return;
      }
      case 'ntp': {
        const next = rows[0] ?? null;
        // No screen shows it: the next state carries it, nothing is pushed.
        if (next === null ? this.#ntp !== null : this.#ntp === null || !sameRow(this.#ntp, next)) this.#state = undefined;
        this.#ntp = next;
        return;
      }
      case 'nat':
      case 'interfaceLists': {
        const before = part === 'nat' ? this.#nat : this.#interfaceLists;
        if (rows.length !== before.length || rows.some((r, i) => !sameRow(r, before[i]!))) {
          if (part === 'nat') this.#nat = [...rows];
          else this.#interfaceLists = [...rows];
          // No screen lists them: the next state carries them, nothing is pushed.
          this.#state = undefined;
        }
        return;
      }
      case 'clock':
        return; // applyRead keeps it
    }
  }

  /** A part that could not be read is not shown from memory as if it were current; the copy keeps what it had. */
  #forget(part: ModelPart): void {
    switch (part) {
      case 'peers':
        this.#peers.clear();
        this.#psk.clear();
        this.#status.clear();
        this.#configStamp.clear();
        this.#built.clear();
        return;
      case 'interfaces':
        this.#interfaces.clear();
        return;
      case 'addresses':
        this.#addresses.clear();
        return;
      case 'addresses6':
        this.#addresses6.clear();
        return;
      case 'firewall':
        this.#firewall.clear();
        return;
      case 'routes':
        this.#routes = [];
        return;
      case 'dynamic':
        this.#dynamic.clear();
        return;
      case 'cloud':
        this.#cloud = null;
        return;
      case 'clock':
        this.#clock = null;
        return;
      case 'ntp':
        this.#ntp = null;
        return;
      case 'nat':
        this.#nat = [];
        return;
      case 'interfaceLists':
        this.#interfaceLists = [];
    }
  }

  #upsertPeer(row: Row): void {
    const id = row['.id'] ?? '';
    const psk = presharedKeyState(row['preshared-key']);
    const clean = omitFields(row, PEER_SECRET_FIELDS);
    const before = this.#peers.get(id);
    const pskBefore = this.#psk.get(id);
    this.#psk.set(id, psk);
    this.#vanished.delete(id);
    if (before && sameRow(before, clean)) {
      // The preshared key was set or cleared (the row carries only whether one is set): the copy keeps that.
      if (pskBefore !== psk) {
        this.#dirtyPeers.add(id);
        this.#touch('peers');
      }
      return;
    }
    this.#peers.set(id, clean);
    const configChanged = !before || Object.keys({ ...before, ...clean }).some((f) => !LIVE_FIELDS.includes(f) && before[f] !== clean[f]);
    if (configChanged) {
      this.#configStamp.set(id, ++this.#stamps);
      this.#dirtyPeers.add(id);
      this.#touch('peers');
    } else {
      this.#countersMoved.add(id);
      this.#touch('counters');
    }
    const { peer } = readPeer(clean, this.#built.get(id)?.peer);
    const polled = before ? undefined : (this.#o.polledStatus(peer.interface, peer.publicKey) ?? undefined);
    this.#setStatus(id, peer.disabled ? 'disabled' : (polled ?? statusBeforePoll(peer, this.#status.get(id), this.#o.onlineThresholdMs())));
  }

  #removePeerRow(id: string): void {
    const row = this.#peers.get(id);
    if (!row) return;
    this.#peers.delete(id);
    this.#psk.delete(id);
    this.#configStamp.delete(id);
    this.#built.delete(id);
    const status = this.#status.get(id) ?? 'never-connected';
    this.#status.delete(id);
    this.#dirtyPeers.delete(id);
    this.#countersMoved.delete(id);
    if (this.#removing.delete(id)) {
      this.#gonePeers.delete(id);
    } else {
      this.#vanished.set(id, { row, status, vanishedAt: this.#o.now() });
      this.#gonePeers.add(id);
    }
    this.#touch('peers');
  }

  /** A listen row or a change's answer carries config; the live fields stay the poll's. */
  #keepLiveFields(row: Row, id: string): void {
    const current = this.#peers.get(id);
    if (!current) return;
    for (const f of LIVE_FIELDS) {
      if (current[f] === undefined) delete row[f];
      else row[f] = current[f];
    }
  }

  #tableChanged(part: 'interfaces' | 'addresses', id: string, removed: boolean): void {
    this.#touch(part);
    if (part === 'interfaces') {
      if (removed) {
        this.#dirtyInterfaces.delete(id);
        this.#goneInterfaces.add(id);
      } else {
        this.#dirtyInterfaces.add(id);
      }
      return;
    }
    // An address belongs to its interface's saved row: that row is written again.
    for (const [ifaceId] of this.#interfaces) this.#dirtyInterfaces.add(ifaceId);
  }

  #setStatus(id: string, status: PeerStatus): void {
    if (this.#status.get(id) === status) return;
    this.#status.set(id, status);
    this.#dirtyPeers.add(id);
    this.#touch('status');
  }

  #touch(...changes: ModelChange[]): void {
    for (const c of changes) {
      this.#changes.add(c);
      // Every change of a table is touched with its kind, so the kind says which built part is stale.
      if (c === 'interfaces') this.#interfacesBuilt = undefined;
      if (c === 'addresses') this.#addressesBuilt = undefined;
      if (c === 'firewall') this.#firewallBuilt = undefined;
      // Which routes count depends on the WireGuard interfaces' names.
      if (c === 'routes' || c === 'interfaces') this.#routesBuilt = undefined;
      if (c === 'cloud') this.#cloudBuilt = undefined;
    }
    this.#state = undefined;
  }

  #savedInterface(state: RouterState, id: string): SavedInterfaceRow[] {
    const row = this.#interfaces.get(id);
    if (!row) return [];
    const name = row['name'] ?? '';
    return [{ rosId: id, row, addresses: interfaceAddresses(state, name), dynamic: this.#dynamic.has(name) }];
  }

  /** Router-made interfaces as far as the peers tell: Back To Home's, or one whose every peer is dynamic. */
  #inferredDynamic(): Set<string> {
    const names = new Set(this.#dynamic);
    const all = new Map<string, boolean>();
    for (const row of this.#peers.values()) {
      const iface = row['interface'] ?? '';
      const dynamic = row['dynamic'] === 'true' || row['dynamic'] === 'yes';
      all.set(iface, (all.get(iface) ?? true) && dynamic);
    }
    for (const [iface, dynamic] of all) if (dynamic) names.add(iface);
    for (const row of this.#interfaces.values()) if (row['name'] === BACK_TO_HOME_INTERFACE) names.add(BACK_TO_HOME_INTERFACE);
    return names;
  }

  #build(): RouterState {
    const peers: ModelPeer[] = [];
    for (const [id, row] of this.#peers) peers.push(this.#modelPeer(id, row));
    let byId: Map<string, ModelPeer> | undefined;
    // The interface and address rows behind these are replaced, never edited, when they change.
    if (this.#parts.dynamic.known) {
      this.#interfacesBuilt ??= [...this.#interfaces.values()].map((row) => toRouterInterface(row, this.#dynamic));
    } else {
      // Without /interface (refused, or not read yet) the dynamic flag is unknown: an interface whose peers
      // are all router-made, or Back To Home's own, is still shown (and refused) as read-only.
      const inferred = this.#inferredDynamic();
      this.#interfacesBuilt = [...this.#interfaces.values()].map((row) => toRouterInterface(row, inferred));
    }
    this.#addressesBuilt ??= [...this.#addresses.values(), ...this.#addresses6.values()].map(toIpAddress);
    this.#firewallBuilt ??= [...this.#firewall.values()];
    if (!this.#routesBuilt) {
      const wg = new Set([...this.#interfaces.values()].map((r) => r['name'] ?? ''));
      // A gateway is an interface name, or an address with the interface after '%' (`10.9.0.1%wg-site`).
      this.#routesBuilt = this.#routes.filter((r) => (r['gateway'] ?? '').split(',').some((g) => wg.has(g.includes('%') ? g.slice(g.indexOf('%') + 1) : g)));
    }
    this.#cloudBuilt ??= this.#cloud ? toIpCloud(this.#cloud) : null;
    return {
      routerId: this.routerId,
      source: this.#source,
      seenAt: this.#seenAt,
      parts: { ...this.#parts },
      interfaces: this.#interfacesBuilt,
      addresses: this.#addressesBuilt,
      peers,
      vanished: [...this.#vanished.values()].map((v) => ({ peer: this.#vanishedPeer(v.row), status: v.status, vanishedAt: v.vanishedAt })),
      firewall: this.#firewallBuilt,
      routes: this.#routesBuilt,
      cloud: this.#cloudBuilt,
      clock: this.#clock,
      ntp: this.#ntp ? toNtpClient(this.#ntp) : null,
      nat: this.#nat,
      interfaceLists: this.#interfaceLists,
      facts: this.#facts,
      peer: (id) => (byId ??= new Map(peers.map((p) => [p.id, p]))).get(id),
    };
  }

  /**
   * The peer of `row` for a new state. After a poll most rows are new objects that differ from the last
   * build's in live fields only (counters, handshake, current endpoint): those are the last peer with the live
   * fields read again, not a full parse; an untouched row with its status and preshared-key state as before
   * is the same peer object.
   */
  #modelPeer(id: string, row: Row): ModelPeer {
    const status = this.#status.get(id) ?? 'never-connected';
    const presharedKeyState = this.#psk.get(id) ?? 'hidden';
    const stamp = this.#configStamp.get(id) ?? 0;
    const last = this.#built.get(id);
    let peer: ModelPeer;
    if (last && last.row === row) {
      if (last.peer.status === status && last.peer.presharedKeyState === presharedKeyState) return last.peer;
      peer = { ...last.peer, status, presharedKeyState };
    } else if (last && last.stamp === stamp) {
      const unreadable = last.configUnreadable.slice();
      const live = readLive(row, last, unreadable);
      peer = withLive(last.peer, live, legacy(row), status, presharedKeyState, unreadable.length === 0 ? NOTHING_UNREADABLE : unreadable);
      this.#built.set(id, { row, stamp, peer, configUnreadable: last.configUnreadable });
      return peer;
    } else {
      const read = readPeer(row, last?.peer);
      peer = { ...read.peer, status, presharedKeyState, unreadable: read.unreadable.map((u) => u.message) };
      const configUnreadable = read.unreadable.filter((u) => !LIVE_FIELDS.includes(u.field)).map((u) => u.message);
      this.#built.set(id, { row, stamp, peer, configUnreadable });
      return peer;
    }
    this.#built.set(id, { ...last, peer });
    return peer;
  }

  #vanishedPeer(row: Row): WireGuardPeer {
    let peer = this.#vanishedBuilt.get(row);
    if (!peer) {
      peer = readPeer(row, undefined).peer;
      this.#vanishedBuilt.set(row, peer);
    }
    return peer;
  }
}

const NOTHING_UNREADABLE: readonly string[] = Object.freeze([]);

interface BuiltPeer {
  /** The row `peer` was made from, and its configuration stamp then. */
  readonly row: Row;
  readonly stamp: number;
  readonly peer: ModelPeer;
  /** What could not be read outside the live fields (kept while only live fields change). */
  readonly configUnreadable: readonly string[];
}

// ---- reading peer rows without letting one bad value take the router down ----

interface Unreadable {
  readonly field: string;
  /** As the menu's reader says it: `item *1A: rx="abc" is not a byte count`. */
  readonly message: string;
}

type LiveValues = Pick<WireGuardPeer, 'rx' | 'tx' | 'lastHandshakeMs' | 'currentEndpointAddress' | 'currentEndpointPort'>;

/** Every field toWireGuardPeer reads with a reader that throws on a malformed value, with that reader. */
const CHECKED_FIELDS: ReadonlyArray<readonly [string, (row: Row, field: string) => unknown]> = [
  ['endpoint-port', int],
  ['current-endpoint-port', int],
  ['client-listen-port', int],
  ['rx', bytes],
  ['tx', bytes],
  ['persistent-keepalive', duration],
  ['last-handshake', duration],
  ['client-keepalive', duration],
  ['disabled', bool],
  ['dynamic', bool],
  ['responder', bool],
  ['is-responder', bool],
];

/**
 * A peer row as WireGuardPeer. A row with a value WireDesk cannot read (`rx=abc`, a port that is not a number:
 * a RouterOS oddity or a damaged copy) does not fail the router's whole picture, nor hide that peer: the
 * technician still sees it, can disable, fix or remove it, and every other peer shows as usual. Each
 * unreadable field reads as if the router had left it out (no port, no handshake, not disabled), except rx and
 * tx, which stay as the last state showed them (`previous`; a counter dropping to 0 would look like a reset,
 * and the traffic history skips that poll's delta the same way); `unreadable` names them all.
 */
function readPeer(row: Row, previous: WireGuardPeer | undefined): { peer: WireGuardPeer; unreadable: Unreadable[] } {
  try {
    return { peer: toWireGuardPeer(row), unreadable: [] };
  } catch {
    // Read again field by field below, to know which ones.
  }
  const unreadable: Unreadable[] = [];
  const readable = editRow(row, (r) => {
    try {
      itemId(r);
    } catch (error) {
      unreadable.push({ field: '.id', message: messageOf(error) });
      r['.id'] = '*0'; // read with a placeholder; the peer keeps the router's own text below
    }
    for (const [field, read] of CHECKED_FIELDS) {
      if (r[field] === undefined) continue;
      try {
        read(r, field);
      } catch (error) {
        unreadable.push({ field, message: messageOf(error) });
        delete r[field];
      }
    }
  });
  const peer: WireGuardPeer = { ...toWireGuardPeer(readable), id: row['.id'] ?? '' };
  for (const u of unreadable) {
    if (u.field === 'rx') peer.rx = previous?.rx ?? 0n;
    if (u.field === 'tx') peer.tx = previous?.tx ?? 0n;
  }
  return { peer, unreadable };
}

/**
 * The live fields of `row`, read as readPeer would; unreadable ones are pushed to `unreadable`. A field with
 * the same text as in the row `last` was made from keeps its value (a poll moves some counters, not all).
 */
function readLive(row: Row, last: BuiltPeer, unreadable: string[]): LiveValues {
  const was = last.row;
  const p = last.peer;
  // Values the last peer could not read are read (and named) again.
  const keep = p.unreadable.length === last.configUnreadable.length;
  const rx = row['rx'];
  const tx = row['tx'];
  const handshake = row['last-handshake'];
  const port = row['current-endpoint-port'];
  return {
    rx: keep && rx === was['rx'] ? p.rx : lenient(row, 'rx', bytes, p.rx, unreadable),
    tx: keep && tx === was['tx'] ? p.tx : lenient(row, 'tx', bytes, p.tx, unreadable),
    lastHandshakeMs: keep && handshake === was['last-handshake'] ? p.lastHandshakeMs : lenient(row, 'last-handshake', duration, undefined, unreadable),
    currentEndpointAddress: optionalText(row, 'current-endpoint-address'),
    currentEndpointPort: keep && port === was['current-endpoint-port'] ? p.currentEndpointPort : lenient(row, 'current-endpoint-port', int, 0, unreadable),
  };
}

/**
 * `last` with new live values, spelled out field by field: one object shape for every peer, several times
 * cheaper than a spread followed by overrides at 10,000 peers per poll (and the compiler names a field
 * WireGuardPeer gains and this forgets).
 */
function withLive(last: ModelPeer, live: LiveValues, legacyText: WireGuardPeer['legacy'], status: PeerStatus, presharedKeyState: PresharedKeyState, unreadable: readonly string[]): ModelPeer {
  return {
    id: last.id,
    interface: last.interface,
    name: last.name,
    comment: last.comment,
    publicKey: last.publicKey,
    allowedAddress: last.allowedAddress,
    endpointAddress: last.endpointAddress,
    endpointPort: last.endpointPort,
    currentEndpointAddress: live.currentEndpointAddress,
    currentEndpointPort: live.currentEndpointPort,
    persistentKeepaliveMs: last.persistentKeepaliveMs,
    presharedKey: last.presharedKey,
    rx: live.rx,
    tx: live.tx,
    lastHandshakeMs: live.lastHandshakeMs,
    disabled: last.disabled,
    dynamic: last.dynamic,
    responder: last.responder,
    client: last.client,
    legacy: legacyText,
    status,
    presharedKeyState,
    unreadable,
  };
}

function lenient<T>(row: Row, field: string, read: (row: Row, field: string) => T, fallback: T, unreadable: string[]): T {
  try {
    return read(row, field);
  } catch (error) {
    unreadable.push(messageOf(error));
    return fallback;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function presharedKeyState(value: string | undefined): PresharedKeyState {
  if (value === undefined) return 'hidden';
  return value === '' ? 'none' : 'set';
}
