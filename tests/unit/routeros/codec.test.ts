import { describe, expect, it } from 'vitest';
import {
  encodeLength,
  encodeSentence,
  ProtocolError,
  SentenceDecoder,
} from '../../../main/routeros/protocol/codec.ts';
import { attributeWord, parseSentence, splitAttribute } from '../../../main/routeros/protocol/sentence.ts';

function decodeInChunks(bytes: Buffer, chunkSize: number): Buffer[][] {
  const decoder = new SentenceDecoder();
  const out: Buffer[][] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) out.push(...decoder.push(bytes.subarray(i, i + chunkSize)));
  return out;
}

describe('encodeLength', () => {
  it.each([
    [0, '00'],
    [0x7f, '7f'],
    [0x80, '8080'],
    [0x3fff, 'bfff'],
    [0x4000, 'c04000'],
    [0x1fffff, 'dfffff'],
    [0x200000, 'e0200000'],
    [0xfffffff, 'efffffff'],
    [0x10000000, 'f010000000'],
  ])('encodes %i as %s', (length, hex) => {
    expect(encodeLength(length).toString('hex')).toBe(hex);
  });
});

describe('SentenceDecoder', () => {
  it('returns a sentence only once its zero-length word arrives', () => {
    const decoder = new SentenceDecoder();
    const bytes = encodeSentence(['!done', '.tag=1']);
    expect(decoder.push(bytes.subarray(0, bytes.length - 1))).toEqual([]);
    const [sentence] = decoder.push(bytes.subarray(bytes.length - 1));
    expect(sentence?.map((w) => w.toString())).toEqual(['!done', '.tag=1']);
  });

  it('decodes every prefix size when fed one byte at a time', () => {
    const sizes = [1, 0x7f, 0x80, 0x3fff, 0x4000, 0x20_0000 + 3];
    const words = sizes.map((n, i) => Buffer.alloc(n, 0x41 + i));
    const stream = Buffer.concat([encodeSentence(['!re', ...words]), encodeSentence(['!done'])]);
    // One-byte chunks split every length prefix; the big word makes this a few MB of single bytes.
    const sentences = decodeInChunks(stream, 1);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]!.slice(1).map((w) => w.length)).toEqual(sizes);
    expect(sentences[0]![6]!.equals(words[5]!)).toBe(true);
    expect(sentences[1]!.map(String)).toEqual(['!done']);
  });

  it('handles a 4-byte prefix split between chunks and several sentences in one chunk', () => {
    const big = Buffer.alloc(0x20_0001, 0x62);
    const stream = Buffer.concat([encodeSentence(['!re', big]), encodeSentence(['!re', '=a=1']), encodeSentence(['!done'])]);
    for (const chunk of [2, 3, 7, 65_536]) {
      const sentences = decodeInChunks(stream, chunk);
      expect(sentences.map((s) => s[0]!.toString())).toEqual(['!re', '!re', '!done']);
      expect(sentences[0]![1]!.length).toBe(big.length);
    }
  });

  it('accepts the 5-byte 0xF0 form', () => {
    const stream = Buffer.concat([Buffer.from([0x03]), Buffer.from('!re'), Buffer.from([0xf0, 0, 0, 0, 5]), Buffer.from('=a=b'), Buffer.from('x'), Buffer.from([0])]);
    // "=a=bx" is 5 bytes: the long form is legal even for short words.
    expect(decodeInChunks(stream, 1)[0]!.map(String)).toEqual(['!re', '=a=bx']);
  });

  it('rejects a reserved control byte', () => {
    expect(() => new SentenceDecoder().push(Buffer.from([0xf8, 1, 2]))).toThrow(ProtocolError);
  });

  it('hands over the sentences that were complete before bad bytes in the same chunk', () => {
    const chunk = Buffer.concat([encodeSentence(['!done', '.tag=1']), Buffer.from([0xf8, 0xa5])]);
    let caught: unknown;
    try {
      new SentenceDecoder().push(chunk);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProtocolError);
    expect((caught as ProtocolError).sentences.map((s) => s.map(String))).toEqual([['!done', '.tag=1']]);
  });

  it('rejects a word larger than the limit before buffering it', () => {
    const decoder = new SentenceDecoder({ maxWordBytes: 1000 });
    expect(() => decoder.push(encodeLength(1001))).toThrow(/exceeds/);
  });
});

describe('sentence parsing', () => {
  it('splits attributes whose value contains "=" or is empty', () => {
    expect(splitAttribute(Buffer.from('=comment=a=b'))).toEqual(['comment', Buffer.from('a=b')]);
    expect(splitAttribute(Buffer.from('=comment='))).toEqual(['comment', Buffer.alloc(0)]);
    expect(splitAttribute(Buffer.from('!re'))).toBeNull();
  });

  it('finds the tag anywhere and keeps values as raw bytes', () => {
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8]);
    const parsed = parseSentence([Buffer.from('!re'), attributeWord('comment', cp1251), Buffer.from('.tag=7'), attributeWord('.id', '*1A')]);
    expect(parsed.head).toBe('!re');
    expect(parsed.tag).toBe('7');
    expect(parsed.attributes.get('comment')).toEqual(cp1251);
    expect(parsed.attributes.get('.id')?.toString()).toBe('*1A');
  });

  it('keeps the bare reason word of !fatal', () => {
    const parsed = parseSentence([Buffer.from('!fatal'), Buffer.from('session terminated on request')]);
    expect(parsed.other.map(String)).toEqual(['session terminated on request']);
  });
});
