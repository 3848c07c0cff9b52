// Every failure of the RouterOS client is a RouterOsError with a stable `code` the UI and the connection
// manager switch on, and a message a technician can act on: it names the router and the command.

export type RouterOsErrorCode =
  | 'TRAP'
  | 'FATAL'
  | 'TIMEOUT'
  | 'CONNECTION_LOST'
  | 'PROTOCOL_ERROR'
  | 'AUTH_FAILED'
  | 'TLS_FINGERPRINT_MISMATCH'
  | 'TLS_UNTRUSTED'
  | 'TLS_ANONYMOUS'
  | 'CANCELLED'
  | 'CONNECT_FAILED'
  | 'CLOSED';

export interface ErrorContext {
  /** Router address as the user typed it (host or host:port). */
  host?: string | undefined;
  /** The command that was running, e.g. `/interface/wireguard/peers/add`. */
  command?: string | undefined;
  cause?: unknown;
}

export class RouterOsError extends Error {
  readonly code: RouterOsErrorCode;
  readonly host: string | undefined;
  readonly command: string | undefined;

  constructor(code: RouterOsErrorCode, message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = 'RouterOsError';
    this.code = code;
    this.host = context.host;
    this.command = context.command;
  }
}

/** One `!trap` sentence. */
export interface TrapDetail {
  message: string;
  /** 0 missing item/command, 1 argument value, 2 interrupted, 3 scripting, 4 general, 5 API, 6 TTY, 7 :return. */
  category: number | undefined;
}

/** The router refused a command. Several traps can precede one `!done`; all are kept, the first leads. */
export class RouterOsTrapError extends RouterOsError {
  readonly category: number | undefined;
  readonly traps: readonly TrapDetail[];

  constructor(traps: readonly TrapDetail[], context: ErrorContext) {
    const first = traps[0] ?? { message: 'unknown error', category: undefined };
    const all = traps.map((t) => t.message).join('; ');
    super('TRAP', `${context.host ?? 'router'} refused ${context.command ?? 'the command'}: ${all}`, context);
    this.name = 'RouterOsTrapError';
    this.category = first.category;
    this.traps = traps;
  }

  /** The router's own first message, without our context (e.g. for matching "already exists"). */
  get routerMessage(): string {
    return this.traps[0]?.message ?? '';
  }
}

/** The router ended the API session with `!fatal` (e.g. "session terminated on request"). */
export class RouterOsFatalError extends RouterOsError {
  readonly reason: string;

  constructor(reason: string, context: ErrorContext) {
    const during = context.command ? ` while running ${context.command}` : '';
    super('FATAL', `${context.host ?? 'router'} closed the API session${during}: ${reason}`, context);
    this.name = 'RouterOsFatalError';
    this.reason = reason;
  }
}

/** Certificate details shown to the user before they decide to trust (pin) it. */
export interface CertificateSummary {
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by ':' (the form browsers display). */
  fingerprint: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  serialNumber: string;
  selfSigned: boolean;
}

/** No fingerprint was pinned yet: the UI shows `certificate` and retries with `pinnedFingerprint` if accepted. */
export class TlsUntrustedError extends RouterOsError {
  readonly certificate: CertificateSummary;

  constructor(certificate: CertificateSummary, context: ErrorContext) {
    super(
      'TLS_UNTRUSTED',
      `${context.host ?? 'router'} presented a certificate that is not trusted yet (SHA-256 ${certificate.fingerprint}, ` +
        `subject ${certificate.subject}); confirm the fingerprint on the router before trusting it`,
      context,
    );
    this.name = 'TlsUntrustedError';
    this.certificate = certificate;
  }

  get presentedFingerprint(): string {
    return this.certificate.fingerprint;
  }
}

/** The router presented a different certificate than the pinned one: a replaced certificate or an attacker. */
export class TlsFingerprintMismatchError extends RouterOsError {
  readonly expectedFingerprint: string;
  readonly certificate: CertificateSummary;

  constructor(expectedFingerprint: string, certificate: CertificateSummary, context: ErrorContext) {
    super(
      'TLS_FINGERPRINT_MISMATCH',
      `${context.host ?? 'router'} presented a different certificate than the trusted one ` +
        `(expected SHA-256 ${expectedFingerprint}, got ${certificate.fingerprint}); no credentials were sent`,
      context,
    );
    this.name = 'TlsFingerprintMismatchError';
    this.expectedFingerprint = expectedFingerprint;
    this.certificate = certificate;
  }

  get presentedFingerprint(): string {
    return this.certificate.fingerprint;
  }
}

/** The only TLS the router offers is anonymous Diffie-Hellman (no certificate): encrypted but unauthenticated. */
export class TlsAnonymousError extends RouterOsError {
  constructor(context: ErrorContext & { pinnedFingerprint?: string | undefined }) {
    const why = context.pinnedFingerprint
      ? `but a certificate (SHA-256 ${context.pinnedFingerprint}) was trusted before; refusing the downgrade`
      : 'which encrypts but cannot prove the router is genuine; allow anonymous TLS or install a certificate on the router';
    super('TLS_ANONYMOUS', `${context.host ?? 'router'} offers only anonymous TLS (no certificate), ${why}`, context);
    this.name = 'TlsAnonymousError';
  }
}

