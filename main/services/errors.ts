// One place that turns internal error families into the contract's AppError (code + sentence + details).
import { AppError } from '../../src/contract/index.ts';
import { RouterOsError, RouterOsTrapError, TlsAnonymousError, TlsFingerprintMismatchError, TlsUntrustedError } from '../routeros/errors.ts';
import { SecretStoreUnavailableError } from '../secrets/errors.ts';
import { UnsupportedRouterError } from './router-facts.ts';
import { KeyVaultError } from '../secrets/key-vault.ts';
import { StoreError } from '../store/errors.ts';
import { ConfigArtifactError } from '../configs/index.ts';

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof TlsUntrustedError) {
    const c = error.certificate;
    return new AppError('TLS_UNTRUSTED', error.message, {
      fingerprint: c.fingerprint, subject: c.subject, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo, selfSigned: c.selfSigned,
    });
  }
  if (error instanceof TlsFingerprintMismatchError) {
    return new AppError('TLS_FINGERPRINT_MISMATCH', error.message, {
      expected: error.expectedFingerprint, actual: error.certificate.fingerprint, subject: error.certificate.subject,
    });
  }
  if (error instanceof TlsAnonymousError) return new AppError('TLS_ANONYMOUS', error.message);
  if (error instanceof UnsupportedRouterError) return new AppError('UNSUPPORTED_VERSION', error.message, { version: error.version });
  if (error instanceof RouterOsTrapError) {
    return new AppError('TRAP', error.message, { command: error.command, category: error.category, traps: error.traps.map((t) => t.message) });
  }
  if (error instanceof RouterOsError) {
    const code = error.code === 'CLOSED' ? 'CONNECTION_LOST' : error.code;
    return new AppError(code, error.message, error.command ? { command: error.command } : undefined);
  }
  if (error instanceof ConfigArtifactError) return new AppError('VALIDATION', error.message, { artifact: error.code });
  if (error instanceof SecretStoreUnavailableError) return new AppError('KEYCHAIN_UNAVAILABLE', error.message);
  if (error instanceof KeyVaultError) return new AppError('KEY_VAULT', error.message, { vault: error.code });
  if (error instanceof StoreError) {
    switch (error.code) {
      case 'NOT_FOUND':
        return new AppError('NOT_FOUND', error.message);
      case 'ROUTER_NAME_TAKEN':
      case 'RESERVATION_TAKEN':
        return new AppError('CONFLICT', error.message);
      case 'INVALID_INPUT':
        return new AppError('VALIDATION', error.message);
      default:
        return undefined;
    }
  }
  return undefined;
}

const LINK_CODES = new Set(['OFFLINE', 'CONNECTION_LOST', 'CLOSED', 'TIMEOUT', 'FATAL', 'CANCELLED', 'CONNECT_FAILED']);

/** The link failed (not the router refusing): a change may or may not have been applied; a read got nothing. */
export function isLinkFailure(error: unknown): boolean {
  if (error instanceof AppError || error instanceof RouterOsError) return LINK_CODES.has(error.code);
  return false;
}

/** Rethrows known failures as AppErrors; unknown ones pass through and become INTERNAL at the IPC edge. */
export async function mapErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error) ?? error;
  }
}
