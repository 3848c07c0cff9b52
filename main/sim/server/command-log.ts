// What the simulator received, for tests that count the load WireDesk puts on a router (one peer print per
// poll interval) or compare the words sent with what WireDesk said it would send. Off until start(): the
// demo router runs for hours and keeps nothing.
import type { ParsedSentence } from '../../routeros/protocol/sentence.ts';

export interface ReceivedCommand {
  /** `/interface/wireguard/peers/print`. */
  readonly command: string;
  /** `=name=value` and `?query` words as text, in the order received; `.tag` left out. */
  readonly words: readonly string[];
  readonly at: number;
  /** `api`: received from a client; `script`: run by the router itself (scheduler, /system/script run). */
  readonly source: 'api' | 'script';
}

export class CommandLog {
  #recording = false;
  #entries: ReceivedCommand[] = [];

  /** Forgets what was recorded and records from now on. */
  start(): void {
    this.#entries = [];
    this.#recording = true;
  }

  /** Stops recording; what was recorded stays readable. */
  stop(): readonly ReceivedCommand[] {
    this.#recording = false;
    return this.#entries;
  }

  get entries(): readonly ReceivedCommand[] {
    return this.#entries;
  }

  /** Commands received with this path (`/interface/wireguard/peers/print`), optionally narrowed further. */
  count(command: string, where: (entry: ReceivedCommand) => boolean = () => true): number {
    return this.#entries.filter((e) => e.command === command && where(e)).length;
  }

  record(parsed: ParsedSentence, at: number): void {
    if (!this.#recording) return;
    const words = [...parsed.attributes].map(([k, v]) => `=${k}=${v.toString('utf8')}`);
    for (const q of parsed.queries) words.push(`?${q.toString('utf8')}`);
    this.#entries.push({ command: parsed.head, words, at, source: 'api' });
  }

  /** A command a script ran (`/interface/wireguard/peers/remove`, words as `=numbers=*1`). */
  recordScript(command: string, words: readonly string[], at: number): void {
    if (!this.#recording) return;
    this.#entries.push({ command, words, at, source: 'script' });
  }
}
