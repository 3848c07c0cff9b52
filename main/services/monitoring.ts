// Traffic monitoring in the app: status transitions (decided by each router model's poller) pushed to the
// UI, debounced desktop notifications for watched peers and for routers that become unreachable, the
// hourly rollup, and the history queries behind the Traffic screen.
import type { Db } from '../store/db.ts';
import type { RoutersRepository } from '../store/routers.ts';
import type { EventBus } from '../ipc/events.ts';
import {
  NotificationDebouncer,
  TrafficHistory,
  maintain,
  type HistoryRange,
  type MonitorEvent,
  type Notice,
} from '../monitoring/index.ts';
import { ping } from '../routeros/menus/ping.ts';
import type { MonitorEventData, PingResult, RateSeriesData } from '../../src/contract/index.ts';
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
  /** Start the hourly rollup; tests of the queries alone may turn it off. */
  autoStart?: boolean;
}

const HOUR_MS = 3_600_000;

export class MonitoringService {
  readonly history: TrafficHistory;
  readonly #d: MonitoringDeps;
  readonly #debouncer: NotificationDebouncer;
  #maintenance: ReturnType<typeof setInterval> | undefined;

  constructor(deps: MonitoringDeps) {
    this.#d = deps;
    this.history = new TrafficHistory({ db: deps.db, now: deps.now });
    this.#debouncer = new NotificationDebouncer({ notify: (n) => this.#notify(n), now: deps.now });
  }

  /** Schedules rollups and retention (the polls themselves belong to the router models). */
  start(): void {
    if (this.#d.autoStart === false) return;
    maintain(this.#d.db, this.#d.now());
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
    if (this.#maintenance) clearInterval(this.#maintenance);
    this.#debouncer.dispose();
  }

  /** A stored status transition, right after the poll that found it committed: pushed, and maybe notified. */
  onMonitorEvent(event: MonitorEvent): void {
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
