// QR decoding with the real zbarimg (zbar-tools), for any test that must prove a code scans, not just that
// an image was produced. Verified behaviour of zbarimg 0.23 that shapes this helper:
// - Without -Sbinary zbar guesses the text encoding of byte-mode data and converts it; UTF-8 "ş" came
//   back as Shift-JIS mojibake, and a newline is appended. With --raw -Sbinary it writes the symbol's
//   bytes exactly as stored, no newline added, so comparisons here are byte for byte with nothing stripped.
// - Several symbols in one image come out back to back with no separator, in no fixed order, so a page
//   with several codes is checked by finding an order of the expected payloads that spells the output.
// - -q would hide the "scanned N barcode symbols" line on stderr; it is read instead to count symbols.
//   --nodbus keeps zbar from trying (and complaining about) the system bus in containers.
import { runTool } from './tools.ts';

export interface ZbarScan {
  /** Payloads of every symbol found, concatenated in zbar's order. */
  readonly data: Buffer;
  readonly symbols: number;
}

/** Exit status zbarimg uses when it ran fine but found no symbol. */
const NOTHING_FOUND = 4;

export function zbarScan(imagePath: string): ZbarScan {
  const run = runTool('zbarimg', ['--nodbus', '--raw', '-Sdisable', '-Sqrcode.enable', '-Sbinary', imagePath]);
  if (run.status === NOTHING_FOUND) return { data: Buffer.alloc(0), symbols: 0 };
  if (run.status !== 0) throw new Error(`zbarimg failed on ${imagePath} (exit ${run.status}): ${run.stderr.trim()}`);
  const count = /scanned (\d+) barcode symbols?/.exec(run.stderr);
  if (!count?.[1]) throw new Error(`zbarimg did not report how many symbols it found: ${run.stderr.trim()}`);
  return { data: run.stdout, symbols: Number(count[1]) };
}

/** The payload of the one QR code in the image; fails when there is none or more than one. */
export function decodeQr(imagePath: string): Buffer {
  const scan = zbarScan(imagePath);
  if (scan.symbols !== 1) throw new Error(`Expected exactly one QR code in ${imagePath}, zbarimg found ${scan.symbols}.`);
  return scan.data;
}

/**
 * The order in which every `expected` payload, each used exactly once, spells `data`; undefined when no
 * such order exists (a payload is missing, extra, or differs in any byte).
 */
export function matchConcatenated(data: Buffer, expected: readonly Buffer[]): number[] | undefined {
  const used = expected.map(() => false);
  const order: number[] = [];
  const walk = (offset: number): boolean => {
    if (order.length === expected.length) return offset === data.length;
    for (const [i, payload] of expected.entries()) {
      if (used[i] || !data.subarray(offset, offset + payload.length).equals(payload)) continue;
      used[i] = true;
      order.push(i);
      if (walk(offset + payload.length)) return true;
      used[i] = false;
      order.pop();
    }
    return false;
  };
  return walk(0) ? order : undefined;
}

/** True when the image holds exactly the `expected` QR payloads, as a set, each byte for byte. */
export function decodesToSet(imagePath: string, expected: readonly Buffer[]): { ok: boolean; symbols: number } {
  const scan = zbarScan(imagePath);
  return { ok: scan.symbols === expected.length && matchConcatenated(scan.data, expected) !== undefined, symbols: scan.symbols };
}
