import type { z } from 'zod';

/** Turns a zod error into one sentence that says what to fix, naming the field when there is one. */
export function formatZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const field = issue.path.filter((p) => typeof p === 'string' || typeof p === 'number').join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return parts.join('; ') + more;
}
