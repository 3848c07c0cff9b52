// The Preview step: the exact RouterOS commands WireDesk will send (copyable, secrets as <hidden>), a
// before/after table per item with the changed fields marked, the router checks' warnings, what is read back
// afterwards, and the router's own rollback: if WireDesk loses the connection, the router undoes the change
// by itself after the delay. Back returns to the form; Apply sends exactly this plan (refused if the router
// changed since, with a new preview offered).
import type { ReactNode } from 'react';
import { ArrowLeft, Check, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ItemDiffView, PlanView } from '../../../src/contract/index.ts';
import type { ActionError } from '../../lib/action-error.ts';
import { commandText, diffRows } from '../../lib/change-plan.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { CopyBlock } from '../../ui/CopyBlock.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { LoadingState } from '../../ui/ReadErrorState.tsx';
import { WarningList } from '../../ui/WarningList.tsx';
import type { PlanFlow } from './use-plan-flow.ts';
import './changes.css';

/** One item's before/after. `labels` name the two sides and the change when they are not a change's before
 * and after (a backup compared with the router now: "Added", not "Will be added"). */
export function ItemDiff({ diff, labels }: { diff: ItemDiffView; labels?: { before: string; after: string; change: string } }) {
  const { t } = useTranslation();
  const rows = diffRows(diff);
  const showBefore = diff.change !== 'add';
  const showAfter = diff.change !== 'remove';
  // Absent and empty read differently: "—" is no such field on that side, "(empty)" a field set to nothing.
  const cell = (value: string | null) => (value === null ? <span className="muted">—</span> : value === '' ? <span className="muted diff-empty">{t('changes.diff.empty')}</span> : value);
  return (
    <div className="item-diff" data-testid="preview-item" data-change={diff.change}>
      <div className="item-diff-head">
        <span className={`change-badge change-${diff.change}`}>{labels?.change ?? t(`changes.diff.change.${diff.change}`)}</span>
        <span className="item-diff-label">{diff.item.label}</span>
        <span className="muted small">{t(`changes.diff.type.${diff.item.type}`)}</span>
      </div>
      <div className="diff-scroll">
        <table className="diff-table">
          <thead>
            <tr>
              <th scope="col">{t('changes.diff.field')}</th>
              {showBefore ? <th scope="col">{labels?.before ?? t('changes.diff.before')}</th> : null}
              {showAfter ? <th scope="col">{labels?.after ?? t('changes.diff.after')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field} className={diff.change === 'edit' && row.changed ? 'changed' : undefined} data-testid={`diff-${row.field}`} data-changed={row.changed}>
                <td className="mono diff-field">{row.field}</td>
                {showBefore ? <td className="mono diff-before">{cell(row.before)}</td> : null}
                {showAfter ? <td className="mono diff-after">{cell(row.after)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Section({ title, children, 'data-testid': testId }: { title: string; children: ReactNode; 'data-testid'?: string }) {
  return (
    <section className="preview-section" data-testid={testId}>
      <h3 className="preview-heading">{title}</h3>
      {children}
    </section>
  );
}

export function PlanPreview({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  return (
    <div className="plan-preview" data-testid="plan-preview" data-plan={plan.planId}>
      <Section title={t('changes.preview.commands', { count: plan.commands.length })} data-testid="preview-commands-section">
        <CopyBlock text={commandText(plan.commands)} label={t('changes.preview.copyCommands')} wrap data-testid="preview-commands" />
        {plan.commands.some((c) => c.includes('<hidden>')) ? <p className="muted small">{t('changes.preview.hiddenNote')}</p> : null}
      </Section>
      {plan.diff.length > 0 ? (
        <Section title={t('changes.preview.diff')} data-testid="preview-diff">
          {plan.diff.map((d) => (
            <ItemDiff key={`${d.item.type}-${d.item.key}`} diff={d} />
          ))}
        </Section>
      ) : null}
      {plan.warnings.length > 0 ? (
        <Section title={t('changes.preview.warnings')}>
          <WarningList warnings={plan.warnings} data-testid="preview-warnings" />
        </Section>
      ) : null}
      {plan.verify.length > 0 ? (
        <Section title={t('changes.preview.verify')} data-testid="preview-verify">
          <ul className="verify-list">
            {plan.verify.map((v, i) => (
              <li key={`${v.item}-${i}`}>
                <span>{v.item}</span>: <span className="mono small">{v.fields.join(', ')}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <div className="preview-rollback" data-testid="preview-rollback">
        <p>{t('changes.preview.rollback', { seconds: plan.rollback.delaySec })}</p>
        {plan.rollback.script.length > 0 ? (
          <details className="rollback-script">
            <summary>{t('changes.preview.rollbackScript')}</summary>
            <CopyBlock text={plan.rollback.script.join('\n')} label={t('changes.preview.copyScript')} wrap data-testid="preview-rollback-script" />
          </details>
        ) : null}
      </div>
    </div>
  );
}

/** Opt-in: after applying, wait for a sign of life from the tunnels the change touches, and undo it if one stays silent. */
function TunnelCheckOption({ check, flow, disabled }: { check: NonNullable<PlanView['tunnelCheck']>; flow: PlanFlow; disabled: boolean }) {
  const { t } = useTranslation();
  const names = check.peers.map((p) => p.label).join(', ');
  return (
    <label className="checkbox tunnel-check" data-testid="preview-tunnel-check">
      <input type="checkbox" checked={flow.tunnelCheck} disabled={disabled} onChange={(e) => flow.setTunnelCheck(e.target.checked)} data-testid="preview-tunnel-check-input" />
      <span>
        <span className="strong">{t('changes.tunnel.label', { count: check.peers.length, names, seconds: check.seconds })}</span>
        <span className="muted small block">{t('changes.tunnel.help', { count: check.peers.length, seconds: check.seconds })}</span>
      </span>
    </label>
  );
}

export interface ChangePreviewDialogProps {
  title: string;
  flow: PlanFlow;
  /** Back to the form (or, for a one-click action, cancel). */
  onBack: () => void;
  /** Closes the dialog (the close button, Escape). */
  onClose: () => void;
  onApply: () => void;
  /** "Apply", or the action's own word ("Delete peer"). */
  applyLabel?: string;
  danger?: boolean;
  /** What failed, for the error panel's title. */
  failedTitle: string;
  /** Shown above the plan, e.g. what is being deleted. */
  intro?: ReactNode;
  /** Back is "Cancel" when there is no form to go back to. */
  backIsCancel?: boolean;
  /** The preview itself was refused (no form to show it in): shown instead of the plan. */
  previewError?: ActionError | null;
}

export function ChangePreviewDialog({ title, flow, onBack, onClose, onApply, applyLabel, danger = false, failedTitle, intro, backIsCancel = false, previewError = null }: ChangePreviewDialogProps) {
  const { t } = useTranslation();
  const { plan, stale, busy, error } = flow;
  const applying = busy === 'applying';
  return (
    <Dialog
      title={title}
      description={error ? t('changes.preview.descriptionTried') : t('changes.preview.description')}
      onClose={onClose}
      busy={applying}
      size="xl"
      data-testid="change-preview"
      footer={
        <>
          <Button onClick={onBack} disabled={applying} icon={backIsCancel ? undefined : <ArrowLeft size={15} aria-hidden />} data-testid="preview-back">
            {backIsCancel ? t('common.cancel') : t('changes.preview.back')}
          </Button>
          <span className="spacer" />
          {error ? (
            // The plan was used up by the attempt: going back to the form previews anew, nothing here re-sends it.
            <Button variant="primary" onClick={onClose} data-autofocus data-testid="preview-close">
              {t('common.close')}
            </Button>
          ) : stale ? (
            <Button variant="primary" icon={<RefreshCw size={15} aria-hidden />} onClick={() => void flow.previewAgain()} busy={busy === 'previewing'} data-testid="preview-again">
              {t('changes.stale.again')}
            </Button>
          ) : (
            // Not focused on arrival: Enter pressed twice must not send a plan nobody has read.
            <Button variant={danger ? 'danger' : 'primary'} icon={<Check size={15} aria-hidden />} onClick={onApply} busy={applying} disabled={!plan || busy === 'previewing'} data-testid="preview-apply">
              {applyLabel ?? t('changes.preview.apply')}
            </Button>
          )}
        </>
      }
    >
      <div className="stack">
        {intro}
        {stale ? (
          <Banner tone="warn" title={stale.reason === 'changed' ? t('changes.stale.changedTitle') : t('changes.stale.expiredTitle')} data-testid="plan-stale" >
            <p>{stale.reason === 'changed' ? t('changes.stale.changedBody') : t('changes.stale.expiredBody')}</p>
            {stale.reason === 'changed' && stale.now.length > 0 ? (
              <details className="stale-commands">
                <summary>{t('changes.stale.compare')}</summary>
                <div className="muted small">{t('changes.stale.previewed')}</div>
                <CopyBlock text={commandText(stale.previewed)} label={t('changes.preview.copyCommands')} wrap data-testid="stale-previewed" />
                <div className="muted small">{t('changes.stale.now')}</div>
                <CopyBlock text={commandText(stale.now)} label={t('changes.preview.copyCommands')} wrap data-testid="stale-now" />
              </details>
            ) : null}
          </Banner>
        ) : null}
        {plan ? (
          <div className={stale ? 'plan-outdated' : undefined} aria-disabled={stale ? true : undefined}>
            <PlanPreview plan={plan} />
            {plan.tunnelCheck && !error ? <TunnelCheckOption check={plan.tunnelCheck} flow={flow} disabled={applying || stale !== null} /> : null}
          </div>
        ) : previewError ? null : (
          <LoadingState label={t('changes.preview.loading')} />
        )}
        {error ? <ActionErrorPanel error={error} failedTitle={failedTitle} data-testid="preview-error" /> : null}
        {!plan && previewError ? <ActionErrorPanel error={previewError} failedTitle={t('changes.preview.failed')} data-testid="preview-error" /> : null}
      </div>
    </Dialog>
  );
}
