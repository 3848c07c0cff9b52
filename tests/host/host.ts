// Browser test host (tests and development only, never shipped): runs the real main-process handler
// table over real services and serves the built renderer, bridging the IPC contract over a WebSocket on
// 127.0.0.1 guarded by a random token. Chromium then exercises the real UI against real services.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
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
  url: string;
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
  const token = randomBytes(24).toString('base64url');

  const server = createServer((req, res) => void serveStatic(rendererDir, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  const clients = new Set<WebSocket>();
  let origin = '';

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // Why both checks: the token keeps other local processes out; the Origin check keeps other web pages
    // open in the same browser from driving the bridge (a WebSocket is not subject to CORS).
    if (url.pathname !== '/bridge' || !tokenMatches(url.searchParams.get('token'), token) || req.headers.origin !== origin) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', (data) => {
        let msg: { id?: unknown; channel?: unknown; input?: unknown };
        try {
          msg = JSON.parse(String(data)) as typeof msg;
        } catch {
          return;
        }
        if (typeof msg.id !== 'number') return;
        const id = msg.id;
        void invoke(msg.channel, msg.input).then((result) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
        });
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
    url: `${origin}/?token=${token}`,
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

function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
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
