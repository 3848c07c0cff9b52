// One read in flight per key at most. A request made while the key's read runs is not started beside it:
// it waits for that read and then shares ONE more read, started after it, so its answer is newer than the
// request (however many requests came meanwhile). A burst of pushed changes costs two reads, not fifty.
// Pure: no React, no timers; the read-model stores use it per channel and router.

export type Coalesced<K, R> = (key: K) => Promise<R>;

interface Slot<R> {
  running: Promise<R>;
  /** The one read queued behind `running`, shared by every request made while it runs. */
  queued: Promise<R> | null;
}

export function coalesce<K, R>(read: (key: K) => Promise<R>): Coalesced<K, R> {
  const slots = new Map<K, Slot<R>>();

  const launch = (key: K, slot: Slot<R> | undefined): Promise<R> => {
    const running = (async () => read(key))();
    const current = slot ?? { running, queued: null };
    current.running = running;
    slots.set(key, current);
    const settle = () => {
      // Nothing queued behind this read: the key is idle again.
      if (current.running === running && current.queued === null) slots.delete(key);
    };
    running.then(settle, settle);
    return running;
  };

  return (key) => {
    const slot = slots.get(key);
    if (!slot) return launch(key, undefined);
    slot.queued ??= slot.running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      slot.queued = null;
      return launch(key, slot);
    });
    return slot.queued;
  };
}
