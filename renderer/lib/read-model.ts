// One store shape for the per-router read models (interfaces, peers, health): the last good answer, the
// last error, and whether a read is in flight. A failed refresh keeps the last good data on screen.
import { create } from 'zustand';
import type { ErrorCode, InvokeOutput } from '../../src/contract/index.ts';
import { ApiError, invoke } from './api.ts';

type ReadChannel = 'interfaces:list' | 'peers:list' | 'peers:listManaged' | 'router:health';

export interface ReadError {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  at: number;
}

export interface ReadState<T> {
  data: T | null;
  error: ReadError | null;
  loading: boolean;
  /** When the last successful answer arrived here (local clock). */
  fetchedAt: number | null;
}

export interface ReadModelStore<T> {
  byRouter: Record<string, ReadState<T>>;
  /** Reads once; resolves to the data, or to an error value (never throws). */
  fetch: (routerId: string) => Promise<{ ok: true; value: T } | { ok: false; error: ReadError }>;
}

export const EMPTY_READ: ReadState<never> = { data: null, error: null, loading: false, fetchedAt: null };

export function toReadError(error: unknown): ReadError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, at: Date.now() };
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error), at: Date.now() };
}

// invoke() cannot narrow its argument list for a generic channel; all of them take { routerId }.
const readInvoke = invoke as (channel: ReadChannel, input: { routerId: string }) => Promise<unknown>;

export interface ReadModelOptions<T> {
  /** Called with every good answer the moment it arrives, before the store changes (performance marks). */
  onValue?: (value: T) => void;
}

export function createReadModelStore<C extends ReadChannel>(channel: C, options: ReadModelOptions<InvokeOutput<C>> = {}) {
  type T = InvokeOutput<C>;
  return create<ReadModelStore<T>>()((set) => {
    const patch = (routerId: string, change: Partial<ReadState<T>>) =>
      set((state) => ({ byRouter: { ...state.byRouter, [routerId]: { ...(state.byRouter[routerId] ?? EMPTY_READ), ...change } } }));
    return {
      byRouter: {},
      async fetch(routerId) {
        patch(routerId, { loading: true });
        try {
          const value = (await readInvoke(channel, { routerId })) as T;
          options.onValue?.(value);
          patch(routerId, { data: value, error: null, loading: false, fetchedAt: Date.now() });
          return { ok: true, value };
        } catch (error) {
          const readError = toReadError(error);
          patch(routerId, { error: readError, loading: false });
          return { ok: false, error: readError };
        }
      },
    };
  });
}
