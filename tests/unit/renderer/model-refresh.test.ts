// Pushed refreshes instead of polling: a screen reads its listings when it opens and again for each
// model:changed of its router that concerns them; reads are coalesced per channel and router (never two in
// flight, and a burst of changes during a read costs exactly one more read, started after it).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelChanged } from '../../../src/contract/index.ts';
import { coalesce } from '../../../renderer/lib/coalesce.ts';
import { concerns, followModel, INTERFACE_LISTING_CHANGES, PEER_LISTING_CHANGES } from '../../../renderer/lib/model-changes.ts';
import { createReadStore, type ReadError } from '../../../renderer/lib/read-store.ts';

/** Reads the test answers by hand, one by one, as main would over IPC. */
const calls: Array<{ routerId: string; release: (value: unknown) => void }> = [];
const toError = (error: unknown): ReadError => ({ code: 'UNKNOWN', message: String(error), at: 0 });
type Listing = { source: 'live' | 'cache'; seenAt: number | null; unknown: []; rows: [] };
const listingStore = () => createReadStore((routerId) => new Promise<Listing>((resolve) => calls.push({ routerId, release: resolve as (value: unknown) => void })), toError);

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A read whose answers the test hands out one by one. */
function deferredReads() {
  const started: Array<{ key: string; resolve: (v: number) => void; reject: (e: Error) => void }> = [];
  const read = (key: string) => new Promise<number>((resolve, reject) => started.push({ key, resolve: (v) => resolve(v), reject }));
  return { started, read };
}

beforeEach(() => {
  calls.length = 0;
});

describe('coalesce', () => {
  it('runs one read per key at a time; calls made meanwhile share one more read, started after it', async () => {
    const { started, read } = deferredReads();
    const request = coalesce(read);
    const first = request('r1');
    await tick();
    expect(started).toHaveLength(1);
    const during = [request('r1'), request('r1'), request('r1')];
    await tick();
    expect(started).toHaveLength(1); // nothing beside the running read

    started[0]!.resolve(1);
    await expect(first).resolves.toBe(1);
    await tick();
    expect(started).toHaveLength(2); // exactly one more
    started[1]!.resolve(2);
    // Every caller during the first read gets the newer answer.
    await expect(Promise.all(during)).resolves.toEqual([2, 2, 2]);
    await tick();
    expect(started).toHaveLength(2);

    // Idle again: the next call reads at once.
    const after = request('r1');
    await tick();
    expect(started).toHaveLength(3);
    started[2]!.resolve(3);
    await expect(after).resolves.toBe(3);
  });

  it('keeps keys apart: another router is read at once', async () => {
    const { started, read } = deferredReads();
    const request = coalesce(read);
    void request('r1');
    void request('r2');
    await tick();
    expect(started.map((s) => s.key)).toEqual(['r1', 'r2']);
  });

  it('a failed read still lets the queued one run, and the key recovers', async () => {
    const { started, read } = deferredReads();
    const request = coalesce(read);
    const first = request('r1');
    const queued = request('r1');
    await tick();
    started[0]!.reject(new Error('lost'));
    await expect(first).rejects.toThrow('lost');
    await tick();
    expect(started).toHaveLength(2);
    started[1]!.resolve(7);
    await expect(queued).resolves.toBe(7);
  });
});

describe('read-model store fetch', () => {
  it('never has two reads of one channel and router in flight', async () => {
    const store = listingStore();
    const answer = (seenAt: number): Listing => ({ source: 'live', seenAt, unknown: [], rows: [] });
    const a = store.getState().fetch('r1');
    const b = store.getState().fetch('r1');
    const c = store.getState().fetch('r1');
    await tick();
    expect(calls).toHaveLength(1);
    expect(store.getState().byRouter['r1']?.loading).toBe(true);
    calls[0]!.release(answer(1));
    await a;
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.release(answer(2));
    const [rb, rc] = await Promise.all([b, c]);
    expect(rb.ok && rb.value.seenAt).toBe(2);
    expect(rc.ok && rc.value.seenAt).toBe(2);
    expect(store.getState().byRouter['r1']).toMatchObject({ loading: false, data: { seenAt: 2 } });
    expect(calls).toHaveLength(2);
  });
});

describe('followModel', () => {
  function bus() {
    let listener: ((e: ModelChanged) => void) | undefined;
    let unsubscribed = false;
    return {
      subscribe: (l: (e: ModelChanged) => void) => {
        listener = l;
        return () => {
          unsubscribed = true;
        };
      },
      emit: (e: ModelChanged) => listener?.(e),
      get unsubscribed() {
        return unsubscribed;
      },
    };
  }

  it('reads on open, then only for changes of its router that concern each listing', () => {
    const peers = vi.fn(async () => undefined);
    const interfaces = vi.fn(async () => undefined);
    const b = bus();
    const off = followModel('r1', () => [{ read: peers, changes: PEER_LISTING_CHANGES }, { read: interfaces, changes: INTERFACE_LISTING_CHANGES }], b.subscribe);
    expect(peers).toHaveBeenCalledTimes(1);
    expect(interfaces).toHaveBeenCalledTimes(1);

    b.emit({ routerId: 'r1', changes: ['counters'] }); // a poll: the peer list shows counters, the interfaces do not
    expect(peers).toHaveBeenCalledTimes(2);
    expect(interfaces).toHaveBeenCalledTimes(1);

    b.emit({ routerId: 'r2', changes: ['peers', 'interfaces'] }); // another router
    expect(peers).toHaveBeenCalledTimes(2);

    b.emit({ routerId: 'r1', changes: ['addresses'] });
    expect(peers).toHaveBeenCalledTimes(2);
    expect(interfaces).toHaveBeenCalledTimes(2);

    b.emit({ routerId: 'r1', changes: ['firewall', 'cloud'] }); // shown by neither listing
    expect(peers).toHaveBeenCalledTimes(2);
    expect(interfaces).toHaveBeenCalledTimes(2);

    b.emit({ routerId: 'r1', changes: ['source'] }); // offline or back: both
    expect(peers).toHaveBeenCalledWith('r1');
    expect(peers).toHaveBeenCalledTimes(3);
    expect(interfaces).toHaveBeenCalledTimes(3);

    off();
    expect(b.unsubscribed).toBe(true);
  });

  it('a burst of pushed changes during a read costs one more read through the store', async () => {
    const store = listingStore();
    const b = bus();
    followModel('r1', () => [{ read: store.getState().fetch, changes: INTERFACE_LISTING_CHANGES }], b.subscribe);
    for (let i = 0; i < 50; i += 1) b.emit({ routerId: 'r1', changes: ['peers', 'status'] });
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]!.release({ source: 'live', seenAt: 1, unknown: [], rows: [] });
    await tick();
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.release({ source: 'live', seenAt: 2, unknown: [], rows: [] });
    await tick();
    expect(calls).toHaveLength(2);
    expect(store.getState().byRouter['r1']?.data?.seenAt).toBe(2);
  });

  it('names what each listing shows', () => {
    expect(concerns(['counters'], PEER_LISTING_CHANGES)).toBe(true);
    expect(concerns(['counters'], INTERFACE_LISTING_CHANGES)).toBe(false);
    expect(concerns(['parts'], INTERFACE_LISTING_CHANGES)).toBe(true);
    expect(concerns(['cloud', 'firewall'], PEER_LISTING_CHANGES)).toBe(false);
  });
});
