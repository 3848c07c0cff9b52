// Enable, disable or delete many peers at once: confirm with the names, then the Preview step (every command,
// the before/after of each peer; never skipped, the setting is for single peers), then follow bulk:progress
// events for this request's own operation id, then a result per peer (failures first, with the router's words).
// A lost link stops the run; the peers not attempted say so ("nothing was sent").
import { useEffect, useMemo, useRef, useState } from 'react';
import { CircleCheck, CircleX, Power, PowerOff, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InvokeOutput, ManagedPeer } from '../../../src/contract/index.ts';
import { invoke, on } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { useLocale } from '../../i18n/index.ts';
import { formatCount } from '../../lib/format.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { ChangePreviewDialog } from '../changes/PlanPreview.tsx';
import { usePlanFlow } from '../changes/use-plan-flow.ts';
import { peerLabel } from './peer-view.ts';
import { PLAN_PART_SIZE } from '../../lib/change-plan.ts';

export type BulkAction = 'enable' | 'disable' | 'delete';
type BulkResult = InvokeOutput<'peers:bulk'>;
type Phase = { phase: 'confirm' } | { phase: 'running'; done: number; failed: number } | { phase: 'done'; result: BulkResult } | { phase: 'error'; error: ActionError };

const ICONS = { enable: Power, disable: PowerOff, delete: Trash2 } as const;
/** A confirmation lists this many names; thousands would only make the dialog slow to open. */
const NAMES_SHOWN = 200;

export interface BulkDialogProps {
  routerId: string;
  action: BulkAction;
  peers: readonly ManagedPeer[];
  onClose: () => void;
  /** The run finished (whatever its outcome): refresh the list, clear the selection. */
  onFinished: (result: BulkResult | null) => void;
}

export function BulkDialog({ routerId, action, peers, onClose, onFinished }: BulkDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<Phase>({ phase: 'confirm' });
  const flow = usePlanFlow();
  const [previewError, setPreviewError] = useState<ActionError | null>(null);
  const peerIds = useMemo(() => peers.map((p) => p.id), [peers]);
  const operationId = useRef(`bulk-${crypto.randomUUID()}`);
  const unsubscribe = useRef<(() => void) | null>(null);
  const Icon = ICONS[action];
  const count = peers.length;

  useEffect(() => () => unsubscribe.current?.(), []);

  const showPreview = async () => {
    setPreviewError(null);
    const outcome = await flow.preview({ kind: 'peer.bulk', input: { routerId, action, peerIds } });
    if (!outcome.ok) setPreviewError(outcome.error);
  };

  /** Applies the previewed plan; a refusal as stale goes back to the Preview step (flow.apply shows why). */
  const run = async (planId: string) => {
    setState({ phase: 'running', done: 0, failed: 0 });
    // Subscribed before the request goes out, so no progress event can be missed.
    unsubscribe.current = on('bulk:progress', (p) => {
      if (p.operationId !== operationId.current) return;
      setState((s) => (s.phase === 'running' ? { phase: 'running', done: Math.max(s.done, p.done), failed: Math.max(s.failed, p.failed) } : s));
    });
    try {
      const result = await invoke('peers:bulk', { routerId, action, peerIds, operationId: operationId.current, planId });
      setState({ phase: 'done', result });
      onFinished(result);
    } catch (e) {
      const error = toActionError(e);
      if (error.code === 'PLAN_STALE') {
        setState({ phase: 'confirm' });
        throw e;
      }
      setState({ phase: 'error', error });
      onFinished(null);
    } finally {
      unsubscribe.current?.();
      unsubscribe.current = null;
    }
  };

  const running = state.phase === 'running';
  const sortedResults = useMemo(() => (state.phase === 'done' ? [...state.result.results].sort((a, b) => Number(a.ok) - Number(b.ok)) : []), [state]);

  if (flow.plan && state.phase === 'confirm') {
    const already = count - flow.plan.diff.length;
    const intro = (
      <>
        {already > 0 ? <p className="muted" data-testid="bulk-already">{t('changes.preview.bulkAlready', { formatted: formatCount(already, locale) })}</p> : null}
        {count > PLAN_PART_SIZE ? <Banner tone="info" compact data-testid="bulk-parts">{t('changes.preview.bulkParts', { size: PLAN_PART_SIZE })}</Banner> : null}
      </>
    );
    return (
      <ChangePreviewDialog
        title={t('changes.preview.titleBulk', { action: t(`changes.preview.bulkAction.${action}`), formatted: formatCount(count, locale) })}
        flow={flow}
        onBack={flow.back}
        onClose={onClose}
        onApply={() => void flow.apply((planId) => run(planId))}
        applyLabel={t(`bulk.confirm.${action}`, { count, formatted: formatCount(count, locale) })}
        danger={action === 'delete'}
        failedTitle={t('bulk.failed')}
        intro={intro}
      />
    );
  }

  return (
    <Dialog
      title={t(`bulk.title.${action}`, { count, formatted: formatCount(count, locale) })}
      onClose={onClose}
      busy={running}
      size="md"
      data-testid="bulk-dialog"
      footer={
        <>
          <span className="spacer" />
          {state.phase === 'confirm' ? (
            <>
              <Button onClick={onClose} data-autofocus data-testid="bulk-cancel">
                {t('common.cancel')}
              </Button>
              <Button variant={action === 'delete' ? 'danger' : 'primary'} icon={<Icon size={15} aria-hidden />} onClick={() => void showPreview()} busy={flow.busy === 'previewing'} data-testid="bulk-confirm">
                {t('changes.preview.action')}
              </Button>
            </>
          ) : (
            <Button variant="primary" onClick={onClose} disabled={running} data-testid="bulk-close">
              {t('common.close')}
            </Button>
          )}
        </>
      }
    >
      <div className="stack">
        {state.phase === 'confirm' ? (
          <>
            <p>{t(`bulk.body.${action}`)}</p>
            <ul className="name-list" data-testid="bulk-names">
              {peers.slice(0, NAMES_SHOWN).map((p) => (
                <li key={p.id}>
                  <span className="ellipsis">{peerLabel(p) || p.publicKey.slice(0, 12)}</span>
                  <span className="muted mono small">{p.allowedAddress.join(', ')}</span>
                </li>
              ))}
              {count > NAMES_SHOWN ? <li className="muted">{t('bulk.andMore', { count: count - NAMES_SHOWN, formatted: formatCount(count - NAMES_SHOWN, locale) })}</li> : null}
            </ul>
          </>
        ) : null}
        {state.phase === 'running' ? (
          <ProgressBar
            done={state.done}
            total={count}
            label={t('bulk.progress', { done: formatCount(state.done, locale), total: formatCount(count, locale), failed: state.failed })}
            data-testid="bulk-progress"
          />
        ) : null}
        {state.phase === 'confirm' && previewError ? <ActionErrorPanel error={previewError} failedTitle={t('bulk.failed')} /> : null}
        {state.phase === 'error' ? <ActionErrorPanel error={state.error} failedTitle={t('bulk.failed')} /> : null}
        {state.phase === 'done' ? (
          <>
            <Banner
              tone={state.result.failed === 0 ? 'ok' : state.result.succeeded === 0 ? 'danger' : 'warn'}
              title={t('bulk.summary', { succeeded: formatCount(state.result.succeeded, locale), failed: formatCount(state.result.failed, locale), total: formatCount(state.result.total, locale) })}
              data-testid="bulk-summary"
            />
            <ul className="result-list" data-testid="bulk-results">
              {sortedResults.map((r) => (
                <li key={r.peerId} className={r.ok ? 'ok' : 'failed'} data-testid={`bulk-result-${r.peerId}`} data-ok={r.ok}>
                  {r.ok ? <CircleCheck size={15} aria-hidden className="ok-text" /> : <CircleX size={15} aria-hidden className="danger-text" />}
                  <span className="result-name">{r.name}</span>
                  <span className={r.ok ? 'muted small' : 'danger-text small'}>{r.ok ? t(`bulk.ok.${action}`) : r.error}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Dialog>
  );
}
