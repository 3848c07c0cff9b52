// A "remote site" for data-plane tests: its own network namespace with its own wireguard-go device.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function sh(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, (error, stdout, stderr) =>
      error ? reject(new Error(`${command} ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout));
  });
}

export class ClientNamespace {
  readonly name: string;
  readonly device: string;
  private wireguard: ChildProcess | undefined;

  constructor(tag: string) {
    const id = `${process.pid.toString(36)}${tag}`;
    this.name = `wdtest-${id}`;
    this.device = `wdc${id}`.slice(0, 15);
  }

  async create(): Promise<void> {
    await sh('ip', ['netns', 'add', this.name]);
    await sh('ip', ['-n', this.name, 'link', 'set', 'lo', 'up']);
  }

  /** Starts wireguard-go in the namespace and configures it as a road-warrior client of the router. */
  async startWireguard(config: { privateKey: string; address: string; peerPublicKey: string; endpoint: string; allowedIps: string }): Promise<void> {
    this.wireguard = spawn('ip', ['netns', 'exec', this.name, 'wireguard-go', '-f', this.device], {
      env: { ...process.env, WG_PROCESS_FOREGROUND: '1' },
      stdio: 'ignore',
    });
    while (!existsSync(`/var/run/wireguard/${this.device}.sock`)) await sleep(20);
    const conf = `[Interface]\nPrivateKey = ${config.privateKey}\n\n[Peer]\nPublicKey = ${config.peerPublicKey}\nEndpoint = ${config.endpoint}\nAllowedIPs = ${config.allowedIps}\nPersistentKeepalive = 5\n`;
    const dir = mkdtempSync(join(tmpdir(), 'wdtest-'));
    try {
      writeFileSync(join(dir, 'wg.conf'), conf, { mode: 0o600 });
      await sh('ip', ['netns', 'exec', this.name, 'wg', 'setconf', this.device, join(dir, 'wg.conf')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await sh('ip', ['-n', this.name, 'addr', 'add', config.address, 'dev', this.device]);
    await sh('ip', ['-n', this.name, 'link', 'set', this.device, 'up']);
  }

  exec(args: string[]): Promise<string> {
    return sh('ip', ['netns', 'exec', this.name, ...args]);
  }

  async destroy(): Promise<void> {
    if (this.wireguard && this.wireguard.exitCode === null) {
      const exited = new Promise((resolve) => this.wireguard!.once('exit', resolve));
      this.wireguard.kill('SIGTERM');
      await exited;
    }
    rmSync(`/var/run/wireguard/${this.device}.sock`, { force: true });
    await sh('ip', ['netns', 'del', this.name]).catch(() => undefined);
  }
}
