// Whole numbers typed by a technician: form fields give strings, RouterOS gives strings, code
// gives numbers. "25", " 25 " and 25 are accepted; "25.5", "1e3" and "0x19" are not.
import { err, ok, show, type Result } from './result.ts';

export interface WholeNumberRule {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Extra sentence for the error message: why the range is what it is, or a usual value. */
  readonly hint?: string;
}

export function parseWholeNumber(value: number | string, rule: WholeNumberRule): Result<number> {
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isInteger(n) && n >= rule.min && n <= rule.max) return ok(n);
  const hint = rule.hint ? ` ${rule.hint}` : '';
  return err(`${rule.label} must be a whole number from ${rule.min} to ${rule.max}; got ${show(typeof value === 'string' ? value.trim() : value)}.${hint}`);
}
