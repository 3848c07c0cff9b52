// The previous reading of each series' counters, to turn RouterOS lifetime totals into per-poll bytes.
// Kept in memory only: after a restart or a failed poll the first reading is a baseline, so bytes moved
// while nobody watched are never dumped into one poll as a spike.
import { counterDelta } from '../../src/domain/index.ts';

export interface Bytes {
  readonly rx: bigint;
  readonly tx: bigint;
}

interface Reading extends Bytes {
  readonly rosId: string;
}

export class CounterTracker {
  readonly #last = new Map<number, Reading>();

  /**
   * Bytes since the previous reading of this series, or undefined when there is none to compare with.
   * A counter that went down (router reboot) or a new `.id` under the same public key (peer removed and
   * added again, so its counters restarted from 0) counts the new value only: never negative, no spike.
   */
  advance(sid: number, rosId: string, rx: bigint | undefined, tx: bigint | undefined): Bytes | undefined {
    const prev = this.#last.get(sid);
    if (rx === undefined || tx === undefined) {
      this.#last.delete(sid);
      return undefined;
    }
    this.#last.set(sid, { rosId, rx, tx });
    if (!prev) return undefined;
    if (prev.rosId !== rosId) return { rx, tx };
    return { rx: counterDelta(prev.rx, rx).delta, tx: counterDelta(prev.tx, tx).delta };
  }

  /** Forgets series missing from the latest poll, so one that comes back starts from a fresh baseline. */
  keepOnly(seen: ReadonlySet<number>): void {
    for (const sid of this.#last.keys()) if (!seen.has(sid)) this.#last.delete(sid);
  }

  clear(): void {
    this.#last.clear();
  }
}
