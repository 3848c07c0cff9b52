import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { RawApi } from './helpers/raw-api.ts';

const CLI = new URL('../../../main/sim/cli.ts', import.meta.url).pathname;

describe('simulator CLI', () => {
  it('runs under plain Node type stripping, prints where it listens, serves logins, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--peers', '5', '--user', 'tech', '--password', 'secret', '--no-traffic'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const lines: string[] = [];
    let port = 0;
    for await (const line of createInterface({ input: child.stdout! })) {
      lines.push(line);
      const match = /listening\s+127\.0\.0\.1:(\d+)/.exec(line);
      if (match) port = Number(match[1]);
      if (line.startsWith('Press Ctrl-C')) break;
    }
    expect(lines.join('\n')).toMatch(/version\s+7\.18\.2 \(stable\)/);
    const api = await RawApi.login({ port }, 'tech', 'secret');
    expect((await api.rows(['/interface/wireguard/peers/print', '?dynamic=false'])).length).toBe(5);
    api.close();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('explains every flag with --help', async () => {
    const child = spawn(process.execPath, [CLI, '--help'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    for (const flag of ['--port', '--tls', '--anonymous-tls', '--version', '--peers', '--user', '--password', '--legacy-login', '--data-plane']) {
      expect(text).toContain(flag);
    }
  });
});
