// Fault injection for client tests: broken connections, slow or fragmented replies, garbage, silence.
// Persistent faults (delay, fragment, silence) last until reset(); one-shot faults (dropAfter, fatal, garbage)
// fire once. fatal/garbage hit every open connection at once, or the next command if none is open.

export interface FaultControls {
  /** Close the connection right after it sent this many more sentences (0: close open connections now). */
  dropAfter(sentences: number): void;
  /** Hold every reply back this many milliseconds (order kept). */
  delayReplies(ms: number): void;
  /** Write replies in segments of this many bytes, yielding between writes (1: byte by byte). 0 turns it off. */
  fragment(bytesPerSegment: number): void;
  /** Send `!fatal` with this bare reason word, then close. */
  fatal(reason?: string): void;
  /** Send bytes that start with a reserved length byte (0xF8..0xFF); a number is the length. */
  garbage(bytes?: Buffer | number): void;
  /** Keep accepting connections and reading, never answer anything. */
  silence(): void;
  /**
   * Answer this command (`/ip/firewall/filter/print`) with a `!trap` carrying `message`, as a router does
   * for a user whose group lacks a policy (`not enough permissions (9)`, the default) or for a menu it lacks.
   * Lasts until reset().
   */
  refuse(command: string, message?: string): void;  // texts as in shared/reference/routeros-api.md (HA integration #244, RouterOS-api #109)
  /**
   * After the next command with this path (`/interface/wireguard/peers/set`, and `where` its words, as in the
   * command log, hold) has run, the router stops answering, as a firewall rule dropping the app's traffic would:
   * that command's reply and everything after it is held back (open sockets stay open, no FIN), new connections
   * are accepted and hear nothing. Loopback cannot leave a SYN unanswered, so accept-and-silence stands in for a
   * drop. Held bytes flow again when the cut lifts, as TCP retransmission would deliver them. The cut lifts when
   * the router changes its own configuration back (a scheduler or script run that changed configuration, or a
   * Safe Mode unroll), on liftCut() and on reset(). One-shot: the rule is used up when it cuts.
   */
  cutLinkAfter(command: string, where?: (words: readonly string[]) => boolean): void;
  /**
   * The next command with this path (and `where` its words hold) runs on the router, then its connection closes
   * before the reply is written: the answer was lost on the way (a Wi-Fi drop right after the router's `!done`).
   * The client sees the connection end with the command unanswered. One-shot.
   */
  loseReplyOf(command: string, where?: (words: readonly string[]) => boolean): void;
  /** Cuts the link now (see cutLinkAfter). */
  cutLink(): void;
  /** Lifts a cut: held replies and requests flow again. */
  liftCut(): void;
  /** True while the link is cut. */
  readonly linkCut: boolean;
  /** Chunks of bytes received and held while the link was cut (lets a test know a request arrived). */
  readonly heldWhileCut: number;
  /**
   * How long the router keeps a session whose client went away while the link was cut (its FIN was dropped
   * too) before its TCP timeout ends it and unrolls the Safe Mode it held: about 9 minutes on a real router
   * (shared/reference/routeros-api.md, Safe Mode). Tests shorten it.
   */
  tcpTimeoutMs: number;
  /** Back to normal. */
  reset(): void;
  /** Sentences received and ignored because of silence() so far (lets a test know its request arrived). */
  readonly ignoredSentences: number;
}

/** What a fault can do to one connection. */
export interface FaultTarget {
  sendFatal(reason: string): void;
  sendRaw(bytes: Buffer): void;
  drop(): void;
  /** The link cut lifted: process what was held. */
  resume(): void;
}

export const DEFAULT_FATAL_REASON = 'session terminated on request';

export class Faults implements FaultControls {
  delayMs = 0;
  fragmentBytes = 0;
  silent = false;
  ignoredSentences = 0;
  linkCut = false;
  heldWhileCut = 0;
  tcpTimeoutMs = 540_000;
  private cutRules: Array<{ command: string; where: ((words: readonly string[]) => boolean) | undefined; lose: boolean }> = [];
  private liftWaiters: Array<() => void> = [];
  readonly refusals = new Map<string, string>();
  private dropCountdown: number | undefined;
  private readonly targets = new Set<FaultTarget>();
  private armed: Array<(target: FaultTarget) => void> = [];

  attach(target: FaultTarget): void {
    this.targets.add(target);
  }

  detach(target: FaultTarget): void {
    this.targets.delete(target);
  }

  get dropArmed(): boolean {
    return this.dropCountdown !== undefined;
  }

  dropAfter(sentences: number): void {
    if (!Number.isInteger(sentences) || sentences < 0) throw new RangeError('dropAfter needs a whole number >= 0');
    if (sentences === 0) {
      for (const target of [...this.targets]) target.drop();
      return;
    }
    this.dropCountdown = sentences;
  }

  delayReplies(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('delayReplies needs ms >= 0');
    this.delayMs = ms;
  }

  fragment(bytesPerSegment: number): void {
    if (!Number.isInteger(bytesPerSegment) || bytesPerSegment < 0) throw new RangeError('fragment needs a whole number >= 0');
    this.fragmentBytes = bytesPerSegment;
  }

  fatal(reason: string = DEFAULT_FATAL_REASON): void {
    this.fire((target) => target.sendFatal(reason));
  }

  garbage(bytes: Buffer | number = 16): void {
    let data: Buffer;
    if (typeof bytes === 'number') {
      data = Buffer.alloc(Math.max(1, bytes), 0xa5);
      data[0] = 0xf8;
    } else {
      data = bytes.length > 0 && bytes[0]! >= 0xf8 ? Buffer.from(bytes) : Buffer.concat([Buffer.from([0xf8]), bytes]);
    }
    this.fire((target) => target.sendRaw(data));
  }

  silence(): void {
    this.silent = true;
  }

  refuse(command: string, message = 'not enough permissions (9)'): void {
    this.refusals.set(command, message);
  }

  cutLinkAfter(command: string, where?: (words: readonly string[]) => boolean): void {
    this.cutRules.push({ command, where, lose: false });
  }

  loseReplyOf(command: string, where?: (words: readonly string[]) => boolean): void {
    this.cutRules.push({ command, where, lose: true });
  }

  cutLink(): void {
    this.linkCut = true;
  }

  liftCut(): void {
    if (!this.linkCut) return;
    this.linkCut = false;
    for (const wake of this.liftWaiters.splice(0)) wake();
    for (const target of [...this.targets]) target.resume();
  }

  /** Resolves when the link is not cut. */
  whenLifted(): Promise<void> {
    if (!this.linkCut) return Promise.resolve();
    return new Promise((resolve) => this.liftWaiters.push(resolve));
  }

  /** Whether a cut rule waits for this command (so the session only builds its words then). */
  watches(command: string): boolean {
    return this.cutRules.some((r) => r.command === command);
  }

  /**
   * A command ran (its reply not yet sent): cuts the link when a cut rule matches ('cut'), or tells the session
   * to close without replying when a lost-reply rule does ('lose').
   */
  afterCommand(command: string, words: readonly string[]): 'cut' | 'lose' | null {
    const at = this.cutRules.findIndex((r) => r.command === command && (r.where?.(words) ?? true));
    if (at === -1) return null;
    const [rule] = this.cutRules.splice(at, 1);
    if (rule!.lose) return 'lose';
    this.linkCut = true;
    return 'cut';
  }

  /** The router changed its configuration by itself (script, scheduler, Safe Mode unroll). */
  routerChangedItself(): void {
    this.liftCut();
  }

  reset(): void {
    this.cutRules = [];
    this.liftCut();
    this.heldWhileCut = 0;
    this.refusals.clear();
    this.delayMs = 0;
    this.fragmentBytes = 0;
    this.silent = false;
    this.dropCountdown = undefined;
    this.armed = [];
  }

  /** Counts one sentence written by a connection; true when that connection must now close. */
  countSentence(): boolean {
    if (this.dropCountdown === undefined) return false;
    this.dropCountdown--;
    if (this.dropCountdown > 0) return false;
    this.dropCountdown = undefined;
    return true;
  }

  /** Called before a command runs: fires a one-shot fault armed while no connection was open. */
  fireArmed(target: FaultTarget): boolean {
    const next = this.armed.shift();
    if (!next) return false;
    next(target);
    return true;
  }

  private fire(action: (target: FaultTarget) => void): void {
    if (this.targets.size === 0) this.armed.push(action);
    for (const target of [...this.targets]) action(target);
  }
}
