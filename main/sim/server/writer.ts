// Writes reply sentences to one socket, in order, applying the active faults (delay, fragmentation, drop).
import type { Socket } from 'node:net';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { encodeSentence } from '../../routeros/protocol/codec.ts';
import type { Faults } from './faults.ts';

interface Pending {
  bytes: Buffer;
  readyAt: number;
  /** Raw bytes (garbage) are not sentences and do not count towards dropAfter. */
  sentence: boolean;
}

/** Batches of ready sentences are joined up to this size into one socket write (10,000-row prints). */
const BATCH_BYTES = 1 << 20;

export class ReplyWriter {
  private readonly socket: Socket;
  private readonly faults: Faults;
  private readonly queue: Pending[] = [];
  private pumping = false;
  private closed = false;
  private endWhenFlushed = false;

  constructor(socket: Socket, faults: Faults) {
    this.socket = socket;
    this.faults = faults;
  }

  sentence(words: ReadonlyArray<Buffer | string>): void {
    this.push(encodeSentence(words), true);
  }

  raw(bytes: Buffer): void {
    this.push(bytes, false);
  }

  /** Close the socket once everything queued so far is written (after `!fatal`). */
  endAfterFlush(): void {
    this.endWhenFlushed = true;
    void this.pump();
  }

  /** Stop writing; queued replies are dropped. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
  }

  private push(bytes: Buffer, sentence: boolean): void {
    if (this.closed || this.endWhenFlushed || this.faults.silent) return;
    this.queue.push({ bytes, readyAt: Date.now() + this.faults.delayMs, sentence });
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && !this.closed) {
        if (this.faults.linkCut) {
          // Held like unacknowledged TCP data behind a dropping firewall.
          await this.faults.whenLifted();
          continue;
        }
        const wait = this.queue[0]!.readyAt - Date.now();
        if (wait > 0) await sleep(wait);
        if (this.faults.fragmentBytes > 0 || this.faults.dropArmed) {
          const item = this.queue.shift()!;
          await this.writeItem(item.bytes);
          if (item.sentence && this.faults.countSentence()) {
            this.finish();
            return;
          }
        } else {
          await this.write(this.takeBatch());
        }
      }
      if (this.endWhenFlushed && !this.closed) this.finish();
    } finally {
      this.pumping = false;
    }
  }

  private takeBatch(): Buffer {
    const now = Date.now();
    const parts: Buffer[] = [];
    let size = 0;
    while (this.queue.length > 0 && this.queue[0]!.readyAt <= now && size < BATCH_BYTES) {
      const item = this.queue.shift()!;
      parts.push(item.bytes);
      size += item.bytes.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
  }

  private async writeItem(bytes: Buffer): Promise<void> {
    const step = this.faults.fragmentBytes;
    if (step <= 0) return this.write(bytes);
    for (let at = 0; at < bytes.length && !this.closed; at += step) {
      await this.write(bytes.subarray(at, at + step));
      await yieldToLoop();
    }
  }

  private write(bytes: Buffer): Promise<void> {
    const socket = this.socket;
    if (socket.destroyed || !socket.writable) {
      this.close();
      return Promise.resolve();
    }
    if (socket.write(bytes)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
  }

  private finish(): void {
    this.close();
    this.socket.end(() => this.socket.destroy());
  }
}
