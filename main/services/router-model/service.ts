// The one reader of router state: a RouterModel per configured router, kept fresh by
//  - a full read when the connection comes up (every part in parallel, one print each),
//  - `listen` on the WireGuard interfaces, peers, /ip/address and the firewall filter between polls,
//  - the poller (one peer print with a .proplist per interval: counters, handshakes, and the status the
//    monitor's rule decides in the recorder),
//  - the answers to WireDesk's own changes.
// Screens, checks and services read `state()`; nothing else prints WireGuard tables. See
// docs/decisions/0005-router-model.md for what each path costs in round trips.
import type { EventBus } from '../../ipc/events.ts';
import { RouterPoller, type MonitorEvent } from '../../monitoring/index.ts';
import type { ListenHandle, RouterOsClient } from '../../routeros/client.ts';
import { PEERS_PATH } from '../../routeros/menus/wireguard-peers.ts';
import type { Row } from '../../routeros/rows.ts';
import type { Db } from '../../store/db.ts';
import type { LocalCopyRepository } from '../../store/local-copy.ts';
import type { RoutersRepository } from '../../store/routers.ts';
import type { ConnectionManager } from '../connections.ts';
import type { SettingsService } from '../settings.ts';
import { AppError, type RouterStatus, type Settings } from '../../../src/contract/index.ts';
import { RouterModel, type RouterState } from './model.ts';
import { MODEL_PARTS, PART_PRINTS, readParts, type ModelPart } from './parts.ts';

export interface RouterModelsDeps {
  db: Db;
  connections: ConnectionManager;
  routers: RoutersRepository;
  settings: SettingsService;
  events: EventBus;
  copy: LocalCopyRepository;
  now: () => number;
  log: (message: string, context: Record<string, unknown>) => void;
  /** Every stored status transition (notifications are decided from these). */
  onMonitorEvent: (event: MonitorEvent) => void;
  /** Poll routers (default on); tests of other parts may turn it off. */
  polling?: boolean;
}

type Followed = 'interfaces' | 'peers' | 'addresses' | 'firewall';
const FOLLOWED = MODEL_PARTS.filter((p): p is Followed => PART_PRINTS[p].followed);

/** Moved counters reach the local copy at most this often (and always when the router goes offline). */
const COUNTER_SAVE_MS = 60_000;
/** Without `listen` on the peers menu, the whole table is read again every this many polls. */
const UNFOLLOWED_PEER_READ_EVERY = 12;
/** The cheapest print there is: a round trip on the connection the streams use. */
const SYNC_PATH = '/system/identity';

interface Entry {
  readonly model: RouterModel;
  poller: RouterPoller | undefined;
  /** The full read in progress (or the last one), so readers wait for the first picture after connecting. */
  loading: Promise<void> | undefined;
  /** Bumped on every connect and disconnect: work of an older connection is dropped. */
  generation: number;
  listens: ListenHandle[];
  /** Followed menus whose `listen` runs on this connection. */
  following: Set<Followed>;
  rereading: Promise<void> | undefined;
  polls: number;
  countersSavedAt: number;
  emitTimer: ReturnType<typeof setTimeout> | undefined;
}

export class RouterModels {
  readonly #d: RouterModelsDeps;
  readonly #entries = new Map<string, Entry>();
  readonly #unsubscribe: () => void;

  constructor(deps: RouterModelsDeps) {
    this.#d = deps;
    this.#unsubscribe = deps.events.subscribe((event, payload) => {
      if (event === 'routers:changed') {
        const { reason, id } = payload as { reason: string; id: string };
        if (reason === 'added') this.#entry(id);
        if (reason === 'removed') void this.#drop(id);
      }
      if (event === 'router:status') this.#onStatus(payload as RouterStatus);
      if (event === 'settings:changed') this.#configure(payload as Settings);
    });
  }

  /** Loads every configured router's copy and starts its poller. */
  start(): void {
    for (const router of this.#d.routers.list()) {
      const entry = this.#entry(router.id);
      if (this.#d.connections.status(router.id).state === 'online') this.#follow(router.id, entry);
    }
  }

  /**
   * The router as known now: live while connected, else the last-known copy. Waits for the first full read
   * after a connection came up, so a screen opened at that moment does not show the copy as if it were live.
   */
  async state(routerId: string): Promise<RouterState> {
    const entry = this.#require(routerId);
    await entry.loading;
    return entry.model.state();
  }

  /**
   * For a change about to be made (or a check before one): the live picture, or OFFLINE (nothing sent) when
   * the router is not connected. One small round trip first: whatever the router streamed before its
   * answer (a peer added in WinBox a moment ago) is in the model by then. Parts the router refused stay
   * unknown; the peers and interfaces a change is checked against must be known.
   */
  async live(routerId: string): Promise<RouterState> {
    const entry = this.#require(routerId);
    await entry.loading;
    // withClient refuses with the connection's own reason when it is down.
    await this.#d.connections.withClient(routerId, (client) => client.print(SYNC_PATH, { proplist: ['name'] }));
    await entry.loading; // a reconnect may have started a new full read meanwhile
    const state = entry.model.state();
    const missing = [state.parts.interfaces, state.parts.peers].find((p) => !p.known);
    if (missing && !missing.known) {
      if (missing.problem) {
        throw new AppError('TRAP', `The router refused ${missing.problem.command} (${missing.problem.message}), so WireDesk cannot check this change against it. Nothing was sent.`, { command: missing.problem.command });
      }
      throw new AppError('OFFLINE', 'WireDesk has not finished reading this router yet. Nothing was sent; try again in a moment.');
    }
    return state;
  }

  /**
   * Those parts read again now on the given connection, applied, saved and pushed: the answer to a change
   * WireDesk just made (its own read), or a check that must not trust a stream that may have missed
   * something (an import resumed after a lost link). A changed peer keeps its status (or shows disabled)
   * until the next poll judges it as every other peer.
   */
  async readNow(routerId: string, client: RouterOsClient, parts: readonly ModelPart[]): Promise<RouterState> {
    const entry = this.#require(routerId);
    const reads = await readParts(client, parts, this.#d.now);
    entry.model.applyRead(reads, this.#d.now());
    this.#changed(routerId, entry);
    return entry.model.state();
  }

  /** One peer as read right after WireDesk changed it (a print of that `.id`). */
  applyPeerRow(routerId: string, row: Row): RouterState {
    const entry = this.#require(routerId);
    entry.model.applyPeerRow(row);
    this.#changed(routerId, entry);
    return entry.model.state();
  }

  /** Before WireDesk removes peers: their disappearance is not reported as "vanished elsewhere". */
  expectRemoval(routerId: string, ids: readonly string[]): void {
    this.#entries.get(routerId)?.model.expectRemoval(ids);
  }

  /** After WireDesk removed a peer: out of the model and out of the local copy. */
  forgetPeer(routerId: string, peer: { id: string; publicKey: string }): void {
    const entry = this.#entries.get(routerId);
    entry?.model.forgetPeer(peer.id);
    this.#d.copy.forgetPeer(routerId, peer.publicKey);
    if (entry) this.#changed(routerId, entry);
  }

  async shutdown(): Promise<void> {
    this.#unsubscribe();
    await Promise.all([...this.#entries.keys()].map((id) => this.#drop(id)));
  }

  // ---- lifecycle ----

  #entry(routerId: string): Entry {
    let entry = this.#entries.get(routerId);
    if (entry) return entry;
    const model = new RouterModel({
      routerId,
      polledStatus: (iface, publicKey) => entry?.poller?.recorder.statusOf(iface, publicKey) ?? null,
      onlineThresholdMs: () => this.#d.settings.get().onlineThresholdSec * 1000,
      now: this.#d.now,
    });
    const saved = this.#d.copy.load(routerId);
    if (saved) model.loadCopy(saved);
    const known = this.#d.routers.get(routerId);
    if (known?.routerosVersion) model.applyFacts({ identity: known.identity ?? '', version: known.routerosVersion, board: known.board ?? '', readAt: known.lastConnectedAt ?? 0 });
    model.takeChanges();
    entry = {
      model, poller: undefined, loading: undefined, generation: 0, listens: [], following: new Set(), rereading: undefined,
      polls: 0, countersSavedAt: this.#d.now(), emitTimer: undefined,
    };
    this.#entries.set(routerId, entry);
    if (this.#d.polling !== false) this.#startPoller(routerId, entry);
    return entry;
  }

  #startPoller(routerId: string, entry: Entry): void {
    const settings = this.#d.settings.get();
    const poller = new RouterPoller({
      db: this.#d.db,
      routerId,
      now: this.#d.now,
      intervalMs: settings.pollIntervalSec * 1000,
      onlineThresholdMs: settings.onlineThresholdSec * 1000,
      // One print per poll over the router's shared connection; while it is offline the read fails at
      // once and the poll is stored as a gap, never as zero traffic.
      source: { readPeers: (proplist, signal) => this.#d.connections.withClient(routerId, (c) => c.print(PEERS_PATH, { proplist, signal })) },
      // The recorder reports a transition inside the poll, before onPolled hands the same poll to the
      // model: deferred a tick, so whoever hears of it and reads the model sees the same status.
      onEvent: (event) => queueMicrotask(() => this.#d.onMonitorEvent(event)),
      onPolled: (result) => {
        if (result.ok) this.#onPoll(routerId, entry, result.rows, result.t);
      },
      log: this.#d.log,
    });
    entry.poller = poller;
    poller.start();
  }

  #onStatus(status: RouterStatus): void {
    // A new router's connection may come up before 'routers:changed' announces it.
    const entry = this.#entries.get(status.routerId) ?? (this.#d.routers.get(status.routerId) ? this.#entry(status.routerId) : undefined);
    if (!entry) return;
    if (status.state === 'online') {
      this.#follow(status.routerId, entry);
      return;
    }
    if (entry.model.source === 'live' || entry.listens.length > 0) this.#unfollow(status.routerId, entry);
  }

  /** The connection came up: read every part, and follow what RouterOS can stream. */
  #follow(routerId: string, entry: Entry): void {
    this.#stopListens(entry);
    const generation = ++entry.generation;
    entry.loading = this.#d.connections
      .withClient(routerId, async (client) => {
        const buffered: Array<[Followed, Row]> = [];
        let applying = false;
        // Listening starts before the read: a change made while the read runs arrives here and is
        // applied after it (in order), so nothing falls between the read and the stream.
        for (const part of FOLLOWED) {
          const handle = client.listen(PART_PRINTS[part].path, (row) => {
            if (entry.generation !== generation) return;
            if (!applying) buffered.push([part, row]);
            else this.#onListened(routerId, entry, part, row);
          });
          entry.listens.push(handle);
          entry.following.add(part);
          handle.done.catch((error: unknown) => {
            // A menu this router cannot stream: re-read it on the poll instead (see #onPoll).
            if (entry.generation === generation) entry.following.delete(part);
            this.#d.log('listen ended', { routerId, part, error: error instanceof Error ? error.message : String(error) });
          });
        }
        const reads = await readParts(client, MODEL_PARTS, this.#d.now);
        if (entry.generation !== generation) return;
        const facts = this.#d.connections.facts(routerId);
        if (facts) entry.model.applyFacts({ identity: facts.identity, version: facts.version, board: facts.board, readAt: this.#d.now() });
        entry.model.applyRead(reads, this.#d.now());
        applying = true;
        for (const [part, row] of buffered) this.#onListened(routerId, entry, part, row);
      })
      .catch((error: unknown) => {
        this.#d.log('router read failed', { routerId, error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => this.#changed(routerId, entry));
  }

  #unfollow(routerId: string, entry: Entry): void {
    entry.generation++;
    this.#stopListens(entry);
    entry.model.goOffline();
    this.#save(routerId, entry, true);
    this.#changed(routerId, entry);
  }

  #stopListens(entry: Entry): void {
    for (const handle of entry.listens) void handle.cancel().catch(() => undefined);
    entry.listens = [];
    entry.following.clear();
  }

  #onListened(routerId: string, entry: Entry, part: Followed, row: Row): void {
    if (entry.model.applyListened(part, row) === 'reread') this.#reread(routerId, entry, [part]);
    this.#changed(routerId, entry);
  }

  #onPoll(routerId: string, entry: Entry, rows: readonly Row[], t: number): void {
    entry.polls++;
    const parts = new Set<ModelPart>();
    if (entry.model.applyPoll(rows, t) === 'reread') parts.add('peers');
    // Menus without a stream are read again with the poll: cheap ones each time, the peer table less often.
    if (entry.model.loaded) {
      for (const part of FOLLOWED) {
        if (entry.following.has(part)) continue;
        if (part !== 'peers' || entry.polls % UNFOLLOWED_PEER_READ_EVERY === 0) parts.add(part);
      }
    }
    if (parts.size > 0) this.#reread(routerId, entry, [...parts]);
    this.#changed(routerId, entry);
  }

  #reread(routerId: string, entry: Entry, parts: readonly ModelPart[]): void {
    if (entry.rereading) return;
    const generation = entry.generation;
    entry.rereading = this.#d.connections
      .withClient(routerId, async (client) => {
        const reads = await readParts(client, parts, this.#d.now);
        if (entry.generation === generation) entry.model.applyRead(reads, this.#d.now());
      })
      .catch((error: unknown) => this.#d.log('router re-read failed', { routerId, parts, error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        entry.rereading = undefined;
        this.#changed(routerId, entry);
      });
  }

  /** Saves what changed and tells the renderer, once per burst of changes (a bulk add streams hundreds of rows). */
  #changed(routerId: string, entry: Entry): void {
    // A read that ends after the router was removed (or the app quit) has nobody left to tell.
    if (entry.emitTimer !== undefined || this.#entries.get(routerId) !== entry) return;
    entry.emitTimer = setTimeout(() => {
      entry.emitTimer = undefined;
      this.#flush(routerId, entry);
    }, 20);
    entry.emitTimer.unref?.();
  }

  #flush(routerId: string, entry: Entry): void {
    this.#save(routerId, entry, this.#d.now() - entry.countersSavedAt >= COUNTER_SAVE_MS);
    const changes = entry.model.takeChanges();
    if (changes.length > 0 && this.#entries.get(routerId) === entry) this.#d.events.emit('model:changed', { routerId, changes });
  }

  #save(routerId: string, entry: Entry, withCounters: boolean): void {
    if (!this.#d.routers.get(routerId)) return; // removed meanwhile: its copy went with it
    const changes = entry.model.takeCopyChanges(withCounters);
    if (withCounters) entry.countersSavedAt = this.#d.now();
    if (!changes) return;
    try {
      this.#d.copy.write(routerId, changes);
    } catch (error) {
      this.#d.log('local copy could not be saved', { routerId, error: error instanceof Error ? error.message : String(error) });
    }
  }

  #configure(settings: Settings): void {
    for (const entry of this.#entries.values()) {
      entry.poller?.configure({ intervalMs: settings.pollIntervalSec * 1000, onlineThresholdMs: settings.onlineThresholdSec * 1000 });
    }
  }

  async #drop(routerId: string): Promise<void> {
    const entry = this.#entries.get(routerId);
    if (!entry) return;
    this.#entries.delete(routerId);
    entry.generation++;
    this.#stopListens(entry);
    if (entry.emitTimer !== undefined) clearTimeout(entry.emitTimer);
    await entry.poller?.stop();
    this.#save(routerId, entry, true);
  }

  #require(routerId: string): Entry {
    if (!this.#d.routers.get(routerId)) throw new AppError('NOT_FOUND', `No router with id ${routerId} is configured; it may have been removed.`);
    return this.#entry(routerId);
  }
}
