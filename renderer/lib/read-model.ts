// The read-model stores bound to their IPC channels: one per listing, keyed by router (read-store.ts).
import type { InvokeOutput } from '../../src/contract/index.ts';
import { ApiError, invoke } from './api.ts';
import { createReadStore, type ReadError, type ReadStoreOptions } from './read-store.ts';

export { EMPTY_READ, type ReadError, type ReadModelStore, type ReadState } from './read-store.ts';

type ReadChannel = 'interfaces:list' | 'peers:list' | 'peers:listManaged' | 'router:health';

export function toReadError(error: unknown): ReadError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, at: Date.now() };
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : String(error), at: Date.now() };
}

// invoke() cannot narrow its argument list for a generic channel; all of them take { routerId }.
const readInvoke = invoke as (channel: ReadChannel, input: { routerId: string }) => Promise<unknown>;

export function createReadModelStore<C extends ReadChannel>(channel: C, options: ReadStoreOptions<InvokeOutput<C>> = {}) {
  return createReadStore((routerId) => readInvoke(channel, { routerId }) as Promise<InvokeOutput<C>>, toReadError, options);
}
