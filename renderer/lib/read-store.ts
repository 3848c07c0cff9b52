// One store shape for the per-router read models (interfaces, peers, health): the last good answer, the
// last error, and whether a read is in flight. A failed refresh keeps the last good data on screen. Reads
// are coalesced per router (coalesce.ts): one in flight at most, and calls made meanwhile share one more.
// Free of the IPC bridge (read-model.ts binds it to a channel), so it is unit-tested as it is.
import { create } from 'zustand';
import type { ErrorCode } from '../../src/contract/index.ts';
import { coalesce } from './coalesce.ts';

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

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: ReadError };

export interface ReadModelStore<T> {
  byRouter: Record<string, ReadState<T>>;
  /**
   * Reads this router's answer; resolves to the data, or to an error value (never throws). While a read is
   * in flight, calls wait for one more read started after it (shared by all of them): never two at once.
   */
  fetch: (routerId: string) => Promise<ReadResult<T>>;
}

export const EMPTY_READ: ReadState<never> = { data: null, error: null, loading: false, fetchedAt: null };

export interface ReadStoreOptions<T> {
  /** Called with every good answer the moment it arrives, before the store changes (performance marks). */
  onValue?: (value: T) => void;
}

export function createReadStore<T>(read: (routerId: string) => Promise<T>, toError: (error: unknown) => ReadError, options: ReadStoreOptions<T> = {}) {
  return create<ReadModelStore<T>>()((set) => {
    const patch = (routerId: string, change: Partial<ReadState<T>>) =>
      set((state) => ({ byRouter: { ...state.byRouter, [routerId]: { ...(state.byRouter[routerId] ?? EMPTY_READ), ...change } } }));
    const fetchOnce = async (routerId: string): Promise<ReadResult<T>> => {
      patch(routerId, { loading: true });
      try {
        const value = await read(routerId);
        options.onValue?.(value);
        patch(routerId, { data: value, error: null, loading: false, fetchedAt: Date.now() });
        return { ok: true, value };
      } catch (error) {
        const readError = toError(error);
        patch(routerId, { error: readError, loading: false });
        return { ok: false, error: readError };
      }
    };
    return { byRouter: {}, fetch: coalesce(fetchOnce) };
  });
}
