// Domain validators return Results with sentences for people; here they become VALIDATION errors that name
// the field, so the UI can put the message next to it.
import { AppError } from '../../../src/contract/index.ts';
import type { Result } from '../../../src/domain/index.ts';

export function valid<T>(result: Result<T>, field: string): T {
  if (!result.ok) throw new AppError('VALIDATION', result.message, { field });
  return result.value;
}

export function invalid(field: string, message: string, details: Record<string, string> = {}): AppError {
  return new AppError('VALIDATION', message, { ...details, field });
}
