// Public surface of the RouterOS API client (our own implementation of the documented protocol; see
// docs/decisions/0002-routeros-client.md for why node-routeros is not used).
export { connect, DEFAULT_PORTS, type ConnectOptions } from './connect.ts';
export {
  RouterOsClient,
  normalizePath,
  type CallResult,
  type CommandOptions,
  type ListenHandle,
  type Params,
  type PrintOptions,
} from './client.ts';
export {
  RouterOsError,
  RouterOsTrapError,
  RouterOsFatalError,
  TlsUntrustedError,
  TlsFingerprintMismatchError,
  TlsAnonymousError,
  type RouterOsErrorCode,
  type TrapDetail,
  type CertificateSummary,
} from './errors.ts';
export { rawText, legacyFields, valueForWrite, type Row } from './rows.ts';
export { DEFAULT_LEGACY_CODE_PAGE, isRawText, type RawText, type ParamValue } from './text.ts';
export { normalizeFingerprint } from './transport/certificate.ts';
export type { TlsInfo, TlsPolicy } from './transport/tls.ts';
export { backoffDelays, type BackoffPolicy } from './backoff.ts';
export { ManagedConnection, PERMANENT_CODES, type ConnectionState, type ManagedConnectionOptions } from './managed-connection.ts';
export type { RouterOsLogger } from './logger.ts';
