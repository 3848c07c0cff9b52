// Runs node-routeros-probe.ts in a child Node process and returns its JSON report.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./node-routeros-probe.ts', import.meta.url));

export interface ProbeReport {
  uncaught: string[];
  [key: string]: unknown;
}

export function runProbe(
  scenario: string,
  port: number,
  options: { onReady?: () => void | Promise<void>; env?: Record<string, string> } = {},
): Promise<ProbeReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PROBE, scenario, String(port)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('READY\n') && options.onReady) {
        const hook = options.onReady;
        options.onReady = undefined;
        void Promise.resolve(hook()).then(() => child.stdin.write('go\n'));
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as ProbeReport);
      } catch {
        reject(new Error(`probe ${scenario} exited with ${code} without a report:\n${stdout}\n${stderr}`));
      }
    });
  });
}
