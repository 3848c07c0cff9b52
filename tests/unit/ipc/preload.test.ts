import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, EVENT_PREFIX, INVOKE_CHANNELS } from '../../../src/contract/names.ts';
import { BRIDGE_KEY, exposeBridge, type IpcRendererLike } from '../../../main/preload/bridge.ts';

function fakes() {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike & { emit(channel: string, payload: unknown): void } = {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })),
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel, payload) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'electron-internals', ports: [] }, payload);
    },
  };
  exposeBridge({ exposeInMainWorld: (key, api) => exposed.set(key, api) }, ipc);
  return { exposed, ipc, listeners };
}

describe('preload bridge', () => {
  it('exposes one frozen object with only invoke and on', () => {
    const { exposed } = fakes();
    expect([...exposed.keys()]).toEqual([BRIDGE_KEY]);
    const api = exposed.get(BRIDGE_KEY) as object;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards contract channels and refuses anything else without touching ipcRenderer', async () => {
    const { exposed, ipc } = fakes();
    const api = exposed.get(BRIDGE_KEY) as { invoke(c: string, i?: unknown): Promise<unknown> };
    for (const channel of INVOKE_CHANNELS) await expect(api.invoke(channel)).resolves.toEqual({ ok: true, value: channel });
    expect(ipc.invoke).toHaveBeenCalledTimes(INVOKE_CHANNELS.length);
    await expect(api.invoke('electron:openDevTools')).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(api.invoke(`${EVENT_PREFIX}router:status`)).resolves.toMatchObject({ ok: false });
    expect(ipc.invoke).toHaveBeenCalledTimes(INVOKE_CHANNELS.length);
  });

  it('subscribes to contract events only, hides the Electron event object, and unsubscribes', () => {
    const { exposed, ipc, listeners } = fakes();
    const api = exposed.get(BRIDGE_KEY) as { on(e: string, cb: (p: unknown) => void): () => void };
    expect(() => api.on('ipc:anything', () => {})).toThrow(/no event named/);
    for (const event of EVENT_CHANNELS) {
      const cb = vi.fn();
      const off = api.on(event, cb);
      ipc.emit(EVENT_PREFIX + event, { hello: event });
      expect(cb).toHaveBeenCalledWith({ hello: event });
      expect(cb.mock.calls[0]).toHaveLength(1);
      off();
      expect(listeners.get(EVENT_PREFIX + event)?.size).toBe(0);
    }
  });
});
