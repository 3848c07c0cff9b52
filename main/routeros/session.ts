// One API session over one socket: frames sentences with the codec, tags every command, routes each reply
// to its command by `.tag`, and turns every way a session can end into a RouterOsError that reaches every
// waiting caller. Nothing here throws from a socket callback and no 'error' event is left unhandled: a
// desktop app must survive a router that goes quiet, resets, sends garbage or ends the session.
import type { Duplex } from 'node:stream';
import { encodeSentence, ProtocolError, SentenceDecoder } from './protocol/codec.ts';
import { parseSentence, type ParsedSentence } from './protocol/sentence.ts';
import { RouterOsError, RouterOsFatalError, RouterOsTrapError, type TrapDetail } from './errors.ts';
import type { RouterOsLogger } from './logger.ts';
import { buildRow, type Row } from './rows.ts';
import { decodeText } from './text.ts';
import { describeSocketError } from './transport/tcp.ts';

export interface Reply {
  /** `!re` rows, unless the command streamed them to `onRow`. */
  rows: Row[];
  /** Attributes of `!done`, e.g. `ret` after add. */
  done: Row;
  /** The router answered `!empty` (RouterOS 7.18+: the command has no rows). */
  empty: boolean;
}

export interface SendOptions {
  /** Caller-chosen tag (must not be in use); by default the session numbers its commands. */
  tag?: string | undefined;
  /** Reject with TIMEOUT and cancel the command on the router when no `!done` arrives in time. */
  timeoutMs?: number | undefined;
  /** Reject with CANCELLED and cancel the command on the router when aborted. */
  signal?: AbortSignal | undefined;
  /** Deliver rows as they arrive (listen) instead of collecting them. */
  onRow?: ((row: Row) => void) | undefined;
}

export interface SessionOptions {
  /** Router as the user knows it, for messages. */
  label: string;
  /** Code page for text that is not UTF-8 (see text.ts). */
  legacyCodePage: string;
  logger: RouterOsLogger;
  /** Probe the router after this long without receiving anything; 0 disables. */
  keepaliveIntervalMs: number;
  /** How long the router may stay silent after a probe or a /cancel before the link counts as dead. */
  responseTimeoutMs: number;
  /**
   * A command waiting this long with nothing received sends the probe early, and then the router has
   * `busyResponseTimeoutMs` to answer it: a router that stops answering mid-command is found in seconds, not
   * after the command's own timeout. `listen` (silent by nature) does not count as waiting. 0 disables.
   */
  busyProbeMs?: number;
  busyResponseTimeoutMs?: number;
}

type ErrorFor = (command: string | undefined) => RouterOsError;

interface Exchange {
  command: string;
  rows: Row[];
  traps: TrapDetail[];
  empty: boolean;
  onRow: ((row: Row) => void) | undefined;
  resolve: (reply: Reply) => void;
  reject: (error: RouterOsError) => void;
  /**
   * active: the caller waits. stopping: the caller asked the router to end it (listen) and waits for !done.
   * abandoned: the caller already has its error (timeout, abort); late replies are drained silently.
   */
  state: 'active' | 'stopping' | 'abandoned';
  release: () => void;
}

export class ApiSession {
  private readonly socket: Duplex;
  private readonly options: SessionOptions;
  private readonly decoder = new SentenceDecoder();
  private readonly exchanges = new Map<string, Exchange>();
  private readonly closeListeners = new Set<(reason: RouterOsError) => void>();
  private tagCounter = 0;
  private lastReceivedAt = Date.now();
  private socketError: NodeJS.ErrnoException | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private keepalive: NodeJS.Timeout | undefined;
  private busyCheck: NodeJS.Timeout | undefined;
  private reason: RouterOsError | undefined;
  /** Read for every reply, so the per-connection code page can change while connected. */
  legacyCodePage: string;

  constructor(socket: Duplex, options: SessionOptions) {
    this.socket = socket;
    this.options = options;
    this.legacyCodePage = options.legacyCodePage;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.socketError = error;
    });
    socket.on('close', () => this.fail((command) => this.lostError(command)));
    if (options.keepaliveIntervalMs > 0) {
      this.keepalive = setInterval(() => this.checkIdle(), options.keepaliveIntervalMs);
      this.keepalive.unref();
    }
    const busyMs = options.busyProbeMs ?? 0;
    if (busyMs > 0) {
      this.busyCheck = setInterval(() => this.checkBusy(busyMs), Math.max(100, Math.floor(busyMs / 4)));
      this.busyCheck.unref();
    }
  }

  get label(): string {
    return this.options.label;
  }

  /** Why the session ended; undefined while it is open. */
  get closeReason(): RouterOsError | undefined {
    return this.reason;
  }

  /** Called once with the reason when the session ends (immediately, asynchronously, if it already has). */
  onClose(listener: (reason: RouterOsError) => void): () => void {
    if (this.reason) {
      const reason = this.reason;
      queueMicrotask(() => listener(reason));
      return () => {};
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  send(command: string, words: readonly Buffer[], options: SendOptions = {}): { tag: string; reply: Promise<Reply> } {
    const tag = options.tag ?? this.nextTag();
    if (this.exchanges.has(tag)) throw new RangeError(`tag "${tag}" is already in use on this connection`);
    const reply = new Promise<Reply>((resolve, reject) => {
      if (this.reason) {
        reject(this.closedError(command));
        return;
      }
      if (options.signal?.aborted) {
        reject(this.cancelledError(command));
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const onAbort = (): void => {
        const reason: unknown = options.signal?.reason;
        this.abandon(tag, reason instanceof RouterOsError ? reason : this.cancelledError(command));
      };
      const exchange: Exchange = {
        command,
        rows: [],
        traps: [],
        empty: false,
        onRow: options.onRow,
        resolve,
        reject,
        state: 'active',
        release: () => {
          if (timer) clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
        },
      };
      this.exchanges.set(tag, exchange);
      if (options.timeoutMs !== undefined) {
        const ms = options.timeoutMs;
        timer = setTimeout(() => this.abandon(tag, this.timeoutError(command, ms)), ms);
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.write([command, ...words, `.tag=${tag}`]);
    });
    return { tag, reply };
  }

  /** Ends a running command (listen, ping) on the router; its reply resolves once the router confirms. */
  stop(tag: string): void {
    const exchange = this.exchanges.get(tag);
    if (!exchange || exchange.state !== 'active') return;
    exchange.state = 'stopping';
    this.sendCancel(tag);
  }

  /** Rejects a command now with `error` and cancels it on the router; the connection stays usable. */
  abandon(tag: string, error: RouterOsError): void {
    const exchange = this.exchanges.get(tag);
    if (!exchange || exchange.state === 'abandoned') return;
    exchange.state = 'abandoned';
    exchange.release();
    exchange.reject(error);
    this.sendCancel(tag);
  }

  /** Cancels a running command: its caller gets CANCELLED now, the router is told to stop it. */
  cancel(tag: string): void {
    const exchange = this.exchanges.get(tag);
    if (exchange) this.abandon(tag, this.cancelledError(exchange.command));
  }

  /** Closes the connection; every waiting command is rejected with CLOSED. */
  close(): void {
    this.fail((command) =>
      new RouterOsError(
        'CLOSED',
        command
          ? `${command} on ${this.label} was stopped because the app closed the connection`
          : `The app closed the connection to ${this.label}`,
        { host: this.label, command },
      ),
    );
  }

  private nextTag(): string {
    let tag: string;
    do tag = `t${++this.tagCounter}`;
    while (this.exchanges.has(tag));
    return tag;
  }

  private write(words: ReadonlyArray<Buffer | string>): void {
    this.options.logger.debug?.('send', { host: this.label, command: words[0] });
    this.socket.write(encodeSentence(words));
  }

  private sendCancel(tag: string): void {
    if (this.reason) return;
    // The /cancel has its own tag; nobody waits for its answer, it is drained like an abandoned command.
    const cancelTag = this.nextTag();
    this.exchanges.set(cancelTag, {
      command: '/cancel',
      rows: [],
      traps: [],
      empty: false,
      onRow: undefined,
      resolve: () => {},
      reject: () => {},
      state: 'abandoned',
      release: () => {},
    });
    this.write(['/cancel', `=tag=${tag}`, `.tag=${cancelTag}`]);
    this.expectAnswer('/cancel');
  }

  private onData(chunk: Buffer): void {
    this.lastReceivedAt = Date.now();
    if (this.watchdog) {
      clearTimeout(this.watchdog);
      this.watchdog = undefined;
    }
    let sentences: Buffer[][];
    try {
      sentences = this.decoder.push(chunk);
    } catch (error) {
      // Replies that arrived complete before the bad bytes still reach their callers.
      if (error instanceof ProtocolError) for (const words of error.sentences) if (!this.reason) this.dispatch(words);
      const detail = error instanceof ProtocolError ? error.message : String(error);
      this.fail((command) => this.protocolError(command, detail, error));
      return;
    }
    for (const words of sentences) {
      if (this.reason) return;
      this.dispatch(words);
    }
  }

  private dispatch(words: Buffer[]): void {
    if (words.length === 0) return; // an empty sentence carries nothing; RouterOS never sends one
    const sentence = parseSentence(words);
    if (!sentence.head.startsWith('!')) {
      this.fail((command) => this.protocolError(command, `unexpected reply word "${sentence.head.slice(0, 40)}"`));
      return;
    }
    if (sentence.head === '!fatal') {
      const reason = this.fatalReason(sentence);
      this.fail((command) => new RouterOsFatalError(reason, { host: this.label, command }));
      return;
    }
    const exchange = sentence.tag === undefined ? undefined : this.exchanges.get(sentence.tag);
    if (!exchange) {
      // A reply nobody asked for (another client's tag, a router bug): harmless for us, worth a log line.
      this.options.logger.warn('ignored a reply for an unknown tag', {
        host: this.label,
        reply: sentence.head,
        tag: sentence.tag ?? null,
      });
      return;
    }
    switch (sentence.head) {
      case '!re':
        this.onRe(exchange, sentence);
        break;
      case '!trap':
        exchange.traps.push(this.trapDetail(sentence));
        break;
      case '!empty':
        exchange.empty = true;
        break;
      case '!done':
        this.onDone(sentence.tag!, exchange, sentence);
        break;
      default:
        this.options.logger.warn('ignored an unknown reply word', { host: this.label, reply: sentence.head });
    }
  }

  private onRe(exchange: Exchange, sentence: ParsedSentence): void {
    if (exchange.state !== 'active') return; // rows racing a cancel are not wanted any more
    const row = buildRow(sentence.attributes, this.legacyCodePage);
    if (!exchange.onRow) {
      exchange.rows.push(row);
      return;
    }
    try {
      exchange.onRow(row);
    } catch (error) {
      this.options.logger.warn('a row handler threw; the row was skipped', {
        host: this.label,
        command: exchange.command,
        error: String(error),
      });
    }
  }

  private onDone(tag: string, exchange: Exchange, sentence: ParsedSentence): void {
    this.exchanges.delete(tag);
    exchange.release();
    if (exchange.state === 'abandoned') return;
    // A stopped command ends with "interrupted" (category 2): that is the confirmation, not a failure.
    const traps = exchange.state === 'stopping' ? exchange.traps.filter((t) => t.category !== 2) : exchange.traps;
    if (traps.length > 0) {
      exchange.reject(new RouterOsTrapError(traps, { host: this.label, command: exchange.command }));
      return;
    }
    const done = buildRow(sentence.attributes, this.legacyCodePage);
    exchange.resolve({ rows: exchange.rows, done, empty: exchange.empty });
  }

  private trapDetail(sentence: ParsedSentence): TrapDetail {
    const message = sentence.attributes.get('message');
    const category = sentence.attributes.get('category');
    const parsed = category === undefined ? NaN : Number.parseInt(category.toString('latin1'), 10);
    return {
      message: message ? decodeText(message, this.legacyCodePage).text : 'unknown error',
      category: Number.isNaN(parsed) ? undefined : parsed,
    };
  }

  private fatalReason(sentence: ParsedSentence): string {
    // The reason is a bare word after !fatal; accept =message= too.
    const parts = sentence.other.map((w) => decodeText(w, this.legacyCodePage).text);
    const message = sentence.attributes.get('message');
    if (message) parts.push(decodeText(message, this.legacyCodePage).text);
    return parts.join(' ') || 'no reason given';
  }

  private checkIdle(): void {
    if (this.reason || this.watchdog) return;
    if (Date.now() - this.lastReceivedAt < this.options.keepaliveIntervalMs) return;
    this.probe(this.options.responseTimeoutMs);
  }

  /** A command is waiting and the router has said nothing for `busyMs`: ask it something it answers at once. */
  private checkBusy(busyMs: number): void {
    if (this.reason || this.watchdog) return;
    if (Date.now() - this.lastReceivedAt < busyMs) return;
    const waiting = [...this.exchanges.values()].some((e) => e.state === 'active' && !e.command.endsWith('/listen'));
    if (waiting) this.probe(this.options.busyResponseTimeoutMs ?? this.options.responseTimeoutMs);
  }

  private probe(answerWithinMs: number): void {
    // Any answer proves the router and the path are alive; identity is the cheapest read there is.
    this.send('/system/identity/print', [Buffer.from('=.proplist=name')]).reply.catch(() => {});
    this.expectAnswer('a keepalive probe', answerWithinMs);
  }

  private expectAnswer(what: string, ms = this.options.responseTimeoutMs): void {
    if (this.watchdog || this.reason) return;
    this.watchdog = setTimeout(() => {
      this.fail((command) =>
        new RouterOsError(
          'CONNECTION_LOST',
          `${this.label} stopped answering (no reply to ${what} within ${ms} ms)` +
            (command ? ` while running ${command}` : '') +
            '; the connection was dropped',
          { host: this.label, command },
        ),
      );
    }, ms);
    this.watchdog.unref();
  }

  private fail(errorFor: ErrorFor): void {
    if (this.reason) return;
    const reason = errorFor(undefined);
    this.reason = reason;
    if (this.watchdog) clearTimeout(this.watchdog);
    if (this.keepalive) clearInterval(this.keepalive);
    if (this.busyCheck) clearInterval(this.busyCheck);
    for (const exchange of this.exchanges.values()) {
      exchange.release();
      if (exchange.state === 'active') exchange.reject(errorFor(exchange.command));
      // A command being stopped was going to end anyway: its caller gets the rows it has.
      if (exchange.state === 'stopping') exchange.resolve({ rows: exchange.rows, done: {}, empty: exchange.empty });
    }
    this.exchanges.clear();
    this.socket.destroy();
    for (const listener of this.closeListeners) {
      try {
        listener(reason);
      } catch (error) {
        this.options.logger.warn('a close listener threw', { host: this.label, error: String(error) });
      }
    }
    this.closeListeners.clear();
  }

  private lostError(command: string | undefined): RouterOsError {
    const why = this.socketError ? describeSocketError(this.socketError) : 'the router closed it';
    const during = command ? ` while running ${command}` : '';
    return new RouterOsError('CONNECTION_LOST', `Connection to ${this.label} was lost${during}: ${why}`, {
      host: this.label,
      command,
      cause: this.socketError,
    });
  }

  private protocolError(command: string | undefined, detail: string, cause?: unknown): RouterOsError {
    const during = command ? ` while running ${command}` : '';
    return new RouterOsError(
      'PROTOCOL_ERROR',
      `${this.label} sent data that is not the RouterOS API${during} (${detail}); the connection was dropped. ` +
        'Check that the port is the API service (8728, or 8729 for api-ssl).',
      { host: this.label, command, cause },
    );
  }

  private closedError(command: string): RouterOsError {
    const reason = this.reason?.message ?? 'closed';
    return new RouterOsError('CLOSED', `Cannot run ${command}: the connection to ${this.label} is closed (${reason})`, {
      host: this.label,
      command,
      cause: this.reason,
    });
  }

  private cancelledError(command: string): RouterOsError {
    return new RouterOsError('CANCELLED', `${command} on ${this.label} was cancelled`, { host: this.label, command });
  }

  private timeoutError(command: string, ms: number): RouterOsError {
    return new RouterOsError(
      'TIMEOUT',
      `${command} on ${this.label} did not finish within ${ms} ms; it was cancelled on the router`,
      { host: this.label, command },
    );
  }
}
