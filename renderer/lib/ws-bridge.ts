// The browser test host's transport: the same bridge object as the Electron preload, carried over a
// WebSocket to 127.0.0.1. Only used when the page is served by the test host (never inside Electron,
// where the preload's bridge exists and the CSP forbids such connections anyway).
import type { Envelope, EventChannel, InvokeChannel, InvokeInput, InvokeOutput, WireDeskBridge } from '../../src/contract/index.ts';

type Pending = { resolve: (e: Envelope<unknown>) => void };

export function connectWsBridge(url: string): WireDeskBridge {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const queue: string[] = [];
  let socket: WebSocket;

  const failAll = (message: string) => {
    for (const [, p] of pending) p.resolve({ ok: false, error: { code: 'CONNECTION_LOST', message } });
    pending.clear();
  };

  const open = () => {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      for (const msg of queue.splice(0)) socket.send(msg);
    });
    socket.addEventListener('message', (ev) => {
      const msg = JSON.parse(String(ev.data)) as { id?: number; result?: Envelope<unknown>; event?: string; payload?: unknown };
      if (typeof msg.id === 'number' && msg.result) {
        pending.get(msg.id)?.resolve(msg.result);
        pending.delete(msg.id);
      } else if (typeof msg.event === 'string') {
        for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
      }
    });
    socket.addEventListener('close', () => failAll('The connection to the WireDesk test host was closed.'));
  };
  open();

  return {
    invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Envelope<InvokeOutput<C>>> {
      const id = nextId++;
      const msg = JSON.stringify({ id, channel, input });
      return new Promise<Envelope<InvokeOutput<C>>>((resolve) => {
        // After the socket closed nothing would ever answer: fail at once instead of hanging the UI.
        if (socket.readyState === WebSocket.CLOSING || socket.readyState === WebSocket.CLOSED) {
          resolve({ ok: false, error: { code: 'CONNECTION_LOST', message: 'The connection to the WireDesk test host was closed.' } });
          return;
        }
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        if (socket.readyState === WebSocket.OPEN) socket.send(msg);
        else queue.push(msg);
      });
    },
    on(event: EventChannel, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
}
