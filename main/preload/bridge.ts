// Builds the object the preload exposes: invoke for contract channels, on() for contract events, nothing
// else. Kept free of Electron so tests can drive it with fakes.
import { EVENT_PREFIX, isEventChannel, isInvokeChannel } from '../../src/contract/names.ts';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export const BRIDGE_KEY = 'wiredesk';

export function buildBridge(ipc: IpcRendererLike) {
  return Object.freeze({
    invoke(channel: unknown, input: unknown): Promise<unknown> {
      if (!isInvokeChannel(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `There is no IPC channel named ${JSON.stringify(channel)}.` } });
      }
      return ipc.invoke(channel, input);
    },
    on(event: unknown, callback: unknown): () => void {
      if (!isEventChannel(event)) throw new Error(`There is no event named ${JSON.stringify(event)}.`);
      if (typeof callback !== 'function') throw new Error('on() needs a callback function.');
      // Why: the renderer must never see Electron's event object (it carries sender, ports, reply()).
      const listener = (_event: unknown, payload: unknown) => (callback as (p: unknown) => void)(payload);
      ipc.on(EVENT_PREFIX + event, listener);
      return () => {
        ipc.removeListener(EVENT_PREFIX + event, listener);
      };
    },
  });
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  contextBridge.exposeInMainWorld(BRIDGE_KEY, buildBridge(ipc));
}
