// The simulated router: one table per menu, the traffic model, and (optionally) the real data plane.
// Tests reach it as `sim.state` to set up and assert; the API session works on the same object.
import { IdAllocator, Table } from './table.ts';
import type { Row } from './row.ts';
import type { MenuSpec } from '../menus/spec.ts';
import type { RouterVersion } from '../version.ts';
import { buildMenus } from '../menus/registry.ts';
import { INTERFACE_MENUS } from '../menus/interface-names.ts';
import { TrafficModel, type PeerOverride, type PeerStats } from '../traffic/model.ts';
import { addRow, menuRows, recordToMap, removeRows, resolveRows, setRows } from '../commands/modify.ts';
import { propsToRecord, renderRow } from '../menus/render.ts';
import { traps } from '../trap.ts';
import type { PingSource } from '../commands/ping.ts';
import { SafeMode } from './safe-mode.ts';
import { NTP_CLIENT, ntpStatus } from '../menus/ntp-client.ts';

/** Runs RouterOS script text as the router does (set by the simulator; see script/engine.ts). */
export interface ScriptHost {
  run(text: string, options: ScriptRunOptions): Promise<ScriptRunRecord>;
}

export interface ScriptRunOptions {
  /** `scheduler`, `script` (/system/script run) or `sim` (sim.scripts.run from a test). */
  origin: 'scheduler' | 'script' | 'sim';
  /** Scheduler entry or script name. */
  name?: string;
  /** Policies the script runs with (the entry's or script's `policy`). */
  policies: ReadonlySet<string>;
  owner: string;
}

export interface ScriptRunRecord {
  origin: ScriptRunOptions['origin'];
  name: string | undefined;
  startedAt: number;
  finishedAt: number;
  /** Commands that ran to completion. */
  commandsRun: number;
  /** Set when the script stopped at an error: the line (1-based) and the router's message. */
  error: { line: number; message: string } | undefined;
}

/** Changes to these do not count as the router undoing a change (scheduler bookkeeping, the log). */
const BOOKKEEPING = new Set(['/system/scheduler', '/system/script', '/log']);

export interface Clock {
  now(): number;
}

export interface Hardware {
  boardName: string;
  architecture: string;
  cpu: string;
  cpuCount: number;
  cpuFrequency: number;
  totalMemory: number;
  totalHdd: number;
  freeHdd: number;
  factorySoftware: string;
  buildTime: Date;
  /** Uptime already behind the router when the simulator starts. */
  baseUptimeSeconds: number;
  publicAddress: string;
  dnsName: string;
}

/** What the real data plane offers the menus; present only with the `dataPlane` option. */
export interface DataPlaneView {
  readonly namespace: string;
  interfaceRunning(row: Row): boolean;
  peerStats(row: Row): PeerStats | undefined;
  /** Reads fresh counters from the devices and the firewall before a print of `path`. */
  refresh(path: string): Promise<void>;
  /** Resolves when every configuration change so far has reached the devices. */
  idle(): Promise<void>;
  /** Real ICMP from inside the router's namespace. */
  ping?: PingSource;
}

type AttrValue = string | Buffer | number | boolean;
const PEERS = '/interface/wireguard/peers';

export class RouterState {
  readonly version: RouterVersion;
  readonly clock: Clock;
  readonly seed: number;
  readonly hardware: Hardware;
  readonly traffic: TrafficModel;
  dataPlane: DataPlaneView | undefined;
  readonly safeMode = new SafeMode();
  /** Scheduler entries and scripts: runs since start and the next run (kept beside the rows: not configuration). */
  readonly runInfo = new WeakMap<Row, { runCount: number; nextRun?: number; lastStarted?: number }>();
  /** Set by the simulator: the script interpreter (script/engine.ts). */
  scripts: ScriptHost | undefined;
  /** Configuration changes so far outside scheduler/script/log bookkeeping (tells whether a script changed anything). */
  configChanges = 0;
  /**
   * Private keys the seeded road-warrior devices hold (public key -> private key, base64). A router never
   * has them; the demo hands them to WireDesk as if it had created those peers, so their configs exist.
   */
  readonly clientKeys = new Map<string, string>();
  private readonly menus: Map<string, MenuSpec>;
  private readonly tables = new Map<string, Table>();
  private readonly startedAt: number;
  private readonly seenHandshakes = new Map<number, number | undefined>();
  /** What NTP moved the wall clock by, against the simulator's clock. */
  private wallOffset = 0;
  /** Whether the simulated internet's NTP servers answer (simulator option `ntpReachable`). */
  ntpReachable = true;

  constructor(options: { version: RouterVersion; clock: Clock; seed: number; hardware: Hardware }) {
    this.version = options.version;
    this.clock = options.clock;
    this.seed = options.seed;
    this.hardware = options.hardware;
    this.traffic = new TrafficModel(options.seed);
    this.startedAt = options.clock.now();
    this.menus = buildMenus(options.version);
    const interfaceIds = new IdAllocator(1);
    for (const menu of this.menus.values()) {
      if (menu.rows) continue;
      const table = new Table(menu.path, menu.path in INTERFACE_MENUS ? interfaceIds : new IdAllocator(1));
      // The log is not configuration: Safe Mode does not undo it (tarikin reference: ":log info - NOT rolled back").
      if (menu.path !== '/log') {
        table.onChange = (changed, undo) => {
          if (!BOOKKEEPING.has(changed.path)) this.configChanges++;
          this.safeMode.record(undo);
        };
      }
      this.tables.set(menu.path, table);
    }
    for (const menu of this.menus.values()) {
      if (menu.kind === 'singleton') addRow(this, { ...menu, prepare: undefined }, new Map());
    }
    if (this.tables.has(PEERS)) {
      this.table(PEERS).subscribe((event) => {
        if (event.kind !== 'remove') return;
        this.traffic.forget(event.row.id);
        this.seenHandshakes.delete(event.row.id);
      });
    }
  }

  /**
   * The router's wall clock (/system/clock, /log, the scheduler): the simulator's clock, until the NTP client
   * synchronizes it with the simulated internet's time (this computer's clock). It keeps what NTP set after the
   * client is turned off, as a real clock does.
   */
  now(): number {
    const ntp = this.tables.get(NTP_CLIENT)?.rows[0];
    if (ntp && ntpStatus(ntp, this) === 'synchronized') this.wallOffset = Date.now() - this.clock.now();
    return this.clock.now() + this.wallOffset;
  }

  /** The traffic model's time: the simulator's clock, which nothing on the router sets. */
  modelNow(): number {
    return this.clock.now();
  }

  uptimeSeconds(): number {
    return this.hardware.baseUptimeSeconds + Math.max(0, this.modelNow() - this.startedAt) / 1000;
  }

  menu(path: string): MenuSpec | undefined {
    return this.menus.get(path);
  }

  menuPaths(): string[] {
    return [...this.menus.keys()];
  }

  hasTable(path: string): boolean {
    return this.tables.has(path);
  }

  /** The rows of a menu, e.g. `table('/interface/wireguard/peers').rows`. */
  table(path: string): Table {
    const table = this.tables.get(path);
    if (!table) throw new Error(`no table ${path} in RouterOS ${this.version.text}`);
    return table;
  }

  private requireMenu(path: string): MenuSpec {
    const menu = this.menus.get(path);
    if (!menu) throw new Error(`no menu ${path} in RouterOS ${this.version.text}`);
    return menu;
  }

  /** Adds a row with the same checks as the API (throws SimTrap); `dynamic` rows are read-only over the API. */
  add(path: string, attrs: Readonly<Record<string, AttrValue>>, options: { dynamic?: boolean } = {}): Row {
    return addRow(this, this.requireMenu(path), recordToMap(attrs), options);
  }

  /** Sets attributes on the row with this id (`*1A`) or name; singleton menus ignore `id`. */
  set(path: string, id: string, attrs: Readonly<Record<string, AttrValue>>): void {
    const menu = this.requireMenu(path);
    setRows(this, menu, this.rowsFor(menu, id), recordToMap(attrs));
  }

  remove(path: string, id: string): void {
    const menu = this.requireMenu(path);
    removeRows(this, menu, resolveRows(this, menu, Buffer.from(id, 'latin1')));
  }

  /** What an admin's print would return, as UTF-8 strings. */
  print(path: string): Array<Record<string, string>> {
    const menu = this.requireMenu(path);
    return menuRows(this, menu).map((row) => propsToRecord(renderRow(menu, row, this, { sensitive: true })));
  }

  private rowsFor(menu: MenuSpec, id: string): Row[] {
    if (menu.kind === 'singleton') return [...this.table(menu.path).rows];
    return resolveRows(this, menu, Buffer.from(id, 'latin1'));
  }

  /** A peer moves traffic only while it and its interface are enabled. */
  isPeerActive(row: Row): boolean {
    if (row.isDisabled()) return false;
    const iface = this.table('/interface/wireguard').findBy('name', row.raw('interface') ?? '');
    return iface !== undefined && !iface.isDisabled();
  }

  peerStats(row: Row): PeerStats {
    const real = this.dataPlane?.peerStats(row);
    if (this.dataPlane) return real ?? { rx: 0, tx: 0, lastHandshakeAt: undefined, endpoint: undefined };
    return this.traffic.stats(row.id, this.modelNow(), this.isPeerActive(row));
  }

  private peer(id: string): Row {
    const row = this.table(PEERS).find(id);
    if (!row) throw traps.noSuchItem();
    return row;
  }

  /** Pins exact counters / handshake age / endpoint on a peer (simulated traffic only). */
  setPeerTraffic(id: string, override: PeerOverride): void {
    const row = this.peer(id);
    this.traffic.pin(row.id, override, this.modelNow(), this.isPeerActive(row));
    this.table(PEERS).touch(row);
  }

  /** rx/tx back to zero for one peer, or for all (as after a reboot). */
  resetCounters(id?: string): void {
    const rows = id === undefined ? this.table(PEERS).rows : [this.peer(id)];
    for (const row of rows) this.traffic.resetCounters(row.id, this.modelNow(), this.isPeerActive(row));
  }

  /** Brings traffic up to the clock and tells listeners about peers whose handshake or endpoint changed. */
  tick(): void {
    if (!this.tables.has(PEERS) || this.dataPlane) return;
    const table = this.table(PEERS);
    for (const row of table.rows) {
      const at = this.peerStats(row).lastHandshakeAt;
      const known = this.seenHandshakes.has(row.id);
      if (known && this.seenHandshakes.get(row.id) !== at) table.touch(row);
      this.seenHandshakes.set(row.id, at);
    }
  }

  /** Before reading a menu: peer statistics and rule counters of the real data plane are fetched fresh. */
  async refresh(path: string): Promise<void> {
    await this.dataPlane?.refresh(path);
  }

  /** The time handshake ages are measured against: wall-clock for the real data plane (wg reports epoch seconds). */
  statsNow(): number {
    return this.dataPlane ? Date.now() : this.modelNow();
  }

  /** Appends a /log entry (`topics` as RouterOS prints them: `script,error`). */
  log(topics: string, message: string): void {
    if (!this.tables.has('/log')) return;
    const table = this.table('/log');
    table.insert(new Map([
      ['at', Buffer.from(String(this.now()))],
      ['topics', Buffer.from(topics)],
      ['message', Buffer.from(message)],
    ]));
    // RouterOS keeps 1000 lines in memory by default (/system logging action memory-lines).
    while (table.size > 1000) table.delete(table.rows[0]!);
  }

  async settled(): Promise<void> {
    await this.dataPlane?.idle();
  }
}
