// RouterOS stores bytes and declares no encoding. WinBox on Windows writes the ANSI code page (cp1251 for
// Cyrillic, cp1250 for Central Europe); the CLI over SSH, REST and newer tools write UTF-8. Our rule:
//   - bytes that are valid UTF-8 are UTF-8 (plain ASCII is both, so nothing is lost);
//   - anything else is legacy single-byte text, decoded with the router's configured code page for display,
//     and the original bytes are kept (RawText) so an unchanged value is written back byte for byte;
//   - text the user typed or edited is always written as UTF-8.
// Misreading is possible only for legacy text whose bytes happen to form valid multi-byte UTF-8, which is
// rare for real words (it needs specific high-byte pairs) and is the same guess every UTF-8 tool makes.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export const DEFAULT_LEGACY_CODE_PAGE = 'windows-1251';

/** A value exactly as the router stores it, for writing back unchanged. Plain data: survives IPC (structured clone). */
export interface RawText {
  readonly kind: 'raw-text';
  readonly bytes: Uint8Array;
  /** How it was shown to the user (decoded with `codePage`). */
  readonly text: string;
  readonly codePage: string;
}

/** What a command parameter may be: edited text (sent as UTF-8), a preserved RawText, or a number/boolean. */
export type ParamValue = string | number | boolean | RawText;

export function isRawText(value: unknown): value is RawText {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'raw-text' &&
    (value as { bytes?: unknown }).bytes instanceof Uint8Array
  );
}

/** Throws when iconv-lite does not know the code page, so a typo in settings fails at configuration time. */
export function checkCodePage(codePage: string): string {
  if (!iconv.encodingExists(codePage)) throw new RangeError(`unknown legacy code page "${codePage}"`);
  return codePage;
}

export interface DecodedText {
  text: string;
  /** Present only when the bytes were not UTF-8 and must be preserved for write-back. */
  raw: RawText | undefined;
}

/** A Buffer view of the same memory (Buffer.from(Uint8Array) would copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function decodeText(bytes: Uint8Array, legacyCodePage: string): DecodedText {
  if (bytes.length === 0 || isUtf8(bytes)) return { text: asBuffer(bytes).toString('utf8'), raw: undefined };
  const text = iconv.decode(asBuffer(bytes), legacyCodePage);
  // Copy: the caller's buffer may be a view into a larger receive buffer.
  return { text, raw: { kind: 'raw-text', bytes: Uint8Array.from(bytes), text, codePage: legacyCodePage } };
}

/** Bytes to send for a parameter value. Booleans use yes/no, which every RouterOS version accepts. */
export function encodeValue(value: ParamValue): Buffer {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (typeof value === 'number') return Buffer.from(String(value), 'latin1');
  if (typeof value === 'boolean') return Buffer.from(value ? 'yes' : 'no', 'latin1');
  if (isRawText(value)) return Buffer.from(value.bytes);
  throw new TypeError('unsupported RouterOS parameter value');
}
