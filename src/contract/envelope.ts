// The only shape that crosses IPC: errors survive as values with a stable code and a sentence for people.
import { z } from 'zod';

export const ERROR_CODES = [
  'BAD_INPUT',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  'KEYCHAIN_UNAVAILABLE',
  'KEY_VAULT',
  'AUTH_FAILED',
  'CONNECT_FAILED',
  'CONNECTION_LOST',
  'TIMEOUT',
  'TRAP',
  'FATAL',
  'PROTOCOL_ERROR',
  'CANCELLED',
  'TLS_UNTRUSTED',
  'TLS_FINGERPRINT_MISMATCH',
  'TLS_ANONYMOUS',
  'UNSUPPORTED_VERSION',
  'MISSING_POLICY',
  'OFFLINE',
  'VALIDATION',
  /** The router changed since the preview: the plan was not applied; preview again. */
  'PLAN_STALE',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Structured context for the UI (e.g. certificate fingerprints); never secrets. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

/** An error that main-side code throws on purpose; its code and message reach the user unchanged. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toData(): AppErrorData {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
