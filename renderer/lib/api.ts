// The renderer's only door to main: typed calls that unwrap envelopes into values or ApiErrors.
import type {
  AppErrorData,
  ErrorCode,
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeInput,
  InvokeOutput,
  WireDeskBridge,
} from '../../src/contract/index.ts';
import { connectWsBridge } from './ws-bridge.ts';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.details = data.details;
  }
}

declare global {
  interface Window {
    wiredesk?: WireDeskBridge;
  }
}

function resolveBridge(): WireDeskBridge {
  if (window.wiredesk) return window.wiredesk;
  // Browser test host: the page URL carries a one-time token; drop it from the address bar at once.
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token');
  if (!token) throw new Error('WireDesk must run inside its desktop window (no IPC bridge found).');
  window.history.replaceState(null, '', window.location.pathname);
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return connectWsBridge(`${scheme}//${window.location.host}/bridge?token=${encodeURIComponent(token)}`);
}

let bridge: WireDeskBridge | undefined;
function getBridge(): WireDeskBridge {
  bridge ??= resolveBridge();
  return bridge;
}

export async function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeInput<C> extends undefined ? [] : [InvokeInput<C>]): Promise<InvokeOutput<C>> {
  const result = await getBridge().invoke(channel, args[0] as InvokeInput<C>);
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export function on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getBridge().on(event, listener);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
