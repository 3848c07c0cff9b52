// RouterOS duration text: `25s`, `1m45s`, `6d4h40m57s`, `89w2d23h54m29s`; round-trip times `21ms768us`.

const UNITS: ReadonlyArray<[string, number]> = [['w', 604800], ['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];

/** Whole seconds as RouterOS prints them; `0s` for zero. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  if (rest === 0) return '0s';
  let out = '';
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

/** Microseconds as a ping time: `21ms768us`, `768us`, `1s4ms`. */
export function formatRtt(totalMicros: number): string {
  let rest = Math.max(0, Math.round(totalMicros));
  const s = Math.floor(rest / 1_000_000);
  rest -= s * 1_000_000;
  const ms = Math.floor(rest / 1000);
  const us = rest - ms * 1000;
  let out = '';
  if (s > 0) out += `${s}s`;
  if (ms > 0) out += `${ms}ms`;
  if (us > 0 || out === '') out += `${us}us`;
  return out;
}

const PART = /(\d+(?:\.\d+)?)(w|d|h|ms|m|s|us)/y;
const FACTOR: Readonly<Record<string, number>> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001 };

/** Parses `25`, `25s`, `1m45s`, `500ms`, `1d2h`, `01:02:03`; returns seconds or null. */
export function parseDuration(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const clock = /^(\d+):(\d{1,2}):(\d{1,2})$/.exec(text);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  if (text === '') return null;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const at = PART.lastIndex;
    const m = PART.exec(text);
    if (!m || m.index !== at) return null;
    total += Number(m[1]) * FACTOR[m[2]!]!;
  }
  return total;
}
