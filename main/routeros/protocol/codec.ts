// RouterOS API wire format: a word is a length prefix then raw bytes; a sentence is words ended by a
// zero-length word. Words stay as raw Buffers here: RouterOS declares no text encoding, so turning bytes
// into text is a separate, deliberate step (see text.ts).

/** Raised when the byte stream cannot be RouterOS API framing (reserved prefix, absurd length). */
export class ProtocolError extends Error {
  readonly code = 'PROTOCOL_ERROR';
  /**
   * Complete sentences that arrived in the same push before the bad bytes. Without them, whether a reply
   * that fully arrived is delivered would depend on how TCP happened to cut the stream.
   */
  readonly sentences: Buffer[][];
  constructor(message: string, sentences: Buffer[][] = []) {
    super(message);
    this.name = 'ProtocolError';
    this.sentences = sentences;
  }
}

/** Largest word we accept from a peer. Real replies are far smaller; this bounds memory on garbage. */
export const MAX_WORD_BYTES = 64 * 1024 * 1024;

export function encodeLength(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`bad word length ${length}`);
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) {
    const v = length | 0x8000;
    return Buffer.from([(v >> 8) & 0xff, v & 0xff]);
  }
  if (length < 0x200000) {
    const v = length | 0xc00000;
    return Buffer.from([(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff]);
  }
  if (length < 0x10000000) {
    const b = Buffer.alloc(4);
    b.writeUInt32BE((length | 0xe0000000) >>> 0);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = 0xf0;
  b.writeUInt32BE(length >>> 0, 1);
  return b;
}

/** Encodes one sentence, terminating zero-length word included. */
export function encodeSentence(words: ReadonlyArray<Buffer | string>): Buffer {
  const parts: Buffer[] = [];
  for (const w of words) {
    const bytes = typeof w === 'string' ? Buffer.from(w, 'utf8') : w;
    parts.push(encodeLength(bytes.length), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

/** How many prefix bytes a word length starting with this byte uses; 0 for the reserved range. */
function prefixSize(first: number): number {
  if ((first & 0x80) === 0x00) return 1;
  if ((first & 0xc0) === 0x80) return 2;
  if ((first & 0xe0) === 0xc0) return 3;
  if ((first & 0xf0) === 0xe0) return 4;
  if (first === 0xf0) return 5;
  return 0; // 0xF1..0xFF: reserved control bytes
}

function readLength(buf: Buffer, at: number, size: number): number {
  switch (size) {
    case 1:
      return buf[at]!;
    case 2:
      return ((buf[at]! & 0x3f) << 8) | buf[at + 1]!;
    case 3:
      return ((buf[at]! & 0x1f) << 16) | (buf[at + 1]! << 8) | buf[at + 2]!;
    case 4:
      return ((buf[at]! & 0x0f) * 0x1000000) + (buf[at + 1]! << 16) + (buf[at + 2]! << 8) + buf[at + 3]!;
    default:
      return buf.readUInt32BE(at + 1);
  }
}

/**
 * Incremental decoder: feed it TCP chunks of any size (down to one byte, split inside a length prefix or
 * a word) and it returns each sentence only once its terminating zero-length word has arrived.
 */
export class SentenceDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private words: Buffer[] = [];
  /** Bytes the pending buffer must reach before parsing can make progress (avoids O(n^2) concats). */
  private need = 1;
  private readonly maxWordBytes: number;

  constructor(options: { maxWordBytes?: number } = {}) {
    this.maxWordBytes = options.maxWordBytes ?? MAX_WORD_BYTES;
  }

  push(chunk: Buffer): Buffer[][] {
    if (chunk.length === 0) return [];
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.need) return [];
    let buf = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    let pos = 0;
    const sentences: Buffer[][] = [];
    this.need = 1;
    for (;;) {
      if (pos >= buf.length) break;
      const size = prefixSize(buf[pos]!);
      if (size === 0) {
        throw new ProtocolError(`reserved length byte 0x${buf[pos]!.toString(16)} in the reply stream`, sentences);
      }
      if (pos + size > buf.length) {
        this.need = size;
        break;
      }
      const length = readLength(buf, pos, size);
      if (length > this.maxWordBytes) {
        throw new ProtocolError(`a word of ${length} bytes exceeds the ${this.maxWordBytes}-byte limit`, sentences);
      }
      if (pos + size + length > buf.length) {
        this.need = size + length;
        break;
      }
      const start = pos + size;
      pos = start + length;
      if (length === 0) {
        sentences.push(this.words);
        this.words = [];
      } else {
        // A view, not a copy: words become strings (or small RawText copies) as soon as the sentence is
        // parsed, so the receive buffer they point into is not kept alive for long.
        this.words.push(buf.subarray(start, pos));
      }
    }
    buf = buf.subarray(pos);
    this.pending = buf.length > 0 ? [buf] : [];
    this.pendingBytes = buf.length;
    return sentences;
  }
}
