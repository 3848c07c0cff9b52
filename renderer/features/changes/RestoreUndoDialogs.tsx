// Restoring a backup and undoing an applied change: both are plans like any change. The dialog opens on the
// Preview step (the exact commands, each item's before/after, the warnings, the router's own rollback);
// Apply sends that plan, and the result says what the router shows now. An undo is refused, before anything
// is sent, when an item the change touched has changed since: the dialog names each item and field.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { undoConflictSchema, type ApplyReportView, type ChangedSince, type ChangeRequest, type ChangeSubject } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { changeSubjectText } from '../../lib/change-subject.ts';
import { useLocale } from '../../i18n/index.ts';
import type { ActionError } from '../../lib/action-error.ts';
import { isNoteworthy } from '../../lib/change-plan.ts';
import { ApplyReportPanel } from '../../ui/ApplyReport.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ChangePreviewDialog } from './PlanPreview.tsx';
import { useFetchedPlanFlow, usePreviewOnOpen } from './use-plan-flow.ts';

/** Why a restore or an undo has nothing to send, or cannot be sent, worded from main's reason code. */
export type Refusal =
  | { kind: 'nothing-to-restore' }
  | { kind: 'nothing-to-undo' }
  | { kind: 'not-applied'; state: string }
  | { kind: 'changed-since'; changed: ChangedSince[] };

export function refusalOf(error: ActionError): Refusal | null {
  const reason = error.details?.['reason'];
  if (error.code === 'VALIDATION' && reason === 'nothing-to-restore') return { kind: 'nothing-to-restore' };
  if (error.code === 'VALIDATION' && reason === 'nothing-to-undo') return { kind: 'nothing-to-undo' };
  if (error.code === 'CONFLICT' && reason === 'not-applied') return { kind: 'not-applied', state: String(error.details?.['state'] ?? '') };
  if (error.code === 'CONFLICT') {
    const parsed = undoConflictSchema.safeParse(error.details);
    if (parsed.success && parsed.data.changed.length > 0) return { kind: 'changed-since', changed: parsed.data.changed };
  }
  return null;
}

function ChangedSinceList({ changed }: { changed: readonly ChangedSince[] }) {
  const { t } = useTranslation();
  const empty = t('changes.diff.empty');
  return (
    <ul className="changed-since" data-testid="undo-changed">
      {changed.map((c, i) => (
        <li key={`${c.item}-${c.field ?? ''}-${i}`} data-reason={c.reason} data-item={c.item} data-field={c.field ?? ''}>
          {c.reason === 'changed' ? (
            <>
              <span className="strong">{c.item}</span>: {t('undo.changed.field', { field: c.field ?? '', now: c.now || empty, left: c.left || empty })}
            </>
          ) : (
            <>
              <span className="strong">{c.item}</span>: {t(`undo.changed.${c.reason}`)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function RefusalBanner({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  switch (refusal.kind) {
    case 'nothing-to-restore':
      return <Banner tone="ok" title={t('restore.nothingTitle')}>{t('restore.nothingBody')}</Banner>;
    case 'nothing-to-undo':
      return <Banner tone="ok" title={t('undo.nothingTitle')}>{t('undo.nothingBody')}</Banner>;
    case 'not-applied':
      return (
        <Banner tone="info" title={t('undo.notAppliedTitle')}>
          {t(`undo.notApplied.${refusal.state}`, { defaultValue: t('undo.notApplied.other') })}
        </Banner>
      );
    case 'changed-since':
      return (
        <Banner tone="warn" title={t('undo.changedTitle')}>
          <p>{t('undo.changedBody')}</p>
          <ChangedSinceList changed={refusal.changed} />
          <p className="muted small">{t('undo.changedHow')}</p>
        </Banner>
      );
  }
}

interface PlanDialogProps {
  title: string;
  intro: ReactNode;
  /** The change to preview (a restore or an undo). */
  request: ChangeRequest;
  /** Sends the previewed plan. */
  run: (planId: string) => Promise<{ report: ApplyReportView }>;
  applyLabel: string;
  failedTitle: string;
  doneTitle: string;
  doneBody: string;
  onClose: () => void;
  onDone: () => void;
  'data-testid': string;
}

/** Preview on open; a refusal worded from its reason (nothing is sent); after Apply, what the router shows now. */
function PlanDialog({ title, intro, request, run, applyLabel, failedTitle, doneTitle, doneBody, onClose, onDone, 'data-testid': testId }: PlanDialogProps) {
  const { t } = useTranslation();
  const flow = useFetchedPlanFlow();
  const previewError = usePreviewOnOpen(flow.preview, request);
  const [done, setDone] = useState<ApplyReportView | null>(null);

  const refusal = previewError ? refusalOf(previewError) : null;
  // After Apply, or when nothing can be sent: what happened, and Close.
  const outcome = (closeTestId: string, body: ReactNode) => (
    <Dialog
      title={title}
      onClose={onClose}
      size="lg"
      data-testid={testId}
      footer={
        <>
          <span className="spacer" />
          <Button variant="primary" onClick={onClose} data-autofocus data-testid={closeTestId}>
            {t('common.close')}
          </Button>
        </>
      }
    >
      {body}
    </Dialog>
  );
  if (done) {
    return outcome(
      'change-done-close',
      <div className="stack" data-testid="change-done" data-outcome={done.outcome}>
        <Banner tone="ok" title={doneTitle}>
          {doneBody}
        </Banner>
        {isNoteworthy(done) ? <ApplyReportPanel report={done} /> : null}
      </div>,
    );
  }
  if (refusal) {
    return outcome(
      'change-refused-close',
      <div className="stack">
        {intro}
        <div data-testid="change-refused" data-reason={refusal.kind}>
          <RefusalBanner refusal={refusal} />
        </div>
      </div>,
    );
  }

  const apply = async () => {
    const result = await flow.apply(run);
    if (result) {
      setDone(result.report);
      onDone();
    }
  };

  return (
    <ChangePreviewDialog
      title={title}
      flow={flow}
      onBack={onClose}
      backIsCancel
      onClose={onClose}
      onApply={() => void apply()}
      applyLabel={applyLabel}
      danger
      failedTitle={failedTitle}
      previewError={previewError}
      intro={intro}
    />
  );
}

export interface RestoreDialogProps {
  routerId: string;
  /** The backup, worded by the caller: its time and the change it was taken before. */
  backup: { id: number; when: string; subject: string };
  onClose: () => void;
  onDone: () => void;
}

export function RestoreDialog({ routerId, backup, onClose, onDone }: RestoreDialogProps) {
  const { t } = useTranslation();
  return (
    <PlanDialog
      title={t('restore.title', { time: backup.when })}
      intro={<p data-testid="restore-intro">{t('restore.intro', { time: backup.when, subject: backup.subject })}</p>}
      request={{ kind: 'backup.restore', input: { routerId, backupId: backup.id } }}
      run={(planId) => invoke('backups:restore', { routerId, backupId: backup.id, planId })}
      applyLabel={t('restore.apply')}
      failedTitle={t('restore.failed')}
      doneTitle={t('restore.doneTitle')}
      doneBody={t('restore.doneBody', { time: backup.when })}
      onClose={onClose}
      onDone={onDone}
      data-testid="restore-dialog"
    />
  );
}

export interface UndoDialogProps {
  routerId: string;
  /** The applied change (its plan's id, as the activity log keeps it). */
  planId: string;
  /** What the change was, as main keeps it in the change history (null when it is not there). */
  subject: ChangeSubject | null;
  /** Words for it when there is no subject (the activity entry's own). */
  fallback: string;
  onClose: () => void;
  onDone: () => void;
}

export function UndoDialog({ routerId, planId, subject, fallback, onClose, onDone }: UndoDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const what = changeSubjectText(t, subject, fallback, locale);
  return (
    <PlanDialog
      title={t('undo.title', { what })}
      intro={<p data-testid="undo-intro">{t('undo.intro', { what })}</p>}
      request={{ kind: 'change.undo', input: { routerId, planId } }}
      run={(previewId) => invoke('changes:undo', { routerId, planId, previewId })}
      applyLabel={t('undo.apply')}
      failedTitle={t('undo.failed')}
      doneTitle={t('undo.doneTitle')}
      doneBody={t('undo.doneBody', { what })}
      onClose={onClose}
      onDone={onDone}
      data-testid="undo-dialog"
    />
  );
}
