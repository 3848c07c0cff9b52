// Browser test host (tests and development only, never shipped): runs the real main-process handler
// table over real services and serves the built renderer, bridging the IPC contract over a WebSocket on
// 127.0.0.1 guarded by a random token. Chromium then exercises the real UI against real services.
// It listens on a fixed port during development (`npm run browser`), so no request may kill it: every
// handler answers failures with an error (HTTP status or error envelope) instead of throwing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { invokeContract, type Envelope } from '../../src/contract/index.ts';
import { createInvoker } from '../../main/ipc/invoker.ts';
import { createHandlers } from '../../main/ipc/handlers.ts';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../main/services/app-services.ts';
import { CONTENT_SECURITY_POLICY } from '../../main/window/security.ts';

export interface TestHostOptions extends Partial<AppServicesOptions> {
  dataDir: string;
  port?: number;
  rendererDir?: string;
}

export interface TestHost {
  /**
   * The page to open. Each read mints a fresh token: a token opens one bridge connection only (the page
   * drops it from the address bar at once), so every page load (a test's page.goto, a restart) reads it anew.
   */
  readonly url: string;
  origin: string;
  port: number;
  services: AppServices;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// How big one bridge message may be. The largest input the contract admits is a CSV import's text:
// z.string().max() counts UTF-16 code units, while WebSocket messages are UTF-8 bytes of JSON text. One code unit
// takes at most 6 bytes there: JSON.stringify writes control characters and lone surrogates as \uXXXX (6 bytes),
// any other character of the Basic Multilingual Plane is at most 3 bytes of UTF-8, and a surrogate pair (2 units)
// is 4. So 6 bytes per character admits every CSV the contract admits, plus 64 KiB for the rest of the message
// (id, channel, router, interface, name). The limit follows the contract's own number.
const CSV_MAX_CHARS = invokeContract['peers:importPreview'].input.shape.csv.maxLength ?? 5_000_000;
export const MAX_MESSAGE_BYTES = 6 * CSV_MAX_CHARS + 64 * 1024;
/**
 * What the WebSocket layer buffers at most. Between MAX_MESSAGE_BYTES and this the host answers with an error
 * envelope on a connection that stays open; beyond it ws closes the connection (1009) without handing the message
 * on, which bounds the memory one message can take.
 */
export const WS_MAX_PAYLOAD = 2 * MAX_MESSAGE_BYTES;

export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../..', process.env.WIREDESK_OUT ?? 'out', 'renderer');

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  await stat(join(rendererDir, 'index.html')).catch(() => {
    throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
  });
  const services = await createAppServices({
    appVersion: 'test-host',
    platform: process.platform,
    notify: () => {},
    autoDemo: false,
    // Tests talk only to loopback: names the doctor would resolve get no answer, as without a network.
    resolveHost: () => Promise.resolve(null),
    ...options,
  });
  const invoke = createInvoker(createHandlers(services), {
    onUnexpectedError: (channel, error) => console.error(`[test-host] ${channel} failed:`, error),
  });
  // Tokens handed out in page URLs and not used yet; a connection that presents one uses it up.
  const unusedTokens = new Set<string>();
  const mintToken = () => {
    const token = randomBytes(24).toString('base64url');
    unusedTokens.add(token);
    return token;
  };

  const server = createServer((req, res) => {
    serveStatic(rendererDir, req, res).catch((error: unknown) => {
      console.error('[test-host] serving', req.url, 'failed:', error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  const clients = new Set<WebSocket>();
  let origin = '';

  server.on('upgrade', (req, socket, head) => {
    // Node takes its own error handler off an upgraded socket: without one, a peer's reset would crash the host.
    socket.on('error', () => socket.destroy());
    const refuse = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      refuse('400 Bad Request');
      return;
    }
    // Why both checks: the token keeps other local processes out; the Origin check keeps other web pages
    // open in the same browser from driving the bridge (a WebSocket is not subject to CORS). The token is
    // checked last, so that an attempt refused for its path or Origin leaves it for the page it was made for.
    if (url.pathname !== '/bridge' || req.headers.origin !== origin || !takeToken(unusedTokens, url.searchParams.get('token'))) {
      refuse('403 Forbidden');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      // ws reports protocol faults and messages over WS_MAX_PAYLOAD here, then closes the connection (1009 for size);
      // without a listener the error would be thrown and end the process.
      ws.on('error', (error) => console.error('[test-host] bridge connection:', error.message));
      const answer = (id: number, result: Envelope<unknown>) => {
        if (ws.readyState !== ws.OPEN) return;
        try {
          ws.send(JSON.stringify({ id, result }));
        } catch (error) {
          console.error(`[test-host] answer to ${id} could not be sent:`, error);
        }
      };
      ws.on('message', (data) => {
        const text = messageBuffer(data);
        if (text.length > MAX_MESSAGE_BYTES) {
          const id = leadingId(text);
          // Without an id there is no request to answer; closing makes the page fail its pending calls at once.
          if (id === undefined) ws.close(1009, 'Message too large');
          else answer(id, tooLarge(text.length));
          return;
        }
        let msg: unknown;
        try {
          msg = JSON.parse(text.toString('utf8'));
        } catch {
          return;
        }
        if (typeof msg !== 'object' || msg === null) return;
        const { id, channel, input } = msg as { id?: unknown; channel?: unknown; input?: unknown };
        if (typeof id !== 'number') return;
        // The invoker turns failures into envelopes; should it still throw (a bug), the page gets one too.
        void invoke(channel, input)
          .catch((error: unknown): Envelope<unknown> => {
            console.error(`[test-host] ${String(channel)} threw:`, error);
            return { ok: false, error: { code: 'INTERNAL', message: `Unexpected error in ${String(channel)}: ${error instanceof Error ? error.message : String(error)}` } };
          })
          .then((result) => answer(id, result));
      });
    });
  });

  const unsubscribe = services.events.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    get url() {
      return `${origin}/?token=${mintToken()}`;
    },
    origin,
    port,
    services,
    async close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      wss.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await services.shutdown();
    },
  };
}

/**
 * Whether `given` is one of the unused tokens; if so it is used up (a token opens one connection). Compared in
 * constant time against every unused token, so that timing tells nothing about them.
 */
function takeToken(unused: Set<string>, given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  let found: string | undefined;
  for (const token of unused) {
    const b = Buffer.from(token);
    if (a.length === b.length && timingSafeEqual(a, b)) found = token;
  }
  if (found === undefined) return false;
  unused.delete(found);
  return true;
}

function messageBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** The id of a request as the page's bridge writes it (`{"id":7,...`), read from its first bytes only. */
function leadingId(text: Buffer): number | undefined {
  const match = /^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(text.subarray(0, 64).toString('latin1'));
  return match ? Number(match[1]) : undefined;
}

/** BAD_INPUT as for any input the contract refuses (the CSV's own limit is reported so too). */
function tooLarge(bytes: number): Envelope<unknown> {
  return {
    ok: false,
    error: {
      code: 'BAD_INPUT',
      message: `The request is too large for the test host (${bytes} bytes; ${MAX_MESSAGE_BYTES} at most).`,
      details: { bytes, maxBytes: MAX_MESSAGE_BYTES },
    },
  };
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let pathname: string;
  try {
    // Both throw on what a client may send: new URL on `//` (no host), decodeURIComponent on `%E0%A4%A`.
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  if (!file.startsWith(root + sep) || req.method !== 'GET') {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}
