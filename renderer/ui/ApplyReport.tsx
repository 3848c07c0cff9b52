// The report of an applied (or refused) change plan: each command with what became of it (done, undone,
// not sent, failed, unknown), the fields verification found different, the backup taken first, and,
// while the router's own rollback entry is armed, when the router will undo the change by itself.
import { useTranslation } from 'react-i18next';
import type { ApplyReportView } from '../../src/contract/index.ts';
import { useLocale } from '../i18n/index.ts';
import { secondsUntil } from '../lib/change-plan.ts';
import { formatClock } from '../lib/format.ts';
import { useNow } from '../lib/hooks.ts';
import { Banner } from './Banner.tsx';

/** "The router will undo this change by itself at 14:05:09 (in 42 s) unless WireDesk reconnects first", counting down. */
export function RollbackCountdown({ runsAt, 'data-testid': testId = 'rollback-pending' }: { runsAt: number | null; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(1000);
  if (runsAt === null) {
    return (
      <Banner tone="warn" compact title={t('changes.report.pendingTitle')} data-testid={testId}>
        {t('changes.report.pendingNoTime')}
      </Banner>
    );
  }
  const seconds = secondsUntil(runsAt, now);
  const time = formatClock(runsAt, locale);
  return (
    <Banner tone="warn" compact title={t('changes.report.pendingTitle')} data-testid={testId}>
      <span data-seconds={seconds}>{seconds > 0 ? t('changes.report.pendingCountdown', { time, seconds }) : t('changes.report.pendingDue', { time })}</span>
    </Banner>
  );
}

export function ApplyReportPanel({ report, 'data-testid': testId = 'apply-report' }: { report: ApplyReportView; 'data-testid'?: string }) {
  const { t } = useTranslation();
  return (
    <div className="apply-report" data-testid={testId} data-outcome={report.outcome}>
      <div className="apply-report-title">{t(`changes.report.outcome.${report.outcome}`)}</div>
      {report.steps.length > 0 ? (
        <ol className="report-steps">
          {report.steps.map((step, i) => (
            <li key={`${i}-${step.cli}`} className={`report-step state-${step.state}`} data-testid="report-step" data-state={step.state}>
              <span className="report-state">{t(`changes.report.state.${step.state}`)}</span>
              <code className="report-cli">{step.cli}</code>
              {step.error ? <span className="report-error">{step.error}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {report.differences.length > 0 ? (
        <div className="report-differences" data-testid="report-differences">
          <div className="muted small">{t('changes.report.differences')}</div>
          <table className="diff-table">
            <thead>
              <tr>
                <th scope="col">{t('changes.report.item')}</th>
                <th scope="col">{t('changes.diff.field')}</th>
                <th scope="col">{t('changes.report.expected')}</th>
                <th scope="col">{t('changes.report.actual')}</th>
              </tr>
            </thead>
            <tbody>
              {report.differences.map((d, i) => (
                <tr key={`${d.item.key}-${d.field}-${i}`}>
                  <td>{d.item.label}</td>
                  <td className="mono">{d.field}</td>
                  <td className="mono">{d.expected ?? '—'}</td>
                  <td className="mono changed">{d.actual ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.rollback.state === 'pending' ? <RollbackCountdown runsAt={report.rollback.runsAt} /> : null}
      {report.rollback.state === 'pending' && report.rollback.name ? <p className="muted small">{t('changes.report.entryName', { name: report.rollback.name })}</p> : null}
      {report.safeMode === 'used' || report.safeMode === 'busy' ? <p className="muted small">{t(`changes.report.safeMode.${report.safeMode}`)}</p> : null}
      {report.backupId !== null ? <p className="muted small">{t('changes.report.backup', { id: report.backupId })}</p> : null}
    </div>
  );
}
