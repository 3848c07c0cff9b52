// The browser test host (tests/host/host.ts) listens on a fixed port during development, so no request may
// kill it: malformed URLs get 400, messages over its size limit get an error envelope on a connection that
// stays usable, and the limit admits every CSV the contract admits. Its bridge token opens one connection
// only; every page URL it hands out carries a fresh one. All traffic stays on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Envelope } from '../../../src/contract/index.ts';
import { MAX_MESSAGE_BYTES, WS_MAX_PAYLOAD, startTestHost, type TestHost } from '../../host/host.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/run-host.ts', import.meta.url));
const CSV_MAX_CHARS = 5_000_000; // src/contract/management.ts: the import's csv field

interface Dirs {
  rendererDir: string;
  dataDir: string;
  remove(): void;
}

function makeDirs(): Dirs {
  const rendererDir = mkdtempSync(join(tmpdir(), 'wiredesk-host-renderer-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'wiredesk-host-data-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>WireDesk</title>');
  return {
    rendererDir,
    dataDir,
    remove() {
      rmSync(rendererDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface ChildHost {
  origin: string;
  urls: string[];
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

/** The host in its own process, as `npm run browser` runs it: a crash there shows as an exit, not a test error. */
async function startChildHost(dirs: Dirs): Promise<ChildHost> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', FIXTURE, dirs.rendererDir, dirs.dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    void exited.then(() => reject(new Error(`the host exited before it started:\n${stderr}`)));
  });
  const { origin, urls } = JSON.parse(line) as { origin: string; urls: string[] };
  return {
    origin,
    urls,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function tokenOf(pageUrl: string): string {
  return new URL(pageUrl).searchParams.get('token') ?? '';
}

/** Opens the bridge as the page does (same Origin header); rejects with the server's refusal (its HTTP status). */
function openBridge(origin: string, token: string, headerOrigin = origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/bridge?token=${encodeURIComponent(token)}`, { origin: headerOrigin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closed(ws: WebSocket): Promise<number> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** Sends `text` and waits for the answer with `id`; rejects if the connection closes first. */
function request(ws: WebSocket, id: number, text: string): Promise<Envelope<unknown>> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: Envelope<unknown> };
      if (msg.id !== id || !msg.result) return;
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(msg.result);
    };
    const onClose = (code: number) => reject(new Error(`the host closed the connection (${code}) instead of answering ${id}`));
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(text);
  });
}

let nextId = 1;
function call(ws: WebSocket, channel: string, input?: unknown): Promise<Envelope<unknown>> {
  const id = nextId++;
  return request(ws, id, JSON.stringify({ id, channel, input }));
}

/** A peers:importPreview message whose UTF-8 text is exactly `bytes` long (csv of 'a's). */
function previewOfBytes(id: number, bytes: number): string {
  const shell = JSON.stringify({ id, channel: 'peers:importPreview', input: { routerId: 'no-such-router', interface: 'wg0', csv: '' } });
  const text = JSON.stringify({ id, channel: 'peers:importPreview', input: { routerId: 'no-such-router', interface: 'wg0', csv: 'a'.repeat(bytes - shell.length) } });
  expect(Buffer.byteLength(text)).toBe(bytes);
  return text;
}

function isTransportRefusal(answer: Envelope<unknown>): boolean {
  return !answer.ok && answer.error.details?.maxBytes !== undefined;
}

/** Sends a raw HTTP request over loopback and returns the status line of the answer ('' when the socket closed without one). */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
  });
}

describe('the browser test host survives bad requests', () => {
  let dirs: Dirs;
  let host: ChildHost;

  // A host of its own for each test: one that a request kills fails that test only.
  beforeEach(async () => {
    dirs = makeDirs();
    host = await startChildHost(dirs);
  });
  afterEach(async () => {
    await host?.stop();
    dirs?.remove();
  });

  async function expectStillServing(): Promise<void> {
    expect(host.child.exitCode, host.stderr()).toBeNull();
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>WireDesk</title>');
  }

  it('answers 400 to malformed URLs and keeps serving', async () => {
    // %E0%A4%A and % break decodeURIComponent; // breaks new URL (an empty host after the scheme).
    for (const path of ['/%E0%A4%A', '/%', '//', '/assets/%C0']) {
      const res = await fetch(`${host.origin}${path}`);
      expect(res.status, path).toBe(400);
    }
    await expectStillServing();
  });

  it('refuses a WebSocket upgrade with a malformed URL and keeps serving', async () => {
    const port = Number(new URL(host.origin).port);
    const upgrade = (target: string) =>
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${host.origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
    expect(await rawRequest(port, upgrade('//'))).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(await rawRequest(port, upgrade('/bridge?token=%E0%A4%A'))).toMatch(/^HTTP\/1\.1 4\d\d /);
    await expectStillServing();
  });

  it('passes a 5,000,000-character CSV preview to the app, which answers it', async () => {
    const ws = await openBridge(host.origin, tokenOf(host.urls[0]!));
    try {
      // No router by that id: the app's own answer, not the transport's refusal.
      const plain = await call(ws, 'peers:importPreview', { routerId: 'no-such-router', interface: 'wg0', csv: 'name,address\n'.padEnd(CSV_MAX_CHARS, 'a') });
      expect(plain).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(isTransportRefusal(plain)).toBe(false);
      // The worst case per character: JSON writes a control character as \u0001, 6 bytes for one character.
      const worst = await call(ws, 'peers:importPreview', { routerId: 'no-such-router', interface: 'wg0', csv: '\u0001'.repeat(CSV_MAX_CHARS) });
      expect(worst).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // One character more: the contract refuses it with its own sentence; the transport lets it through.
      const over = await call(ws, 'peers:importPreview', { routerId: 'no-such-router', interface: 'wg0', csv: 'a'.repeat(CSV_MAX_CHARS + 1) });
      expect(over).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('too large (5 MB at most)') as unknown } });
      expect(isTransportRefusal(over)).toBe(false);
    } finally {
      ws.close();
    }
    await expectStillServing();
  }, 60_000);

  it('answers a message over its size limit with an error envelope; the connection stays usable', async () => {
    expect(MAX_MESSAGE_BYTES).toBeGreaterThanOrEqual(6 * CSV_MAX_CHARS);
    const ws = await openBridge(host.origin, tokenOf(host.urls[1]!));
    try {
      // At the limit the message reaches the app, whose contract refuses a CSV of some 30 million characters.
      const atLimit = await request(ws, 1001, previewOfBytes(1001, MAX_MESSAGE_BYTES));
      expect(isTransportRefusal(atLimit)).toBe(false);
      expect(atLimit).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('too large (5 MB at most)') as unknown } });

      const overLimit = await request(ws, 1002, previewOfBytes(1002, MAX_MESSAGE_BYTES + 1));
      expect(overLimit).toEqual({
        ok: false,
        error: {
          code: 'BAD_INPUT',
          message: expect.stringContaining('too large') as unknown,
          details: { bytes: MAX_MESSAGE_BYTES + 1, maxBytes: MAX_MESSAGE_BYTES },
        },
      });

      // Messages that are not requests at all are ignored, as before; none of them ends the connection.
      for (const junk of ['null', '[]', '"text"', '{"id":', '7']) ws.send(junk);
      const next = await call(ws, 'settings:get');
      expect(next.ok).toBe(true);
      expect(ws.readyState).toBe(ws.OPEN);
    } finally {
      ws.close();
    }
    await expectStillServing();
  }, 60_000);

  it('closes the connection (1009) for an over-limit message it cannot answer, and keeps serving', async () => {
    // Without a leading id there is no request to answer: closing tells the page at once (its pending calls fail).
    const noId = await openBridge(host.origin, tokenOf(host.urls[2]!));
    const noIdClosed = closed(noId);
    noId.send(JSON.stringify({ channel: 'peers:importPreview', input: { csv: 'a'.repeat(MAX_MESSAGE_BYTES) }, id: 5 }));
    expect(await noIdClosed).toBe(1009);

    // Beyond what the WebSocket layer buffers at all: ws itself closes; the host must not die of its error.
    const huge = await openBridge(host.origin, tokenOf(host.urls[3]!));
    const hugeClosed = closed(huge);
    huge.send(previewOfBytes(6, WS_MAX_PAYLOAD + 1));
    expect(await hugeClosed).toBe(1009);

    const ws = await openBridge(host.origin, tokenOf(host.urls[4]!));
    expect((await call(ws, 'settings:get')).ok).toBe(true);
    ws.close();
    await expectStillServing();
  }, 120_000);
});

describe('the browser test host token', () => {
  let dirs: Dirs;
  let host: TestHost;

  beforeAll(async () => {
    dirs = makeDirs();
    host = await startTestHost({ dataDir: dirs.dataDir, rendererDir: dirs.rendererDir, monitoring: false });
  });
  afterAll(async () => {
    await host?.close();
    dirs?.remove();
  });

  it('opens one connection only; every page URL carries a fresh token', async () => {
    const firstPage = host.url;
    const secondPage = host.url;
    expect(tokenOf(firstPage)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(tokenOf(secondPage)).not.toBe(tokenOf(firstPage));

    const ws = await openBridge(host.origin, tokenOf(firstPage));
    await expect(openBridge(host.origin, tokenOf(firstPage))).rejects.toThrow(/403/);
    // The connection that used the token is unaffected by the refused one.
    expect((await call(ws, 'settings:get')).ok).toBe(true);
    // Closing it does not make the token good again (a reload needs a new page URL).
    const done = closed(ws);
    ws.close();
    await done;
    await expect(openBridge(host.origin, tokenOf(firstPage))).rejects.toThrow(/403/);

    const again = await openBridge(host.origin, tokenOf(secondPage));
    expect((await call(again, 'settings:get')).ok).toBe(true);
    again.close();
  });

  it('refuses made-up tokens and other origins without using up the token', async () => {
    await expect(openBridge(host.origin, 'A'.repeat(32))).rejects.toThrow(/403/);
    await expect(openBridge(host.origin, '')).rejects.toThrow(/403/);
    const page = host.url;
    await expect(openBridge(host.origin, tokenOf(page), 'http://example.invalid')).rejects.toThrow(/403/);
    const ws = await openBridge(host.origin, tokenOf(page));
    expect((await call(ws, 'settings:get')).ok).toBe(true);
    ws.close();
  });
});
