// Reads certificate facts out of an error's `details`, tolerating the nesting main may use
// ({ fingerprint, ... } or { certificate: { fingerprint, ... } }). Pure, unit-tested.
import { normalizeFingerprint } from '../../lib/format.ts';

export interface CertificateFacts {
  fingerprint: string | null;
  subject: string | null;
  issuer: string | null;
  validFrom: string | null;
  validTo: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function firstString(source: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = str(source[key]);
    if (value) return value;
  }
  return null;
}

function fingerprintFrom(value: string | null): string | null {
  if (!value) return null;
  return normalizeFingerprint(value) ?? value;
}

/** The certificate the router presented. */
export function presentedCertificate(details: Record<string, unknown> | undefined): CertificateFacts {
  const root = details ?? {};
  const cert = isRecord(root.certificate) ? root.certificate : root;
  return {
    fingerprint: fingerprintFrom(firstString(cert, ['fingerprint', 'presentedFingerprint', 'actualFingerprint', 'actual']) ?? firstString(root, ['presentedFingerprint', 'actualFingerprint', 'actual', 'fingerprint'])),
    subject: firstString(cert, ['subject']),
    issuer: firstString(cert, ['issuer']),
    validFrom: firstString(cert, ['validFrom', 'valid_from', 'notBefore']),
    validTo: firstString(cert, ['validTo', 'valid_to', 'notAfter']),
  };
}

/** The fingerprint WireDesk had pinned (for TLS_FINGERPRINT_MISMATCH and anonymous downgrades). */
export function pinnedFingerprint(details: Record<string, unknown> | undefined): string | null {
  const root = details ?? {};
  return fingerprintFrom(firstString(root, ['expectedFingerprint', 'pinnedFingerprint', 'expected', 'pinned', 'oldFingerprint']));
}
