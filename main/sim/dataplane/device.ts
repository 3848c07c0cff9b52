// One wireguard-go process: a userspace WireGuard device inside the router's namespace. Its control socket lives
// in /var/run/wireguard/<device>.sock on the shared filesystem, so device names are unique per simulator.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const SOCKET_DIR = '/var/run/wireguard';
const START_TIMEOUT_MS = 10_000;

export class WireguardDevice {
  readonly name: string;
  private readonly child: ChildProcess;
  private exited = false;
  private readonly exit: Promise<void>;

  private constructor(name: string, child: ChildProcess) {
    this.name = name;
    this.child = child;
    this.exit = new Promise((resolve) => child.once('exit', () => {
      this.exited = true;
      resolve();
    }));
  }

  static async start(namespace: string, name: string): Promise<WireguardDevice> {
    const child = spawn('ip', ['netns', 'exec', namespace, 'wireguard-go', '-f', name], {
      env: { ...process.env, WG_PROCESS_FOREGROUND: '1', LOG_LEVEL: 'error' },
      stdio: 'ignore',
    });
    const device = new WireguardDevice(name, child);
    const socket = `${SOCKET_DIR}/${name}.sock`;
    const deadline = Date.now() + START_TIMEOUT_MS;
    // wireguard-go has no readiness signal besides its control socket appearing.
    while (!existsSync(socket)) {
      if (device.exited) throw new Error(`wireguard-go exited while creating ${name}`);
      if (Date.now() > deadline) {
        await device.stop();
        throw new Error(`wireguard-go did not create ${socket} within ${START_TIMEOUT_MS} ms`);
      }
      await sleep(20);
    }
    return device;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  async stop(): Promise<void> {
    if (!this.exited) this.child.kill('SIGTERM');
    await this.exit;
    rmSync(`${SOCKET_DIR}/${this.name}.sock`, { force: true });
  }

  /** Exit-time cleanup: no waiting possible. */
  killNow(): void {
    if (!this.exited && this.child.pid !== undefined) {
      try {
        process.kill(this.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(`${SOCKET_DIR}/${this.name}.sock`, { force: true });
  }
}
