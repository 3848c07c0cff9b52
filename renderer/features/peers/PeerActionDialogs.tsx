// Confirmations for one peer: delete (names what goes, then the Preview step with the exact commands),
// enable or disable (straight to the Preview step), and rotate keys (the device stops connecting until it
// gets the new config; custody and preshared key chosen here). All say what the router answered when it
// refuses. With the setting to apply single-peer changes without preview on, delete applies from its
// confirmation and enable/disable never open a dialog (PeersTab applies them directly).
import { useId, useState } from 'react';
import { RotateCw, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ApplyReportView, ManagedPeer } from '../../../src/contract/index.ts';
import { invoke } from '../../lib/api.ts';
import { toActionError, type ActionError } from '../../lib/action-error.ts';
import { shortenKey } from '../../lib/format.ts';
import { ActionErrorPanel } from '../../ui/ActionErrorPanel.tsx';
import { Button } from '../../ui/Button.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { ChangePreviewDialog } from '../changes/PlanPreview.tsx';
import { usePlanFlow, usePreviewOnOpen } from '../changes/use-plan-flow.ts';
import { useRotateKeys } from './rotate-keys.tsx';
import type { KeyCustody } from './peer-form.ts';
import { peerLabel } from './peer-view.ts';
import type { SecretResult } from './SecretDialog.tsx';

function PeerFacts({ peer }: { peer: ManagedPeer }) {
  const { t } = useTranslation();
  return (
    <dl className="cert-facts">
      <dt>{t('peers.interface')}</dt>
      <dd>{peer.interface}</dd>
      <dt>{t('peers.allowed')}</dt>
      <dd className="mono">{peer.allowedAddress.join(', ') || '—'}</dd>
      <dt>{t('peers.publicKey')}</dt>
      <dd className="mono" title={peer.publicKey}>
        {shortenKey(peer.publicKey, 12, 8)}
      </dd>
    </dl>
  );
}

export function DeletePeerDialog({ routerId, peer, onClose, onDeleted }: { routerId: string; peer: ManagedPeer; onClose: () => void; onDeleted: (report: ApplyReportView | undefined) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const flow = usePlanFlow();
  const name = peerLabel(peer) || shortenKey(peer.publicKey);
  const input = { routerId, peerId: peer.id };

  const confirm = async () => {
    setBusy(true);
    setError(null);
    if (!flow.skip) {
      const outcome = await flow.preview({ kind: 'peer.delete', input });
      if (!outcome.ok) setError(outcome.error);
      setBusy(false);
      return;
    }
    try {
      const result = await invoke('peers:delete', input);
      onDeleted(result.report);
    } catch (e) {
      setError(toActionError(e));
      setBusy(false);
    }
  };

  const apply = async () => {
    const result = await flow.apply((planId) => invoke('peers:delete', { ...input, planId }));
    if (result) onDeleted(result.report);
  };

  if (flow.plan) {
    return (
      <ChangePreviewDialog
        title={t('changes.preview.titleDelete', { name })}
        flow={flow}
        onBack={flow.back}
        onClose={onClose}
        onApply={() => void apply()}
        applyLabel={t('peerDelete.confirm')}
        danger
        failedTitle={t('peerDelete.failed')}
      />
    );
  }

  return (
    <Dialog
      title={t('peerDelete.title', { name })}
      onClose={onClose}
      busy={busy}
      size="sm"
      data-testid="peer-delete-dialog"
      footer={
        <>
          <span className="spacer" />
          <Button onClick={onClose} disabled={busy} data-autofocus data-testid="peer-delete-cancel">
            {t('common.cancel')}
          </Button>
          <Button variant="danger" icon={<Trash2 size={15} aria-hidden />} onClick={() => void confirm()} busy={busy} data-testid="peer-delete-confirm">
            {flow.skip ? t('peerDelete.confirm') : t('changes.preview.action')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <p>{t('peerDelete.body', { name })}</p>
        <PeerFacts peer={peer} />
        <p className="muted">{peer.hasPrivateKey ? t('peerDelete.keyNote') : t('peerDelete.noKeyNote')}</p>
        {error ? <ActionErrorPanel error={error} failedTitle={t('peerDelete.failed')} /> : null}
      </div>
    </Dialog>
  );
}

/** Enable or disable one peer: the Preview step at once, Cancel or Apply. */
export function TogglePeerDialog({
  routerId,
  peer,
  disabled,
  onClose,
  onDone,
}: {
  routerId: string;
  peer: ManagedPeer;
  disabled: boolean;
  onClose: () => void;
  onDone: (report: ApplyReportView | undefined) => void;
}) {
  const { t } = useTranslation();
  const flow = usePlanFlow();
  const previewError = usePreviewOnOpen(flow.preview, { kind: 'peer.setDisabled', input: { routerId, peerId: peer.id, disabled } });
  const name = peerLabel(peer) || shortenKey(peer.publicKey);

  const apply = async () => {
    const result = await flow.apply((planId) => invoke('peers:setDisabled', { routerId, peerId: peer.id, disabled, planId }));
    if (result) onDone(result.report);
  };

  return (
    <ChangePreviewDialog
      title={disabled ? t('changes.preview.titleDisable', { name }) : t('changes.preview.titleEnable', { name })}
      flow={flow}
      onBack={onClose}
      backIsCancel
      onClose={onClose}
      onApply={() => void apply()}
      applyLabel={disabled ? t('peers.disable') : t('peers.enable')}
      failedTitle={t('peers.changeFailed')}
      previewError={previewError}
    />
  );
}

export function RotateKeysDialog({ routerId, peer, onClose, onRotated }: { routerId: string; peer: ManagedPeer; onClose: () => void; onRotated: (result: SecretResult) => void }) {
  const { t } = useTranslation();
  const [custody, setCustody] = useState<KeyCustody>(peer.keyCustody === 'shown-once' ? 'shown-once' : 'stored');
  const [psk, setPsk] = useState<'keep' | 'generate' | 'remove'>('keep');
  const [error, setError] = useState<ActionError | null>(null);
  const custodyId = useId();
  const pskId = useId();
  const name = peerLabel(peer) || shortenKey(peer.publicKey);
  const rotate = useRotateKeys(routerId, peer.id, name);
  const busy = rotate.busy;

  const confirm = () => {
    setError(null);
    rotate.start(
      { custody, presharedKey: psk },
      (result) => onRotated({ peer: result.peer, warnings: result.warnings, secret: result.secret, origin: 'rotate' }),
      setError,
    );
  };

  // The Preview step takes the dialog's place; Back comes back to the choices made here.
  if (rotate.dialog) return rotate.dialog;

  return (
    <Dialog
      title={t('rotate.title', { name })}
      onClose={onClose}
      busy={busy}
      size="md"
      data-testid="rotate-dialog"
      footer={
        <>
          <span className="spacer" />
          <Button onClick={onClose} disabled={busy} data-testid="rotate-cancel">
            {t('common.cancel')}
          </Button>
          <Button variant="primary" icon={<RotateCw size={15} aria-hidden />} onClick={confirm} busy={busy} data-testid="rotate-confirm">
            {rotate.skip ? t('rotate.confirm') : t('changes.preview.action')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <p>{t('rotate.body')}</p>
        <p className="strong-note warn-text">{t('rotate.warning', { name })}</p>
        <PeerFacts peer={peer} />
        <div className="field">
          <span className="field-label" id={custodyId}>
            {t('peerForm.custody')}
          </span>
          <Segmented
            name="rotate-custody"
            aria-labelledby={custodyId}
            value={custody}
            onChange={setCustody}
            options={[
              { value: 'stored', label: t('peerForm.custodyStored'), testId: 'rotate-custody-stored' },
              { value: 'shown-once', label: t('peerForm.custodyShownOnce'), testId: 'rotate-custody-shown-once' },
            ]}
          />
          <div className="field-hint">{custody === 'stored' ? t('peerForm.custodyStoredBody') : t('peerForm.custodyShownOnceBody')}</div>
        </div>
        <div className="field">
          <span className="field-label" id={pskId}>
            {t('peerForm.psk')}
          </span>
          <Segmented
            name="rotate-psk"
            aria-labelledby={pskId}
            value={psk}
            onChange={setPsk}
            options={[
              { value: 'keep', label: t('peerForm.pskKeep') },
              { value: 'generate', label: t('peerForm.pskGenerate') },
              { value: 'remove', label: t('peerForm.pskRemove') },
            ]}
          />
        </div>
        {error ? <ActionErrorPanel error={error} failedTitle={t('rotate.failed')} /> : null}
      </div>
    </Dialog>
  );
}
