// Traffic monitoring in the app: one poller per router reading peers over the shared connection, status
// transitions pushed to the UI, debounced desktop notifications for watched peers and for routers that
// become unreachable, and the history queries behind the Traffic screen.
import type { Db } from '../store/db.ts';
import type { RoutersRepository } from '../store/routers.ts';
import type { EventBus } from '../ipc/events.ts';
import {
  NotificationDebouncer,
  RouterPoller,
  TrafficHistory,
  maintain,
  type HistoryRange,
  type MonitorEvent,
  type Notice,
} from '../monitoring/index.ts';
import { ping } from '../routeros/menus/ping.ts';
import { PEERS_PATH } from '../routeros/menus/wireguard-peers.ts';
import type { MonitorEventData, PingResult, RateSeriesData, Settings } from '../../src/contract/index.ts';
import type { ConnectionManager } from './connections.ts';
import type { SettingsService } from './settings.ts';

export interface MonitoringDeps {
  db: Db;
  connections: ConnectionManager;
  routers: RoutersRepository;
  settings: SettingsService;
  events: EventBus;
  notify: (title: string, body: string) => void;
  now: () => number;
  log: (message: string, context: Record<string, unknown>) => void;
  /** Start pollers and the hourly rollup; tests of the queries alone may turn it off. */
  autoStart?: boolean;
}

const HOUR_MS = 3_600_000;

export class MonitoringService {
  readonly history: TrafficHistory;
  readonly #d: MonitoringDeps;
  readonly #pollers = new Map<string, RouterPoller>();
  readonly #debouncer: NotificationDebouncer;
  #maintenance: ReturnType<typeof setInterval> | undefined;
  readonly #unsubscribe: () => void;

  constructor(deps: MonitoringDeps) {
    this.#d = deps;
    this.history = new TrafficHistory({ db: deps.db, now: deps.now });
    this.#debouncer = new NotificationDebouncer({ notify: (n) => this.#notify(n), now: deps.now });
    this.#unsubscribe = deps.events.subscribe((event, payload) => {
      if (event === 'routers:changed') {
        const { reason, id } = payload as { reason: string; id: string };
        if (reason === 'added') this.#startPoller(id);
        if (reason === 'removed') this.#stopPoller(id);
      }
      if (event === 'settings:changed') this.#configure(payload as Settings);
    });
  }

  /** Starts polling every configured router and schedules rollups and retention. */
  start(): void {
    maintain(this.#d.db, this.#d.now());
    for (const router of this.#d.routers.list()) this.#startPoller(router.id);
    this.#maintenance = setInterval(() => {
      try {
        maintain(this.#d.db, this.#d.now());
      } catch (error) {
        this.#d.log('traffic rollup failed', { error });
      }
    }, HOUR_MS);
    this.#maintenance.unref();
  }

  series(input: { routerId: string; interface: string; publicKey?: string | undefined; range: HistoryRange }): RateSeriesData {
    const ref = { routerId: input.routerId, interface: input.interface, publicKey: input.publicKey };
    const series = input.range === '15m' ? this.history.live(ref) : this.history.series(ref, input.range);
    const totals = this.history.totals(ref, input.range);
    return { resolution: series.resolution, stepMs: series.stepMs, from: series.from, to: series.to, points: series.points, totals };
  }

  usageCsv(routerId: string, range: HistoryRange, delimiter: ',' | ';') {
    const name = (this.#d.routers.get(routerId)?.name ?? 'router').replace(/[^\p{L}\p{N}._-]+/gu, '-');
    const day = new Date(this.#d.now()).toISOString().slice(0, 10);
    return { fileName: `wiredesk-usage-${name}-${range}-${day}.csv`, csv: this.history.usageCsv(routerId, range, { delimiter, bom: delimiter === ';' }) };
  }

  events(routerId: string, limit: number) {
    return this.history.events({ routerId, limit }).map((e) => ({ ...e, kind: e.interface === null ? ('router' as const) : ('peer' as const) }));
  }

  /** Pings an address from the router itself (e.g. a peer's tunnel address): latency and loss. */
  async ping(routerId: string, address: string, count: number): Promise<PingResult> {
    const summary = await this.#d.connections.withClient(routerId, (client) => ping(client, { address, count, timeoutMs: count * 1_000 + 10_000 }));
    return {
      address,
      sent: summary.sent,
      received: summary.received,
      lossPercent: summary.packetLossPercent,
      minMs: summary.minRttMs ?? null,
      avgMs: summary.avgRttMs ?? null,
      maxMs: summary.maxRttMs ?? null,
      replies: summary.replies.map((r) => ({ seq: r.seq, timeMs: r.timeMs ?? null, status: r.status ?? null })),
    };
  }

  watched(routerId: string) {
    return {
      peers: this.#d.settings.watchedPeers
        .map((key) => key.split('|'))
        .filter(([id]) => id === routerId)
        .map(([, iface, publicKey]) => ({ interface: iface ?? '', publicKey: publicKey ?? '' })),
    };
  }

  setWatched(routerId: string, iface: string, publicKey: string, watched: boolean) {
    const key = watchKey(routerId, iface, publicKey);
    const others = this.#d.settings.watchedPeers.filter((k) => k !== key);
    this.#d.settings.watchedPeers = watched ? [...others, key] : others;
    return this.watched(routerId);
  }

  async shutdown(): Promise<void> {
    this.#unsubscribe();
    if (this.#maintenance) clearInterval(this.#maintenance);
    this.#debouncer.dispose();
    const pollers = [...this.#pollers.values()];
    this.#pollers.clear();
    await Promise.all(pollers.map((p) => p.stop()));
  }

  #startPoller(routerId: string): void {
    if (this.#d.autoStart === false || this.#pollers.has(routerId)) return;
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
      onEvent: (event) => this.#onEvent(event),
      log: this.#d.log,
    });
    this.#pollers.set(routerId, poller);
    poller.start();
  }

  #stopPoller(routerId: string): void {
    const poller = this.#pollers.get(routerId);
    this.#pollers.delete(routerId);
    void poller?.stop();
  }

  #configure(settings: Settings): void {
    for (const poller of this.#pollers.values()) poller.configure({ intervalMs: settings.pollIntervalSec * 1000, onlineThresholdMs: settings.onlineThresholdSec * 1000 });
  }

  #onEvent(event: MonitorEvent): void {
    this.#d.events.emit('monitor:event', toEventData(event));
    if (!this.#d.settings.get().notifications) return;
    if (event.kind === 'router' || this.#d.settings.watchedPeers.includes(watchKey(event.routerId, event.interface, event.publicKey))) {
      this.#debouncer.push(event);
    }
  }

  #notify(notice: Notice): void {
    if (!this.#d.settings.get().notifications) return;
    const event = notice.event;
    const router = this.#d.routers.get(event.routerId)?.name ?? 'A router';
    if (event.kind === 'router') {
      const title = notice.to === 'unreachable' ? `${router} is unreachable` : `${router} is reachable again`;
      this.#d.notify(title, event.detail ?? (notice.changes > 1 ? `Changed ${notice.changes} times.` : ''));
      return;
    }
    const who = event.name || `${event.publicKey.slice(0, 8)}…`;
    const flapped = notice.from === notice.to;
    const title = flapped ? `${who} is unstable` : `${who} is ${notice.to === 'online' ? 'online' : 'offline'}`;
    const body = flapped ? `${router}, ${event.interface}: went up and down ${notice.changes} times.` : `${router}, ${event.interface}`;
    this.#d.notify(title, body);
  }
}

function watchKey(routerId: string, iface: string, publicKey: string): string {
  return `${routerId}|${iface}|${publicKey}`;
}

function toEventData(event: MonitorEvent): MonitorEventData {
  if (event.kind === 'router') {
    return { kind: 'router', routerId: event.routerId, interface: null, publicKey: null, name: null, from: event.from, to: event.to, at: event.at, detail: event.detail };
  }
  return { kind: 'peer', routerId: event.routerId, interface: event.interface, publicKey: event.publicKey, name: event.name, from: event.from, to: event.to, at: event.at, detail: null };
}
