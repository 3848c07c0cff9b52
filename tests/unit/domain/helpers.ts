import { expect } from 'vitest';
import type { Result } from '../../../src/domain/result.ts';

/** Unwrap a Result that must be ok, failing the test with the message otherwise. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got error: ${result.message}`);
  return result.value;
}

/** The message of a Result that must be an error. */
export function message<T>(result: Result<T>): string {
  expect(result.ok, result.ok ? `expected an error, got ${JSON.stringify(result.value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}` : '').toBe(false);
  return result.ok ? '' : result.message;
}
