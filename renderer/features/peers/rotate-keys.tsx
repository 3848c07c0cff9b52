// Rotating a peer's keys goes through the Preview step like every change: the `set … public-key=…` command
// with the new public key (made in main, kept there with the preview so Apply sends exactly that key), the
// before/after, the router's own rollback. The Peers menu, the new-peer secret dialog ("rebuild with the
// endpoint") and the config dialog (a peer with no stored key) all rotate through this one hook. With the
// setting "apply single-peer changes without preview" on, it applies at once.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvokeInput, InvokeOutput } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { ChangePreviewDialog } from '../changes/PlanPreview.tsx';
import { usePlanFlow, usePreviewOnOpen } from '../changes/use-plan-flow.ts';

type RotateInput = InvokeInput<'peers:rotateKeys'>;
export type RotateRequest = Pick<RotateInput, 'custody' | 'presharedKey'>;
export type RotateResult = InvokeOutput<'peers:rotateKeys'>;

interface Pending {
  request: RotateRequest;
  done: (result: RotateResult) => void;
}

function RotatePreviewDialog({ routerId, peerId, name, pending, onClose }: { routerId: string; peerId: string; name: string; pending: Pending; onClose: () => void }) {
  const { t } = useTranslation();
  const flow = usePlanFlow();
  const { custody, presharedKey } = pending.request;
  const previewError = usePreviewOnOpen(flow.preview, { kind: 'peer.rotateKeys', input: { routerId, peerId, custody, presharedKey } });

  const apply = async () => {
    const result = await flow.apply((planId) => invoke('peers:rotateKeys', { routerId, peerId, custody, presharedKey, planId }));
    if (result) pending.done(result);
  };

  return (
    <ChangePreviewDialog
      title={t('rotate.previewTitle', { name })}
      flow={flow}
      onBack={onClose}
      onClose={onClose}
      onApply={() => void apply()}
      applyLabel={t('rotate.confirm')}
      danger
      failedTitle={t('rotate.failed')}
      previewError={previewError}
      intro={<p className="strong-note warn-text">{t('rotate.warning', { name })}</p>}
    />
  );
}

export interface RotateKeys {
  /** Previews the rotation (or, with the skip setting on, applies it); `done` gets the new keys' result. */
  start: (request: RotateRequest, done: (result: RotateResult) => void, failed: (error: ActionError) => void) => void;
  /** Applies without the Preview step (the skip setting is on). */
  skip: boolean;
  /** Applying without a preview (skip setting on). */
  busy: boolean;
  /** The Preview step while one is open: render it beside the caller's own dialog. */
  dialog: ReactNode;
}

export function useRotateKeys(routerId: string, peerId: string, name: string): RotateKeys {
  const flow = usePlanFlow();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const start: RotateKeys['start'] = (request, done, failed) => {
    if (!flow.skip) {
      setPending({
        request,
        done: (result) => {
          setPending(null);
          done(result);
        },
      });
      return;
    }
    setBusy(true);
    invoke('peers:rotateKeys', { routerId, peerId, ...request })
      .then(done, (e: unknown) => failed(toActionError(e)))
      .finally(() => setBusy(false));
  };

  const dialog = pending ? <RotatePreviewDialog routerId={routerId} peerId={peerId} name={name} pending={pending} onClose={() => setPending(null)} /> : null;
  return { start, skip: flow.skip, busy, dialog };
}
