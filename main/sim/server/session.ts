// One API connection: framing, login, running commands concurrently by tag, /cancel, and the fault hooks.
import type { Socket } from 'node:net';
import { SentenceDecoder } from '../../routeros/protocol/codec.ts';
import { attributeWord, parseSentence, type ParsedSentence } from '../../routeros/protocol/sentence.ts';
import type { CommandContext, UserRecord } from '../commands/context.ts';
import type { CommandTable, ResolvedCommand } from '../commands/dispatch.ts';
import type { RouterState } from '../state/router-state.ts';
import type { SafeModeOwner } from '../state/safe-mode.ts';
import { SimTrap } from '../trap.ts';
import type { CommandLog } from './command-log.ts';
import { DEFAULT_FATAL_REASON, type FaultTarget, type Faults } from './faults.ts';
import { LoginFlow } from './login.ts';
import { ReplyWriter } from './writer.ts';

export interface SessionEnv {
  state: RouterState;
  faults: Faults;
  commands: CommandTable;
  log: CommandLog;
  users: readonly UserRecord[];
  legacyLogin: boolean;
  /** Unexpected handler failures (bugs), reported instead of swallowed. */
  onError: (error: unknown) => void;
}

interface Running {
  tag: string | undefined;
  controller: AbortController;
  finished: boolean;
}

type Props = ReadonlyArray<readonly [string, Buffer | string]>;

let nextSessionId = 1;

export class Session implements FaultTarget {
  private readonly socket: Socket;
  private readonly env: SessionEnv;
  private readonly decoder = new SentenceDecoder();
  private readonly writer: ReplyWriter;
  private readonly login: LoginFlow;
  private readonly running = new Set<Running>();
  private user: UserRecord | undefined;
  /** Who this session is to Safe Mode; set at login. */
  private owner: SafeModeOwner | undefined;
  private closed = false;
  /** /quit was received: the session ends normally (Safe Mode keeps its changes). */
  private quitting = false;
  private ended = false;
  /** Bytes received while the link was cut, processed when it lifts. */
  private held: Buffer[] = [];

  constructor(socket: Socket, env: SessionEnv) {
    this.socket = socket;
    this.env = env;
    this.writer = new ReplyWriter(socket, env.faults);
    this.login = new LoginFlow(env.users, env.legacyLogin);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => this.peerClosed());
    socket.on('close', () => this.peerClosed());
    env.faults.attach(this);
  }

  sendFatal(reason: string): void {
    this.abortAll();
    this.writer.sentence(['!fatal', reason]);
    this.writer.endAfterFlush();
    this.closed = true;
  }

  sendRaw(bytes: Buffer): void {
    this.writer.raw(bytes);
  }

  drop(): void {
    this.shutdown();
    this.socket.destroy();
  }

  resume(): void {
    const held = this.held;
    this.held = [];
    for (const chunk of held) this.receive(chunk);
  }

  /**
   * The client closed its end. While the link is cut (a firewall rule dropping the app's packets), its FIN
   * never reaches the router either: the router keeps the session, and the Safe Mode it holds, until the cut
   * lifts and the retransmitted FIN arrives (a real router would otherwise wait for its TCP timeout, the
   * 9 minutes the Safe Mode manual page speaks of). Loopback delivers the close at once, so it is held here.
   */
  private peerClosed(): void {
    if (this.env.faults.linkCut && !this.closed) {
      const timeout = setTimeout(() => this.shutdown(), this.env.faults.tcpTimeoutMs);
      timeout.unref();
      void this.env.faults.whenLifted().then(() => {
        clearTimeout(timeout);
        this.shutdown();
      });
      return;
    }
    this.shutdown();
  }

  private shutdown(): void {
    this.closed = true;
    this.writer.close();
    this.abortAll();
    this.env.faults.detach(this);
    if (!this.ended) {
      this.ended = true;
      // The connection ended: without a /quit, Safe Mode held by this session is unrolled (manual "Console":
      // "/quit does not" undo; a cut connection does).
      if (this.owner) this.env.state.safeMode.sessionEnded(this.owner, this.quitting);
    }
  }

  private abortAll(): void {
    for (const command of this.running) {
      command.finished = true;
      command.controller.abort();
    }
    this.running.clear();
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    if (this.env.faults.linkCut) {
      this.held.push(chunk);
      this.env.faults.heldWhileCut++;
      return;
    }
    let sentences: Buffer[][];
    try {
      sentences = this.decoder.push(chunk);
    } catch {
      // A real router drops a client that breaks the framing.
      this.drop();
      return;
    }
    for (const words of sentences) {
      if (this.closed) return;
      if (this.env.faults.silent) {
        this.env.faults.ignoredSentences++;
        continue;
      }
      if (words.length === 0) continue;
      if (this.env.faults.fireArmed(this)) continue;
      this.handle(parseSentence(words));
    }
  }

  private send(type: string, tag: string | undefined, props: Props = [], extra: readonly Buffer[] = []): void {
    const words: Buffer[] = [Buffer.from(type)];
    if (tag !== undefined) words.push(Buffer.from(`.tag=${tag}`));
    for (const [key, value] of props) words.push(attributeWord(key, value));
    words.push(...extra);
    this.writer.sentence(words);
  }

  private sendTrap(tag: string | undefined, trap: SimTrap): void {
    const props: Array<[string, string]> = [];
    if (trap.category !== undefined) props.push(['category', String(trap.category)]);
    props.push(['message', trap.message]);
    this.send('!trap', tag, props);
  }

  private handle(parsed: ParsedSentence): void {
    const { head, tag } = parsed;
    if (head === '/login') return this.handleLogin(parsed);
    if (head === '/quit') {
      this.quitting = true;
      return this.sendFatal(DEFAULT_FATAL_REASON);
    }
    if (!this.user) {
      this.sendTrap(tag, new SimTrap('not logged in'));
      return this.send('!done', tag);
    }
    if (head === '/cancel') return this.cancel(parsed);
    this.env.log.record(parsed, this.env.state.clock.now());
    const refusal = this.env.faults.refusals.get(head);
    if (refusal !== undefined) {
      this.sendTrap(tag, new SimTrap(refusal));
      return this.send('!done', tag);
    }
    const resolved = this.env.commands.resolve(head);
    if (Array.isArray(resolved)) {
      for (const trap of resolved) this.sendTrap(tag, trap);
      return this.send('!done', tag);
    }
    this.run(resolved, parsed, this.user);
  }

  private handleLogin(parsed: ParsedSentence): void {
    const result = this.login.handle(parsed.attributes);
    if (result.kind === 'challenge') return this.send('!done', parsed.tag, [['ret', result.ret]]);
    if (result.kind === 'failed') {
      this.sendTrap(parsed.tag, new SimTrap(result.message));
      return this.send('!done', parsed.tag);
    }
    this.user = result.user;
    this.owner ??= { id: nextSessionId++, user: result.user.name };
    this.send('!done', parsed.tag);
  }

  private cancel(parsed: ParsedSentence): void {
    const target = parsed.attributes.get('tag')?.toString('utf8');
    for (const command of [...this.running]) {
      if (target !== undefined && command.tag !== target) continue;
      command.finished = true;
      command.controller.abort();
      this.running.delete(command);
      this.sendTrap(command.tag, new SimTrap('interrupted', 2));
      this.send('!done', command.tag);
    }
    this.send('!done', parsed.tag);
  }

  private run(resolved: ResolvedCommand, parsed: ParsedSentence, user: UserRecord): void {
    const tag = parsed.tag;
    const command: Running = { tag, controller: new AbortController(), finished: false };
    this.running.add(command);
    const proplist = parsed.attributes.get('.proplist')?.toString('latin1') ?? parsed.apiAttributes.get('proplist');
    const attributes = new Map(parsed.attributes);
    attributes.delete('.proplist');
    const ctx: CommandContext = {
      state: this.env.state,
      command: parsed.head,
      menu: resolved.menu,
      attributes,
      queries: parsed.queries,
      proplist: proplist === undefined ? undefined : proplist.split(','),
      user,
      session: this.owner,
      signal: command.controller.signal,
      reply: (props) => {
        if (!command.finished) this.send('!re', tag, props);
      },
      empty: () => {
        if (!command.finished) this.send('!empty', tag);
      },
    };
    const finish = (): boolean => {
      if (command.finished) return false;
      command.finished = true;
      this.running.delete(command);
      return true;
    };
    Promise.resolve()
      .then(() => resolved.handler(ctx))
      .then(
        (result) => {
          if (!finish()) return;
          const faults = this.env.faults;
          if (faults.watches(parsed.head)) {
            const words = [...parsed.attributes].map(([k, v]) => `=${k}=${v.toString('utf8')}`);
            for (const q of parsed.queries) words.push(`?${q.toString('utf8')}`);
            if (faults.afterCommand(parsed.head, words) === 'lose') return this.drop();
          }
          this.send('!done', tag, result?.ret === undefined ? [] : [['ret', result.ret]]);
        },
        (error: unknown) => {
          if (!finish()) return;
          if (error instanceof SimTrap) this.sendTrap(tag, error);
          else {
            this.env.onError(error);
            this.sendTrap(tag, new SimTrap(`failure: ${error instanceof Error ? error.message : String(error)}`));
          }
          this.send('!done', tag);
        },
      );
  }
}
