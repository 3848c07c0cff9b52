// The phone of the real-tunnel test: its own network namespace with its own wireguard-go device, configured
// from a wg-quick config text the way wg-quick would (minus DNS, which a namespace test cannot use).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function sh(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr || error.message}\n${stdout}`)) : resolve(stdout));
  });
}

/** Lines only wg-quick understands; `wg setconf` refuses them. */
const WG_QUICK_ONLY = new Set(['address', 'dns', 'mtu', 'table', 'preup', 'postup', 'predown', 'postdown', 'saveconfig']);

/** What `wg setconf` takes, and the addresses wg-quick would put on the device. */
export function splitWgQuick(text: string): { wgConf: string; addresses: string[] } {
  const addresses: string[] = [];
  const kept = text.split('\n').filter((line) => {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.*)$/.exec(line);
    if (!m || !WG_QUICK_ONLY.has(m[1]!.toLowerCase())) return true;
    if (m[1]!.toLowerCase() === 'address') addresses.push(...m[2]!.split(',').map((a) => a.trim()).filter(Boolean));
    return false;
  });
  return { wgConf: kept.join('\n'), addresses };
}

let counter = 0;

export class ClientDevice {
  readonly namespace: string;
  readonly device: string;
  #wireguard: ChildProcess | undefined;
  #namespaceMade = false;

  constructor() {
    const id = `${process.pid.toString(36)}${(++counter).toString(36)}`;
    this.namespace = `wdtun-${id}`;
    this.device = `wdt${id}`.slice(0, 15);
  }

  async createNamespace(): Promise<void> {
    this.#namespaceMade = true;
    await sh('ip', ['netns', 'add', this.namespace]);
    await sh('ip', ['-n', this.namespace, 'link', 'set', 'lo', 'up']);
  }

  /** Starts the device and applies `configText`; `routes` go via the device (what the test pings). */
  async apply(configText: string, routes: readonly string[]): Promise<void> {
    this.#wireguard = spawn('ip', ['netns', 'exec', this.namespace, 'wireguard-go', '-f', this.device], {
      env: { ...process.env, WG_PROCESS_FOREGROUND: '1', LOG_LEVEL: 'error' },
      stdio: 'ignore',
    });
    const child = this.#wireguard;
    // wireguard-go's only readiness signal is its control socket appearing.
    while (!existsSync(`/var/run/wireguard/${this.device}.sock`)) {
      if (child.exitCode !== null) throw new Error(`wireguard-go exited (${child.exitCode}) while creating ${this.device}`);
      await sleep(20);
    }
    const { addresses } = splitWgQuick(configText);
    await this.reconfigure(configText);
    for (const address of addresses) await sh('ip', ['-n', this.namespace, 'addr', 'add', address, 'dev', this.device]);
    await sh('ip', ['-n', this.namespace, 'link', 'set', this.device, 'up']);
    for (const route of routes) await sh('ip', ['-n', this.namespace, 'route', 'add', route, 'dev', this.device]);
  }

  /** The config's keys and peer set on the running device (`wg setconf`), as importing a new config on a phone does. */
  async reconfigure(configText: string): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'wdtun-'));
    try {
      writeFileSync(join(dir, 'wg.conf'), splitWgQuick(configText).wgConf, { mode: 0o600 });
      await this.exec(['wg', 'setconf', this.device, join(dir, 'wg.conf')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  exec(args: readonly string[]): Promise<string> {
    return sh('ip', ['netns', 'exec', this.namespace, ...args]);
  }

  /** Safe to call whatever was created so far, and more than once. */
  async destroy(): Promise<void> {
    const child = this.#wireguard;
    this.#wireguard = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(`/var/run/wireguard/${this.device}.sock`, { force: true });
    if (this.#namespaceMade) {
      this.#namespaceMade = false;
      await sh('ip', ['netns', 'del', this.namespace]).catch(() => undefined);
    }
  }
}
