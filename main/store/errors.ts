// One error type for the store, told apart by a stable `code` so the IPC layer and the UI can map
// it without parsing text; `message` is written for the technician reading it.
export type StoreErrorCode =
  | 'DB_OPEN_FAILED'
  | 'DB_TOO_NEW'
  | 'DB_NOT_WIREDESK'
  | 'DB_MIGRATION_FAILED'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'ROUTER_NAME_TAKEN'
  | 'RESERVATION_TAKEN'
  | 'IMPORT_JOB_STATE';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** SQLite (SQLITE_CONSTRAINT_UNIQUE...) and node:fs (EEXIST...) both report the cause in `code`. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}
