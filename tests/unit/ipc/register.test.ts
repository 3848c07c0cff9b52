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
const ourWindow: InvokeEventLike = { sender: { id: 7 }, senderFrame: { url: `file://${APP_FILE}` } };
const isAppUrl = (url: string) => url === `file://${APP_FILE}`;

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

  it('refuses a message from an unknown webContents', async () => {
    const { ipc } = setup();
    const stranger = { sender: { id: 99 }, senderFrame: { url: `file://${APP_FILE}` } };
    await expect(ipc.call('settings:get', stranger)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses our window when the frame shows another page (e.g. a navigated or injected frame)', async () => {
    const { ipc } = setup();
    const evil = { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } };
    await expect(ipc.call('settings:get', evil)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expect(ipc.call('settings:get', { sender: { id: 7 }, senderFrame: null })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
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
