// The app-facing RouterOS client: print/add/set/remove/listen over one logged-in ApiSession.
// It only builds words and shapes results; framing, tags, timeouts and failure handling live in session.ts.
import { RouterOsError } from './errors.ts';
import { attributeWord } from './protocol/sentence.ts';
import type { Row } from './rows.ts';
import type { ApiSession, Reply } from './session.ts';
import { checkCodePage, encodeValue, type ParamValue } from './text.ts';
import type { TlsInfo } from './transport/tls.ts';

/** Command parameters; `undefined` values are left out (handy for optional fields). */
export type Params = Readonly<Record<string, ParamValue | undefined>>;

export interface CommandOptions {
  /** Overrides the connection's default command timeout; 0 waits forever. */
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Own tag, e.g. to `cancel(tag)` later; must be unique among running commands. */
  tag?: string | undefined;
}

export interface PrintOptions extends CommandOptions {
  /** Only these properties (`=.proplist=`); absent ones are simply missing from rows. */
  proplist?: readonly string[] | undefined;
  /** Query words, with or without the leading '?': `name=wg1`, `-disabled`, `#|`. */
  query?: readonly string[] | undefined;
  /** Extra print arguments, e.g. `{ detail: '' }`. */
  params?: Params | undefined;
}

export type CallResult = Reply;

export interface ListenHandle {
  readonly tag: string;
  /** Settles when the stream ends: resolves after cancel(), rejects on a trap or a lost connection. */
  readonly done: Promise<void>;
  /** Asks the router to stop the stream; resolves once it has ended. */
  cancel(): Promise<void>;
}

export interface ClientSettings {
  legacyCodePage: string;
  /** Default for every command except listen; 0 disables. */
  commandTimeoutMs: number;
  tls: TlsInfo | undefined;
}

/** `/ip address` and `ip/address/` both become `/ip/address`. */
export function normalizePath(path: string): string {
  const parts = path.trim().split(/[\s/]+/).filter((p) => p.length > 0);
  return `/${parts.join('/')}`;
}

export class RouterOsClient {
  /** Router as shown in messages (host, plus port when not the default). */
  readonly host: string;
  /** TLS details for api-ssl (fingerprint, whether the peer is authenticated); undefined on plain API. */
  readonly tls: TlsInfo | undefined;
  private readonly session: ApiSession;
  private readonly commandTimeoutMs: number;

  constructor(session: ApiSession, settings: ClientSettings) {
    this.session = session;
    this.host = session.label;
    this.tls = settings.tls;
    this.commandTimeoutMs = settings.commandTimeoutMs;
    this.session.legacyCodePage = checkCodePage(settings.legacyCodePage);
  }

  /** Code page for text that is not UTF-8 (see text.ts); changing it affects replies received afterwards. */
  get legacyCodePage(): string {
    return this.session.legacyCodePage;
  }

  set legacyCodePage(codePage: string) {
    this.session.legacyCodePage = checkCodePage(codePage);
  }

  get isOpen(): boolean {
    return this.session.closeReason === undefined;
  }

  /** Why the connection ended (code CLOSED, FATAL, CONNECTION_LOST, PROTOCOL_ERROR); undefined while open. */
  get closeReason(): RouterOsError | undefined {
    return this.session.closeReason;
  }

  onClose(listener: (reason: RouterOsError) => void): () => void {
    return this.session.onClose(listener);
  }

  /** Runs any command, e.g. `call('/interface/wireguard/peers/show-client-config', { '.id': '*1' })`. */
  async call(command: string, params: Params = {}, options: CommandOptions = {}): Promise<CallResult> {
    return await this.run(normalizePath(command), paramWords(params), options);
  }

  async print(path: string, options: PrintOptions = {}): Promise<Row[]> {
    const words = paramWords(options.params ?? {});
    if (options.proplist) words.push(attributeWord('.proplist', options.proplist.join(',')));
    for (const q of options.query ?? []) words.push(Buffer.from(q.startsWith('?') ? q : `?${q}`, 'utf8'));
    const reply = await this.run(`${normalizePath(path)}/print`, words, options);
    return reply.rows;
  }

  /** Adds an item and returns its new `.id` (e.g. `*1A`). */
  async add(path: string, params: Params, options: CommandOptions = {}): Promise<string> {
    const command = `${normalizePath(path)}/add`;
    const reply = await this.run(command, paramWords(params), options);
    const id = reply.done['ret'];
    if (!id) {
      throw new RouterOsError('PROTOCOL_ERROR', `${this.host} did not return the id of the item added by ${command}`, {
        host: this.host,
        command,
      });
    }
    return id;
  }

  async set(path: string, id: string, params: Params, options: CommandOptions = {}): Promise<void> {
    await this.run(`${normalizePath(path)}/set`, paramWords({ '.id': id, ...params }), options);
  }

  /** Removes one or several items in one command (`=.id=*1,*2`). */
  async remove(path: string, ids: string | readonly string[], options: CommandOptions = {}): Promise<void> {
    const list = typeof ids === 'string' ? ids : ids.join(',');
    await this.run(`${normalizePath(path)}/remove`, paramWords({ '.id': list }), options);
  }

  /**
   * Streams changes of a menu: `onRow` gets every `!re` (removed items carry `.dead`). Runs until cancelled,
   * the signal aborts, or the connection ends.
   */
  listen(
    path: string,
    onRow: (row: Row) => void,
    options: { proplist?: readonly string[]; signal?: AbortSignal; tag?: string } = {},
  ): ListenHandle {
    const words = options.proplist ? [attributeWord('.proplist', options.proplist.join(','))] : [];
    const { tag, reply } = this.session.send(`${normalizePath(path)}/listen`, words, { onRow, tag: options.tag });
    const done = reply.then(() => undefined);
    // Marks the promise handled: a caller that never looks at `done` must not crash the process when a
    // stream ends with an error; a caller that awaits it still sees the rejection.
    done.catch(() => undefined);
    const cancel = async (): Promise<void> => {
      this.session.stop(tag);
      await done.catch(() => undefined);
    };
    if (options.signal) {
      const signal = options.signal;
      const onAbort = (): void => void cancel();
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      void done.catch(() => undefined).finally(() => signal.removeEventListener('abort', onAbort));
    }
    return { tag, done, cancel };
  }

  /** Cancels a running command started with `tag`: its promise rejects with CANCELLED. */
  cancel(tag: string): void {
    this.session.cancel(tag);
  }

  /** Closes the connection; running commands reject with CLOSED. */
  close(): void {
    this.session.close();
  }

  private run(command: string, words: Buffer[], options: CommandOptions): Promise<Reply> {
    const timeoutMs = options.timeoutMs ?? this.commandTimeoutMs;
    return this.session.send(command, words, {
      tag: options.tag,
      signal: options.signal,
      timeoutMs: timeoutMs > 0 ? timeoutMs : undefined,
    }).reply;
  }
}

function paramWords(params: Params): Buffer[] {
  const words: Buffer[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) words.push(attributeWord(key, encodeValue(value)));
  }
  return words;
}
