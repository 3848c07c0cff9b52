// Certificate pinning helpers. MikroTik routers normally carry a self-signed certificate, so CA validation
// proves nothing; trust is the SHA-256 fingerprint the user accepted on first use.
import { createHash } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import type { CertificateSummary } from '../errors.ts';

/** Accepts `AB:CD:..`, `abcd..` or `ab cd ..` and returns the canonical `AB:CD:...` form. */
export function normalizeFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length !== 64) throw new RangeError(`"${fingerprint}" is not a SHA-256 fingerprint (64 hex digits)`);
  return hex.match(/../g)!.join(':');
}

export function fingerprintOf(der: Buffer): string {
  return normalizeFingerprint(createHash('sha256').update(der).digest('hex'));
}

function formatName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

/** Undefined when the peer sent no certificate (anonymous Diffie-Hellman). */
export function summarizeCertificate(cert: PeerCertificate | null | undefined): CertificateSummary | undefined {
  if (!cert || !cert.raw || cert.raw.length === 0) return undefined;
  const subject = formatName(cert.subject);
  const issuer = formatName(cert.issuer);
  return {
    fingerprint: fingerprintOf(cert.raw),
    subject,
    issuer,
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
    serialNumber: cert.serialNumber,
    selfSigned: subject === issuer,
  };
}
