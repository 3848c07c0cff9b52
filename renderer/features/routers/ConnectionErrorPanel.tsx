// What went wrong when testing or saving a router, in words that say what to do next. TLS problems get
// the certificate facts a technician needs to decide, and only the safe choices are one click away.
import { ShieldCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, Transport } from '../../../src/contract/index.ts';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { pinnedFingerprint, presentedCertificate } from './tls-details.ts';

export interface PanelError {
  code: ErrorCode | 'UNKNOWN';
  message: string;
  details?: Record<string, unknown> | undefined;
}

export interface ConnectionErrorPanelProps {
  error: PanelError;
  host: string;
  port: string;
  transport: Transport;
  /** The fingerprint currently pinned in the form, if any. */
  formFingerprint: string | null;
  allowAnonymousTls: boolean;
  onTrust: (fingerprint: string) => void;
  onAllowAnonymous: (allow: boolean) => void;
  busy: boolean;
}

/** Two lines of 16 bytes each, so a technician can compare half a fingerprint at a time. */
function fingerprintLines(value: string): string[] {
  const bytes = value.split(':');
  if (bytes.length !== 32) return [value];
  return [bytes.slice(0, 16).join(':'), bytes.slice(16).join(':')];
}

export function Fingerprint({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  const routerOsForm = value.replace(/:/g, '').toLowerCase();
  return (
    <div className="fingerprint" data-testid={testId}>
      <div className="fingerprint-row">
        <code className="fingerprint-value" aria-label={value}>
          {fingerprintLines(value).map((line) => (
            <span key={line} className="fingerprint-line">
              {line}
            </span>
          ))}
        </code>
        <CopyButton value={value} label={t('common.copyLabel', { what: label })} />
      </div>
      <div className="fingerprint-alt">
        <span className="muted">{t('tls.routerOsForm')}</span> <code>{routerOsForm}</code>
      </div>
    </div>
  );
}

function CertificateTable({ details }: { details: Record<string, unknown> | undefined }) {
  const { t } = useTranslation();
  const cert = presentedCertificate(details);
  return (
    <dl className="cert-facts">
      <dt>{t('tls.fingerprint')}</dt>
      <dd>{cert.fingerprint ? <Fingerprint value={cert.fingerprint} label={t('tls.fingerprint')} testId="tls-fingerprint" /> : <span className="muted">{t('common.unknown')}</span>}</dd>
      {cert.subject ? (
        <>
          <dt>{t('tls.subject')}</dt>
          <dd className="mono">{cert.subject}</dd>
        </>
      ) : null}
      {cert.issuer ? (
        <>
          <dt>{t('tls.issuer')}</dt>
          <dd className="mono">{cert.issuer}</dd>
        </>
      ) : null}
      {cert.validFrom || cert.validTo ? (
        <>
          <dt>{t('tls.validity')}</dt>
          <dd>
            {cert.validFrom ?? '?'} – {cert.validTo ?? '?'}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function TechnicalDetail({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <p className="tech-detail">
      <span className="muted">{t('common.routerSaid')}</span> {message}
    </p>
  );
}

export function ConnectionErrorPanel({ error, host, port, transport, formFingerprint, allowAnonymousTls, onTrust, onAllowAnonymous, busy }: ConnectionErrorPanelProps) {
  const { t } = useTranslation();
  const service = transport === 'api-ssl' ? 'api-ssl' : 'api';
  const address = `${host.trim() || '?'}:${port.trim() || '?'}`;

  switch (error.code) {
    case 'AUTH_FAILED':
      return (
        <Banner tone="danger" title={t('connErr.auth.title')} data-testid="test-error">
          <p>{t('connErr.auth.body')}</p>
        </Banner>
      );

    case 'TLS_UNTRUSTED': {
      const cert = presentedCertificate(error.details);
      return (
        <Banner tone="warn" title={t('connErr.untrusted.title')} data-testid="test-error">
          <p>{t('connErr.untrusted.body')}</p>
          <p>
            {t('connErr.untrusted.compare')} <code>/certificate print detail</code>
          </p>
          <CertificateTable details={error.details} />
          {cert.fingerprint ? (
            <div className="panel-actions">
              <Button variant="primary" size="sm" icon={<ShieldCheck size={14} aria-hidden />} onClick={() => onTrust(cert.fingerprint!)} busy={busy} data-testid="trust-certificate">
                {t('connErr.untrusted.trust')}
              </Button>
            </div>
          ) : null}
        </Banner>
      );
    }

    case 'TLS_FINGERPRINT_MISMATCH': {
      const pinned = pinnedFingerprint(error.details) ?? formFingerprint;
      const presented = presentedCertificate(error.details).fingerprint;
      return (
        <Banner tone="danger" title={t('connErr.mismatch.title')} data-testid="test-error">
          <p>{t('connErr.mismatch.body')}</p>
          <dl className="cert-facts">
            <dt>{t('connErr.mismatch.pinned')}</dt>
            <dd>{pinned ? <Fingerprint value={pinned} label={t('connErr.mismatch.pinned')} /> : <span className="muted">{t('common.unknown')}</span>}</dd>
            <dt>{t('connErr.mismatch.presented')}</dt>
            <dd>{presented ? <Fingerprint value={presented} label={t('connErr.mismatch.presented')} testId="tls-fingerprint" /> : <span className="muted">{t('common.unknown')}</span>}</dd>
          </dl>
          <p className="strong-note">{t('connErr.mismatch.howTo')}</p>
        </Banner>
      );
    }

    case 'TLS_ANONYMOUS':
      if (formFingerprint) {
        return (
          <Banner tone="danger" title={t('connErr.downgrade.title')} data-testid="test-error">
            <p>{t('connErr.downgrade.body')}</p>
          </Banner>
        );
      }
      return (
        <Banner tone="warn" title={t('connErr.anonymous.title')} data-testid="test-error">
          <p>{t('connErr.anonymous.body')}</p>
          <p>{t('connErr.anonymous.fix')}</p>
          <label className="checkbox anon-accept">
            <input type="checkbox" checked={allowAnonymousTls} onChange={(e) => onAllowAnonymous(e.target.checked)} data-testid="allow-anonymous-tls" />
            <span>{t('connErr.anonymous.accept')}</span>
          </label>
        </Banner>
      );

    case 'UNSUPPORTED_VERSION':
      return (
        <Banner tone="warn" title={t('connErr.unsupported.title')} data-testid="test-error">
          <p>{t('connErr.unsupported.body')}</p>
          <TechnicalDetail message={error.message} />
        </Banner>
      );

    case 'MISSING_POLICY':
      return (
        <Banner tone="warn" title={t('connErr.policy.title')} data-testid="test-error">
          <p>{t('connErr.policy.body')}</p>
          <TechnicalDetail message={error.message} />
        </Banner>
      );

    case 'KEYCHAIN_UNAVAILABLE':
      return (
        <Banner tone="warn" title={t('connErr.keychain.title')} data-testid="test-error">
          <p>{t('connErr.keychain.body')}</p>
          <TechnicalDetail message={error.message} />
        </Banner>
      );

    case 'VALIDATION':
    case 'BAD_INPUT':
    case 'CONFLICT':
      return (
        <Banner tone="danger" title={t('connErr.invalid.title')} data-testid="test-error">
          <p>{error.message}</p>
        </Banner>
      );

    case 'CONNECT_FAILED':
    case 'TIMEOUT':
    case 'CONNECTION_LOST':
    case 'OFFLINE':
      return (
        <Banner tone="danger" title={t(error.code === 'TIMEOUT' ? 'connErr.timeout.title' : 'connErr.unreachable.title', { address })} data-testid="test-error">
          <ul className="checklist">
            <li>{t('connErr.unreachable.address')}</li>
            <li>{t('connErr.unreachable.service', { service, port: port.trim() || '?' })}</li>
            <li>{t('connErr.unreachable.firewall')}</li>
          </ul>
          <TechnicalDetail message={error.message} />
        </Banner>
      );

    default:
      return (
        <Banner tone="danger" title={t('connErr.generic.title')} data-testid="test-error">
          <p>{error.message}</p>
        </Banner>
      );
  }
}
