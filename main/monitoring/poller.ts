// The per-router polling loop: one peer print every interval, never two at once. A poll that fails or
// outlives its timeout is recorded as a gap (router unreachable); the loop itself never stops on errors.
import { POLL_PROPLIST } from '../routeros/menus/wireguard-peers.ts';
import { PollRecorder, type PollOutcome, type RecorderOptions } from './recorder.ts';
import { systemTimer, type Clock, type Timer } from './timer.ts';
import type { PeerRow, PeerSource } from './types.ts';

export const DEFAULT_POLL_INTERVAL_MS = 5_000;
const MIN_TIMEOUT_MS = 10_000;

export interface RouterPollerOptions extends RecorderOptions {
  readonly source: PeerSource;
  readonly now?: Clock;
  readonly timer?: Timer;
  /** Settings.pollIntervalSec × 1000; default 5 s. */
  readonly intervalMs?: number;
  /** A read still pending after this long counts as failed; default twice the interval, at least 10 s. */
  readonly timeoutMs?: number;
  /**
   * After each poll is stored: the rows read at `t` (the router model takes counters and the statuses the
   * recorder decided from here), or the failure. Errors it throws are logged, never fail the poll.
   */
  readonly onPolled?: (result: { ok: true; rows: readonly PeerRow[]; t: number } | { ok: false; error: unknown; t: number }) => void;
}

/** Abort reason of a read abandoned by stop(). */
const STOPPED = Symbol('poller stopped');

export class PollTimeoutError extends Error {
  constructor(ms: number) {
    super(`The router did not answer the peer list within ${Math.round(ms / 1000)} s.`);
    this.name = 'PollTimeoutError';
  }
}

export class RouterPoller {
  readonly recorder: PollRecorder;
  readonly #source: PeerSource;
  readonly #now: Clock;
  readonly #timer: Timer;
  readonly #log: RecorderOptions['log'];
  readonly #onPolled: RouterPollerOptions['onPolled'];
  #intervalMs: number;
  #timeoutMs: number | undefined;
  #running: Promise<PollOutcome> | undefined;
  /** Aborts the read in progress: on timeout, or on stop(). */
  #inflight: AbortController | undefined;
  #scheduled: unknown;
  #started = false;

  constructor(options: RouterPollerOptions) {
    this.recorder = new PollRecorder(options);
    this.#source = options.source;
    this.#now = options.now ?? Date.now;
    this.#timer = options.timer ?? systemTimer;
    this.#log = options.log;
    this.#onPolled = options.onPolled;
    this.#intervalMs = options.intervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.#timeoutMs = options.timeoutMs;
  }

  /** Applies changed settings from the next poll on. */
  configure(settings: { intervalMs?: number; onlineThresholdMs?: number }): void {
    if (settings.intervalMs !== undefined) this.#intervalMs = settings.intervalMs;
    if (settings.onlineThresholdMs !== undefined) this.recorder.setOnlineThreshold(settings.onlineThresholdMs);
  }

  /** Polls now, then every interval until stop(). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#schedule(0);
  }

  /**
   * Stops the loop. A read in progress is abandoned and not recorded: quitting the app is not the router
   * becoming unreachable. Resolves once nothing of this poller runs any more.
   */
  async stop(): Promise<void> {
    this.#started = false;
    if (this.#scheduled !== undefined) this.#timer.clearTimeout(this.#scheduled);
    this.#scheduled = undefined;
    this.#inflight?.abort(STOPPED);
    await this.#running?.catch(() => undefined);
  }

  /**
   * One poll, recorded. While a poll is in progress, callers get that poll instead of a second one:
   * polls never overlap. Rejects only if the database write fails.
   */
  pollOnce(): Promise<PollOutcome> {
    this.#running ??= this.#poll().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #poll(): Promise<PollOutcome> {
    const startedAt = this.#now();
    let rows;
    try {
      rows = await this.#read();
    } catch (err) {
      if (err === STOPPED) return { recorded: false, events: [] };
      const outcome = this.recorder.recordFailure(startedAt, err);
      this.#tell({ ok: false, error: err, t: startedAt });
      return outcome;
    }
    const t = this.#now();
    const outcome = this.recorder.recordPeers(rows, t);
    this.#tell({ ok: true, rows, t });
    return outcome;
  }

  #tell(result: Parameters<NonNullable<RouterPollerOptions['onPolled']>>[0]): void {
    try {
      this.#onPolled?.(result);
    } catch (err) {
      this.#log?.('poll listener failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  #read(): Promise<PeerRow[]> {
    const timeoutMs = this.#timeoutMs ?? Math.max(MIN_TIMEOUT_MS, 2 * this.#intervalMs);
    const abort = new AbortController();
    this.#inflight = abort;
    return new Promise<PeerRow[]>((resolve, reject) => {
      // Settles on abort even if the source ignores the signal: a hung read must not hang the loop.
      abort.signal.addEventListener('abort', () => reject(abort.signal.reason), { once: true });
      const timeout = this.#timer.setTimeout(() => abort.abort(new PollTimeoutError(timeoutMs)), timeoutMs);
      let reading: Promise<PeerRow[]>;
      try {
        reading = this.#source.readPeers(POLL_PROPLIST, abort.signal);
      } catch (err) {
        reading = Promise.reject(err); // a source that throws instead of rejecting is a failed poll too
      }
      reading.then(resolve, reject).finally(() => {
        this.#timer.clearTimeout(timeout);
        if (this.#inflight === abort) this.#inflight = undefined;
      });
    });
  }

  #schedule(delayMs: number): void {
    this.#scheduled = this.#timer.setTimeout(() => {
      this.#scheduled = undefined;
      void this.#tick();
    }, delayMs);
  }

  async #tick(): Promise<void> {
    const startedAt = this.#now();
    try {
      await this.pollOnce();
    } catch (err) {
      this.#log?.('monitoring poll could not be stored', { error: err instanceof Error ? err.message : String(err) });
    }
    // Fixed rate: the next poll starts one interval after this one started, or at once if it ran late.
    if (this.#started && this.#scheduled === undefined) this.#schedule(Math.max(0, startedAt + this.#intervalMs - this.#now()));
  }
}
