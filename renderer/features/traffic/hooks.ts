// A read that depends on what is on screen (router, scope, range), refreshed on an interval. Answers are
// tagged with the request they belong to: after the technician switches range, a slow answer for the old
// range is dropped instead of drawing the wrong period, and nothing from the old key is shown meanwhile.
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePoll } from '../../lib/hooks.ts';
import { toReadError, type ReadError } from '../../lib/read-model.ts';

export interface KeyedRead<T> {
  /** The latest answer for the current key; null until it arrives. */
  value: T | null;
  /** The latest failure for the current key (a later success clears it; the last value stays). */
  error: ReadError | null;
  /** When `value` arrived (local clock). */
  at: number | null;
  /** Reads again now (e.g. after a change). */
  refresh: () => void;
}

interface Slot<T> {
  key: string | null;
  value: T | null;
  error: ReadError | null;
  at: number | null;
}

export function useKeyedRead<T>(key: string | null, read: () => Promise<T>, intervalMs: number): KeyedRead<T> {
  const [slot, setSlot] = useState<Slot<T>>({ key: null, value: null, error: null, at: null });
  const latestKey = useRef(key);
  const readRef = useRef(read);
  // Declared before usePoll so its effect (which starts the first read) sees the new key.
  useEffect(() => {
    latestKey.current = key;
    readRef.current = read;
  });

  const run = useCallback(async () => {
    const requested = latestKey.current;
    if (requested === null) return;
    try {
      const value = await readRef.current();
      if (latestKey.current === requested) setSlot({ key: requested, value, error: null, at: Date.now() });
    } catch (error) {
      if (latestKey.current === requested) setSlot((s) => (s.key === requested ? { ...s, error: toReadError(error) } : { key: requested, value: null, error: toReadError(error), at: null }));
    }
  }, []);

  usePoll(key, run, intervalMs);

  const current = slot.key === key;
  return {
    value: current ? slot.value : null,
    error: current ? slot.error : null,
    at: current ? slot.at : null,
    refresh: () => void run(),
  };
}
