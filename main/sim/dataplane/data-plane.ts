// The real data plane: every /interface/wireguard row is a wireguard-go device inside the router's namespace,
// configured from the API's tables whenever they change; peer statistics come back from `wg show dump`.
import type { RouterState, DataPlaneView } from '../state/router-state.ts';
import type { Row } from '../state/row.ts';
import type { PeerStats } from '../traffic/model.ts';
import type { PingSource } from '../commands/ping.ts';
import { parsePrefix } from '../values/ip.ts';
import { ADDRESS_MENUS } from '../menus/interface-names.ts';
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
      for (const path of [WG, '/interface/wireguard/peers', ...ADDRESS_MENUS]) {
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

  async refresh(): Promise<void> {
    await this.idle();
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
  }

  private async syncInterface(row: Row): Promise<void> {
    let device = this.devices.get(row.id);
    if (!device) {
      device = await WireguardDevice.start(this.namespace, `wds${uniqueSuffix()}`.slice(0, 15));
      this.devices.set(row.id, device);
    }
    const name = row.raw('name')!;
    const peers = this.state.table('/interface/wireguard/peers').rows.filter(
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
