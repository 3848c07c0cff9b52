// A minimal RouterOS API client over the lead's codec, so that the simulator's tests do not depend on the
// production client being written at the same time.
import net from 'node:net';
import tls from 'node:tls';
import { SentenceDecoder, encodeSentence } from '../../../../main/routeros/protocol/codec.ts';
import { parseSentence, type ParsedSentence } from '../../../../main/routeros/protocol/sentence.ts';

export interface Reply extends ParsedSentence {
  /** Raw words as received. */
  words: Buffer[];
  /** Attribute as UTF-8 text. */
  get(name: string): string | undefined;
}

export interface ConnectOptions {
  port: number;
  host?: string;
  tls?: tls.ConnectionOptions;
}

let tagCounter = 0;

export class RawApi {
  readonly socket: net.Socket;
  /** Every sentence received, in order. */
  readonly received: Reply[] = [];
  readonly closed: Promise<void>;
  /** Set when the stream could not be decoded (garbage). */
  protocolError: Error | undefined;
  private readonly decoder = new SentenceDecoder();
  private waiters: Array<() => void> = [];

  private constructor(socket: net.Socket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', () => {
      this.wake();
      resolve();
    }));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const words of this.decoder.push(chunk)) {
          const parsed = parseSentence(words);
          this.received.push({ ...parsed, words, get: (name) => parsed.attributes.get(name)?.toString('utf8') });
        }
      } catch (error) {
        this.protocolError = error as Error;
      }
      this.wake();
    });
  }

  static connect(options: ConnectOptions): Promise<RawApi> {
    const host = options.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      const socket = options.tls
        ? tls.connect({ host, port: options.port, ...options.tls }, () => resolve(new RawApi(socket)))
        : net.connect({ host, port: options.port }, () => resolve(new RawApi(socket)));
      socket.once('error', reject);
    });
  }

  static async login(options: ConnectOptions, name = 'admin', password = ''): Promise<RawApi> {
    const api = await RawApi.connect(options);
    const replies = await api.call(['/login', `=name=${name}`, `=password=${password}`]);
    if (replies.some((r) => r.head === '!trap')) throw new Error(`login failed: ${replies.map((r) => r.get('message')).join()}`);
    return api;
  }

  write(words: ReadonlyArray<Buffer | string>): void {
    this.socket.write(encodeSentence(words));
  }

  /** Resolves when `predicate` holds for what has been received so far (or rejects when the socket closes first). */
  async until<T>(predicate: () => T | undefined | false): Promise<T> {
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (this.socket.destroyed || this.protocolError) throw new Error('connection closed before the expected reply');
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Sentences carrying this tag. */
  tagged(tag: string): Reply[] {
    return this.received.filter((r) => r.tag === tag);
  }

  /** Sends a command with a fresh tag and resolves with every reply up to and including its `!done`. */
  async call(words: ReadonlyArray<Buffer | string>, tag = `t${++tagCounter}`): Promise<Reply[]> {
    this.write([...words, `.tag=${tag}`]);
    return this.until(() => {
      const replies = this.tagged(tag);
      return replies.some((r) => r.head === '!done') ? replies : undefined;
    });
  }

  /** `!re` rows of a call as records of UTF-8 strings. */
  async rows(words: ReadonlyArray<Buffer | string>): Promise<Array<Record<string, string>>> {
    const replies = await this.call(words);
    const trap = replies.find((r) => r.head === '!trap');
    if (trap) throw new Error(`trap: ${trap.get('message')}`);
    return replies.filter((r) => r.head === '!re').map((r) => Object.fromEntries([...r.attributes].map(([k, v]) => [k, v.toString('utf8')])));
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The reply words of a call reduced to `head` + message, for compact assertions. */
export function summary(replies: readonly Reply[]): string[] {
  return replies.map((r) => (r.head === '!trap' ? `!trap ${r.get('category') ?? '-'} ${r.get('message')}` : r.head));
}
