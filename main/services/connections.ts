// One managed connection per router. Screens share it (the RouterOS API multiplexes tagged commands);
// its state is pushed to the UI as `router:status` events; errors only the user can fix (wrong password,
// untrusted or changed certificate) stop the retry loop instead of hammering the router.
import { AppError, type ConnectionState, type RouterStatus } from '../../src/contract/index.ts';
import type { RouterOsClient } from '../routeros/client.ts';
import type { RouterOsError} from '../routeros/errors.ts';
import { TlsFingerprintMismatchError, TlsUntrustedError } from '../routeros/errors.ts';
import { ManagedConnection, type ConnectionState as LoopState } from '../routeros/managed-connection.ts';
import type { EventBus } from '../ipc/events.ts';
import { SecretStoreUnavailableError } from '../secrets/errors.ts';
import { UnsupportedRouterError, type RouterFactsRead } from './router-facts.ts';

export interface ConnectionTarget {
  id: string;
  name: string;
  host: string;
  port: number;
  transport: 'api' | 'api-ssl';
  username: string;
  tlsFingerprint: string | null;
  allowAnonymousTls: boolean;
}

export interface ConnectionManagerDeps {
  /** Opens a logged-in client and reads the router's facts; rejects with RouterOsError / UnsupportedRouterError. */
  open(target: ConnectionTarget, password: string, signal: AbortSignal): Promise<{ client: RouterOsClient; facts: RouterFactsRead }>;
  getPassword(routerId: string): Promise<string | null>;
  events: EventBus;
  now: () => number;
  onConnected?: (routerId: string, facts: RouterFactsRead) => void;
  log?: (message: string, context: Record<string, unknown>) => void;
}

interface Entry {
  target: ConnectionTarget;
  loop: ManagedConnection<RouterOsClient> | undefined;
  status: RouterStatus;
  facts: RouterFactsRead | undefined;
}

export class ConnectionManager {
  readonly #deps: ConnectionManagerDeps;
  readonly #entries = new Map<string, Entry>();

  constructor(deps: ConnectionManagerDeps) {
    this.#deps = deps;
  }

  /** Starts (or restarts, when the profile changed) the connection for a router. */
  async ensure(target: ConnectionTarget): Promise<void> {
    const existing = this.#entries.get(target.id);
    if (existing && sameTarget(existing.target, target) && existing.loop) return;
    if (existing) await this.#stopLoop(existing);
    const entry: Entry = existing ?? {
      target,
      loop: undefined,
      status: this.#initialStatus(target.id),
      facts: undefined,
    };
    entry.target = target;
    this.#entries.set(target.id, entry);
    await this.#start(entry);
  }

  /** Drops the current connection and tries again at once (after the user fixed something). */
  async reconnect(routerId: string): Promise<RouterStatus> {
    const entry = this.#require(routerId);
    await this.#stopLoop(entry);
    await this.#start(entry);
    return entry.status;
  }

  async remove(routerId: string): Promise<void> {
    const entry = this.#entries.get(routerId);
    if (!entry) return;
    this.#entries.delete(routerId);
    await this.#stopLoop(entry);
  }

  status(routerId: string): RouterStatus {
    return this.#entries.get(routerId)?.status ?? this.#initialStatus(routerId);
  }

  facts(routerId: string): RouterFactsRead | undefined {
    return this.#entries.get(routerId)?.facts;
  }

  /** Runs work on the router's live connection, or refuses with the reason it is not connected. */
  async withClient<T>(routerId: string, work: (client: RouterOsClient) => Promise<T>): Promise<T> {
    const entry = this.#require(routerId);
    const client = entry.loop?.client;
    if (!client || entry.status.state !== 'online') {
      const why = entry.status.message ?? 'it is not connected';
      throw new AppError('OFFLINE', `${entry.target.name} is not connected (${why}). Nothing was sent to the router.`, { state: entry.status.state });
    }
    return work(client);
  }

  /**
   * Opens a second, short-lived connection and logs in, then closes it: proof that the router still accepts
   * WireDesk after a change (a firewall rule or a disabled interface may leave the open session alone and
   * refuse every new one). Rejects when it cannot connect within `timeoutMs`.
   */
  async probe(routerId: string, timeoutMs = 10_000): Promise<void> {
    const entry = this.#require(routerId);
    const password = (await this.#deps.getPassword(routerId)) ?? '';
    const signal = AbortSignal.timeout(timeoutMs);
    const { client } = await this.#deps.open(entry.target, password, signal);
    client.close();
  }

  async shutdown(): Promise<void> {
    const entries = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.all(entries.map((e) => this.#stopLoop(e)));
  }

  async #start(entry: Entry): Promise<void> {
    const { target } = entry;
    let password: string | null;
    try {
      password = await this.#deps.getPassword(target.id);
    } catch (error) {
      const message = error instanceof SecretStoreUnavailableError ? error.message : `The keychain could not be read: ${String(error)}`;
      this.#setStatus(entry, { state: 'keychain-unavailable', message, lastError: { code: 'KEYCHAIN_UNAVAILABLE', message, at: this.#deps.now() } });
      return;
    }
    const loop = new ManagedConnection<RouterOsClient>({
      connect: async (signal) => {
        const { client, facts } = await this.#deps.open(target, password ?? '', signal);
        entry.facts = facts;
        this.#deps.onConnected?.(target.id, facts);
        return client;
      },
      onState: (state) => this.#onLoopState(entry, loop, state),
      backoff: { initialMs: 1_000, maxMs: 60_000 },
    });
    entry.loop = loop;
    loop.start();
  }

  #onLoopState(entry: Entry, loop: ManagedConnection<RouterOsClient>, state: LoopState<RouterOsClient>): void {
    if (entry.loop !== loop) return; // a stopped loop reporting late
    const now = this.#deps.now();
    switch (state.status) {
      case 'connecting':
        this.#setStatus(entry, { state: 'connecting', message: state.attempt > 1 ? `Reconnecting (attempt ${state.attempt})` : 'Connecting', nextRetryAt: null });
        return;
      case 'connected':
        this.#setStatus(entry, { state: 'online', message: null, nextRetryAt: null, lastSeenAt: now });
        return;
      case 'waiting': {
        const error = state.error;
        this.#deps.log?.('router connection failed, retrying', { routerId: entry.target.id, code: error.code, delayMs: state.delayMs });
        const unsupported = error instanceof UnsupportedRouterError;
        this.#setStatus(entry, {
          state: unsupported ? 'unsupported' : 'offline',
          message: error.message,
          lastError: { code: error.code, message: error.message, at: now },
          nextRetryAt: now + state.delayMs,
          lastSeenAt: entry.status.state === 'online' ? now : entry.status.lastSeenAt,
        });
        return;
      }
      case 'stopped': {
        const error = state.error;
        if (!error) {
          this.#setStatus(entry, { state: 'idle', message: null, nextRetryAt: null });
          return;
        }
        this.#setStatus(entry, {
          state: stoppedState(error),
          message: error.message,
          lastError: { code: error.code, message: error.message, at: now },
          nextRetryAt: null,
          details: errorDetails(error),
        });
      }
    }
  }

  #setStatus(entry: Entry, patch: Partial<RouterStatus> & { state: ConnectionState }): void {
    const previous = entry.status;
    const next: RouterStatus = {
      ...previous,
      ...patch,
      routerId: entry.target.id,
      since: patch.state === previous.state ? previous.since : this.#deps.now(),
    };
    if (patch.details === undefined) delete next.details;
    entry.status = next;
    this.#deps.events.emit('router:status', next);
  }

  async #stopLoop(entry: Entry): Promise<void> {
    const loop = entry.loop;
    entry.loop = undefined;
    if (loop) await loop.stop();
  }

  #require(routerId: string): Entry {
    const entry = this.#entries.get(routerId);
    if (!entry) throw new AppError('NOT_FOUND', `No router with id ${routerId} is configured.`);
    return entry;
  }

  #initialStatus(routerId: string): RouterStatus {
    return { routerId, state: 'idle', message: null, since: this.#deps.now(), lastError: null, nextRetryAt: null, lastSeenAt: null };
  }
}

function stoppedState(error: RouterOsError): ConnectionState {
  switch (error.code) {
    case 'AUTH_FAILED':
      return 'auth-failed';
    case 'TLS_FINGERPRINT_MISMATCH':
      return 'certificate-mismatch';
    case 'TLS_UNTRUSTED':
    case 'TLS_ANONYMOUS':
      return 'certificate-untrusted';
    default:
      return 'offline';
  }
}

function errorDetails(error: RouterOsError): Record<string, unknown> | undefined {
  if (error instanceof TlsFingerprintMismatchError) return { expected: error.expectedFingerprint, actual: error.certificate.fingerprint };
  if (error instanceof TlsUntrustedError) return { fingerprint: error.certificate.fingerprint, subject: error.certificate.subject };
  return undefined;
}

function sameTarget(a: ConnectionTarget, b: ConnectionTarget): boolean {
  return (
    a.host === b.host &&
    a.port === b.port &&
    a.transport === b.transport &&
    a.username === b.username &&
    a.tlsFingerprint === b.tlsFingerprint &&
    a.allowAnonymousTls === b.allowAnonymousTls &&
    a.name === b.name
  );
}
