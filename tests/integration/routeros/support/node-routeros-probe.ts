// Runs node-routeros 1.6.9 in a child process against a simulator port and prints one JSON line with what
// happened. A child process, because several defects are uncaught exceptions: they would crash (or fail)
// the test runner itself. The probe records them the way an app's global handler would, waits a bounded
// time for promises to settle, and reports. Usage: node node-routeros-probe.ts <scenario> <port>
import { RouterOSAPI } from 'node-routeros';

const [scenario = '', portText = '0'] = process.argv.slice(2);
const port = Number(portText);
const uncaught: string[] = [];
process.on('uncaughtException', (error) => uncaught.push(error.message));

type Outcome = { settled: boolean; value?: unknown; error?: { message: string; category?: unknown } };

/** Waits at most `ms` for `promise`; `settled: false` means it was still pending. */
async function within(promise: Promise<unknown>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<Outcome>((resolve) => (timer = setTimeout(() => resolve({ settled: false }), ms)));
  const settled = promise.then(
    (value): Outcome => ({ settled: true, value }),
    (error: Error & { category?: unknown }): Outcome => ({
      settled: true,
      error: { message: error.message, category: error.category },
    }),
  );
  const outcome = await Promise.race([pending, settled]);
  clearTimeout(timer);
  return outcome;
}

function report(result: Record<string, unknown>): never {
  process.stdout.write(`${JSON.stringify({ ...result, uncaught })}\n`);
  process.exit(0);
}

function api(options: { timeout?: number } = {}): RouterOSAPI {
  return new RouterOSAPI({ host: '127.0.0.1', port, user: 'admin', password: '', timeout: options.timeout ?? 30 });
}

/** Tells the parent to inject its fault now, then waits for the parent's go-ahead on stdin. */
function ready(): Promise<void> {
  process.stdout.write('READY\n');
  return new Promise((resolve) => process.stdin.once('data', () => resolve()));
}

async function main(): Promise<void> {
  switch (scenario) {
    case 'fragmented': {
      // The simulator writes every reply byte by byte. A single reply that never resolves proves the
      // defect; several replies make the demonstration independent of how the OS batches the bytes.
      const conn = api();
      const login = await within(conn.connect(), 3000);
      const replies: boolean[] = [login.settled];
      for (let i = 0; i < 10 && login.settled; i++) {
        replies.push((await within(conn.write('/system/identity/print'), 1500)).settled);
        if (!replies.at(-1)) break;
      }
      report({ replies });
      break;
    }
    case 'empty': {
      const conn = api();
      await conn.connect();
      report({ print: await within(conn.write('/interface/wireguard/peers/print'), 1500) });
      break;
    }
    case 'read-comment': {
      const conn = api();
      await conn.connect();
      report({ print: await within(conn.write('/interface/wireguard/print'), 3000) });
      break;
    }
    case 'write-comment': {
      const conn = api();
      await conn.connect();
      const comment = process.env['PROBE_COMMENT'] ?? '';
      report({ set: await within(conn.write('/interface/wireguard/set', ['=numbers=wg0', `=comment=${comment}`]), 3000) });
      break;
    }
    case 'traps': {
      const conn = api();
      await conn.connect();
      report({ print: await within(conn.write('/ip/adress/print'), 3000) });
      break;
    }
    case 'fatal': {
      const conn = api();
      await conn.connect();
      let closed = false;
      conn.on('close', () => (closed = true));
      const ping = conn.write('/ping', ['=address=127.0.0.1']);
      await conn.write('/system/identity/print');
      await ready();
      report({ ping: await within(ping, 2000), closed });
      break;
    }
    case 'idle': {
      // No 'error' listener, like an app that only awaits promises; timeout is in seconds.
      const conn = api({ timeout: 1 });
      await conn.connect();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      report({ connected: conn.connected });
      break;
    }
    case 'unknown-tag': {
      const conn = api();
      await conn.connect();
      await ready();
      report({ print: await within(conn.write('/system/identity/print'), 2000) });
      break;
    }
    default:
      report({ error: `unknown scenario ${scenario}` });
  }
}

void main().catch((error: unknown) => report({ failed: String(error) }));
