// RouterOS rx/tx byte counters. They arrive as decimal strings and can pass 2^53 on a busy
// long-lived link, so they are BigInt here; convert to number only for display and rates, where
// a rounding error far below one byte per second does not matter.
import { err, ok, show, type Result } from './result.ts';

export function parseCounter(input: string): Result<bigint> {
  const text = input.trim();
  if (!/^\d+$/.test(text)) return err(`Byte counter ${show(text)} is not a whole number of bytes.`);
  return ok(BigInt(text));
}

export interface CounterDelta {
  readonly delta: bigint;
  /**
   * The counter went down: the router rebooted or the peer was re-created. The delta is then the
   * new value (bytes since the reset), never a negative number or a wrap-around spike.
   */
  readonly reset: boolean;
}

/**
 * Bytes moved between two polls. With no previous sample the delta is 0: the first reading is a
 * lifetime total and would otherwise show up as one giant spike in the graph.
 */
export function counterDelta(prev: bigint | undefined, curr: bigint): CounterDelta {
  if (prev === undefined) return { delta: 0n, reset: false };
  if (curr < prev) return { delta: curr, reset: true };
  return { delta: curr - prev, reset: false };
}

/** Bits per second (technicians read link speeds in bits) over an interval; 0 when no time passed. */
export function rate(deltaBytes: bigint | number, intervalMs: number): number {
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) return 0;
  const bytes = Number(deltaBytes);
  if (!(bytes > 0)) return 0;
  return (bytes * 8 * 1000) / intervalMs;
}
