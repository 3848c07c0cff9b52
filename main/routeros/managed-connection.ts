// Keeps one router connected: connects, notices the close, waits a backoff delay and connects again.
// Errors that only the user can fix (wrong password, an untrusted or changed certificate) stop the loop
// instead of hammering the router. The clock and the connect function are injected, so the policy is
// unit-tested without sockets or real time.
import { backoffDelays, type BackoffPolicy } from './backoff.ts';
import { RouterOsError, type RouterOsErrorCode } from './errors.ts';

/** What the wrapper needs from a client; RouterOsClient satisfies it. */
export interface Closable {
  onClose(listener: (reason: RouterOsError) => void): () => void;
  close(): void;
}

export type ConnectionState<C> =
  | { status: 'connecting'; attempt: number }
  | { status: 'connected'; client: C }
  | { status: 'waiting'; attempt: number; delayMs: number; error: RouterOsError }
  | { status: 'stopped'; error: RouterOsError | undefined };

export interface ManagedConnectionOptions<C> {
  connect: (signal: AbortSignal) => Promise<C>;
  backoff?: BackoffPolicy;
  /** A connection that lived this long resets the backoff. Default 30 s. */
  stableAfterMs?: number;
  onState?: (state: ConnectionState<C>) => void;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Codes that a retry cannot fix: the user must act (fix credentials, trust a certificate). */
export const PERMANENT_CODES: ReadonlySet<RouterOsErrorCode> = new Set([
  'AUTH_FAILED',
  'TLS_UNTRUSTED',
  'TLS_FINGERPRINT_MISMATCH',
  'TLS_ANONYMOUS',
]);

function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function asRouterOsError(error: unknown): RouterOsError {
  if (error instanceof RouterOsError) return error;
  return new RouterOsError('CONNECT_FAILED', `Connecting failed: ${String(error)}`, { cause: error });
}

export class ManagedConnection<C extends Closable> {
  private readonly options: ManagedConnectionOptions<C>;
  private readonly stopper = new AbortController();
  private current: C | undefined;
  private state: ConnectionState<C> = { status: 'stopped', error: undefined };
  private loop: Promise<void> | undefined;

  constructor(options: ManagedConnectionOptions<C>) {
    this.options = options;
  }

  get client(): C | undefined {
    return this.current;
  }

  get status(): ConnectionState<C> {
    return this.state;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops reconnecting and closes the current connection. */
  async stop(): Promise<void> {
    this.stopper.abort();
    this.current?.close();
    await this.loop;
  }

  private setState(state: ConnectionState<C>): void {
    this.state = state;
    this.options.onState?.(state);
  }

  private async run(): Promise<void> {
    const now = this.options.now ?? Date.now;
    const sleep = this.options.sleep ?? realSleep;
    const signal = this.stopper.signal;
    let delays = backoffDelays(this.options.backoff);
    let attempt = 0;
    let lastError: RouterOsError | undefined;
    while (!signal.aborted) {
      attempt += 1;
      this.setState({ status: 'connecting', attempt });
      let error: RouterOsError;
      try {
        const client = await this.options.connect(signal);
        const since = now();
        error = await this.holdUntilClosed(client);
        if (now() - since >= (this.options.stableAfterMs ?? 30_000)) {
          delays = backoffDelays(this.options.backoff);
          attempt = 0;
        }
      } catch (thrown) {
        error = asRouterOsError(thrown);
      }
      lastError = error;
      if (signal.aborted || PERMANENT_CODES.has(error.code)) break;
      const delayMs = delays.next().value;
      this.setState({ status: 'waiting', attempt, delayMs, error });
      await sleep(delayMs, signal);
    }
    this.setState({ status: 'stopped', error: signal.aborted ? undefined : lastError });
  }

  private holdUntilClosed(client: C): Promise<RouterOsError> {
    return new Promise((resolve) => {
      this.current = client;
      client.onClose((reason) => {
        this.current = undefined;
        resolve(reason);
      });
      if (this.stopper.signal.aborted) client.close();
      else this.setState({ status: 'connected', client });
    });
  }
}
