// Errors of changes (create, edit, delete...) as the management screens show them: the code decides the
// words and the tone, `details` carries the router's own answer (TRAP), the field to point at
// (VALIDATION) or why a change was refused (CONFLICT). Pure: no React.
import { ERROR_CODES, type ErrorCode } from '../../src/contract/envelope.ts';

export interface ActionError {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  details: Record<string, unknown> | undefined;
}

/** From an ApiError (or anything shaped like one: this file stays free of the bridge, for unit tests). */
export function toActionError(error: unknown): ActionError {
  if (error instanceof Error) {
    const { code, details } = error as Error & { code?: unknown; details?: unknown };
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) {
      return { code: code as ErrorCode, message: error.message, details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined };
    }
    return { code: 'UNKNOWN', message: error.message, details: undefined };
  }
  return { code: 'UNKNOWN', message: String(error), details: undefined };
}

/** The form field a VALIDATION error names ("name", "allowedAddress", "client.dns"), or null. */
export function errorField(error: ActionError | null): string | null {
  if (!error || error.code !== 'VALIDATION') return null;
  const field = error.details?.['field'];
  return typeof field === 'string' ? field : null;
}

export interface TrapInfo {
  attempted: string;
  command: string | null;
  routerMessage: string;
  /** WireDesk's explanation after the router's words, when it knows that answer. */
  hint: string | null;
}

/** What was attempted and what the router said, from a TRAP error. */
export function trapInfo(error: ActionError): TrapInfo | null {
  if (error.code !== 'TRAP' || !error.details) return null;
  const { attempted, command, routerMessage } = error.details;
  if (typeof attempted !== 'string' || typeof routerMessage !== 'string') return null;
  const prefix = `${attempted}: the router said "${routerMessage}".`;
  const hint = error.message.startsWith(prefix) ? error.message.slice(prefix.length).trim() || null : null;
  return { attempted, command: typeof command === 'string' ? command : null, routerMessage, hint };
}

export type ConflictKind = 'pool-exhausted' | 'no-address' | 'read-only' | 'other';

export function conflictKind(error: ActionError): ConflictKind | null {
  if (error.code !== 'CONFLICT') return null;
  const reason = error.details?.['reason'];
  if (reason === 'pool-exhausted' || reason === 'no-address') return reason;
  if (error.details?.['readOnly']) return 'read-only';
  return 'other';
}

/** The link broke while a change was on its way: it may or may not have reached the router. */
export function isLinkLoss(error: ActionError): boolean {
  return error.code === 'CONNECTION_LOST' || error.code === 'TIMEOUT' || error.code === 'FATAL';
}

/** Splits "... Add an accept rule above it: /ip firewall filter add ..." into the sentence and the command to copy. */
export function splitCommand(message: string): { text: string; command: string | null } {
  const at = message.indexOf('/ip firewall');
  if (at === -1) return { text: message, command: null };
  return { text: message.slice(0, at).trim().replace(/:$/, '.'), command: message.slice(at).trim() };
}
