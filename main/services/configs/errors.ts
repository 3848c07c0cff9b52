// "No config can be made" as an AppError whose details.reason says why (src/contract/configs.ts), so the UI
// can offer the fix (rotate keys, give the API user the sensitive policy, set an endpoint) next to the message.
import { AppError, type ConfigProblem, type ErrorCode } from '../../../src/contract/index.ts';

const CODES: Record<ConfigProblem, ErrorCode> = {
  NO_PRIVATE_KEY: 'NOT_FOUND',
  KEY_SHOWN_ONCE: 'NOT_FOUND',
  KEY_MISMATCH: 'CONFLICT',
  PSK_HIDDEN: 'MISSING_POLICY',
  PSK_NEEDS_ROUTER: 'OFFLINE',
  NO_CLIENT_ADDRESS: 'CONFLICT',
  NO_ENDPOINT: 'CONFLICT',
  NO_TUNNEL_SUBNET: 'CONFLICT',
  DYNAMIC_PEER: 'CONFLICT',
  INVALID_CONFIG: 'VALIDATION',
};

export function configProblem(reason: ConfigProblem, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(CODES[reason], message, { ...details, reason });
}

/** The reason of a configProblem error, or null for any other failure. */
export function problemOf(error: unknown): ConfigProblem | null {
  if (!(error instanceof AppError)) return null;
  const reason = error.details?.['reason'];
  return typeof reason === 'string' && reason in CODES ? (reason as ConfigProblem) : null;
}
