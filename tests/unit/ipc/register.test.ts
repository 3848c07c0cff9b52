import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { AppError, INVOKE_CHANNELS } from '../../../src/contract/index.ts';
import { createInvoker, type HandlerTable } from '../../../main/ipc/invoker.ts';
import { RouterOsError } from '../../../main/routeros/errors.ts';
import { registerIpcHandlers, senderCheckFor, type IpcMainLike, type InvokeEventLike } from '../../../main/ipc/register.ts';

const settings = { theme: 'system', language: 'en', pollIntervalSec: 5, onlineThresholdSec: 180, notifications: true, skipPreviewForSinglePeer: false, rollbackDelaySec: 60 } as const;

function fakeHandlers(overrides: Partial<HandlerTable> = {}): HandlerTable {
  const fail = () => {
    throw new Error('not used in this test');
  };
  const table = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, fail])) as unknown as HandlerTable;
  return { ...table, 'settings:get': () => ({ ...settings }), ...overrides };
}

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  call(channel: string, event: InvokeEventLike, input?: unknown) {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, input);
  }
}

const APP_FILE = '/opt/WireDesk/out/renderer/index.html';
const APP_URL = `file://${APP_FILE}`;
const isAppUrl = (url: string) => url === APP_URL;

// The shape Electron gives: `sender` is the webContents, `senderFrame` the WebFrameMain that sent the message
// (null once that frame has navigated away or is gone). Electron hands out one WebFrameMain object per frame,
// so the top-level frame is the very object in `sender.mainFrame`; an iframe has the same `sender` but its own
// frame object, whose `parent` is the frame that holds it.
interface FakeFrame { url: string; parent: FakeFrame | null }
function fakeWebContents(id: number, url = APP_URL) {
  const mainFrame: FakeFrame = { url, parent: null };
  return { id, mainFrame };
}
function fromTopFrame(contents: ReturnType<typeof fakeWebContents>): InvokeEventLike {
  return { sender: contents, senderFrame: contents.mainFrame };
}
function fromSubframe(contents: ReturnType<typeof fakeWebContents>, url = APP_URL): InvokeEventLike {
  const iframe: FakeFrame = { url, parent: contents.mainFrame };
  return { sender: contents, senderFrame: iframe };
}

const ours = fakeWebContents(7);
const ourWindow = fromTopFrame(ours);

// Real Electron events must fit the shape the check reads (compile-time only).
const fitsElectron: (event: IpcMainInvokeEvent) => InvokeEventLike = (event) => event;
void fitsElectron;

function setup(overrides: Partial<HandlerTable> = {}) {
  const ipc = new FakeIpcMain();
  const onUnexpectedError = vi.fn();
  const invoke = createInvoker(fakeHandlers(overrides), { onUnexpectedError });
  const unregister = registerIpcHandlers(ipc, invoke, senderCheckFor(() => new Set([7]), isAppUrl));
  return { ipc, onUnexpectedError, unregister };
}

describe('IPC registration', () => {
  it('registers exactly the contract channels and can remove them', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers our own window with a value envelope', async () => {
    const { ipc } = setup();
    await expect(ipc.call('settings:get', ourWindow)).resolves.toEqual({ ok: true, value: settings });
  });

  it('refuses a message from an unknown webContents, even showing our page from its top frame', async () => {
    const { ipc } = setup();
    const stranger = fromTopFrame(fakeWebContents(99));
    await expect(ipc.call('settings:get', stranger)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses our window when its top frame shows another page (e.g. navigated away)', async () => {
    const { ipc } = setup();
    const navigated = fakeWebContents(7, 'https://evil.example/');
    await expect(ipc.call('settings:get', fromTopFrame(navigated))).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses an iframe inside our window, even one showing our own page', async () => {
    const { ipc } = setup();
    // Same webContents (sender.id 7) as the accepted top frame; only the frame differs.
    await expect(ipc.call('settings:get', fromSubframe(ours))).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(ipc.call('settings:get', fromSubframe(ours, 'https://evil.example/'))).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A frame object that merely looks like the top frame (no parent, our URL) is still not our main frame.
    const lookalikeFrame: FakeFrame = { url: APP_URL, parent: null };
    const lookalike: InvokeEventLike = { sender: ours, senderFrame: lookalikeFrame };
    await expect(ipc.call('settings:get', lookalike)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a message whose frame is gone (Electron gives a null or missing senderFrame)', async () => {
    const { ipc } = setup();
    await expect(ipc.call('settings:get', { sender: ours, senderFrame: null })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(ipc.call('settings:get', { sender: ours })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses, rather than throws, when the frame was disposed while the message was in flight', async () => {
    const { ipc } = setup();
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    const contents = { id: 7, mainFrame: disposed };
    await expect(ipc.call('settings:get', { sender: contents, senderFrame: disposed })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('checks the window list and the frame on every message, not once', async () => {
    const trusted = new Set([7]);
    const check = senderCheckFor(() => trusted, isAppUrl);
    expect(check(ourWindow)).toBe(true);
    trusted.delete(7); // our window closed
    expect(check(ourWindow)).toBe(false);
  });

  it('returns a clear BAD_INPUT envelope for invalid input without calling the handler', async () => {
    const update = vi.fn();
    const { ipc } = setup({ 'settings:update': update });
    const result = await ipc.call('settings:update', ourWindow, { pollIntervalSec: 0 });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: 'pollIntervalSec: Poll every 2 seconds at the most often.' } });
    expect(update).not.toHaveBeenCalled();
  });

  it('turns an exception inside a handler into an INTERNAL envelope, not a crash', async () => {
    const { ipc, onUnexpectedError } = setup({
      'settings:get': () => {
        throw new TypeError('boom');
      },
    });
    const result = await ipc.call('settings:get', ourWindow);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('boom') } });
    expect(onUnexpectedError).toHaveBeenCalledWith('settings:get', expect.any(TypeError));
  });

  it('passes deliberate AppErrors through with their code, message and details', async () => {
    const { ipc, onUnexpectedError } = setup({
      'routers:remove': () => {
        throw new AppError('NOT_FOUND', 'No router with id r9.', { id: 'r9' });
      },
    });
    await expect(ipc.call('routers:remove', ourWindow, { id: 'r9' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No router with id r9.', details: { id: 'r9' } },
    });
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });

  it('gives a RouterOS link failure its own code and sentence, not an INTERNAL bug report', async () => {
    const { ipc, onUnexpectedError } = setup({
      'router:health': () => {
        throw new RouterOsError('CONNECTION_LOST', 'Connection to 192.168.88.1 was lost while running /system/resource/print.', { command: '/system/resource/print' });
      },
    });
    await expect(ipc.call('router:health', ourWindow, { routerId: 'r1' })).resolves.toEqual({
      ok: false,
      error: { code: 'CONNECTION_LOST', message: 'Connection to 192.168.88.1 was lost while running /system/resource/print.', details: { command: '/system/resource/print' } },
    });
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });

  it('rejects output that breaks the contract and strips unknown fields from output that keeps it', async () => {
    const { ipc } = setup({ 'settings:get': () => ({ ...settings, secret: 'x' }) as never });
    const ok = (await ipc.call('settings:get', ourWindow)) as { ok: true; value: object };
    expect(ok.value).not.toHaveProperty('secret');
    const { ipc: ipc2 } = setup({ 'settings:get': () => ({ theme: 'neon' }) as never });
    await expect(ipc2.call('settings:get', ourWindow)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const invoke = createInvoker(fakeHandlers());
    await expect(invoke('shell:exec', { cmd: 'rm -rf /' })).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});
