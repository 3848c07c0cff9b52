// Debouncing for desktop notifications: the stored events keep every transition, but a peer flapping
// online/offline every few seconds must not raise a notification each time. A change is announced once it
// has held for `settleMs`; changes in the meantime fold into the same notice, and a subject that never
// settles is still announced every `maxWaitMs` (with how many changes it saw) instead of never.
import type { Clock, Timer } from './timer.ts';
import { systemTimer } from './timer.ts';
import type { MonitorEvent } from './types.ts';

export interface Notice {
  /** Same subject, same key: `router:<id>` or `peer:<routerId>:<interface>:<publicKey>`. */
  readonly key: string;
  /** The latest event folded in (names, router id, `at` of the last change). */
  readonly event: MonitorEvent;
  /** State before the first folded change. */
  readonly from: string;
  /** State now. Equal to `from` when the subject flapped and ended where it started. */
  readonly to: string;
  /** Transitions folded into this notice; 1 for a plain change. */
  readonly changes: number;
}

export interface DebouncerOptions {
  readonly notify: (notice: Notice) => void;
  readonly now?: Clock;
  readonly timer?: Timer;
  /** How long a new state must hold before it is announced; default 60 s. */
  readonly settleMs?: number;
  /** Longest a changing subject stays silent; default 5 min. */
  readonly maxWaitMs?: number;
  /** Flapping that returns to the starting state is announced from this many changes on; default 4. */
  readonly flapChanges?: number;
}

interface Pending {
  from: string;
  to: string;
  changes: number;
  firstSeen: number;
  event: MonitorEvent;
  handle: unknown;
}

export function eventKey(event: MonitorEvent): string {
  return event.kind === 'router' ? `router:${event.routerId}` : `peer:${event.routerId}:${event.interface}:${event.publicKey}`;
}

export class NotificationDebouncer {
  readonly #notify: (notice: Notice) => void;
  readonly #now: Clock;
  readonly #timer: Timer;
  readonly #settleMs: number;
  readonly #maxWaitMs: number;
  readonly #flapChanges: number;
  readonly #pending = new Map<string, Pending>();

  constructor(options: DebouncerOptions) {
    this.#notify = options.notify;
    this.#now = options.now ?? Date.now;
    this.#timer = options.timer ?? systemTimer;
    this.#settleMs = options.settleMs ?? 60_000;
    this.#maxWaitMs = options.maxWaitMs ?? 300_000;
    this.#flapChanges = options.flapChanges ?? 4;
  }

  push(event: MonitorEvent): void {
    const key = eventKey(event);
    const now = this.#now();
    const p = this.#pending.get(key) ?? { from: event.from, to: event.to, changes: 0, firstSeen: now, event, handle: undefined };
    p.to = event.to;
    p.event = event;
    p.changes += 1;
    if (p.handle !== undefined) this.#timer.clearTimeout(p.handle);
    const delay = Math.min(this.#settleMs, Math.max(0, p.firstSeen + this.#maxWaitMs - now));
    p.handle = this.#timer.setTimeout(() => this.#fire(key), delay);
    this.#pending.set(key, p);
  }

  /** Drops everything pending without announcing it (app quitting, notifications turned off). */
  dispose(): void {
    for (const p of this.#pending.values()) this.#timer.clearTimeout(p.handle);
    this.#pending.clear();
  }

  #fire(key: string): void {
    const p = this.#pending.get(key);
    if (!p) return;
    this.#pending.delete(key);
    if (p.to === p.from && p.changes < this.#flapChanges) return; // a blip that undid itself
    this.#notify({ key, event: p.event, from: p.from, to: p.to, changes: p.changes });
  }
}
