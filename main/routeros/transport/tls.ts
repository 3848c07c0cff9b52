// api-ssl with trust on first use. CA validation is switched off (rejectUnauthorized: false) because MikroTik
// certificates are self-signed; in its place the peer certificate's SHA-256 must equal the pinned fingerprint.
// The check runs right after the handshake and before the socket is handed to anything that could send
// credentials. A router without a certificate can only do anonymous Diffie-Hellman: accepted only when the
// user allowed it, and reported as encrypted-but-unauthenticated.
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import {
  RouterOsError,
  TlsAnonymousError,
  TlsFingerprintMismatchError,
  TlsUntrustedError,
  type CertificateSummary,
} from '../errors.ts';
import { normalizeFingerprint, summarizeCertificate } from './certificate.ts';
import { abortReason, connectTcp, describeSocketError, type TcpTarget } from './tcp.ts';

/**
 * Every anonymous DH suite OpenSSL 3 has (`openssl ciphers -v 'ADH:@SECLEVEL=0'`, the same ten in Node 24's
 * OpenSSL 3.5), strongest first: the router picks one it has, and which ones a given RouterOS version offers is
 * not documented. Other RouterOS clients offer the whole group too: Ansible community.routeros
 * (`set_ciphers("ADH:@SECLEVEL=0")`, plugins/module_utils/api.py), BenMenking/routeros-api (`ADH:ALL` +
 * `:@SECLEVEL=0`), EvilFreelancer/routeros-api-php (`ADH:ALL`). Names rather than `ADH` so the offer is the
 * same on every OpenSSL build and a test can go through it (decision 0007).
 */
export const ANONYMOUS_SUITES = [
  'ADH-AES256-GCM-SHA384',
  'ADH-AES128-GCM-SHA256',
  'ADH-AES256-SHA256',
  'ADH-AES128-SHA256',
  'ADH-CAMELLIA256-SHA256',
  'ADH-CAMELLIA128-SHA256',
  'ADH-AES256-SHA',
  'ADH-AES128-SHA',
  'ADH-CAMELLIA256-SHA',
  'ADH-CAMELLIA128-SHA',
] as const;

/** OpenSSL 3 allows anonymous suites only at security level 0; TLS 1.3 has none, hence the 1.2 cap. */
export const ANONYMOUS_CIPHERS = `${ANONYMOUS_SUITES.join(':')}:@SECLEVEL=0`;

export interface TlsPolicy {
  /** SHA-256 fingerprint the user trusted; absent on first contact. */
  pinnedFingerprint?: string | undefined;
  /** Accept a router that has no certificate (anonymous DH). Ignored when a fingerprint is pinned. */
  allowAnonymousTls?: boolean | undefined;
}

export interface TlsInfo {
  /** False for anonymous DH: the traffic is encrypted but nothing proves who the peer is. */
  authenticated: boolean;
  certificate: CertificateSummary | undefined;
  protocol: string | null;
  cipher: string;
}

export async function connectTls(target: TcpTarget, policy: TlsPolicy): Promise<{ socket: TLSSocket; info: TlsInfo }> {
  const pinned = policy.pinnedFingerprint ? normalizeFingerprint(policy.pinnedFingerprint) : undefined;
  let socket: TLSSocket;
  try {
    socket = await handshake(await connectTcp(target), target, {});
  } catch (error) {
    if (!(error instanceof HandshakeFailure)) throw error;
    // A failed normal handshake may mean the router has no certificate. Probe with anonymous suites only:
    // a handshake sends no credentials, so probing is harmless even when the answer is "refuse".
    const anonymous = await probeAnonymous(target);
    if (!anonymous) {
      throw new RouterOsError(
        'CONNECT_FAILED',
        `TLS handshake with ${target.label} failed: ${error.message}`,
        { host: target.label, cause: error.cause },
      );
    }
    if (pinned || !policy.allowAnonymousTls) {
      anonymous.destroy();
      throw new TlsAnonymousError({ host: target.label, pinnedFingerprint: pinned });
    }
    return { socket: anonymous, info: describe(anonymous, undefined) };
  }
  const certificate = summarizeCertificate(socket.getPeerCertificate());
  if (!certificate) {
    socket.destroy();
    throw new TlsAnonymousError({ host: target.label, pinnedFingerprint: pinned });
  }
  if (!pinned) {
    socket.destroy();
    throw new TlsUntrustedError(certificate, { host: target.label });
  }
  if (certificate.fingerprint !== pinned) {
    socket.destroy();
    throw new TlsFingerprintMismatchError(pinned, certificate, { host: target.label });
  }
  return { socket, info: describe(socket, certificate) };
}

function describe(socket: TLSSocket, certificate: CertificateSummary | undefined): TlsInfo {
  return {
    authenticated: certificate !== undefined,
    certificate,
    protocol: socket.getProtocol(),
    cipher: socket.getCipher().name,
  };
}

async function probeAnonymous(target: TcpTarget): Promise<TLSSocket | undefined> {
  try {
    const tcp = await connectTcp(target);
    return await handshake(tcp, target, { ciphers: ANONYMOUS_CIPHERS, maxVersion: 'TLSv1.2' });
  } catch (error) {
    if (error instanceof RouterOsError && error.code === 'CANCELLED') throw error;
    return undefined;
  }
}

/** The TLS layer refused; distinct from cancellation so the caller knows probing makes sense. */
class HandshakeFailure extends Error {}

function handshake(tcp: Socket, target: TcpTarget, extra: ConnectionOptions): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      socket: tcp,
      rejectUnauthorized: false,
      // SNI must be a name; RFC 6066 forbids IP literals there.
      ...(isIP(target.host) ? {} : { servername: target.host }),
      ...extra,
    });
    const cleanup = (): void => {
      target.signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
    };
    const fail = (error: Error): void => {
      cleanup();
      socket.destroy();
      tcp.destroy();
      reject(error);
    };
    const onAbort = (): void => fail(abortReason(target.signal, target.label, 'TLS handshake'));
    const onError = (error: NodeJS.ErrnoException): void =>
      fail(new HandshakeFailure(describeSocketError(error), { cause: error }));
    const onClose = (): void => fail(new HandshakeFailure('the router closed the connection during the handshake'));
    socket.once('error', onError);
    socket.once('close', onClose);
    if (target.signal.aborted) {
      onAbort();
      return;
    }
    target.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      cleanup();
      resolve(socket);
    });
  });
}
