// Why a change failed, in the technician's terms: offline (nothing was sent), the router refused (what was
// attempted and the router's own words), no free address, read-only, or the link dropped mid-way. When the
// change went through a plan, the step-by-step report below it: what was done, undone, not sent, and
// whether the router's own rollback is still to run.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictKind, isLinkLoss, trapInfo, type ActionError } from '../lib/action-error.ts';
import { reportOf } from '../lib/change-plan.ts';
import { ApplyReportPanel } from './ApplyReport.tsx';
import { X } from 'lucide-react';
import { Banner } from './Banner.tsx';
import { Button } from './Button.tsx';

export interface ActionErrorPanelProps {
  error: ActionError;
  /** What failed, for the generic title: "The peer was not added". */
  failedTitle: string;
  'data-testid'?: string;
  /** Shows a close button beside the panel (for errors on a screen rather than in a dialog). */
  onDismiss?: () => void;
}

export function ActionErrorPanel({ onDismiss, ...props }: ActionErrorPanelProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // A new error is brought into view: in a long dialog it appears below the fields the technician just left.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [props.error]);
  const report = reportOf(props.error);
  const panel = (
    <div ref={ref} className="action-error">
      <ErrorBody {...props} />
      {report ? <ApplyReportPanel report={report} data-testid="error-report" /> : null}
    </div>
  );
  if (!onDismiss) return panel;
  return (
    <div className="dismissable">
      {panel}
      <Button size="sm" variant="ghost" icon={<X size={14} aria-hidden />} onClick={onDismiss} aria-label={t('common.close')} />
    </div>
  );
}

function ErrorBody({ error, failedTitle, 'data-testid': testId = 'action-error' }: ActionErrorPanelProps): ReactNode {
  const { t } = useTranslation();
  if (error.code === 'OFFLINE') {
    return (
      <Banner tone="warn" title={t('actionError.offlineTitle')} data-testid={testId}>
        <p>{error.message}</p>
        <p className="muted">{t('actionError.offlineBody')}</p>
      </Banner>
    );
  }
  const trap = trapInfo(error);
  if (trap) {
    return (
      <Banner tone="danger" title={t('actionError.trapTitle')} data-testid={testId}>
        <dl className="trap-facts">
          <dt>{t('actionError.attempted')}</dt>
          <dd data-testid="trap-attempted">{trap.attempted}</dd>
          <dt>{t('actionError.routerSaid')}</dt>
          <dd>
            <code className="router-words" data-testid="trap-router-message">
              {trap.routerMessage}
            </code>
          </dd>
          {trap.command ? (
            <>
              <dt>{t('actionError.command')}</dt>
              <dd>
                <code className="faint-code">{trap.command}</code>
              </dd>
            </>
          ) : null}
        </dl>
        {trap.hint ? <p className="strong-note" data-testid="trap-hint">{trap.hint}</p> : null}
        <p className="muted small">{t('actionError.trapNothingChanged')}</p>
      </Banner>
    );
  }
  const conflict = conflictKind(error);
  if (conflict === 'pool-exhausted' || conflict === 'no-address' || conflict === 'read-only') {
    const title = { 'pool-exhausted': t('actionError.poolExhausted'), 'no-address': t('actionError.noAddress'), 'read-only': t('actionError.readOnly') }[conflict];
    return (
      <Banner tone="danger" title={title} data-testid={testId}>
        <span data-conflict={conflict}>{error.message}</span>
      </Banner>
    );
  }
  if (isLinkLoss(error)) {
    return (
      <Banner tone="danger" title={t('actionError.linkLostTitle')} data-testid={testId}>
        <p>{error.message}</p>
        <p className="muted">{t('actionError.linkLostBody')}</p>
      </Banner>
    );
  }
  return (
    <Banner tone="danger" title={error.code === 'VALIDATION' || error.code === 'BAD_INPUT' ? t('actionError.checkInput') : failedTitle} data-testid={testId}>
      {error.message}
    </Banner>
  );
}
