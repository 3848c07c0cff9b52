// The real data plane: every /interface/wireguard row is a wireguard-go device inside the router's namespace,
// configured from the API's tables whenever they change; peer statistics come back from `wg show dump`. The
// firewall filter is enforced by nftables in the same namespace (firewall.ts), its counters read back into the rows.
import type { RouterState, DataPlaneView } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import type { PeerStats } from '../traffic/model.ts';
import type { PingSource } from '../commands/ping.ts';
import { parsePrefix } from '../values/ip.ts';
import { ADDRESS_MENUS } from '../menus/interface-names.ts';
import { INTERFACE_LISTS, LIST_MEMBERS } from '../menus/interface-lists.ts';
import { FILTER, NFT_TABLE, nftRuleset, parseCounters, type NftRuleset } from './firewall.ts';
import { run, runQuietSync, withSecretFile } from './exec.ts';
import { WireguardDevice } from './device.ts';
import { createNamespace, createUplink, uniqueSuffix, type UplinkOptions } from './namespace.ts';
import { parseDump, syncconfText } from './wg-text.ts';
import { realPing } from './ping.ts';

export interface DataPlaneOptions {
  /** veth link from the router's ether1 to the caller's namespace (or the host). */
  uplink?: UplinkOptions;
  /** Namespace name prefix; a unique suffix is added. Default `wdsim`. */
  namespacePrefix?: string;
}

/** What tests see as `sim.dataPlane`. */
export interface DataPlaneHandle {
  readonly namespace: string;
  /** The wireguard-go device behind a RouterOS interface name (device names are unique per simulator). */
  deviceName(interfaceName: string): string | undefined;
  /** Resolves once all configuration changes so far reached the devices. */
  idle(): Promise<void>;
  /** Failures while configuring devices (also logged); a test can assert this stays empty. */
  readonly errors: readonly Error[];
}

const WG = '/interface/wireguard';
const PEERS = '/interface/wireguard/peers';
const live = new Set<DataPlane>();
let exitHookInstalled = false;

/** If the process ends without close() (a crashed test run), remove namespaces and devices anyway. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const plane of live) plane.destroyNow();
  });
}

export class DataPlane implements DataPlaneView, DataPlaneHandle {
  readonly namespace: string;
  readonly errors: Error[] = [];
  readonly ping: PingSource;
  private readonly state: RouterState;
  private readonly devices = new Map<number, WireguardDevice>();
  private readonly stats = new Map<number, Map<string, PeerStats>>();
  /** The ruleset loaded in nft, and each rule's nft counter as last folded into its row. */
  private firewall: NftRuleset | undefined;
  private readonly counted = new Map<string, { packets: number; bytes: number }>();
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  private closed = false;
  private readonly unsubscribe: Array<() => void> = [];

  private constructor(namespace: string, state: RouterState) {
    this.namespace = namespace;
    this.state = state;
    this.ping = (request) => realPing(namespace, request);
  }

  static async start(state: RouterState, options: DataPlaneOptions): Promise<DataPlane> {
    installExitHook();
    const namespace = await createNamespace(options.namespacePrefix ?? 'wdsim');
    const plane = new DataPlane(namespace, state);
    live.add(plane);
    try {
      if (options.uplink) await createUplink(namespace, options.uplink);
      for (const path of [WG, PEERS, ...ADDRESS_MENUS, FILTER, INTERFACE_LISTS, LIST_MEMBERS]) {
        if (!state.hasTable(path)) continue;
        plane.unsubscribe.push(state.table(path).subscribe(() => plane.schedule()));
      }
      plane.schedule();
      await plane.idle();
      return plane;
    } catch (error) {
      await plane.close();
      throw error;
    }
  }

  deviceName(interfaceName: string): string | undefined {
    const row = this.state.table(WG).findBy('name', interfaceName);
    return row ? this.devices.get(row.id)?.name : undefined;
  }

  idle(): Promise<void> {
    return this.chain;
  }

  interfaceRunning(row: Row): boolean {
    return this.devices.get(row.id)?.alive ?? false;
  }

  peerStats(row: Row): PeerStats | undefined {
    const iface = this.state.table(WG).findBy('name', row.raw('interface') ?? '');
    return iface ? this.stats.get(iface.id)?.get(row.get('public-key') ?? '') : undefined;
  }

  async refresh(path: string): Promise<void> {
    await this.idle();
    if (path === FILTER) {
      // In turn with the loads: a read across a reload would count the old table's matches twice.
      const read = this.chain.then(() => this.readCounters()).catch((error: unknown) => this.fail(error));
      this.chain = read;
      return read;
    }
    if (path !== PEERS) return;
    for (const [id, device] of this.devices) {
      if (!device.alive) continue;
      try {
        this.stats.set(id, parseDump(await run('ip', ['netns', 'exec', this.namespace, 'wg', 'show', device.name, 'dump'])));
      } catch (error) {
        this.fail(error);
      }
    }
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    this.chain = this.chain.then(async () => {
      this.scheduled = false;
      await this.syncAll().catch((error: unknown) => this.fail(error));
    });
  }

  private fail(error: unknown): void {
    const wrapped = error instanceof Error ? error : new Error(String(error));
    this.errors.push(wrapped);
    console.error(`[sim data plane ${this.namespace}] ${wrapped.message}`);
  }

  private async syncAll(): Promise<void> {
    if (this.closed) return;
    const rows = this.state.table(WG).rows;
    for (const [id, device] of [...this.devices]) {
      if (rows.some((r) => r.id === id)) continue;
      this.devices.delete(id);
      this.stats.delete(id);
      await device.stop();
    }
    for (const row of rows) {
      try {
        await this.syncInterface(row);
      } catch (error) {
        this.fail(error);
      }
    }
    await this.syncFirewall().catch((error: unknown) => this.fail(error));
  }

  /** Loads the filter into nft when it (or a list, or a device name) changed; what was counted so far is kept. */
  private async syncFirewall(): Promise<void> {
    if (!this.state.hasTable(FILTER)) return;
    const next = nftRuleset(this.state, (name) => this.deviceName(name) ?? name);
    if (next.script === this.firewall?.script) return;
    if (this.firewall) await this.readCounters();
    await withSecretFile(next.script, (file) => run('ip', ['netns', 'exec', this.namespace, 'nft', '-f', file]));
    this.firewall = next;
    this.counted.clear();
  }

  /**
   * Adds what each rule matched since the last look to its row's packets and bytes. Counters move without a
   * change event (RouterOS's listen does not report them either), and outside safe mode's undo journal.
   */
  private async readCounters(): Promise<void> {
    if (!this.firewall) return;
    const counters = parseCounters(await run('ip', ['netns', 'exec', this.namespace, 'nft', '-j', 'list', 'table', 'ip', NFT_TABLE]));
    for (const [tag, now] of counters) {
      const row = this.firewall.rules.get(tag);
      const before = this.counted.get(tag) ?? { packets: 0, bytes: 0 };
      this.counted.set(tag, now);
      if (!row || (now.packets === before.packets && now.bytes === before.bytes)) continue;
      for (const field of ['packets', 'bytes'] as const) {
        const total = Number(row.get(field) ?? '0') + now[field] - before[field];
        row.values.set(field, Buffer.from(String(total)));
      }
    }
  }

  private async syncInterface(row: Row): Promise<void> {
    let device = this.devices.get(row.id);
    if (!device) {
      device = await WireguardDevice.start(this.namespace, `wds${uniqueSuffix()}`.slice(0, 15));
      this.devices.set(row.id, device);
    }
    const name = row.raw('name')!;
    const peers = this.state.table(PEERS).rows.filter(
      (peer) => peer.raw('interface')?.equals(name) && !peer.isDisabled(),
    );
    const ns = ['-n', this.namespace];
    await withSecretFile(syncconfText(row, peers), (file) => run('ip', ['netns', 'exec', this.namespace, 'wg', 'syncconf', device.name, file]));
    await run('ip', [...ns, 'link', 'set', device.name, 'mtu', row.get('mtu') ?? '1420', row.isDisabled() ? 'down' : 'up']);
    await this.syncAddresses(device.name, name);
  }

  private async syncAddresses(device: string, interfaceName: Buffer): Promise<void> {
    const wanted = new Set(
      ADDRESS_MENUS.filter((path) => this.state.hasTable(path)).flatMap((path) => this.state.table(path).rows)
        .filter((r) => r.raw('interface')?.equals(interfaceName) && !r.isDisabled())
        .map((r) => r.get('address')!)
        .filter((a) => parsePrefix(a) !== null),
    );
    const shown = JSON.parse(await run('ip', ['-j', '-n', this.namespace, 'addr', 'show', 'dev', device])) as Array<{
      addr_info?: Array<{ local: string; prefixlen: number; scope: string }>;
    }>;
    const info = shown[0]?.addr_info ?? [];
    const current = new Set(info.map((a) => `${a.local}/${a.prefixlen}`));
    // Link-scope (fe80::) addresses are never deleted: the kernel may have made them itself.
    for (const a of info) {
      const address = `${a.local}/${a.prefixlen}`;
      if (a.scope !== 'link' && !wanted.has(address)) await run('ip', ['-n', this.namespace, 'addr', 'del', address, 'dev', device]);
    }
    for (const address of wanted) {
      if (!current.has(address)) await run('ip', ['-n', this.namespace, 'addr', 'add', address, 'dev', device]);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stop of this.unsubscribe) stop();
    await this.chain.catch(() => undefined);
    await Promise.all([...this.devices.values()].map((device) => device.stop()));
    this.devices.clear();
    await run('ip', ['netns', 'del', this.namespace]).catch((error: unknown) => this.fail(error));
    live.delete(this);
  }

  /** Synchronous teardown for process exit. */
  destroyNow(): void {
    for (const device of this.devices.values()) device.killNow();
    runQuietSync('ip', ['netns', 'del', this.namespace]);
    live.delete(this);
  }
}
