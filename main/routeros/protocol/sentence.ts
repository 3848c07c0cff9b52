// Splits raw sentence words into their parts. Keys are ASCII by protocol; values stay raw bytes so that
// the caller decides how to turn them into text (RouterOS may hold UTF-8 or a legacy code page).

const EQ = 0x3d; // '='

export interface ParsedSentence {
  /** First word: a command path (`/interface/print`) or a reply word (`!re`, `!done`, ...). */
  head: string;
  /** `.tag` value wherever it appears in the sentence, if any. */
  tag: string | undefined;
  /** `=key=value` words, in order; a later duplicate key wins in `attributes`. */
  attributes: Map<string, Buffer>;
  /** `.key=value` API attributes other than `.tag` (e.g. `.proplist` on commands, `.id` is in attributes). */
  apiAttributes: Map<string, string>;
  /** `?...` query words without the leading '?', raw bytes (a cp1251 comment must match byte for byte). */
  queries: Buffer[];
  /** Words that fit no pattern (e.g. the bare reason after `!fatal`). */
  other: Buffer[];
}

/** Parses `=key=value` (value may contain '=' or be empty). Returns null when the word is not one. */
export function splitAttribute(word: Buffer): [string, Buffer] | null {
  if (word.length < 2 || word[0] !== EQ) return null;
  const second = word.indexOf(EQ, 1);
  if (second === -1) return [word.subarray(1).toString('latin1'), Buffer.alloc(0)];
  return [word.subarray(1, second).toString('latin1'), word.subarray(second + 1)];
}

export function parseSentence(words: readonly Buffer[]): ParsedSentence {
  const [first, ...rest] = words;
  const parsed: ParsedSentence = {
    head: first ? first.toString('latin1') : '',
    tag: undefined,
    attributes: new Map(),
    apiAttributes: new Map(),
    queries: [],
    other: [],
  };
  for (const word of rest) {
    const c = word[0];
    if (c === EQ) {
      const kv = splitAttribute(word);
      if (kv) parsed.attributes.set(kv[0], kv[1]);
    } else if (c === 0x2e /* '.' */) {
      const text = word.toString('utf8');
      const eq = text.indexOf('=');
      const key = eq === -1 ? text.slice(1) : text.slice(1, eq);
      const value = eq === -1 ? '' : text.slice(eq + 1);
      if (key === 'tag') parsed.tag = value;
      else parsed.apiAttributes.set(key, value);
    } else if (c === 0x3f /* '?' */) {
      parsed.queries.push(word.subarray(1));
    } else {
      parsed.other.push(word);
    }
  }
  return parsed;
}

/** Builds `=key=value` with a raw or UTF-8 value. */
export function attributeWord(key: string, value: Buffer | string): Buffer {
  const v = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([Buffer.from(`=${key}=`, 'latin1'), v]);
}
